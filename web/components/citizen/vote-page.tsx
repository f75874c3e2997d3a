"use client";
/**
 * `/vote/{id}/`: the question, its rules and state, and for an open referendum the ballot form,
 * proved in this browser and submitted anonymously; re-voting and "already voted" are said plainly.
 */
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

function NoIdentity(): ReactNode {
  const { t } = useI18n();
  return (
    <div className="notice notice--info">
      <p>{t("citizen.vote.noIdentity")}</p>
      <div className="actions">
        <a className="button" href="/register/">
          {t("citizen.vote.toRegister")}
        </a>
        <a className="button button--secondary" href="/identity/#restore">
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
}

export function VotePage(): ReactNode {
  const { t, formatDate } = useI18n();
  const id = useRouteId("vote");
  const site = useSite();
  const [loaded, setLoaded] = useState<Loaded | null>(null);
  const [error, setError] = useState<unknown>(null);
  const load = useCallback(async (): Promise<void> => {
    if (site.status !== "ready" || !id) return;
    const [referendum, stored, receipts] = await Promise.all([
      site.api.referendum(id),
      loadIdentity(),
      receiptsFor(id),
    ]);
    setLoaded({ referendum, stored, receipts });
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
  const now = Date.now() / 1000;
  const open = referendum.state === "open" && now >= spec.opensAt && now < spec.closesAt;
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
      {turnout && (
        <p className="muted">{t("citizen.vote.turnout", { voters: turnout.voters, electorate: turnout.electorate })}</p>
      )}
      <StateNotice referendum={referendum} />
      {open && !stored && <NoIdentity />}
      {open && stored && site.status === "ready" && (
        <VoteAction api={site.api} spec={spec} identity={stored.identity} receipts={receipts} />
      )}
    </>
  );
}
