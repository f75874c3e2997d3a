/**
 * A ballot form's answers turned into the circuit's votes array, and what is wrong with them in
 * terms a citizen understands (the page words each problem). Pure, so it is unit-tested.
 */
import { ballotCost, padVotes, votesProblems, type BallotRules } from "../../../protocol/rules";

/** How the form asks: one option (radio group), some options (checkboxes), or amounts (number inputs). */
export type BallotKind = "one" | "some" | "amounts";

/** What the citizen has entered so far. */
export type BallotAnswers =
  { kind: "one"; choice: number | null } | { kind: "some"; chosen: boolean[] } | { kind: "amounts"; amounts: string[] };

export type BallotProblemCode =
  | "choose-one"
  | "choose-at-least"
  | "choose-at-most"
  | "whole-number"
  | "amount-too-large"
  | "spend-at-least"
  | "over-budget"
  | "invalid";

/** One problem; `option` is the index of the field it concerns, when it concerns one. */
export interface BallotProblem {
  code: BallotProblemCode;
  option?: number;
  vars: Record<string, number>;
}

/** The form for some rules: a single vote of 1 is a choice of one, votes of 0/1 are checkboxes, else amounts. */
export function ballotKind(rules: BallotRules): BallotKind {
  if (rules.maxValue === 1 && rules.maxTotal === 1) return "one";
  if (rules.maxValue === 1) return "some";
  return "amounts";
}

/** The empty form for some rules. */
export function emptyAnswers(rules: BallotRules): BallotAnswers {
  const kind = ballotKind(rules);
  if (kind === "one") return { kind, choice: null };
  if (kind === "some") return { kind, chosen: Array<boolean>(rules.options).fill(false) };
  return { kind, amounts: Array<string>(rules.options).fill("0") };
}

/** An amount field's text as a vote: a whole number, or null when it is not one (blank counts as 0). */
export function parseAmount(text: string): number | null {
  const trimmed = text.trim();
  if (trimmed === "") return 0;
  if (!/^\d{1,9}$/.test(trimmed)) return null;
  return Number(trimmed);
}

/** The votes of the answers, one per option in use; null where an amount is not a whole number. */
function rawVotes(answers: BallotAnswers, options: number): (number | null)[] {
  switch (answers.kind) {
    case "one":
      return Array.from({ length: options }, (_, i) => (answers.choice === i ? 1 : 0));
    case "some":
      return Array.from({ length: options }, (_, i) => (answers.chosen[i] ? 1 : 0));
    case "amounts":
      return Array.from({ length: options }, (_, i) => parseAmount(answers.amounts[i] ?? ""));
  }
}

/** What the answers spend of the budget (sum of vote^costExponent), counting unreadable fields as 0. */
export function ballotSpent(answers: BallotAnswers, rules: BallotRules): number {
  return ballotCost(
    rawVotes(answers, rules.options).map((vote) => vote ?? 0),
    rules.costExponent,
  );
}

function fieldProblems(votes: (number | null)[], rules: BallotRules): BallotProblem[] {
  const problems: BallotProblem[] = [];
  votes.forEach((vote, option) => {
    if (vote === null) problems.push({ code: "whole-number", option, vars: { max: rules.maxValue } });
    else if (vote > rules.maxValue) problems.push({ code: "amount-too-large", option, vars: { max: rules.maxValue } });
  });
  return problems;
}

function totalProblem(answers: BallotAnswers, spent: number, rules: BallotRules): BallotProblem | null {
  const { minTotal, maxTotal } = rules;
  if (spent >= minTotal && spent <= maxTotal) return null;
  if (answers.kind === "one") return { code: "choose-one", vars: {} };
  if (answers.kind === "some") {
    return spent < minTotal
      ? { code: "choose-at-least", vars: { min: minTotal } }
      : { code: "choose-at-most", vars: { max: maxTotal } };
  }
  return spent < minTotal
    ? { code: "spend-at-least", vars: { min: minTotal } }
    : { code: "over-budget", vars: { spent, limit: maxTotal } };
}

/** Every problem with the answers under the rules; empty when the circuit will accept the votes. */
export function ballotProblems(answers: BallotAnswers, rules: BallotRules): BallotProblem[] {
  const votes = rawVotes(answers, rules.options);
  const fields = fieldProblems(votes, rules);
  if (fields.length > 0) return fields;
  const total = totalProblem(answers, ballotSpent(answers, rules), rules);
  if (total) return [total];
  return votesProblems(padVotes(votes as number[]), rules).length > 0 ? [{ code: "invalid", vars: {} }] : [];
}

/**
 * The votes array the circuit takes (VOTE_OPTIONS entries, zeros past the options in use).
 * @throws TypeError `ballot has problems: ...` when ballotProblems finds any.
 */
export function ballotVotes(answers: BallotAnswers, rules: BallotRules): number[] {
  const problems = ballotProblems(answers, rules);
  if (problems.length > 0) throw new TypeError(`ballot has problems: ${problems.map((p) => p.code).join(", ")}`);
  return padVotes(rawVotes(answers, rules.options) as number[]);
}
