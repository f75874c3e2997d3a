"use client";
/** The recounted result: a bar chart with the numbers written out, the same as a table, and the turnout. */
import { useEffect, useState, type ReactNode } from "react";
import { useI18n } from "../../lib/i18n";
import type { VerifyFacts } from "../../lib/verify-protocol";
import { barRows, turnoutPercent } from "../../lib/verify-view";

const percent = (value: number): number => Math.round(value * 10) / 10;

export function VerifyResults({ facts }: { facts: VerifyFacts }): ReactNode {
  const { t } = useI18n();
  const rows = barRows(facts.options, facts.recount);
  // Bar widths go through the CSSOM after mount: the CSP forbids inline styles in the served HTML.
  const [mounted, setMounted] = useState(false);
  useEffect(() => {
    setMounted(true);
  }, []);
  return (
    <section aria-labelledby="verify-results-heading">
      <h2 id="verify-results-heading">{t("verify.resultsHeading")}</h2>
      <ul className="bar-chart" aria-label={t("verify.chartLabel")}>
        {rows.map((row) => (
          <li key={row.option}>
            <span>{row.option}</span>
            <span className="bar-track" aria-hidden="true">
              <span className="bar verify-bar" {...(mounted ? { style: { width: `${row.percentOfMax}%` } } : {})} />
            </span>
            <span className="bar-value">{t("verify.chartValue", { count: row.count, share: percent(row.share) })}</span>
          </li>
        ))}
      </ul>
      <table>
        <caption>{t("verify.tableCaption")}</caption>
        <thead>
          <tr>
            <th scope="col">{t("verify.col.option")}</th>
            <th scope="col" className="num">
              {t("verify.col.votes")}
            </th>
            <th scope="col" className="num">
              {t("verify.col.share")}
            </th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.option}>
              <th scope="row">{row.option}</th>
              <td className="num">{t("verify.tableCount", { count: row.count })}</td>
              <td className="num">{t("verify.tableShare", { share: percent(row.share) })}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <h3>{t("verify.turnoutHeading")}</h3>
      <p>
        {t("verify.turnout", {
          voters: facts.voters,
          electorate: facts.electorate,
          percent: percent(turnoutPercent(facts.voters, facts.electorate)),
        })}
      </p>
      <p>{t("verify.ballots", { ballots: facts.ballots, revotes: Math.max(0, facts.ballots - facts.voters) })}</p>
    </section>
  );
}
