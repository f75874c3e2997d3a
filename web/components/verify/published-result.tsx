"use client";
/**
 * A tallied referendum's published result, shown at once (before any verification): the counts the
 * service publishes, with whether the registry holds them yet. The audit below recounts them.
 */
import { useEffect, useState, type ReactNode } from "react";
import type { PublicReferendum } from "../../../functions/api/views";
import type { TallyResult } from "../../../protocol/tally-rules";
import type { PublicApi } from "../../lib/api-client";
import { useI18n } from "../../lib/i18n";
import { percentOf } from "../../lib/result-rows";
import { ResultChart } from "../result-chart";

export function PublishedResult({ referendum, api }: { referendum: PublicReferendum; api: PublicApi }): ReactNode {
  const { t, formatPercent } = useI18n();
  const [tally, setTally] = useState<TallyResult | null>(null);
  const [failed, setFailed] = useState(false);
  useEffect(() => {
    if (referendum.state !== "tallied") return;
    api.tally(referendum.id).then(setTally, () => {
      setFailed(true);
    });
  }, [api, referendum]);
  if (referendum.state !== "tallied" || failed) return null;
  const electorate = referendum.turnout?.electorate;
  return (
    <section aria-labelledby="verify-published-heading" className="verify-published" data-published-result="">
      <h2 id="verify-published-heading">{t("verify.published.heading")}</h2>
      <p>{t(referendum.anchors.tallied ? "verify.published.anchored" : "verify.published.notAnchored")}</p>
      {tally === null ? (
        <p>{t("common.loading")}</p>
      ) : (
        <>
          <ResultChart options={referendum.spec.options} counts={tally.counts} />
          {electorate !== undefined && (
            <p>
              {t("verify.turnout", {
                voters: tally.voters,
                electorate,
                percent: formatPercent(percentOf(tally.voters, electorate)),
              })}
            </p>
          )}
        </>
      )}
    </section>
  );
}
