import { VOTE_OPTIONS, VOTE_TOTAL_BITS, VOTE_VALUE_BITS } from "../../../protocol/constants";
import {
  approval,
  areCircuitRulesInRange,
  ballotCost,
  cumulative,
  padVotes,
  quadratic,
  requireValidRules,
  rulesProblems,
  singleChoice,
  votesProblems,
  yesNo,
  type BallotRules,
} from "../../../protocol/rules";

const base: BallotRules = { options: 3, maxValue: 1, minTotal: 1, maxTotal: 1, costExponent: 1 };

describe("# presets", () => {
  it("should describe each kind of ballot", () => {
    expect(yesNo()).toEqual({ preset: "yes-no", options: 2, maxValue: 1, minTotal: 1, maxTotal: 1, costExponent: 1 });
    expect(singleChoice(5)).toMatchObject({ options: 5, maxValue: 1, minTotal: 1, maxTotal: 1 });
    expect(approval(6, 3)).toMatchObject({ options: 6, maxValue: 1, minTotal: 1, maxTotal: 3 });
    expect(cumulative(4, 10)).toMatchObject({ options: 4, maxValue: 10, maxTotal: 10, costExponent: 1 });
    expect(quadratic(4, 100)).toMatchObject({ options: 4, maxValue: 10, maxTotal: 100, costExponent: 2 });
    expect(quadratic(4, 99).maxValue).toBe(9);
  });

  it("should refuse impossible presets", () => {
    expect(() => singleChoice(VOTE_OPTIONS + 1)).toThrow(`options must be an integer from 1 to ${VOTE_OPTIONS}`);
    expect(() => singleChoice(0)).toThrow("invalid rules");
    expect(() => cumulative(3, 2 ** VOTE_VALUE_BITS)).toThrow("maxValue must be an integer");
    expect(() => approval(3, 0)).toThrow("maxTotal must be an integer from 1");
  });
});

describe("# rulesProblems", () => {
  it("should list every out-of-range value", () => {
    const problems = rulesProblems({
      options: 0.5,
      maxValue: -1,
      minTotal: NaN,
      maxTotal: 2 ** 40,
      costExponent: 3 as 1,
    });
    expect(problems).toHaveLength(5);
  });

  it("should refuse minTotal above maxTotal or beyond reach", () => {
    expect(rulesProblems({ ...base, minTotal: 2 })).toEqual(["minTotal must not exceed maxTotal"]);
    expect(rulesProblems({ ...base, maxTotal: 10, minTotal: 4 })).toEqual([
      "minTotal cannot be reached with these options and maxValue",
    ]);
    expect(() => requireValidRules({ ...base, minTotal: 2 })).toThrow("invalid rules: minTotal must not exceed");
  });
});

describe("# areCircuitRulesInRange", () => {
  it("should accept the bounds and refuse one past them", () => {
    const max = {
      maxValue: 2 ** VOTE_VALUE_BITS - 1,
      minTotal: 0,
      maxTotal: 2 ** VOTE_TOTAL_BITS - 1,
      costExponent: 2 as const,
    };
    expect(areCircuitRulesInRange(max)).toBe(true);
    expect(areCircuitRulesInRange({ ...max, maxValue: 2 ** VOTE_VALUE_BITS })).toBe(false);
    expect(areCircuitRulesInRange({ ...max, maxTotal: 2 ** VOTE_TOTAL_BITS })).toBe(false);
    expect(areCircuitRulesInRange({ ...max, minTotal: -1 })).toBe(false);
    expect(areCircuitRulesInRange({ ...max, costExponent: 3 as 2 })).toBe(false);
  });
});

describe("# votesProblems", () => {
  it("should accept a valid ballot of each preset", () => {
    expect(votesProblems(padVotes([1, 0]), yesNo())).toEqual([]);
    expect(votesProblems(padVotes([0, 0, 1]), singleChoice(3))).toEqual([]);
    expect(votesProblems(padVotes([1, 1, 0, 1]), approval(4, 3))).toEqual([]);
    expect(votesProblems(padVotes([7, 0, 3]), cumulative(3, 10))).toEqual([]);
    expect(votesProblems(padVotes([3, 2, 1]), quadratic(3, 16))).toEqual([]);
  });

  it("should name each violation", () => {
    expect(votesProblems(padVotes([2, 0]), yesNo())).toEqual(["votes[0] must be an integer from 0 to 1"]);
    expect(votesProblems(padVotes([1, 1]), yesNo())).toEqual(["total 2 must be from 1 to 1"]);
    expect(votesProblems(padVotes([0, 0]), yesNo())).toEqual(["total 0 must be from 1 to 1"]);
    expect(votesProblems(padVotes([0, 0, 1]), yesNo())).toEqual(["votes[2] must be an integer from 0 to 0"]);
    expect(votesProblems(padVotes([4, 1]), quadratic(2, 16))).toEqual(["total 17 must be from 1 to 16"]);
    expect(votesProblems([1], yesNo())).toEqual([`votes must have ${VOTE_OPTIONS} entries`]);
    expect(votesProblems(padVotes([0.5, 0]), cumulative(2, 3))).toHaveLength(1);
  });
});

describe("# ballotCost / padVotes", () => {
  it("should sum votes or their squares", () => {
    expect(ballotCost([3, 2, 1], 1)).toBe(6);
    expect(ballotCost([3, 2, 1], 2)).toBe(14);
  });

  it("should pad to the vote slots and refuse too many", () => {
    expect(padVotes([1])).toEqual([1, 0, 0, 0, 0, 0, 0, 0]);
    expect(() => padVotes(Array<number>(VOTE_OPTIONS + 1).fill(0))).toThrow(`at most ${VOTE_OPTIONS} votes`);
  });
});
