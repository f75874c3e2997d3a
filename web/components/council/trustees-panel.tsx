"use client";
/**
 * The trustees on a referendum's council page. While a draft: the key generation's progress, the
 * invitations (codes and personal links shown once) and inviting again (a new attempt). After the
 * close: how many trustees have decrypted, and who, since counting needs the threshold.
 */
import { useCallback, useEffect, useState, type ReactNode } from "react";
import type { AggregateView, DkgView, TrusteeInvitation } from "../../../functions/api/views";
import { ApiError } from "../../lib/api-client";
import { useI18n } from "../../lib/i18n";
import { ApiErrorNotice, SuccessNotice } from "../status";
import { DkgProgress } from "../trustee/dkg-progress";
import { useCouncil } from "./council-context";

const POLL_MS = 3000;

/** The key generation of a draft, read every few seconds: null before the first read, "not-invited" before invitations. */
export function useDkg(id: string, enabled: boolean): { dkg: DkgView | "not-invited" | null; reload: () => void } {
  const { publicApi } = useCouncil();
  const [dkg, setDkg] = useState<DkgView | "not-invited" | null>(null);
  const reload = useCallback(() => {
    publicApi.dkg(id).then(setDkg, (error: unknown) => {
      if (error instanceof ApiError && error.code === "DKG_STATE") setDkg("not-invited");
    });
  }, [publicApi, id]);
  useEffect(() => {
    if (!enabled) return;
    reload();
    const timer = setInterval(reload, POLL_MS);
    return () => {
      clearInterval(timer);
    };
  }, [enabled, reload]);
  return { dkg, reload };
}

/** The sealed log's aggregate and who has decrypted it, read every few seconds after the close. */
export function useAggregate(id: string, enabled: boolean): AggregateView | null {
  const { publicApi } = useCouncil();
  const [aggregate, setAggregate] = useState<AggregateView | null>(null);
  useEffect(() => {
    if (!enabled) return;
    const read = (): void => {
      // Before the service has sealed the log it has no aggregate: keep waiting.
      publicApi.aggregate(id).then(setAggregate, () => undefined);
    };
    read();
    const timer = setInterval(read, POLL_MS);
    return () => {
      clearInterval(timer);
    };
  }, [enabled, publicApi, id]);
  return aggregate;
}

/** Whether the draft's trustees have made the key of the current list: only then can it open. */
export function isKeyReady(dkg: DkgView | "not-invited" | null): boolean {
  return dkg !== null && dkg !== "not-invited" && dkg.current && dkg.assessment.status === "complete";
}

function Invitations({
  id,
  invitations,
  onDone,
}: {
  id: string;
  invitations: TrusteeInvitation[];
  onDone: () => void;
}): ReactNode {
  const { t } = useI18n();
  const link = `${window.location.origin}/trustee/?r=${encodeURIComponent(id)}`;
  return (
    <section aria-labelledby="council-invitations" data-testid="invitations">
      <h3 id="council-invitations">{t("council.dkg.invitations")}</h3>
      <p className="notice notice--info">{t("council.dkg.invitationsOnce")}</p>
      <table>
        <caption>{t("council.dkg.invitationsCaption")}</caption>
        <thead>
          <tr>
            <th scope="col">{t("council.dkg.name")}</th>
            <th scope="col">{t("council.dkg.code")}</th>
            <th scope="col">{t("council.dkg.link")}</th>
          </tr>
        </thead>
        <tbody>
          {invitations.map((invitation) => (
            <tr key={invitation.index} data-trustee={invitation.index}>
              <th scope="row">{invitation.name}</th>
              <td className="mono" data-testid="invitation-code">
                {invitation.code}
              </td>
              <td className="mono">{link}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <div className="actions">
        <button type="button" className="button button--secondary" onClick={onDone}>
          {t("council.dkg.invitationsDone")}
        </button>
      </div>
    </section>
  );
}

/** The draft's key generation: progress, invitations, inviting again after a confirmation. */
export function KeyGenerationPanel({
  id,
  dkg,
  onInvited,
  onAskAgain,
  invitations,
  onInvitationsDone,
}: {
  id: string;
  dkg: DkgView | "not-invited" | null;
  onInvited: (invitations: TrusteeInvitation[]) => void;
  /** Inviting again ends an attempt, so the page confirms first. */
  onAskAgain: () => void;
  invitations: TrusteeInvitation[] | null;
  onInvitationsDone: () => void;
}): ReactNode {
  const { t } = useI18n();
  const { api } = useCouncil();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const invite = async (): Promise<void> => {
    setBusy(true);
    setError(null);
    try {
      onInvited(await api.inviteTrustees(id));
    } catch (caught) {
      setError(caught);
    } finally {
      setBusy(false);
    }
  };
  const view = dkg !== null && dkg !== "not-invited" ? dkg : null;
  return (
    <section className="panel" aria-labelledby="council-dkg">
      <h2 id="council-dkg">{t("dkg.title")}</h2>
      {dkg === "not-invited" && <p>{t("council.dkg.notInvited")}</p>}
      {view && !view.current && <p className="notice notice--info">{t("council.dkg.stale")}</p>}
      {view && (
        <DkgProgress view={view}>
          {view.current && view.assessment.status === "complete" && <p>{t("council.dkg.openNow")}</p>}
          {view.assessment.status === "failed" && <p>{t("council.dkg.failedAdvice")}</p>}
        </DkgProgress>
      )}
      {error !== null && <ApiErrorNotice error={error} />}
      {invitations && <Invitations id={id} invitations={invitations} onDone={onInvitationsDone} />}
      {!invitations && dkg === "not-invited" && (
        <div className="actions">
          <button type="button" className="button" disabled={busy} onClick={() => void invite()}>
            {t("council.dkg.invite")}
          </button>
        </div>
      )}
      {!invitations && view && (
        <>
          <p className="hint" id="council-invite-again">
            {t("council.dkg.inviteAgainExplain")}
          </p>
          <div className="actions">
            <button
              type="button"
              className="button button--secondary"
              aria-describedby="council-invite-again"
              onClick={onAskAgain}
            >
              {t("council.dkg.inviteAgain")}
            </button>
          </div>
        </>
      )}
    </section>
  );
}

/** After the close: the decryptions so far, by name; counting waits for the threshold. */
export function DecryptionPanel({ aggregate, names }: { aggregate: AggregateView | null; names: string[] }): ReactNode {
  const { t } = useI18n();
  const nameOf = (index: number): string => names[index - 1] ?? `#${index}`;
  return (
    <section className="panel" aria-labelledby="council-decrypt">
      <h2 id="council-decrypt">{t("council.decrypt.title")}</h2>
      <div aria-live="polite" data-testid="decryptions">
        {aggregate === null ? (
          <p>{t("council.decrypt.waitingSeal")}</p>
        ) : (
          <>
            <p className="lead">
              {t("council.decrypt.progress", {
                count: aggregate.decryptedBy.length,
                threshold: aggregate.threshold,
              })}
            </p>
            <p>
              {aggregate.decryptedBy.length === 0
                ? t("council.decrypt.none")
                : t("council.decrypt.by", { names: aggregate.decryptedBy.map(nameOf).join(", ") })}
            </p>
            {aggregate.decryptedBy.length >= aggregate.threshold ? (
              <SuccessNotice>{t("council.decrypt.ready")}</SuccessNotice>
            ) : (
              <p>{t("council.decrypt.countWaits", { threshold: aggregate.threshold })}</p>
            )}
          </>
        )}
      </div>
    </section>
  );
}
