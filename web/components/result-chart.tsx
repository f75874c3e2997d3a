"use client";
/**
 * A referendum's counts as a bar chart with every number written out (colour is never the only
 * cue) and the same as a table: the council's result and the observer's recount show the same.
 */
import { useEffect, useState, type ReactNode } from "react";
import { useI18n } from "../lib/i18n";
import { barRows } from "../lib/result-rows";

export function ResultChart({ options, counts }: { options: readonly string[]; counts: readonly string[] }): ReactNode {
  const { t, formatPercent } = useI18n();
  const rows = barRows(options, counts);
  // Bar widths go through the CSSOM after mount: the CSP forbids inline styles in the served HTML.
  const [mounted, setMounted] = useState(false);
  useEffect(() => {
    setMounted(true);
  }, []);
  return (
    <>
      <ul className="bar-chart" aria-label={t("result.chart")}>
        {rows.map((row, i) => (
          <li key={i}>
            <span>{row.option}</span>
            <span className="bar-track" aria-hidden="true">
              <span className="bar" style={mounted ? { width: `${row.percentOfMax}%` } : undefined} />
            </span>
            <span className="bar-value">
              {t("result.value", { count: row.count, share: formatPercent(row.share) })}
            </span>
          </li>
        ))}
      </ul>
      <table>
        <caption>{t("result.table")}</caption>
        <thead>
          <tr>
            <th scope="col">{t("result.option")}</th>
            <th scope="col" className="num">
              {t("result.votes")}
            </th>
            <th scope="col" className="num">
              {t("result.share")}
            </th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row, i) => (
            <tr key={i}>
              <th scope="row">{row.option}</th>
              <td className="num">{t("result.count", { count: row.count })}</td>
              <td className="num">{t("result.percent", { share: formatPercent(row.share) })}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </>
  );
}
