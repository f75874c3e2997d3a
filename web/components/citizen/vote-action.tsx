"use client";
/** What the citizen can do on an open referendum: vote, re-vote (said plainly), or see that they voted. */
import { useState, type ReactNode } from "react";
import type { Identity } from "../../../protocol/identity";
import type { Receipt } from "../../../protocol/log-objects";
import type { ReferendumSpec } from "../../../protocol/spec";
import { ApiError, type PublicApi } from "../../lib/api-client";
import { useI18n } from "../../lib/i18n";
import { ApiErrorNotice, ErrorNotice, SuccessNotice } from "../status";
import { BallotFields } from "./ballot-fields";
import { CastError, castBallot, type CastStage } from "./cast-ballot";
import { CastProgress } from "./cast-progress";
import { CheckChoice } from "./check-choice";
import { useFocusOnChange } from "./use-focus-on-change";
import { receiptHref } from "./links";

type Casting =
  | { status: "form" }
  | { status: "checking"; votes: number[] }
  | { status: "casting"; stage: CastStage | null }
  | { status: "failed"; error: unknown }
  | { status: "done"; receipt: Receipt };

function CastFailure({ error }: { error: unknown }): ReactNode {
  const { t } = useI18n();
  if (error instanceof CastError) {
    const key =
      error.reason === "artifacts"
        ? "citizen.cast.artifactsFailed"
        : error.reason === "not-in-census"
          ? "citizen.cast.notInCensus"
          : "citizen.cast.proveFailed";
    return (
      <ErrorNotice>
        <p data-error-code={error.reason}>{t(key)}</p>
      </ErrorNotice>
    );
  }
  return <ApiErrorNotice error={error} />;
}

function Voted({ spec, latest }: { spec: ReferendumSpec; latest: Receipt }): ReactNode {
  const { t, formatDate } = useI18n();
  return (
    <div className="notice notice--info">
      <p>
        {spec.revoting ? t("citizen.vote.revoting", { date: formatDate(spec.closesAt) }) : t("citizen.vote.votedFinal")}
      </p>
      <p>
        <a href={receiptHref(latest)}>{t("citizen.vote.toReceipt")}</a>
      </p>
    </div>
  );
}

export function VoteAction({
  api,
  spec,
  identity,
  receipts,
  closed,
}: {
  api: PublicApi;
  spec: ReferendumSpec;
  identity: Identity;
  receipts: Receipt[];
  /** Voting closed while the page was open: no ballot is offered any more (one being cast may finish). */
  closed: boolean;
}): ReactNode {
  const { t } = useI18n();
  const [casting, setCasting] = useState<Casting>({ status: "form" });
  const headingRef = useFocusOnChange<HTMLHeadingElement>(casting.status);
  const latest = receipts.at(-1);
  const cast = (votes: number[]): void => {
    setCasting({ status: "casting", stage: { phase: "census", loaded: 0, total: spec.census.size } });
    castBallot(api, spec, identity, votes, (stage) => {
      setCasting({ status: "casting", stage });
    }).then(
      (receipt) => {
        setCasting({ status: "done", receipt });
      },
      (error: unknown) => {
        setCasting({ status: "failed", error });
      },
    );
  };
  const nullifierUsed =
    casting.status === "failed" && casting.error instanceof ApiError && casting.error.code === "BALLOT_NULLIFIER_USED";
  return (
    <>
      {latest && casting.status !== "done" && <Voted spec={spec} latest={latest} />}
      {/* Kept mounted while the choice is checked, so "Change" returns to the answers as they were. */}
      {(casting.status === "form" ||
        casting.status === "checking" ||
        (casting.status === "failed" && !nullifierUsed)) &&
        (!latest || spec.revoting) &&
        !closed && (
          <div hidden={casting.status === "checking"}>
            <BallotFields
              spec={spec}
              onCast={(votes) => {
                setCasting({ status: "checking", votes });
              }}
            />
          </div>
        )}
      {casting.status === "checking" && !closed && (
        <CheckChoice
          spec={spec}
          votes={casting.votes}
          onCast={() => {
            cast(casting.votes);
          }}
          onChange={() => {
            setCasting({ status: "form" });
          }}
        />
      )}
      {casting.status === "casting" && (
        <section aria-labelledby="cast-title">
          <h2 id="cast-title" ref={headingRef} tabIndex={-1}>
            {t("citizen.cast.title")}
          </h2>
          <CastProgress stage={casting.stage ?? { phase: "census", loaded: 0, total: spec.census.size }} />
        </section>
      )}
      {casting.status === "failed" && (
        <div ref={headingRef} tabIndex={-1}>
          <CastFailure error={casting.error} />
        </div>
      )}
      {casting.status === "done" && (
        <section aria-labelledby="done-title">
          <h2 id="done-title" ref={headingRef} tabIndex={-1}>
            {t("citizen.cast.doneTitle")}
          </h2>
          <SuccessNotice>
            <p>{t("citizen.cast.done")}</p>
          </SuccessNotice>
          <details className="citizen-details">
            <summary>{t("citizen.receipt.technical")}</summary>
            <p>{t("citizen.receipt.ballotId")}</p>
            <p className="mono">{casting.receipt.ballotId}</p>
          </details>
          <div className="actions">
            <a className="button" href={receiptHref(casting.receipt)}>
              {t("citizen.vote.toReceipt")}
            </a>
          </div>
        </section>
      )}
    </>
  );
}
