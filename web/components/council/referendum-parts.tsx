"use client";
/** Pieces of the referendum page: its facts, live turnout, chain anchoring and the result. */
import type { ReactNode } from "react";
import type { RulesChoice } from "../../../functions/api/schemas";
import type { TallyResult } from "../../../protocol/tally-rules";
import type { AnchorProgress, CouncilReferendum, Turnout } from "../../../functions/api/views";
import { useI18n } from "../../lib/i18n";
import { percentOf } from "../../lib/result-rows";
import { ResultChart } from "../result-chart";

function parameterOf(rules: RulesChoice): { preset: "approval" | "cumulative" | "quadratic"; value: number } | null {
  if (rules.preset === "approval") return { preset: rules.preset, value: rules.maxApprovals };
  if (rules.preset === "cumulative") return { preset: rules.preset, value: rules.budget };
  if (rules.preset === "quadratic") return { preset: rules.preset, value: rules.credits };
  return null;
}

export function ReferendumFacts({
  referendum,
  censusName,
}: {
  referendum: CouncilReferendum;
  censusName: string;
}): ReactNode {
  const { t, formatDate, formatNumber } = useI18n();
  const { draft } = referendum;
  const parameter = parameterOf(draft.rules);
  return (
    <dl className="council-facts">
      {draft.description !== "" && (
        <>
          <dt>{t("council.referendum.description")}</dt>
          <dd>{draft.description}</dd>
        </>
      )}
      <dt>{t("council.referendum.options")}</dt>
      <dd>{draft.options.join(" · ")}</dd>
      <dt>{t("council.referendum.rules")}</dt>
      <dd>
        {t(`council.draft.preset.${draft.rules.preset}`)}
        {parameter !== null &&
          ` · ${t(`council.draft.parameter.${parameter.preset}`)}: ${formatNumber(parameter.value)}`}
      </dd>
      <dt>{t("council.referendum.revoting")}</dt>
      <dd>{draft.revoting ? t("council.referendum.revotingYes") : t("council.referendum.revotingNo")}</dd>
      {draft.trustees && (
        <>
          <dt>{t("council.referendum.trustees")}</dt>
          <dd>
            {t("council.referendum.trusteesValue", {
              names: draft.trustees.names.join(", "),
              threshold: draft.trustees.threshold,
              count: draft.trustees.names.length,
            })}
          </dd>
        </>
      )}
      <dt>{t("council.referendum.census")}</dt>
      <dd>{censusName}</dd>
      <dt>{t("council.referendum.opensAt")}</dt>
      <dd>{formatDate(draft.opensAt)}</dd>
      <dt>{t("council.referendum.closesAt")}</dt>
      <dd>{formatDate(draft.closesAt)}</dd>
    </dl>
  );
}

export function TurnoutPanel({
  turnout,
  anchors,
  sealed = false,
}: {
  turnout: Turnout | null;
  anchors: AnchorProgress;
  /** Secret ballots: say that turnout is all anyone sees until the count. */
  sealed?: boolean;
}): ReactNode {
  const { t, formatPercent } = useI18n();
  const yesNo = (done: boolean): string => (done ? t("council.anchors.done") : t("council.anchors.pending"));
  return (
    <section className="panel" aria-labelledby="council-turnout">
      <h2 id="council-turnout">{t("council.turnout.title")}</h2>
      <div aria-live="polite" data-testid="turnout">
        {turnout === null ? (
          <p>{t("council.turnout.none")}</p>
        ) : (
          <>
            <p className="lead">
              {t("council.turnout.voters", {
                voters: turnout.voters,
                electorate: turnout.electorate,
                percent: formatPercent(percentOf(turnout.voters, turnout.electorate)),
              })}
            </p>
            <progress max={Math.max(turnout.electorate, 1)} value={turnout.voters} aria-labelledby="council-turnout" />
            <p>{t("council.turnout.ballots", { ballots: turnout.ballots })}</p>
          </>
        )}
      </div>
      <p className="hint">{t("council.turnout.live")}</p>
      {sealed && <p className="hint">{t("council.turnout.sealed")}</p>}
      <h3>{t("council.anchors.title")}</h3>
      <dl className="council-facts" data-testid="anchors">
        <dt>{t("council.anchors.opened")}</dt>
        <dd>{yesNo(anchors.opened)}</dd>
        <dt>{t("council.anchors.checkpoint")}</dt>
        <dd>{anchors.checkpointSize}</dd>
        <dt>{t("council.anchors.tallied")}</dt>
        <dd>{yesNo(anchors.tallied)}</dd>
      </dl>
    </section>
  );
}

/** The counted result: who voted, then counts per option as bars and as a table. */
export function TallyPanel({ tally, options }: { tally: TallyResult; options: string[] }): ReactNode {
  const { t } = useI18n();
  return (
    <section aria-labelledby="council-tally">
      <h2 id="council-tally">{t("council.tally.title")}</h2>
      <p>{t("council.tally.summary", { voters: tally.voters, ballots: tally.ballots })}</p>
      <ResultChart options={options} counts={tally.counts} />
    </section>
  );
}
