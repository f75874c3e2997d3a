"use client";
/** What casting is doing now: a progress bar and a status line read out by assistive technology. */
import type { ReactNode } from "react";
import { useI18n } from "../../lib/i18n";
import type { CastStage } from "./cast-ballot";

export function CastProgress({ stage }: { stage: CastStage }): ReactNode {
  const { t } = useI18n();
  let text: string;
  let value: number | undefined;
  let max: number | undefined;
  switch (stage.phase) {
    case "artifacts":
      // "Checked" only once the check has run: here the files are still arriving or being hashed.
      text =
        stage.loaded < stage.total
          ? t("citizen.cast.artifacts", {
              loaded: Math.round(stage.loaded / 1024),
              total: Math.round(stage.total / 1024),
            })
          : t("citizen.cast.checking");
      [value, max] = [stage.loaded, Math.max(stage.total, 1)];
      break;
    case "checking":
      text = t("citizen.cast.checking");
      break;
    case "checked":
      text = t(stage.kept ? "citizen.cast.checkedKept" : "citizen.cast.checked");
      break;
    case "census":
      text = t("citizen.cast.census", { loaded: stage.loaded, total: stage.total });
      [value, max] = [stage.loaded, Math.max(stage.total, 1)];
      break;
    case "proving":
      text = t("citizen.cast.proving");
      break;
    case "submitting":
      text = t("citizen.cast.submitting");
      break;
  }
  return (
    <>
      <progress aria-label={t("citizen.cast.progress")} value={value} max={max} data-phase={stage.phase} />
      <p role="status" aria-live="polite">
        {text}
      </p>
    </>
  );
}
