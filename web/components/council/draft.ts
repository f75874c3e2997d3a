/**
 * The draft form of a referendum as the page edits it (strings, as inputs hold them) and its
 * conversion to and from the API's ReferendumDraft, with the checks the API would make, so a
 * council sees every problem by its field before sending.
 */
import type { ReferendumDraft, ReferendumDraftInput, RulesChoice } from "../../../functions/api/schemas";

/** Most options a ballot has (the circuit's VOTE_OPTIONS). */
export const MAX_OPTIONS = 8;
export const PRESETS = ["yes-no", "single-choice", "approval", "cumulative", "quadratic"] as const;
export type Preset = (typeof PRESETS)[number];

export interface DraftForm {
  title: string;
  description: string;
  options: string[];
  preset: Preset;
  /** maxApprovals, budget or credits, by preset; unused by yes-no and single-choice. */
  parameter: string;
  revoting: boolean;
  censusId: string;
  /** `datetime-local` values (local time, `YYYY-MM-DDTHH:MM`). */
  opensAt: string;
  closesAt: string;
}

export type DraftField = "title" | "description" | "options" | "parameter" | "censusId" | "opensAt" | "closesAt";

/** Why a field is refused; the page turns each into a translated message. */
export type DraftProblem =
  "required" | "tooLong" | "optionsCount" | "optionEmpty" | "yesNoTwo" | "parameterRange" | "closesBeforeOpens";

export type DraftErrors = Partial<Record<DraftField, DraftProblem>>;

/** Largest parameter each preset takes (functions/api/schemas.ts, rulesChoice). */
export const PARAMETER_MAX: Record<Preset, number> = {
  "yes-no": 0,
  "single-choice": 0,
  approval: MAX_OPTIONS,
  cumulative: 65535,
  quadratic: 2 ** 32,
};

export function hasParameter(preset: Preset): boolean {
  return PARAMETER_MAX[preset] > 0;
}

function pad(value: number): string {
  return String(value).padStart(2, "0");
}

/** A `datetime-local` value (read in the browser's time zone) as Unix seconds; null if empty or malformed. */
export function localInputToUnix(value: string): number | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2}))?$/.exec(value);
  if (!match) return null;
  const [year, month, day, hour, minute, second] = match.slice(1).map((part) => Number(part || 0));
  const date = new Date(year ?? 0, (month ?? 1) - 1, day, hour, minute, second);
  return Number.isNaN(date.getTime()) ? null : Math.floor(date.getTime() / 1000);
}

/** Unix seconds as a `datetime-local` value in the browser's time zone (to the minute). */
export function unixToLocalInput(seconds: number): string {
  const d = new Date(seconds * 1000);
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}`;
}

/** A new draft's form: voting from the next full hour for a week, on the first census. */
export function emptyDraftForm(nowSeconds: number, censusId = "", yesNo: [string, string] = ["Yes", "No"]): DraftForm {
  const opens = Math.ceil(nowSeconds / 3600) * 3600;
  return {
    title: "",
    description: "",
    options: [...yesNo],
    preset: "yes-no",
    parameter: "",
    revoting: true,
    censusId,
    opensAt: unixToLocalInput(opens),
    closesAt: unixToLocalInput(opens + 7 * 24 * 3600),
  };
}

function parameterOf(rules: RulesChoice): string {
  if (rules.preset === "approval") return String(rules.maxApprovals);
  if (rules.preset === "cumulative") return String(rules.budget);
  if (rules.preset === "quadratic") return String(rules.credits);
  return "";
}

/** A saved draft as the form shows it. */
export function draftToForm(draft: ReferendumDraft): DraftForm {
  return {
    title: draft.title,
    description: draft.description,
    options: [...draft.options],
    preset: draft.rules.preset,
    parameter: parameterOf(draft.rules),
    revoting: draft.revoting,
    censusId: draft.censusId,
    opensAt: unixToLocalInput(draft.opensAt),
    closesAt: unixToLocalInput(draft.closesAt),
  };
}

function integer(value: string): number | null {
  return /^\d+$/.test(value.trim()) ? Number(value.trim()) : null;
}

/** Every problem of the form, by field (empty when it can be sent). */
export function validateDraftForm(form: DraftForm): DraftErrors {
  const errors: DraftErrors = {};
  const title = form.title.trim();
  if (title === "") errors.title = "required";
  else if (title.length > 200) errors.title = "tooLong";
  if (form.description.length > 10_000) errors.description = "tooLong";
  if (form.options.length < 1 || form.options.length > MAX_OPTIONS) errors.options = "optionsCount";
  else if (form.options.some((option) => option.trim() === "")) errors.options = "optionEmpty";
  else if (form.options.some((option) => option.trim().length > 200)) errors.options = "tooLong";
  else if (form.preset === "yes-no" && form.options.length !== 2) errors.options = "yesNoTwo";
  if (hasParameter(form.preset)) {
    const value = integer(form.parameter);
    if (form.parameter.trim() === "") errors.parameter = "required";
    else if (value === null || value < 1 || value > PARAMETER_MAX[form.preset]) errors.parameter = "parameterRange";
  }
  if (form.censusId === "") errors.censusId = "required";
  const opens = localInputToUnix(form.opensAt);
  const closes = localInputToUnix(form.closesAt);
  if (opens === null) errors.opensAt = "required";
  if (closes === null) errors.closesAt = "required";
  else if (opens !== null && closes <= opens) errors.closesAt = "closesBeforeOpens";
  return errors;
}

function rulesOf(form: DraftForm): RulesChoice {
  const value = Number(form.parameter.trim());
  switch (form.preset) {
    case "approval":
      return { preset: "approval", maxApprovals: value };
    case "cumulative":
      return { preset: "cumulative", budget: value };
    case "quadratic":
      return { preset: "quadratic", credits: value };
    default:
      return { preset: form.preset };
  }
}

/** The draft the API takes, or the problems by field. */
export function formToDraft(form: DraftForm): { draft: ReferendumDraftInput } | { errors: DraftErrors } {
  const errors = validateDraftForm(form);
  const opensAt = localInputToUnix(form.opensAt);
  const closesAt = localInputToUnix(form.closesAt);
  if (Object.keys(errors).length > 0 || opensAt === null || closesAt === null) return { errors };
  return {
    draft: {
      title: form.title.trim(),
      description: form.description,
      options: form.options.map((option) => option.trim()),
      rules: rulesOf(form),
      revoting: form.revoting,
      censusId: form.censusId,
      opensAt,
      closesAt,
    },
  };
}

const FIELDS: readonly DraftField[] = [
  "title",
  "description",
  "options",
  "parameter",
  "censusId",
  "opensAt",
  "closesAt",
];

/**
 * The form field an API INPUT_INVALID names by the path in its details (`options.1`,
 * `rules.budget`). Null when it names none of the form's fields.
 */
export function fieldOfApiPath(path: string): DraftField | null {
  const head = path.split(".")[0] ?? "";
  if (head === "rules") return "parameter";
  return FIELDS.find((field) => field === head) ?? null;
}
