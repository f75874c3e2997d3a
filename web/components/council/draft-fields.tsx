"use client";
/** Form controls of the draft form, each with its label, hint and error wired for screen readers. */
import type { ReactNode } from "react";
import type { DraftField, DraftProblem } from "../../lib/council-draft";
import { useI18n } from "../../lib/i18n";

export function describedBy(id: string, hint: boolean, error: boolean): string | undefined {
  const ids = [hint ? `${id}-hint` : "", error ? `${id}-error` : ""].filter(Boolean).join(" ");
  return ids || undefined;
}

export function FieldError({ id, problem }: { id: string; problem: DraftProblem | "server" | undefined }): ReactNode {
  const { t } = useI18n();
  if (!problem) return null;
  return (
    <p className="field-error" id={`${id}-error`}>
      {t(`council.draft.error.${problem}`)}
    </p>
  );
}

export type FieldProblems = Partial<Record<DraftField, DraftProblem | "server">>;

export function TextField({
  id,
  label,
  hint,
  value,
  problem,
  multiline = false,
  type = "text",
  onChange,
}: {
  id: string;
  label: string;
  hint?: string;
  value: string;
  problem: DraftProblem | "server" | undefined;
  multiline?: boolean;
  type?: "text" | "datetime-local" | "number";
  onChange: (value: string) => void;
}): ReactNode {
  const props = {
    id,
    value,
    "aria-invalid": problem !== undefined,
    "aria-describedby": describedBy(id, hint !== undefined, problem !== undefined),
  };
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      {hint !== undefined && (
        <p className="hint" id={`${id}-hint`}>
          {hint}
        </p>
      )}
      <FieldError id={id} problem={problem} />
      {multiline ? (
        <textarea
          {...props}
          onChange={(event) => {
            onChange(event.target.value);
          }}
        />
      ) : (
        <input
          {...props}
          type={type}
          onChange={(event) => {
            onChange(event.target.value);
          }}
        />
      )}
    </div>
  );
}
