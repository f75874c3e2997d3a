"use client";
/** The council's overview: its censuses (and a form for a new one) and its referenda, drafts included. */
import { useEffect, useState, type ReactNode } from "react";
import type { CouncilReferendum } from "../../../functions/api/views";
import { useI18n } from "../../lib/i18n";
import { ApiErrorNotice, Loading } from "../status";
import { CensusList } from "./census-list";
import { useCouncil, ViewHeading, ViewLink } from "./council-context";

function ReferendumCard({ referendum }: { referendum: CouncilReferendum }): ReactNode {
  const { t, formatDate } = useI18n();
  const { draft, state } = referendum;
  return (
    <li className="card">
      <h3>
        <ViewLink view={{ kind: "referendum", id: referendum.id }}>{draft.title}</ViewLink>
      </h3>
      <p>
        <span className="badge">{t(`council.state.${state}`)}</span>{" "}
        {t("council.referenda.period", { opens: formatDate(draft.opensAt), closes: formatDate(draft.closesAt) })}
      </p>
    </li>
  );
}

function ReferendumList(): ReactNode {
  const { t } = useI18n();
  const { api } = useCouncil();
  const [referenda, setReferenda] = useState<CouncilReferendum[] | null>(null);
  const [error, setError] = useState<unknown>(null);
  useEffect(() => {
    api.referenda().then((list) => {
      setReferenda([...list].sort((a, b) => b.createdAt - a.createdAt));
    }, setError);
  }, [api]);
  return (
    <section aria-labelledby="council-referenda">
      <h2 id="council-referenda">{t("council.referenda.title")}</h2>
      <div className="actions">
        <ViewLink view={{ kind: "new" }} className="button">
          {t("council.referenda.new")}
        </ViewLink>
      </div>
      {error !== null && <ApiErrorNotice error={error} />}
      {referenda === null && error === null && <Loading />}
      {referenda?.length === 0 && <p>{t("council.referenda.none")}</p>}
      {referenda && referenda.length > 0 && (
        <ul className="card-list">
          {referenda.map((referendum) => (
            <ReferendumCard key={referendum.id} referendum={referendum} />
          ))}
        </ul>
      )}
    </section>
  );
}

export function Dashboard(): ReactNode {
  const { t } = useI18n();
  return (
    <>
      <ViewHeading>{t("council.title")}</ViewHeading>
      <p className="lead">{t("council.intro")}</p>
      <ReferendumList />
      <CensusList />
    </>
  );
}
