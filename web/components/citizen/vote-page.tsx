"use client";
/**
 * `/vote/{id}/`: the question, its rules and state, and for an open referendum the ballot form,
 * proved in this browser and submitted anonymously; re-voting and "already voted" are said plainly.
 */
import { ElectorateLine } from "./electorate-name";
import { useCallback, useEffect, useState, type ReactNode } from "react";
import type { Receipt } from "../../../protocol/log-objects";
import type { PublicReferendum } from "../../../functions/api/views";
import { useI18n } from "../../lib/i18n";
import { loadIdentity, type StoredIdentity } from "./identity-store";
import { receiptsFor } from "./receipt-store";
import { useRouteId } from "../../lib/route-id";
import { useSite } from "../../lib/use-site";
import { ErrorNotice, ApiErrorNotice, Loading } from "../status";
import { VoteAction } from "./vote-action";
import { isInFrozenCensus } from "./membership";
import { commitmentFingerprint } from "./recovery";
import "./citizen.css";

function StateNotice({ referendum }: { referendum: PublicReferendum }): ReactNode {
  const { t, formatDate } = useI18n();
  const { spec, id } = referendum;
  const now = Date.now() / 1000;
  // The API says "closed" from the close on; a page loaded before it must not keep offering the form.
  const state = referendum.state === "open" && now >= spec.closesAt ? "closed" : referendum.state;
  if (state === "open" && now < spec.opensAt) {
    return <p className="notice notice--info">{t("citizen.vote.notYetOpen", { date: formatDate(spec.opensAt) })}</p>;
  }
  if (state === "open") return null;
  return (
    <div className="notice notice--info">
      <p>{t(state === "tallied" ? "citizen.vote.tallied" : "citizen.vote.closed")}</p>
      <p>
        <a href={`/verify/${encodeURIComponent(id)}/`}>{t("citizen.vote.toVerify")}</a>
      </p>
    </div>
  );
}

/** Re-renders once `unixSeconds` has passed (a page left open over the close stops offering the ballot). */
function useTimePassed(unixSeconds: number | null): boolean {
  const [passed, setPassed] = useState(false);
  useEffect(() => {
    if (unixSeconds === null) return;
    const wait = unixSeconds * 1000 - Date.now();
    if (wait <= 0) {
      setPassed(true);
      return;
    }
    setPassed(false);
    // setTimeout holds at most 2^31 - 1 ms (about 24 days); a longer wait re-arms on the next render.
    const timer = setTimeout(
      () => {
        setPassed(wait <= 2 ** 31 - 1);
      },
      Math.min(wait, 2 ** 31 - 1),
    );
    return () => {
      clearTimeout(timer);
    };
  }, [unixSeconds]);
  return passed;
}

type Membership = "checking" | "member" | "not-member" | "unknown";

/** Whether the device's key is in the referendum's frozen electorate, checked before the ballot is shown. */
function useMembership(site: ReturnType<typeof useSite>, loaded: Loaded | null, active: boolean): Membership {
  const [membership, setMembership] = useState<Membership>("checking");
  useEffect(() => {
    if (!active || !loaded?.stored || site.status !== "ready") return;
    let stopped = false;
    isInFrozenCensus(site.api, loaded.referendum.spec, loaded.stored.identity).then(
      (member) => {
        if (!stopped) setMembership(member ? "member" : "not-member");
      },
      // The ballot is still offered: casting checks again and says why it failed.
      () => {
        if (!stopped) setMembership("unknown");
      },
    );
    return () => {
      stopped = true;
    };
  }, [site, loaded, active]);
  return membership;
}

function NotInElectorate({ stored, id }: { stored: StoredIdentity; id: string }): ReactNode {
  const { t } = useI18n();
  const restore = `/identity/?from=${encodeURIComponent(`/vote/${id}/`)}#restore`;
  return (
    <div className="notice notice--info" data-testid="not-in-electorate">
      <p>
        <strong>{t("citizen.vote.notInElectorate")}</strong>
      </p>
      <p>{t("citizen.vote.notInElectorateWhy", { fingerprint: commitmentFingerprint(stored.identity.commitment) })}</p>
      <p>{t("citizen.vote.notInElectorateDo")}</p>
      <div className="actions">
        <a className="button button--secondary" href={restore}>
          {t("citizen.vote.toRestore")}
        </a>
        <a className="button button--secondary" href={`/verify/${encodeURIComponent(id)}/`}>
          {t("citizen.vote.toFollow")}
        </a>
      </div>
    </div>
  );
}

function NoIdentity({ id }: { id: string }): ReactNode {
  const { t } = useI18n();
  return (
    <div className="notice notice--info">
      <p>{t("citizen.vote.noIdentity")}</p>
      <div className="actions">
        <a className="button" href="/register/">
          {t("citizen.vote.toRegister")}
        </a>
        <a className="button button--secondary" href={`/identity/?from=${encodeURIComponent(`/vote/${id}/`)}#restore`}>
          {t("citizen.vote.toRestore")}
        </a>
      </div>
    </div>
  );
}

interface Loaded {
  referendum: PublicReferendum;
  stored: StoredIdentity | null;
  receipts: Receipt[];
  /** When it was loaded (unix seconds): whether it was open then. */
  now: number;
}

export function VotePage(): ReactNode {
  const { t, formatDate } = useI18n();
  const id = useRouteId("vote");
  const site = useSite();
  const [loaded, setLoaded] = useState<Loaded | null>(null);
  const [error, setError] = useState<unknown>(null);
  const closesAt = loaded ? loaded.referendum.spec.closesAt : null;
  const closedNow = useTimePassed(closesAt);
  const wasOpen =
    loaded !== null &&
    loaded.referendum.state === "open" &&
    loaded.now >= loaded.referendum.spec.opensAt &&
    loaded.now < loaded.referendum.spec.closesAt;
  const membership = useMembership(site, loaded, wasOpen);
  const load = useCallback(async (): Promise<void> => {
    if (site.status !== "ready" || !id) return;
    const [referendum, stored, receipts] = await Promise.all([
      site.api.referendum(id),
      loadIdentity(),
      receiptsFor(id),
    ]);
    setLoaded({ referendum, stored, receipts, now: Date.now() / 1000 });
  }, [site, id]);
  useEffect(() => {
    load().catch(setError);
  }, [load]);

  if (id === null) {
    return (
      <>
        <h1>{t("citizen.vote.notFound")}</h1>
        <a href="/">{t("common.toHome")}</a>
      </>
    );
  }
  if (!loaded) {
    return (
      <>
        <h1>{t("citizen.vote.legend")}</h1>
        {site.status === "error" && <ErrorNotice>{t("common.configError", { detail: site.detail })}</ErrorNotice>}
        {error !== null ? <ApiErrorNotice error={error} /> : <Loading />}
      </>
    );
  }
  const { referendum, stored, receipts } = loaded;
  const { spec, turnout } = referendum;
  const open = wasOpen && !closedNow;
  return (
    <>
      <h1>{spec.title}</h1>
      {spec.description && <p className="lead">{spec.description}</p>}
      <ul>
        {spec.options.map((option) => (
          <li key={option}>{option}</li>
        ))}
      </ul>
      <p>{t("citizen.vote.closes", { date: formatDate(spec.closesAt) })}</p>
      {spec.trustees && <p data-testid="sealed-note">{t("citizen.vote.sealed")}</p>}
      <ElectorateLine id={spec.census.id} />
      {turnout && (
        <p className="muted">{t("citizen.vote.turnout", { voters: turnout.voters, electorate: turnout.electorate })}</p>
      )}
      <StateNotice referendum={referendum} />
      {open && !stored && <NoIdentity id={referendum.id} />}
      {wasOpen && stored && membership === "checking" && <Loading />}
      {wasOpen && stored && membership === "not-member" && !closedNow && (
        <NotInElectorate stored={stored} id={referendum.id} />
      )}
      {wasOpen && stored && site.status === "ready" && (membership === "member" || membership === "unknown") && (
        <VoteAction api={site.api} spec={spec} identity={stored.identity} receipts={receipts} closed={closedNow} />
      )}
    </>
  );
}
