/** The referendum draft form: datetime-local ↔ Unix seconds, checks per field, and the ReferendumDraft it sends. */
import { referendumDraft } from "../../../../functions/api/schemas";
import {
  draftToForm,
  emptyDraftForm,
  fieldOfApiPath,
  formToDraft,
  localInputToUnix,
  unixToLocalInput,
  validateDraftForm,
  type DraftForm,
} from "../../../../web/components/council/draft";

const base: DraftForm = {
  title: "  New park?  ",
  description: "Where the car park is now.",
  options: ["Yes", "No"],
  preset: "yes-no",
  parameter: "",
  revoting: true,
  censusId: "c1",
  opensAt: "2026-12-01T09:00",
  closesAt: "2026-12-08T18:30",
};

describe("# council draft form", () => {
  it("should read a datetime-local value in the local time zone and write it back", () => {
    const seconds = localInputToUnix("2026-12-01T09:00");
    expect(seconds).toBe(new Date(2026, 11, 1, 9, 0).getTime() / 1000);
    expect(unixToLocalInput(seconds ?? 0)).toBe("2026-12-01T09:00");
    expect(localInputToUnix("2026-12-01T09:00:30")).toBe((seconds ?? 0) + 30);
    expect(localInputToUnix("")).toBeNull();
    expect(localInputToUnix("yesterday")).toBeNull();
    const now = Math.floor(Date.now() / 60_000) * 60;
    expect(localInputToUnix(unixToLocalInput(now))).toBe(now);
  });

  it("should turn a valid form into the draft the API's schema accepts", () => {
    const result = formToDraft(base);
    if (!("draft" in result)) throw new Error("expected a draft");
    expect(result.draft).toEqual({
      title: "New park?",
      description: "Where the car park is now.",
      options: ["Yes", "No"],
      rules: { preset: "yes-no" },
      revoting: true,
      censusId: "c1",
      opensAt: localInputToUnix("2026-12-01T09:00"),
      closesAt: localInputToUnix("2026-12-08T18:30"),
    });
    expect(referendumDraft.safeParse(result.draft).success).toBe(true);
  });

  it.each([
    ["approval", "3", { preset: "approval", maxApprovals: 3 }],
    ["cumulative", "10", { preset: "cumulative", budget: 10 }],
    ["quadratic", "100", { preset: "quadratic", credits: 100 }],
    ["single-choice", "", { preset: "single-choice" }],
  ] as const)("should carry the %s preset's parameter", (preset, parameter, rules) => {
    const form: DraftForm = { ...base, preset, parameter, options: ["A", "B", "C"] };
    const result = formToDraft(form);
    if (!("draft" in result)) throw new Error("expected a draft");
    expect(result.draft.rules).toEqual(rules);
    expect(referendumDraft.safeParse(result.draft).success).toBe(true);
    expect(draftToForm(referendumDraft.parse(result.draft))).toEqual({ ...form, title: "New park?" });
  });

  it("should name each problem by its field", () => {
    expect(validateDraftForm(base)).toEqual({});
    expect(
      validateDraftForm({
        ...base,
        title: " ",
        options: ["Yes", "No", "Maybe"],
        censusId: "",
        opensAt: "",
        closesAt: "2026-12-08T18:30",
      }),
    ).toEqual({ title: "required", options: "yesNoTwo", censusId: "required", opensAt: "required" });
    expect(validateDraftForm({ ...base, closesAt: base.opensAt })).toEqual({ closesAt: "closesBeforeOpens" });
    expect(validateDraftForm({ ...base, title: "x".repeat(201) })).toEqual({ title: "tooLong" });
    expect(validateDraftForm({ ...base, preset: "single-choice", options: [] })).toEqual({ options: "optionsCount" });
    expect(validateDraftForm({ ...base, preset: "single-choice", options: Array(9).fill("o") as string[] })).toEqual({
      options: "optionsCount",
    });
    expect(validateDraftForm({ ...base, preset: "single-choice", options: ["A", " "] })).toEqual({
      options: "optionEmpty",
    });
    expect(validateDraftForm({ ...base, preset: "approval", parameter: "" })).toEqual({ parameter: "required" });
    expect(validateDraftForm({ ...base, preset: "approval", parameter: "9" })).toEqual({ parameter: "parameterRange" });
    expect(validateDraftForm({ ...base, preset: "cumulative", parameter: "1.5" })).toEqual({
      parameter: "parameterRange",
    });
    expect(validateDraftForm({ ...base, preset: "quadratic", parameter: "0" })).toEqual({
      parameter: "parameterRange",
    });
    expect(formToDraft({ ...base, title: "" })).toEqual({ errors: { title: "required" } });
  });

  it("should start a new draft as yes/no on the given census, opening on the next full hour", () => {
    const form = emptyDraftForm(Date.UTC(2026, 0, 1, 10, 20) / 1000, "c9", ["Ja", "Nee"]);
    expect(form).toMatchObject({ options: ["Ja", "Nee"], preset: "yes-no", censusId: "c9" });
    expect(localInputToUnix(form.opensAt)).toBe(Date.UTC(2026, 0, 1, 11) / 1000);
    expect(validateDraftForm({ ...form, title: "Q" })).toEqual({});
  });

  it("should find the form field an INPUT_INVALID detail's path names", () => {
    expect(fieldOfApiPath("options.1")).toBe("options");
    expect(fieldOfApiPath("rules.budget")).toBe("parameter");
    expect(fieldOfApiPath("closesAt")).toBe("closesAt");
    expect(fieldOfApiPath("")).toBeNull();
    expect(fieldOfApiPath("body")).toBeNull();
  });
});
