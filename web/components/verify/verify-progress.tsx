"use client";
/** The audit's progress: a bar and the phase in words, announced politely. */
import type { ReactNode } from "react";
import { useI18n } from "../../lib/i18n";
import type { VerifyPhase } from "./worker-messages";
import { progressFraction } from "./view";

export function VerifyProgress({ phase, done, total }: { phase: VerifyPhase; done: number; total: number }): ReactNode {
  const { t } = useI18n();
  const fraction = progressFraction(done, total);
  return (
    <div className="verify-progress">
      <progress aria-label={t("verify.progressLabel")} max={1} {...(fraction === null ? {} : { value: fraction })} />
      <p role="status" aria-live="polite">
        {t(`verify.phase.${phase}`, { done, total })}
      </p>
    </div>
  );
}
