"use client";
/**
 * One referendum: its facts; edit and open while a draft; live turnout and anchoring while open;
 * close and tally, each after a confirmation because none can be undone; the result once counted.
 */
import { useCallback, useEffect, useRef, useState, type ReactNode } from "react";
import type { TallyResult } from "../../../protocol/tally-rules";
import type { CouncilReferendum, TrusteeInvitation } from "../../../functions/api/views";
import { useI18n } from "../../lib/i18n";
import { ApiErrorNotice, Loading, SuccessNotice } from "../status";
import { useCouncil, ViewHeading, ViewLink } from "./council-context";
import { ReferendumFacts, TallyPanel, TurnoutPanel } from "./referendum-parts";
import { DecryptionPanel, isKeyReady, KeyGenerationPanel, useAggregate, useDkg } from "./trustees-panel";

const POLL_MS = 3000;

type Action = "open" | "close" | "tally" | "invite";

function Confirm({
  action,
  busy,
  onYes,
  onNo,
}: {
  action: Action;
  busy: boolean;
  onYes: () => void;
  onNo: () => void;
}): ReactNode {
  const { t } = useI18n();
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), []);
  return (
    <section className="panel council-confirm" aria-labelledby="council-confirm">
      <h2 id="council-confirm" ref={heading} tabIndex={-1}>
        {t(`council.confirm.${action}.title`)}
      </h2>
      <p>{t(`council.confirm.${action}.text`)}</p>
      <div className="actions">
        <button type="button" className="button button--danger" disabled={busy} onClick={onYes}>
          {t(`council.confirm.${action}.yes`)}
        </button>
        <button type="button" className="button button--secondary" disabled={busy} onClick={onNo}>
          {t("council.confirm.cancel")}
        </button>
      </div>
    </section>
  );
}

/** The addresses residents and the press use: the voting page and the result and verification page. */
function PublicLinks({ id }: { id: string }): ReactNode {
  const { t } = useI18n();
  const [origin, setOrigin] = useState("");
  useEffect(() => {
    setOrigin(window.location.origin);
  }, []);
  const links = [
    { label: t("council.links.vote"), href: `/vote/${id}/` },
    { label: t("council.links.verify"), href: `/verify/${id}/` },
  ];
  return (
    <section aria-labelledby="council-links" className="council-links">
      <h2 id="council-links">{t("council.links.title")}</h2>
      <p className="hint">{t("council.links.hint")}</p>
      <dl>
        {links.map((link) => (
          <div key={link.href}>
            <dt>{link.label}</dt>
            <dd>
              <a href={link.href} className="mono">
                {origin + link.href}
              </a>
            </dd>
          </div>
        ))}
      </dl>
    </section>
  );
}

export function ReferendumView({ id }: { id: string }): ReactNode {
  const { t, formatDate } = useI18n();
  const { api, publicApi } = useCouncil();
  const [referendum, setReferendum] = useState<CouncilReferendum | null>(null);
  const [censusName, setCensusName] = useState("");
  const [tally, setTally] = useState<TallyResult | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [confirming, setConfirming] = useState<Action | null>(null);
  const [busy, setBusy] = useState(false);
  const [done, setDone] = useState<Exclude<Action, "invite"> | null>(null);
  const doneRef = useRef<HTMLDivElement>(null);
  const [invitations, setInvitations] = useState<TrusteeInvitation[] | null>(null);
  // A draft's trustees make the key before it may open; a sealed referendum's count waits for t decryptions.
  const trusteesDrafted = referendum?.state === "draft" && referendum.draft.trustees !== undefined;
  const { dkg, reload: reloadDkg } = useDkg(id, trusteesDrafted);
  const sealed = referendum?.spec?.trustees ?? null;
  const aggregate = useAggregate(id, sealed !== null && referendum?.state === "closed");

  const load = useCallback(async (): Promise<CouncilReferendum> => {
    const record = await api.referendum(id);
    setReferendum(record);
    return record;
  }, [api, id]);

  useEffect(() => {
    void (async () => {
      try {
        const [record, censuses] = await Promise.all([load(), api.censuses()]);
        setCensusName(censuses.find((c) => c.id === record.draft.censusId)?.name ?? record.draft.censusId);
        if (record.state === "tallied") setTally(await publicApi.tally(id));
      } catch (caught) {
        setError(caught);
      }
    })();
  }, [load, api, publicApi, id]);

  // Turnout and anchoring change while the referendum runs and until its result is on chain.
  const live = referendum !== null && referendum.state !== "draft" && !referendum.anchors.tallied;
  useEffect(() => {
    if (!live) return;
    const timer = setInterval(() => {
      load().catch(() => undefined);
    }, POLL_MS);
    return () => {
      clearInterval(timer);
    };
  }, [live, load]);

  useEffect(() => {
    if (done) doneRef.current?.focus();
  }, [done]);

  const run = async (action: Action): Promise<void> => {
    setBusy(true);
    setError(null);
    try {
      // The action answers with the bare record (no live turnout): read the full view afterwards.
      if (action === "open") await api.open(id);
      if (action === "close") await api.close(id);
      if (action === "tally") await api.tally(id);
      if (action === "invite") {
        setInvitations(await api.inviteTrustees(id));
        reloadDkg();
        return;
      }
      const record = await load();
      if (record.state === "tallied") setTally(await publicApi.tally(id));
      setDone(action);
    } catch (caught) {
      setError(caught);
    } finally {
      setBusy(false);
      setConfirming(null);
    }
  };

  const ask = (action: Action): void => {
    setDone(null);
    setError(null);
    setConfirming(action);
  };

  if (referendum === null) {
    return (
      <>
        <p>
          <ViewLink view={{ kind: "dashboard" }}>{t("council.back")}</ViewLink>
        </p>
        {error !== null ? <ApiErrorNotice error={error} /> : <Loading />}
      </>
    );
  }
  // The API reports "closed" once the effective close has passed, with or without a council action.
  const { state, draft } = referendum;
  // "Count the votes" only when the count can succeed: the log sealed at the close, and a secret
  // ballot decrypted by enough trustees. Until then the page polls and says what it waits for.
  const decrypted = !sealed || (aggregate?.decryptedBy.length ?? 0) >= sealed.threshold;
  const countable = state === "closed" && referendum.closing !== undefined && decrypted;
  return (
    <>
      <p>
        <ViewLink view={{ kind: "dashboard" }}>{t("council.back")}</ViewLink>
      </p>
      <ViewHeading>{draft.title}</ViewHeading>
      <p>
        <span className="badge" data-testid="state">
          {t(`council.state.${state}`)}
        </span>
      </p>
      {done && (
        <div ref={doneRef} tabIndex={-1}>
          <SuccessNotice>{t(`council.done.${done}`)}</SuccessNotice>
        </div>
      )}
      {error !== null && <ApiErrorNotice error={error} />}
      {confirming ? (
        <Confirm
          action={confirming}
          busy={busy}
          onYes={() => void run(confirming)}
          onNo={() => {
            setConfirming(null);
          }}
        />
      ) : (
        <div className="actions">
          {state === "draft" && (
            <>
              <ViewLink view={{ kind: "edit", id }} className="button button--secondary">
                {t("council.referendum.edit")}
              </ViewLink>
              <button
                type="button"
                className="button"
                disabled={trusteesDrafted && !isKeyReady(dkg)}
                aria-describedby={trusteesDrafted && !isKeyReady(dkg) ? "council-open-blocked" : undefined}
                onClick={() => {
                  ask("open");
                }}
              >
                {t("council.referendum.open")}
              </button>
            </>
          )}
          {state === "open" && (
            <button
              type="button"
              className="button"
              onClick={() => {
                ask("close");
              }}
            >
              {t("council.referendum.close")}
            </button>
          )}
          {countable && (
            <button
              type="button"
              className="button"
              onClick={() => {
                ask("tally");
              }}
            >
              {t("council.referendum.tally")}
            </button>
          )}
        </div>
      )}
      {trusteesDrafted && !isKeyReady(dkg) && (
        <p className="hint" id="council-open-blocked">
          {t("council.referendum.openBlocked")}
        </p>
      )}
      {state === "draft" && <p className="hint">{t("council.referendum.openExplain")}</p>}
      {trusteesDrafted && (
        <KeyGenerationPanel
          id={id}
          dkg={dkg}
          invitations={invitations}
          onInvited={(fresh) => {
            setInvitations(fresh);
            reloadDkg();
          }}
          onAskAgain={() => {
            ask("invite");
          }}
          onInvitationsDone={() => {
            setInvitations(null);
          }}
        />
      )}
      {sealed && state === "closed" && (
        <DecryptionPanel aggregate={aggregate} names={sealed.members.map((member) => member.name)} />
      )}
      {state === "closed" && referendum.closing === undefined && (
        <p className="hint" role="status" data-testid="sealing">
          {t("council.referendum.sealing")}
        </p>
      )}
      {state === "closed" && referendum.closing !== undefined && !decrypted && (
        <p className="hint">{t("council.referendum.waitingDecryptions")}</p>
      )}
      {state !== "draft" && <PublicLinks id={id} />}
      {state === "open" && (
        <p className="hint">{t("council.referendum.tallyWaits", { date: formatDate(draft.closesAt) })}</p>
      )}
      {tally && <TallyPanel tally={tally} options={draft.options} />}
      {state !== "draft" && (
        <TurnoutPanel turnout={referendum.turnout ?? null} anchors={referendum.anchors} sealed={sealed !== null} />
      )}
      <ReferendumFacts referendum={referendum} censusName={censusName} />
    </>
  );
}
