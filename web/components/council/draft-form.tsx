"use client";
/**
 * A referendum draft: question, explanation, options, kind of vote, re-voting, census and voting
 * period. Checked here first (messages per field); a field the API still refuses is marked too.
 */
import { useRef, useState, type SyntheticEvent, type ReactNode } from "react";
import type { ReferendumDraftInput } from "../../../functions/api/schemas";
import { ApiError } from "../../lib/api-client";
import {
  fieldOfApiPath,
  formToDraft,
  hasParameter,
  MAX_OPTIONS,
  PARAMETER_MAX,
  PRESETS,
  type DraftField,
  type DraftForm as Form,
  type Preset,
} from "./draft";
import { useI18n } from "../../lib/i18n";
import type { MessageKey } from "../../messages";
import { ApiErrorNotice, ErrorNotice } from "../status";
import { describedBy } from "../text-field";
import { DraftTextField, FieldError, type FieldProblems } from "./draft-fields";
import { TrusteeFields } from "./trustee-fields";

/** The control each field's problem is fixed in (a group's first control). */
const CONTROL_IDS: Record<DraftField, string> = {
  title: "draft-title",
  description: "draft-description",
  options: "draft-option-0",
  parameter: "draft-parameter",
  censusId: "draft-census",
  opensAt: "draft-opens",
  closesAt: "draft-closes",
  trustees: "draft-trustee-0",
  threshold: "draft-threshold",
};

/** The label of each field, for the error summary's links. */
const FIELD_LABELS: Record<DraftField, MessageKey> = {
  title: "council.draft.title",
  description: "council.draft.description",
  options: "council.draft.options",
  parameter: "council.draft.preset",
  censusId: "council.draft.census",
  opensAt: "council.draft.opensAt",
  closesAt: "council.draft.closesAt",
  trustees: "council.draft.trustees",
  threshold: "council.draft.threshold",
};

export interface DraftFormProps {
  initial: Form;
  /** Each census with its number of registered residents (null while unknown). */
  censuses: { id: string; name: string; size: number | null }[];
  onSave: (draft: ReferendumDraftInput) => Promise<void>;
  onCancel: () => void;
}

export function DraftForm({ initial, censuses, onSave, onCancel }: DraftFormProps): ReactNode {
  const { t } = useI18n();
  const [form, setForm] = useState<Form>(initial);
  const [problems, setProblems] = useState<FieldProblems>({});
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const summary = useRef<HTMLDivElement>(null);
  const set = (patch: Partial<Form>): void => {
    setForm((current) => ({ ...current, ...patch }));
  };

  const choosePreset = (preset: Preset): void => {
    // A yes/no question has exactly its two options.
    if (preset === "yes-no") set({ preset, options: [t("council.draft.yes"), t("council.draft.no")] });
    // Leaving yes/no: its "Yes" and "No" are no options of another kind of vote.
    else if (form.preset === "yes-no") set({ preset, options: ["", ""] });
    else set({ preset });
  };

  const submit = async (event: SyntheticEvent): Promise<void> => {
    event.preventDefault();
    setError(null);
    const result = formToDraft(form);
    if ("errors" in result) {
      setProblems(result.errors);
      requestAnimationFrame(() => summary.current?.focus());
      return;
    }
    setProblems({});
    setBusy(true);
    try {
      await onSave(result.draft);
    } catch (caught) {
      setError(caught);
      // The API names the refused field first in its details.
      const path = caught instanceof ApiError && caught.code === "INPUT_INVALID" ? caught.details[0]?.path : undefined;
      const field = path === undefined ? null : fieldOfApiPath(path);
      if (field) setProblems({ [field]: "server" });
      // The notice is announced (role=alert); focus goes where the council has to act.
      const target = field ? document.getElementById(CONTROL_IDS[field]) : summary.current;
      requestAnimationFrame(() => target?.focus());
    } finally {
      setBusy(false);
    }
  };

  const fixErrors = Object.keys(problems).length > 0 && error === null;
  const parameterId = CONTROL_IDS.parameter;
  return (
    <form onSubmit={(event) => void submit(event)} noValidate>
      <div ref={summary} tabIndex={-1}>
        {fixErrors && (
          <ErrorNotice>
            <p>{t("council.draft.fixErrors")}</p>
            <ul className="error-summary">
              {(Object.keys(problems) as DraftField[]).map((field) => (
                <li key={field}>
                  <a href={`#${CONTROL_IDS[field]}`}>
                    {t("council.draft.errorLink", {
                      field: t(FIELD_LABELS[field]),
                      problem: t(`council.draft.error.${problems[field] ?? "server"}`),
                    })}
                  </a>
                </li>
              ))}
            </ul>
          </ErrorNotice>
        )}
        {error !== null && <ApiErrorNotice error={error} />}
      </div>
      <DraftTextField
        id="draft-title"
        label={t("council.draft.title")}
        hint={t("council.draft.titleHint")}
        value={form.title}
        problem={problems.title}
        onChange={(title) => {
          set({ title });
        }}
      />
      <DraftTextField
        id="draft-description"
        label={t("council.draft.description")}
        hint={t("council.draft.descriptionHint")}
        value={form.description}
        problem={problems.description}
        multiline
        onChange={(description) => {
          set({ description });
        }}
      />
      <fieldset>
        <legend>{t("council.draft.preset")}</legend>
        {PRESETS.map((preset) => (
          <div className="choice" key={preset}>
            <input
              type="radio"
              id={`draft-preset-${preset}`}
              name="preset"
              checked={form.preset === preset}
              onChange={() => {
                choosePreset(preset);
              }}
            />
            <label htmlFor={`draft-preset-${preset}`}>{t(`council.draft.preset.${preset}`)}</label>
          </div>
        ))}
        {hasParameter(form.preset) && (
          <DraftTextField
            id={parameterId}
            type="number"
            label={t(`council.draft.parameter.${form.preset as "approval" | "cumulative" | "quadratic"}`)}
            hint={t("council.draft.parameterHint", { max: PARAMETER_MAX[form.preset] })}
            value={form.parameter}
            problem={problems.parameter}
            onChange={(parameter) => {
              set({ parameter });
            }}
          />
        )}
      </fieldset>
      <fieldset aria-describedby={describedBy("draft-options", true, problems.options !== undefined)}>
        <legend>{t("council.draft.options")}</legend>
        <p className="hint" id="draft-options-hint">
          {t("council.draft.optionsHint")}
        </p>
        <FieldError id="draft-options" problem={problems.options} />
        <ol className="council-options">
          {form.options.map((option, i) => (
            <li key={i}>
              <div className="field">
                <label htmlFor={`draft-option-${i}`}>{t("council.draft.option", { n: i + 1 })}</label>
                <input
                  id={`draft-option-${i}`}
                  type="text"
                  value={option}
                  maxLength={200}
                  aria-invalid={problems.options !== undefined}
                  onChange={(event) => {
                    set({ options: form.options.map((o, j) => (j === i ? event.target.value : o)) });
                  }}
                />
              </div>
              {form.preset !== "yes-no" && form.options.length > 1 && (
                <button
                  type="button"
                  className="button button--secondary"
                  onClick={() => {
                    set({ options: form.options.filter((_, j) => j !== i) });
                  }}
                >
                  {t("council.draft.removeOption", { n: i + 1 })}
                </button>
              )}
            </li>
          ))}
        </ol>
        {form.preset !== "yes-no" && form.options.length < MAX_OPTIONS && (
          <button
            type="button"
            className="button button--secondary"
            onClick={() => {
              set({ options: [...form.options, ""] });
            }}
          >
            {t("council.draft.addOption")}
          </button>
        )}
      </fieldset>
      <div className="choice">
        <input
          type="checkbox"
          id="draft-revoting"
          checked={form.revoting}
          onChange={(event) => {
            set({ revoting: event.target.checked });
          }}
        />
        <label htmlFor="draft-revoting">{t("council.draft.revoting")}</label>
      </div>
      <TrusteeFields form={form} problems={problems} set={set} />
      <div className="field">
        <label htmlFor="draft-census">{t("council.draft.census")}</label>
        <p className="hint" id="draft-census-hint">
          {censuses.length === 0 ? t("council.draft.noCensus") : t("council.draft.censusHint")}
        </p>
        <FieldError id="draft-census" problem={problems.censusId} />
        <select
          id="draft-census"
          value={form.censusId}
          aria-invalid={problems.censusId !== undefined}
          aria-describedby={describedBy("draft-census", true, problems.censusId !== undefined)}
          onChange={(event) => {
            set({ censusId: event.target.value });
          }}
        >
          <option value="">{t("council.draft.censusChoose")}</option>
          {censuses.map((census) => (
            <option key={census.id} value={census.id}>
              {census.size === null
                ? census.name
                : t("council.draft.censusOption", census as { name: string; size: number })}
            </option>
          ))}
        </select>
        {censuses.find((census) => census.id === form.censusId)?.size === 0 && (
          <p className="notice notice--info" id="draft-census-empty" role="status">
            {t("council.draft.censusEmpty")}
          </p>
        )}
      </div>
      <DraftTextField
        id="draft-opens"
        type="datetime-local"
        label={t("council.draft.opensAt")}
        hint={t("council.draft.timeHint")}
        value={form.opensAt}
        problem={problems.opensAt}
        onChange={(opensAt) => {
          set({ opensAt });
        }}
      />
      <DraftTextField
        id="draft-closes"
        type="datetime-local"
        label={t("council.draft.closesAt")}
        hint={t("council.draft.timeHint")}
        value={form.closesAt}
        problem={problems.closesAt}
        onChange={(closesAt) => {
          set({ closesAt });
        }}
      />
      <div className="actions">
        <button type="submit" className="button" disabled={busy}>
          {t("council.draft.save")}
        </button>
        <button type="button" className="button button--secondary" onClick={onCancel}>
          {t("council.draft.cancel")}
        </button>
      </div>
    </form>
  );
}
