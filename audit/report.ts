/** The audit's result: named checks, each passed or failed with its numbers and what went wrong. */

export type CheckId =
  | "spec"
  | "census"
  | "circuit"
  | "ceremony"
  | "trustees"
  | "ballots"
  | "nullifiers"
  | "log"
  | "checkpoints"
  | "close"
  | "tally"
  | "receipts";

export interface CheckResult {
  id: CheckId;
  title: string;
  ok: boolean;
  /** One line: what was checked and how many, or the first thing that failed. */
  summary: string;
  /** Every problem found (the first MAX_PROBLEMS, then a count of the rest). */
  problems: string[];
  numbers: Record<string, number | string>;
}

export interface AuditReport {
  referendumId: string;
  ok: boolean;
  checks: CheckResult[];
}

/** Problems listed per check: a log with 100,000 bad ballots should not print 100,000 lines. */
export const MAX_PROBLEMS = 20;

/** Collects a check's problems, capped, and builds its result. */
export class CheckBuilder {
  private readonly problems: string[] = [];
  private extra = 0;
  readonly numbers: Record<string, number | string> = {};

  constructor(
    readonly id: CheckId,
    readonly title: string,
  ) {}

  fail(problem: string): void {
    if (this.problems.length < MAX_PROBLEMS) this.problems.push(problem);
    else this.extra++;
  }

  get failed(): boolean {
    return this.problems.length > 0;
  }

  done(summary: string): CheckResult {
    const problems = this.extra > 0 ? [...this.problems, `... and ${this.extra} more`] : [...this.problems];
    return {
      id: this.id,
      title: this.title,
      ok: problems.length === 0,
      summary: problems[0] ?? summary,
      problems,
      numbers: this.numbers,
    };
  }
}

/** The human report: one line per check, its problems indented under it, the verdict last. */
export function formatReport(report: AuditReport): string {
  const lines = [`Audit of referendum ${report.referendumId}`, ""];
  for (const check of report.checks) {
    lines.push(`${check.ok ? "PASS" : "FAIL"}  ${check.title}`);
    if (check.ok) lines.push(`      ${check.summary}`);
    for (const problem of check.problems) lines.push(`      - ${problem}`);
  }
  const failed = report.checks.filter((check) => !check.ok).length;
  lines.push(
    "",
    report.ok
      ? `Verdict: PASS (${report.checks.length} checks)`
      : `Verdict: FAIL (${failed} of ${report.checks.length} checks failed)`,
  );
  return lines.join("\n");
}
