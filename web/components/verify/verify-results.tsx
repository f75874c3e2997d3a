"use client";
/** The recounted result: a bar chart with the numbers written out, the same as a table, and the turnout. */
import type { ReactNode } from "react";
import { useI18n } from "../../lib/i18n";
import type { VerifyFacts } from "./worker-messages";
import { percentOf } from "../../lib/result-rows";
import { ResultChart } from "../result-chart";

export function VerifyResults({ facts }: { facts: VerifyFacts }): ReactNode {
  const { t, formatPercent } = useI18n();
  return (
    <section aria-labelledby="verify-results-heading">
      <h2 id="verify-results-heading">{t("verify.resultsHeading")}</h2>
      <ResultChart options={facts.options} counts={facts.recount} />
      <h3>{t("verify.turnoutHeading")}</h3>
      <p>
        {t("verify.turnout", {
          voters: facts.voters,
          electorate: facts.electorate,
          percent: formatPercent(percentOf(facts.voters, facts.electorate)),
        })}
      </p>
      <p>{t("verify.ballots", { ballots: facts.ballots, revotes: Math.max(0, facts.ballots - facts.voters) })}</p>
    </section>
  );
}
