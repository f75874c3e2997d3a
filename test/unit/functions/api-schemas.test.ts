import { BlingError, ERRORS, toErrorResponse } from "../../../functions/api/errors";
import { pageQuery, parseInput, referendumDraft, registration } from "../../../functions/api/schemas";
import { ballotSubmission } from "../../../protocol/wire";
import { rulesFromChoice } from "../../../functions/api/rules-choice";
import { PUBLIC_SIGNAL_COUNT, sealedSignalLayout } from "../../../protocol/constants";
import { draftOf } from "../../fixtures/core-fixtures";

const problemOf = (fn: () => unknown): unknown => {
  try {
    fn();
    return null;
  } catch (error) {
    return error instanceof BlingError ? { code: error.code, message: error.message } : error;
  }
};

describe("# API schemas", () => {
  it("should accept a draft and fill in defaults", () => {
    const draft = parseInput(referendumDraft, { ...draftOf("c1", 0), description: undefined, revoting: undefined });
    expect(draft).toMatchObject({ description: "", revoting: false });
  });

  it("should refuse bad drafts with the field at fault", () => {
    expect(problemOf(() => parseInput(referendumDraft, { ...draftOf("c1", 0), options: ["a", "b", "c"] }))).toEqual({
      code: "INPUT_INVALID",
      message: "options: a yes/no referendum has exactly two options",
    });
    expect(problemOf(() => parseInput(referendumDraft, { ...draftOf("c1", 0), closesAt: 0 }))).toMatchObject({
      message: "closesAt: opensAt must be before closesAt",
    });
    expect(
      problemOf(() => parseInput(referendumDraft, { ...draftOf("c1", 0), options: Array(9).fill("x") })),
    ).toMatchObject({
      code: "INPUT_INVALID",
    });
    expect(problemOf(() => parseInput(referendumDraft, "draft"))).toMatchObject({ code: "INPUT_INVALID" });
    const approval = { ...draftOf("c1", 0), options: ["a", "b"], rules: { preset: "approval", maxApprovals: 3 } };
    expect(problemOf(() => parseInput(referendumDraft, approval))).toMatchObject({
      code: "INPUT_INVALID",
      message: expect.stringMatching(/^rules\.maxApprovals: /) as unknown,
    });
    expect(
      problemOf(() => parseInput(referendumDraft, { ...approval, rules: { preset: "approval", maxApprovals: 2 } })),
    ).toBeNull();
  });

  it("should take only canonical field elements and the exact ballot shape", () => {
    expect(problemOf(() => parseInput(registration, { code: "x", commitment: "12" }))).toBeNull();
    for (const commitment of ["012", "-1", "0x1", "1e3", 12]) {
      expect(problemOf(() => parseInput(registration, { code: "x", commitment }))).toMatchObject({
        code: "INPUT_INVALID",
      });
    }
    const proof = {
      pi_a: ["1", "2", "1"],
      pi_b: [
        ["1", "2"],
        ["3", "4"],
        ["1", "0"],
      ],
      pi_c: ["1", "2", "1"],
      protocol: "groth16",
      curve: "bn128",
    };
    expect(
      problemOf(() => parseInput(ballotSubmission, { proof, publicSignals: Array(PUBLIC_SIGNAL_COUNT).fill("1") })),
    ).toBeNull();
    expect(
      problemOf(() => parseInput(ballotSubmission, { proof, publicSignals: Array(PUBLIC_SIGNAL_COUNT - 1).fill("1") })),
    ).not.toBeNull();
    // Sealed ballots: 19 signals for two slots, 43 for eight; nothing longer.
    const sealed8 = sealedSignalLayout(8).count;
    expect(
      problemOf(() => parseInput(ballotSubmission, { proof, publicSignals: Array(sealed8).fill("1") })),
    ).toBeNull();
    expect(
      problemOf(() => parseInput(ballotSubmission, { proof, publicSignals: Array(sealed8 + 1).fill("1") })),
    ).not.toBeNull();
    expect(
      problemOf(() =>
        parseInput(ballotSubmission, {
          proof: { ...proof, protocol: "plonk" },
          publicSignals: Array(PUBLIC_SIGNAL_COUNT).fill("1"),
        }),
      ),
    ).not.toBeNull();
  });

  it("should parse page queries within bounds", () => {
    expect(parseInput(pageQuery, {})).toEqual({ from: 0, limit: 100 });
    expect(parseInput(pageQuery, { from: "5", limit: "10" })).toEqual({ from: 5, limit: 10 });
    expect(problemOf(() => parseInput(pageQuery, { limit: "100000" }))).toMatchObject({ code: "INPUT_INVALID" });
    expect(problemOf(() => parseInput(pageQuery, { from: "-1" }))).toMatchObject({ code: "INPUT_INVALID" });
  });

  it("should turn rule choices into circuit rules", () => {
    expect(rulesFromChoice({ preset: "approval", maxApprovals: 2 }, 4)).toMatchObject({
      options: 4,
      maxTotal: 2,
      preset: "approval",
    });
    expect(rulesFromChoice({ preset: "quadratic", credits: 100 }, 3)).toMatchObject({ maxValue: 10, costExponent: 2 });
  });
});

describe("# error responses", () => {
  it("should map domain errors to their status and hide anything else behind a 500", () => {
    expect(toErrorResponse(new BlingError("BALLOT_NULLIFIER_USED"))).toEqual({
      status: 409,
      body: { error: { code: "BALLOT_NULLIFIER_USED", message: ERRORS.BALLOT_NULLIFIER_USED.message } },
    });
    expect(toErrorResponse(new BlingError("INPUT_INVALID", "x: bad", [{ path: "x" }])).body.error.details).toEqual([
      { path: "x" },
    ]);
    expect(toErrorResponse(new Error("secret stack"))).toEqual({
      status: 500,
      body: { error: { code: "INTERNAL", message: ERRORS.INTERNAL.message } },
    });
    for (const [code, { status }] of Object.entries(ERRORS)) {
      expect(
        ["INTERNAL", "BUSY", "STORE_UNAVAILABLE"].includes(code) ? status >= 500 : status >= 400 && status < 500,
      ).toBe(true);
    }
  });
});
