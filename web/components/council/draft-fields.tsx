"use client";
/** Form controls of the draft form, each with its label, hint and error wired for screen readers. */
import type { ReactNode } from "react";
import type { DraftField, DraftProblem } from "./draft";
import { useI18n } from "../../lib/i18n";
import { TextField, type TextFieldProps } from "../text-field";

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

/** A text control of the draft form: its error is the draft problem's message. */
export function DraftTextField({
  problem,
  ...field
}: Omit<TextFieldProps, "error" | "announce"> & { problem: DraftProblem | "server" | undefined }): ReactNode {
  const { t } = useI18n();
  return <TextField {...field} error={problem && t(`council.draft.error.${problem}`)} />;
}
