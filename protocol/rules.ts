import { z } from "./zod";
import { COST_EXPONENTS, VOTE_OPTIONS, VOTE_TOTAL_BITS, VOTE_VALUE_BITS } from "./constants";

export const rulesPreset = z.enum(["yes-no", "single-choice", "approval", "cumulative", "quadratic"]);
export type RulesPreset = z.infer<typeof rulesPreset>;

/**
 * What a ballot may contain. The circuit proves each vote <= maxValue and
 * minTotal <= sum(vote^costExponent) <= maxTotal; `options` is checked on the
 * public votes (slots past it must be 0). The schema holds the shape only: whether the values are
 * sound is `rulesProblems`'s to say, so an observer can name what is wrong rather than refuse to read.
 */
export const ballotRules = z.object({
  /** Options in use, 1..VOTE_OPTIONS. */
  options: z.int(),
  maxValue: z.int(),
  minTotal: z.int(),
  maxTotal: z.int(),
  costExponent: z.union([z.literal(1), z.literal(2)]),
});
export type BallotRules = Readonly<z.infer<typeof ballotRules>>;

/** The rule values a ballot carries in its public signals (the options count is the referendum's). */
export type CircuitRules = Pick<BallotRules, "maxValue" | "minTotal" | "maxTotal" | "costExponent">;

/** The rules of a preset, named so a citizen's screen and an observer's report can say what kind of ballot it is. */
export interface PresetRules extends BallotRules {
  readonly preset: RulesPreset;
}

/** Options 0 and 1 (yes, no): exactly one vote. */
export function yesNo(): PresetRules {
  return rulesOf("yes-no", { options: 2, maxValue: 1, minTotal: 1, maxTotal: 1, costExponent: 1 });
}

/** Exactly one of `options`. */
export function singleChoice(options: number): PresetRules {
  return rulesOf("single-choice", { options, maxValue: 1, minTotal: 1, maxTotal: 1, costExponent: 1 });
}

/** Approve between 1 and `maxApprovals` of `options`. */
export function approval(options: number, maxApprovals: number): PresetRules {
  return rulesOf("approval", { options, maxValue: 1, minTotal: 1, maxTotal: maxApprovals, costExponent: 1 });
}

/** Spread up to `budget` points over `options`, any number on one option. */
export function cumulative(options: number, budget: number): PresetRules {
  return rulesOf("cumulative", { options, maxValue: budget, minTotal: 1, maxTotal: budget, costExponent: 1 });
}

/** Quadratic voting: n votes on an option cost n^2 of `credits`. */
export function quadratic(options: number, credits: number): PresetRules {
  const maxValue = Math.floor(Math.sqrt(credits));
  return rulesOf("quadratic", { options, maxValue, minTotal: 1, maxTotal: credits, costExponent: 2 });
}

function rulesOf(preset: RulesPreset, rules: BallotRules): PresetRules {
  requireValidRules(rules);
  return { preset, ...rules };
}

function isIntegerIn(value: unknown, min: number, max: number): value is number {
  return typeof value === "number" && Number.isSafeInteger(value) && value >= min && value <= max;
}

const MAX_VALUE = 2 ** VOTE_VALUE_BITS - 1;
// 2^35 - 1 and below are safe integers, so totals never lose precision in a JS number.
const MAX_TOTAL = 2 ** VOTE_TOTAL_BITS - 1;

/**
 * Whether public rule values are within the ranges the ballot circuit's
 * comparators are sound for; verifiers must check this before trusting a proof.
 */
export function areCircuitRulesInRange(rules: CircuitRules): boolean {
  return (
    isIntegerIn(rules.maxValue, 0, MAX_VALUE) &&
    isIntegerIn(rules.minTotal, 0, MAX_TOTAL) &&
    isIntegerIn(rules.maxTotal, 0, MAX_TOTAL) &&
    (COST_EXPONENTS as readonly number[]).includes(rules.costExponent)
  );
}

/**
 * Problems with a set of rules, empty when they are valid: every number is an
 * integer the circuit can range-check, and some ballot can satisfy them.
 */
export function rulesProblems(rules: BallotRules): string[] {
  const problems: string[] = [];
  if (!isIntegerIn(rules.options, 1, VOTE_OPTIONS))
    problems.push(`options must be an integer from 1 to ${VOTE_OPTIONS}`);
  if (!isIntegerIn(rules.maxValue, 1, MAX_VALUE)) problems.push(`maxValue must be an integer from 1 to ${MAX_VALUE}`);
  if (!isIntegerIn(rules.minTotal, 0, MAX_TOTAL)) problems.push(`minTotal must be an integer from 0 to ${MAX_TOTAL}`);
  if (!isIntegerIn(rules.maxTotal, 1, MAX_TOTAL)) problems.push(`maxTotal must be an integer from 1 to ${MAX_TOTAL}`);
  if (!(COST_EXPONENTS as readonly number[]).includes(rules.costExponent)) problems.push("costExponent must be 1 or 2");
  if (problems.length > 0) return problems;
  if (rules.minTotal > rules.maxTotal) problems.push("minTotal must not exceed maxTotal");
  const reachable = rules.options * rules.maxValue ** rules.costExponent;
  if (rules.minTotal > reachable) problems.push("minTotal cannot be reached with these options and maxValue");
  return problems;
}

/**
 * @throws TypeError `invalid rules: ...` listing every problem.
 */
export function requireValidRules(rules: BallotRules): BallotRules {
  const problems = rulesProblems(rules);
  if (problems.length > 0) throw new TypeError(`invalid rules: ${problems.join("; ")}`);
  return rules;
}

/** The total a ballot spends: sum of vote^costExponent. */
export function ballotCost(votes: readonly number[], costExponent: 1 | 2): number {
  return votes.reduce((sum, vote) => sum + vote ** costExponent, 0);
}

/**
 * Problems with votes under rules, empty when the circuit would accept them:
 * VOTE_OPTIONS integers, 0 past `options`, each <= maxValue, total within bounds.
 */
export function votesProblems(votes: readonly number[], rules: BallotRules): string[] {
  if (votes.length !== VOTE_OPTIONS) return [`votes must have ${VOTE_OPTIONS} entries`];
  const problems: string[] = [];
  votes.forEach((vote, i) => {
    const max = i < rules.options ? rules.maxValue : 0;
    if (!isIntegerIn(vote, 0, max)) problems.push(`votes[${i}] must be an integer from 0 to ${max}`);
  });
  if (problems.length > 0) return problems;
  const total = ballotCost(votes, rules.costExponent);
  if (total < rules.minTotal || total > rules.maxTotal) {
    problems.push(`total ${total} must be from ${rules.minTotal} to ${rules.maxTotal}`);
  }
  return problems;
}

/** Pads a choice for the used options with zeros to the VOTE_OPTIONS slots. */
export function padVotes(votes: readonly number[]): number[] {
  if (votes.length > VOTE_OPTIONS) throw new TypeError(`at most ${VOTE_OPTIONS} votes`);
  return [...votes, ...Array<number>(VOTE_OPTIONS - votes.length).fill(0)];
}
