"use client";
/** The audit's checks as a table: each with its verdict in words and an icon, its summary and problems. */
import type { ReactNode } from "react";
import type { AuditReport } from "../../../audit/report";
import { useI18n } from "../../lib/i18n";
import type { VerifyFacts } from "./worker-messages";
import { checkState, type CheckState } from "./view";

const ICON: Record<CheckState, string> = { pass: "✓", fail: "✗", pending: "…" };
const CLASS: Record<CheckState, string> = { pass: "pass", fail: "fail", pending: "verify-pending" };

export function VerifyReport({ report, facts }: { report: AuditReport; facts: VerifyFacts }): ReactNode {
  const { t } = useI18n();
  return (
    <section aria-labelledby="verify-report-heading">
      <h2 id="verify-report-heading">{t("verify.reportHeading")}</h2>
      <div className="verify-table-wrap">
        <table className="verify-checks">
          <thead>
            <tr>
              <th scope="col">{t("verify.col.check")}</th>
              <th scope="col">{t("verify.col.result")}</th>
              <th scope="col">{t("verify.col.details")}</th>
            </tr>
          </thead>
          <tbody>
            {report.checks.map((check) => {
              const state = checkState(check, facts);
              return (
                <tr key={check.id} data-check={check.id} data-result={state}>
                  <th scope="row">{t(`verify.check.${check.id}`)}</th>
                  <td className={CLASS[state]}>
                    <span aria-hidden="true">{ICON[state]}</span> {t(`verify.result.${state}`)}
                  </td>
                  <td>
                    {state === "pending" ? (
                      <p>{t(check.id === "close" ? "verify.pendingClose" : "verify.pendingTally")}</p>
                    ) : state === "pass" ? (
                      <p className="mono verify-summary">{check.summary}</p>
                    ) : (
                      <>
                        <p>{t("verify.problems")}:</p>
                        <ul className="verify-problems">
                          {check.problems.map((problem, i) => (
                            <li key={i} className="mono">
                              {problem}
                            </li>
                          ))}
                        </ul>
                      </>
                    )}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
    </section>
  );
}
