"use client";
/**
 * The audit's checks as a list (no table to cut off on a phone): each with its verdict in words and
 * an icon, a plain sentence, and the raw figures or problems behind a disclosure.
 */
import type { ReactNode } from "react";
import type { AuditReport, CheckResult } from "../../../audit/report";
import { useI18n } from "../../lib/i18n";
import type { VerifyFacts } from "./worker-messages";
import { checkState, type CheckState } from "./view";

const ICON: Record<CheckState, string> = { pass: "✓", fail: "✗", pending: "…" };
const CLASS: Record<CheckState, string> = { pass: "pass", fail: "fail", pending: "verify-pending" };

function CheckDetails({ check, state }: { check: CheckResult; state: CheckState }): ReactNode {
  const { t } = useI18n();
  if (state === "pending") return <p>{t(check.id === "close" ? "verify.pendingClose" : "verify.pendingTally")}</p>;
  if (state === "pass")
    return (
      <>
        <p>{t("verify.plain.pass")}</p>
        <details className="verify-raw">
          <summary>{t("verify.plain.figures")}</summary>
          <p className="mono verify-summary">{check.summary}</p>
        </details>
      </>
    );
  return (
    <>
      <p>{t("verify.plain.fail", { count: check.problems.length })}</p>
      <details className="verify-raw" open>
        <summary>{t("verify.problems")}</summary>
        <ul className="verify-problems">
          {check.problems.map((problem, i) => (
            <li key={i} className="mono">
              {problem}
            </li>
          ))}
        </ul>
      </details>
    </>
  );
}

export function VerifyReport({ report, facts }: { report: AuditReport; facts: VerifyFacts }): ReactNode {
  const { t } = useI18n();
  return (
    <section aria-labelledby="verify-report-heading">
      <h2 id="verify-report-heading">{t("verify.reportHeading")}</h2>
      <ul className="verify-checks">
        {report.checks.map((check) => {
          const state = checkState(check, facts);
          return (
            <li key={check.id} data-check={check.id} data-result={state}>
              <h3>{t(`verify.check.${check.id}`)}</h3>
              <p className={CLASS[state]}>
                <span aria-hidden="true">{ICON[state]}</span> {t(`verify.result.${state}`)}
              </p>
              <CheckDetails check={check} state={state} />
            </li>
          );
        })}
      </ul>
    </section>
  );
}
