"use client";
/**
 * The trustee's own key-generation steps: on every read of the transcript, the worker works out
 * what the trustee owes (nothing, a dealing, a check or the dry-run decryption) and the page posts
 * it. A message already posted is never owed again, so reloading or a second tab posts nothing new.
 */
import { useCallback, useState, type ReactNode } from "react";
import type { DkgRound } from "../../../functions/api/client";
import type { DkgView } from "../../../functions/api/views";
import type { TrusteeSecret } from "../../../protocol/trustee-steps";
import type { PublicApi } from "../../lib/api-client";
import { useI18n } from "../../lib/i18n";
import { ApiErrorNotice, ErrorNotice } from "../status";
import { stepInWorker } from "./trustee-worker";

type Round = "deal" | "check" | "dry-run";

const ROUND_PATH: Record<Round, DkgRound> = { deal: "dealings", check: "checks", "dry-run": "dry-run" };

export type StepState =
  | { kind: "idle" }
  | { kind: "posting"; round: Round }
  | { kind: "wait"; posted: Round | null }
  | { kind: "done" | "failed" }
  | { kind: "error"; error: unknown };

export function useTrusteeSteps(
  api: PublicApi | null,
  referendumId: string,
  secret: TrusteeSecret | null,
): { state: StepState; run: (view: DkgView) => Promise<void> } {
  const [state, setState] = useState<StepState>({ kind: "idle" });
  const run = useCallback(
    async (view: DkgView): Promise<void> => {
      if (!api || !secret) return;
      const { status } = view.assessment;
      // After completion a late dry run is not needed (t already decrypted), and after the open it is refused.
      if (status === "complete" || status === "failed") {
        setState({ kind: status === "complete" ? "done" : "failed" });
        return;
      }
      // The service's assessment only says when to look: the worker judges the whole transcript
      // itself (every proof) before anything is signed, which is too costly to run on every read.
      const owed =
        status === "dry-run"
          ? !view.assessment.dryRunBy.includes(secret.index)
          : view.assessment.waitingFor.includes(secret.index);
      if (status === "joining" || !owed) {
        setState((last) => ({ kind: "wait", posted: last.kind === "wait" ? last.posted : null }));
        return;
      }
      try {
        const step = await stepInWorker({ type: "step", transcript: view.transcript, secret });
        if (!("message" in step)) {
          setState((last) => ({ kind: "wait", posted: last.kind === "wait" ? last.posted : null }));
          return;
        }
        setState({ kind: "posting", round: step.round });
        await api.postDkgMessage(referendumId, ROUND_PATH[step.round], step.message);
        setState({ kind: "wait", posted: step.round });
      } catch (error) {
        setState({ kind: "error", error });
      }
    },
    [api, referendumId, secret],
  );
  return { state, run };
}

/** The trustee's own line under the key generation's status, and a button to look again now. */
export function MyStep({ state, view, onNow }: { state: StepState; view: DkgView; onNow: () => void }): ReactNode {
  const { t } = useI18n();
  const active = view.assessment.status !== "complete" && view.assessment.status !== "failed";
  return (
    <div data-testid="my-step" data-step={state.kind}>
      {state.kind === "idle" && active && <p>{t("trustee.step.working")}</p>}
      {state.kind === "posting" && <p>{t(`trustee.step.posting.${state.round}`)}</p>}
      {state.kind === "wait" && (
        <p>
          {state.posted && `${t(`trustee.step.posted.${state.posted}`)} `}
          {t("trustee.step.wait")}
        </p>
      )}
      {state.kind === "done" && <p>{t("trustee.step.done")}</p>}
      {state.kind === "failed" && <p>{t("trustee.step.failed")}</p>}
      {state.kind === "error" &&
        (state.error instanceof Error && state.error.name === "TrusteeWorkerError" ? (
          <ErrorNotice>
            <p>{t("trustee.step.error", { detail: state.error.message })}</p>
          </ErrorNotice>
        ) : (
          <ApiErrorNotice error={state.error} />
        ))}
      {active && (
        <>
          <p className="hint">{t("trustee.step.auto")}</p>
          <div className="actions">
            <button type="button" className="button button--secondary" onClick={onNow}>
              {t("trustee.step.now")}
            </button>
          </div>
        </>
      )}
    </div>
  );
}
