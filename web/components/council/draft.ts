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
  /** Trustees' names, one per row; none means public votes (protocol v1.1). */
  trustees: string[];
  /** How many trustees must decrypt; "" follows the default (defaultThreshold). */
  threshold: string;
}

export type DraftField =
  "title" | "description" | "options" | "parameter" | "censusId" | "opensAt" | "closesAt" | "trustees" | "threshold";

/** Why a field is refused; the page turns each into a translated message. */
export type DraftProblem =
  | "required"
  | "tooLong"
  | "optionsCount"
  | "optionEmpty"
  | "yesNoTwo"
  | "parameterRange"
  | "closesBeforeOpens"
  | "trusteesCount"
  | "trusteeEmpty"
  | "trusteeDuplicate"
  | "thresholdRange";

/** Most trustees a referendum can have (functions/api/schemas.ts, MAX_TRUSTEES). */
export const MAX_TRUSTEES = 16;

/**
 * The threshold a council gets unless it picks one: 3 (so 3 of 5), or all of them when fewer
 * are named. Three keeps one or two absent trustees from blocking the count while no pair can
 * decrypt alone.
 */
export function defaultThreshold(trustees: number): number {
  return Math.min(3, trustees);
}

/** The threshold the form stands for: the council's choice, or the default for its trustees. */
export function thresholdOf(form: Pick<DraftForm, "trustees" | "threshold">): number {
  return form.threshold === "" ? defaultThreshold(form.trustees.length) : Number(form.threshold);
}

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
    trustees: [],
    threshold: "",
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
    trustees: draft.trustees ? [...draft.trustees.names] : [],
    // A saved default stays "follow the default", so adding a trustee later moves it along.
    threshold:
      draft.trustees && draft.trustees.threshold !== defaultThreshold(draft.trustees.names.length)
        ? String(draft.trustees.threshold)
        : "",
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
  Object.assign(errors, trusteeErrors(form));
  return errors;
}

function trusteeErrors(form: DraftForm): DraftErrors {
  const names = form.trustees.map((name) => name.trim());
  if (names.length === 0) return {};
  if (names.length > MAX_TRUSTEES) return { trustees: "trusteesCount" };
  if (names.some((name) => name === "")) return { trustees: "trusteeEmpty" };
  if (names.some((name) => name.length > 200)) return { trustees: "tooLong" };
  // The service tells trustees apart by name, whatever the case.
  if (new Set(names.map((name) => name.toLowerCase())).size !== names.length) return { trustees: "trusteeDuplicate" };
  const threshold = thresholdOf(form);
  if (!Number.isInteger(threshold) || threshold < 1 || threshold > names.length) return { threshold: "thresholdRange" };
  return {};
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
      ...(form.trustees.length > 0
        ? { trustees: { names: form.trustees.map((name) => name.trim()), threshold: thresholdOf(form) } }
        : {}),
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
  "trustees",
  "threshold",
];

/**
 * The form field an API INPUT_INVALID names by the path in its details (`options.1`,
 * `rules.budget`). Null when it names none of the form's fields.
 */
export function fieldOfApiPath(path: string): DraftField | null {
  const head = path.split(".")[0] ?? "";
  if (head === "rules") return "parameter";
  if (head === "trustees") return path.split(".")[1] === "threshold" ? "threshold" : "trustees";
  return FIELDS.find((field) => field === head) ?? null;
}
