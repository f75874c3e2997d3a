"use client";
/**
 * The site's one labelled text control: label, hint and error tied to the input for assistive
 * technology. `announce` makes the error a live alert, for forms with no error summary that takes
 * focus (the citizen's short forms); the council's draft form announces through its summary, so
 * its field errors stay quiet rather than all speaking at once.
 */
import type { ReactNode } from "react";

export interface TextFieldProps {
  id: string;
  label: string;
  hint?: string;
  value: string;
  onChange: (value: string) => void;
  error?: string;
  announce?: boolean;
  autoComplete?: string;
  spellCheck?: boolean;
  multiline?: boolean;
  type?: "text" | "datetime-local" | "number";
}

/** The `aria-describedby` of a control with an optional hint and error. */
export function describedBy(id: string, hint: boolean, error: boolean): string | undefined {
  const ids = [hint ? `${id}-hint` : "", error ? `${id}-error` : ""].filter(Boolean).join(" ");
  return ids || undefined;
}

export function TextField({
  id,
  label,
  hint,
  value,
  onChange,
  error,
  announce = false,
  autoComplete,
  spellCheck,
  multiline = false,
  type = "text",
}: TextFieldProps): ReactNode {
  const common = {
    id,
    value,
    "aria-invalid": error !== undefined,
    "aria-describedby": describedBy(id, hint !== undefined, error !== undefined),
    autoComplete,
    spellCheck,
    onChange: (event: { target: { value: string } }) => {
      onChange(event.target.value);
    },
  };
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      {hint !== undefined && (
        <p className="hint" id={`${id}-hint`}>
          {hint}
        </p>
      )}
      {error !== undefined && (
        <p className="field-error" id={`${id}-error`} role={announce ? "alert" : undefined}>
          {error}
        </p>
      )}
      {multiline ? <textarea {...common} /> : <input {...common} type={type} />}
    </div>
  );
}
