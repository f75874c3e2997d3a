/** The ceremony's steps and failures in the reader's language (protocol steps are English ids). */
import type { Translate } from "../../lib/i18n";
import type { CeremonyProgress } from "./ceremony-worker";
import type { CeremonyFailure } from "./worker-messages";

const STEPS = {
  phase1: "ceremony.step.phase1",
  r1cs: "ceremony.step.r1cs",
  "zkey 0": "ceremony.step.zkey0",
  beacon: "ceremony.step.beacon",
  end: "ceremony.step.end",
  zkey: "ceremony.step.zkey",
} as const;

/** "contribution 2" → "contribution 2" / "bijdrage 2"; an unknown step as it is. */
export function stepLabel(t: Translate, step: string): string {
  const contribution = /^contribution (\d+)$/.exec(step);
  if (contribution) return t("ceremony.step.contribution", { index: contribution[1] ?? "" });
  return step in STEPS ? t(STEPS[step as keyof typeof STEPS]) : step;
}

export function progressText(t: Translate, progress: CeremonyProgress | null): string {
  if (!progress) return t("ceremony.progress.start");
  if (progress.phase === "download") return t("ceremony.progress.download", { file: progress.file });
  if (progress.phase === "check") return t("ceremony.progress.check", { step: stepLabel(t, progress.step) });
  return t("ceremony.progress.contribute", { index: progress.index });
}

export function failureText(t: Translate, failure: CeremonyFailure): string {
  switch (failure.kind) {
    case "step":
      return t("ceremony.failed.step", {
        step: stepLabel(t, failure.step),
        reason: t(`ceremony.reason.${failure.code}`),
      });
    case "files":
      return t(failure.problem === "missing" ? "ceremony.failed.missing" : "ceremony.failed.invalid", {
        file: failure.file,
      });
    case "download":
      return t("ceremony.failed.download", { url: failure.url });
    default:
      return t("ceremony.failed.other", { detail: failure.detail });
  }
}
