import { approval, cumulative, quadratic, singleChoice, yesNo } from "../../../../protocol/rules";
import {
  ballotKind,
  ballotProblems,
  ballotSpent,
  ballotVotes,
  emptyAnswers,
  parseAmount,
  type BallotAnswers,
} from "../../../../web/components/citizen/ballot-form";

const codes = (answers: BallotAnswers, rules: Parameters<typeof ballotProblems>[1]): string[] =>
  ballotProblems(answers, rules).map((problem) => problem.code);

describe("# ballotKind", () => {
  it("should ask one choice for yes/no and single choice, some for approval, amounts otherwise", () => {
    expect(ballotKind(yesNo())).toBe("one");
    expect(ballotKind(singleChoice(4))).toBe("one");
    expect(ballotKind(approval(4, 2))).toBe("some");
    expect(ballotKind(cumulative(3, 10))).toBe("amounts");
    expect(ballotKind(quadratic(3, 9))).toBe("amounts");
  });

  it("should start every form empty", () => {
    expect(emptyAnswers(yesNo())).toEqual({ kind: "one", choice: null });
    expect(emptyAnswers(approval(3, 2))).toEqual({ kind: "some", chosen: [false, false, false] });
    expect(emptyAnswers(quadratic(2, 9))).toEqual({ kind: "amounts", amounts: ["0", "0"] });
  });
});

describe("# parseAmount", () => {
  it("should read whole numbers, blank as 0, and refuse anything else", () => {
    expect(parseAmount(" 3 ")).toBe(3);
    expect(parseAmount("")).toBe(0);
    expect(parseAmount("-1")).toBeNull();
    expect(parseAmount("1.5")).toBeNull();
    expect(parseAmount("2e3")).toBeNull();
    expect(parseAmount("1234567890")).toBeNull();
  });
});

describe("# ballotVotes", () => {
  it("should give a yes/no choice as one vote padded to eight slots", () => {
    expect(ballotVotes({ kind: "one", choice: 1 }, yesNo())).toEqual([0, 1, 0, 0, 0, 0, 0, 0]);
  });

  it("should give approvals as ones", () => {
    expect(ballotVotes({ kind: "some", chosen: [true, false, true] }, approval(3, 2))).toEqual([
      1, 0, 1, 0, 0, 0, 0, 0,
    ]);
  });

  it("should give quadratic amounts as votes within the credits", () => {
    const rules = quadratic(3, 9);
    const answers: BallotAnswers = { kind: "amounts", amounts: ["2", "2", "1"] };
    expect(ballotSpent(answers, rules)).toBe(9);
    expect(ballotVotes(answers, rules)).toEqual([2, 2, 1, 0, 0, 0, 0, 0]);
  });

  it("should throw when the answers have problems", () => {
    expect(() => ballotVotes({ kind: "one", choice: null }, yesNo())).toThrow("ballot has problems: choose-one");
  });
});

describe("# ballotProblems", () => {
  it("should ask for a choice when none is made", () => {
    expect(codes({ kind: "one", choice: null }, singleChoice(3))).toEqual(["choose-one"]);
  });

  it("should ask for at least one and at most k approvals", () => {
    const rules = approval(3, 2);
    expect(ballotProblems({ kind: "some", chosen: [false, false, false] }, rules)).toEqual([
      { code: "choose-at-least", vars: { min: 1 } },
    ]);
    expect(ballotProblems({ kind: "some", chosen: [true, true, true] }, rules)).toEqual([
      { code: "choose-at-most", vars: { max: 2 } },
    ]);
    expect(codes({ kind: "some", chosen: [true, true, false] }, rules)).toEqual([]);
  });

  it("should name the field that is not a whole number or above the maximum", () => {
    const rules = quadratic(3, 9);
    expect(ballotProblems({ kind: "amounts", amounts: ["x", "4", "0"] }, rules)).toEqual([
      { code: "whole-number", option: 0, vars: { max: 3 } },
      { code: "amount-too-large", option: 1, vars: { max: 3 } },
    ]);
  });

  it("should say by how much a quadratic ballot is over its credits, or that it spends nothing", () => {
    const rules = quadratic(3, 9);
    expect(ballotProblems({ kind: "amounts", amounts: ["3", "1", "0"] }, rules)).toEqual([
      { code: "over-budget", vars: { spent: 10, limit: 9 } },
    ]);
    expect(ballotProblems({ kind: "amounts", amounts: ["0", "", "0"] }, rules)).toEqual([
      { code: "spend-at-least", vars: { min: 1 } },
    ]);
  });

  it("should accept a cumulative ballot within its budget", () => {
    expect(codes({ kind: "amounts", amounts: ["4", "6"] }, cumulative(2, 10))).toEqual([]);
    expect(codes({ kind: "amounts", amounts: ["5", "6"] }, cumulative(2, 10))).toEqual(["over-budget"]);
  });
});
