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
  defaultThreshold,
  thresholdOf,
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
  trustees: [],
  threshold: "",
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

describe("# council draft form: trustees", () => {
  const withTrustees = (trustees: string[], threshold = ""): DraftForm => ({ ...base, trustees, threshold });

  it("should default to 3 of 5, or all of them when fewer than 3 are named", () => {
    expect(thresholdOf(withTrustees(["A", "B", "C", "D", "E"]))).toBe(3);
    expect(thresholdOf(withTrustees(["A", "B"]))).toBe(2);
    expect(defaultThreshold(1)).toBe(1);
    expect(thresholdOf(withTrustees(["A", "B", "C", "D", "E"], "4"))).toBe(4);
  });

  it("should send no trustees when none are named, and the names and threshold otherwise", () => {
    const none = formToDraft(base);
    expect("draft" in none && "trustees" in none.draft).toBe(false);
    const result = formToDraft(withTrustees([" Alice ", "Bob", "Carol"], "2"));
    if (!("draft" in result)) throw new Error("refused");
    expect(result.draft.trustees).toEqual({ names: ["Alice", "Bob", "Carol"], threshold: 2 });
    expect(referendumDraft.safeParse(result.draft).success).toBe(true);
  });

  it("should refuse empty, duplicate and too many names, and a threshold above the count", () => {
    expect(validateDraftForm(withTrustees(["Alice", " "]))).toEqual({ trustees: "trusteeEmpty" });
    expect(validateDraftForm(withTrustees(["Alice", "alice"]))).toEqual({ trustees: "trusteeDuplicate" });
    expect(validateDraftForm(withTrustees(Array.from({ length: 17 }, (_, i) => `T${i}`)))).toEqual({
      trustees: "trusteesCount",
    });
    expect(validateDraftForm(withTrustees(["Alice", "Bob"], "3"))).toEqual({ threshold: "thresholdRange" });
  });

  it("should show a saved default threshold as the default, and another one as chosen", () => {
    const saved = (threshold: number): DraftForm => {
      const result = formToDraft(withTrustees(["A", "B", "C", "D", "E"], String(threshold)));
      if (!("draft" in result)) throw new Error("refused");
      return draftToForm(referendumDraft.parse(result.draft));
    };
    expect(saved(3)).toMatchObject({ trustees: ["A", "B", "C", "D", "E"], threshold: "" });
    expect(saved(5).threshold).toBe("5");
  });

  it("should name the trustee fields of an API refusal", () => {
    expect(fieldOfApiPath("trustees.names")).toBe("trustees");
    expect(fieldOfApiPath("trustees.threshold")).toBe("threshold");
  });
});
