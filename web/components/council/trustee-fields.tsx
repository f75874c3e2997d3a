"use client";
/**
 * The draft form's trustees: names one per row (added and removed by buttons), and how many of
 * them must decrypt. No rows means public votes, so drafts without trustees stay as they were.
 */
import type { ReactNode } from "react";
import { defaultThreshold, MAX_TRUSTEES, thresholdOf, type DraftForm } from "./draft";
import { useI18n } from "../../lib/i18n";
import { describedBy } from "../text-field";
import { FieldError, type FieldProblems } from "./draft-fields";

export function TrusteeFields({
  form,
  problems,
  set,
}: {
  form: DraftForm;
  problems: FieldProblems;
  set: (patch: Partial<DraftForm>) => void;
}): ReactNode {
  const { t } = useI18n();
  const count = form.trustees.length;
  const threshold = thresholdOf(form);
  return (
    <fieldset aria-describedby={describedBy("draft-trustees", true, problems.trustees !== undefined)}>
      <legend>{t("council.draft.trustees")}</legend>
      <p className="hint" id="draft-trustees-hint">
        {t("council.draft.trusteesHint")}
      </p>
      <FieldError id="draft-trustees" problem={problems.trustees} />
      {count === 0 && <p>{t("council.draft.trusteesNone")}</p>}
      <ol className="council-options">
        {form.trustees.map((name, i) => (
          <li key={i}>
            <div className="field">
              <label htmlFor={`draft-trustee-${i}`}>{t("council.draft.trustee", { n: i + 1 })}</label>
              <input
                id={`draft-trustee-${i}`}
                type="text"
                value={name}
                maxLength={200}
                aria-invalid={problems.trustees !== undefined}
                onChange={(event) => {
                  set({ trustees: form.trustees.map((n, j) => (j === i ? event.target.value : n)) });
                }}
              />
            </div>
            <button
              type="button"
              className="button button--secondary"
              onClick={() => {
                set({ trustees: form.trustees.filter((_, j) => j !== i), threshold: "" });
              }}
            >
              {t("council.draft.removeTrustee", { n: i + 1 })}
            </button>
          </li>
        ))}
      </ol>
      {count < MAX_TRUSTEES && (
        <button
          type="button"
          className="button button--secondary"
          onClick={() => {
            set({ trustees: [...form.trustees, ""] });
          }}
        >
          {t("council.draft.addTrustee")}
        </button>
      )}
      {count > 0 && (
        <div className="field">
          <label htmlFor="draft-threshold">{t("council.draft.threshold")}</label>
          <p className="hint" id="draft-threshold-hint">
            {t("council.draft.thresholdHint", { default: defaultThreshold(count), count })}
          </p>
          <FieldError id="draft-threshold" problem={problems.threshold} />
          <select
            id="draft-threshold"
            value={String(Math.min(threshold, count))}
            aria-invalid={problems.threshold !== undefined}
            aria-describedby={describedBy("draft-threshold", true, problems.threshold !== undefined)}
            onChange={(event) => {
              set({ threshold: event.target.value });
            }}
          >
            {Array.from({ length: count }, (_, i) => i + 1).map((value) => (
              <option key={value} value={value}>
                {t("council.draft.thresholdOption", { threshold: value, count })}
              </option>
            ))}
          </select>
        </div>
      )}
    </fieldset>
  );
}
