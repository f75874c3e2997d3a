"use client";
/** A labelled text input with its hint and error, tied together for assistive technology. */
import type { ReactNode } from "react";

export interface TextFieldProps {
  id: string;
  label: string;
  hint?: string;
  value: string;
  onChange: (value: string) => void;
  error?: string;
  autoComplete?: string;
  multiline?: boolean;
}

export function TextField({
  id,
  label,
  hint,
  value,
  onChange,
  error,
  autoComplete,
  multiline,
}: TextFieldProps): ReactNode {
  const describedBy = [hint ? `${id}-hint` : null, error ? `${id}-error` : null].filter(Boolean).join(" ");
  const common = {
    id,
    value,
    "aria-invalid": error !== undefined,
    "aria-describedby": describedBy || undefined,
    autoComplete: autoComplete ?? "off",
    spellCheck: false,
  };
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      {hint && (
        <p className="hint" id={`${id}-hint`}>
          {hint}
        </p>
      )}
      {error && (
        <p className="field-error" id={`${id}-error`} role="alert">
          {error}
        </p>
      )}
      {multiline ? (
        <textarea
          {...common}
          onChange={(event) => {
            onChange(event.target.value);
          }}
        />
      ) : (
        <input
          {...common}
          type="text"
          onChange={(event) => {
            onChange(event.target.value);
          }}
        />
      )}
    </div>
  );
}
