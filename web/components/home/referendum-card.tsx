"use client";
/** One referendum on the start page: its state, its dates and turnout, and where to vote or verify. */
import type { ReactNode } from "react";
import type { PublicReferendum } from "../../../functions/api/views";
import { useI18n } from "../../lib/i18n";
import { ElectorateLine } from "../citizen/electorate-name";

export function ReferendumCard({ referendum }: { referendum: PublicReferendum }): ReactNode {
  const { t, formatDate } = useI18n();
  const { spec, turnout } = referendum;
  const now = Date.now() / 1000;
  // Closed from the closing time on, whatever the service last said: no ballot is offered after it.
  const state = referendum.state === "open" && now >= spec.closesAt ? "closed" : referendum.state;
  return (
    <li className="card">
      <h2>{spec.title}</h2>
      <p>
        <span className="badge">{t(`home.state.${state}`)}</span>{" "}
        {state === "open" &&
          (now < spec.opensAt
            ? t("home.opens", { date: formatDate(spec.opensAt) })
            : t("home.closes", { date: formatDate(spec.closesAt) }))}
      </p>
      <ElectorateLine id={spec.census.id} />
      {turnout && (
        <p className="muted">{t("home.turnout", { voters: turnout.voters, electorate: turnout.electorate })}</p>
      )}
      <div className="actions">
        {state === "open" && (
          <a className="button" href={`/vote/${referendum.id}/`}>
            {t("home.vote", { title: spec.title })}
          </a>
        )}
        <a className="button button--secondary" href={`/verify/${referendum.id}/`}>
          {t("home.verify", { title: spec.title })}
        </a>
      </div>
    </li>
  );
}
