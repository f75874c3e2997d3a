/**
 * Pure helpers of the verify pages: the report's verdict as the page states it, the chart's
 * scaling, failures sorted by source, and the command that repeats the audit independently.
 */
import type { AuditReport, CheckId, CheckResult } from "../../../audit/report";
import type { VerifyFailureKind, VerifyFacts, VerifyPhase } from "./worker-messages";

/** passed: every check; unfinished: all but the tally, which is not published yet; failed: anything else. */
export type Verdict = "passed" | "unfinished" | "failed";

/**
 * A check as a row shows it: "pending" is the tally of a referendum whose result is not published,
 * or a closing checkpoint not anchored yet while its deadline has not passed (and nothing else failed).
 */
export type CheckState = "pass" | "fail" | "pending";

export function checkState(check: CheckResult, facts: Pick<VerifyFacts, "tallyAnchored">): CheckState {
  if (check.ok) return "pass";
  if (check.id === "close")
    return check.numbers.closing === "pending" && check.problems.length === 1 ? "pending" : "fail";
  return check.id === "tally" && !facts.tallyAnchored ? "pending" : "fail";
}

export function verdictOf(report: AuditReport, facts: Pick<VerifyFacts, "tallyAnchored">): Verdict {
  const states = report.checks.map((check) => checkState(check, facts));
  if (states.includes("fail")) return "failed";
  return states.includes("pending") ? "unfinished" : "passed";
}

/** The checks that failed outright (a pending tally is not one). */
export function failedChecks(report: AuditReport, facts: Pick<VerifyFacts, "tallyAnchored">): CheckId[] {
  return report.checks.filter((check) => checkState(check, facts) === "fail").map((check) => check.id);
}

/** Which source a failure of the audit's download came from, by the audit's own error text. */
export function failureKindOf(message: string): VerifyFailureKind {
  if (/cannot reach the chain RPC|no contract at/.test(message)) return "rpc";
  if (/cannot reach the API|is not JSON/.test(message)) return "api";
  if (/answered 404|is not a decimal number/.test(message)) return "notFound";
  if (/no public spec/.test(message)) return "notOpen";
  if (/artifacts\/|manifest/.test(message)) return "artifacts";
  return "other";
}

/** Progress of a phase as a fraction 0..1 for `<progress>`, or null while its size is unknown. */
export function progressFraction(done: number, total: number): number | null {
  if (total <= 0) return null;
  return Math.min(1, Math.max(0, done / total));
}

/** The phases in order, for a bar that never runs backwards across phases. */
export const PHASES: readonly VerifyPhase[] = ["start", "circuit", "census", "log", "proofs", "checks"];

/** `npx bling verify` with this site's sources filled in: the independent way to repeat the audit. */
export function cliCommand(where: { api: string; rpc: string; registry: string }, referendumId: string): string {
  return `npx bling verify --api ${where.api} --rpc ${where.rpc} --registry ${where.registry} --referendum ${referendumId}`;
}

/** Whether a typed referendum number is one: a positive decimal without leading zeros (ids are uint256). */
export function isReferendumId(value: string): boolean {
  return /^[1-9][0-9]{0,77}$/.test(value.trim());
}

/** Ids up to this many digits are shown whole; longer ones (most are 77-digit hashes) are shortened. */
const SHORT_ID_MAX = 20;

/** A referendum id short enough for one line: its first and last 8 digits around "…", when long. */
export function shortReferendumId(id: string): string {
  return id.length > SHORT_ID_MAX ? `${id.slice(0, 8)}…${id.slice(-8)}` : id;
}
