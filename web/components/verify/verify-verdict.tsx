"use client";
/** The audit's verdict at the top of the report; it takes the focus when the audit ends. */
import { useEffect, useRef, type ReactNode } from "react";
import type { AuditReport } from "../../../audit/report";
import { useI18n } from "../../lib/i18n";
import type { VerifyFacts } from "./worker-messages";
import { failedChecks, verdictOf } from "./view";

const NOTICE = { passed: "notice--success", unfinished: "notice--info", failed: "notice--error" } as const;

export function VerifyVerdict({ report, facts }: { report: AuditReport; facts: VerifyFacts }): ReactNode {
  const { t } = useI18n();
  const box = useRef<HTMLDivElement>(null);
  useEffect(() => {
    box.current?.focus();
  }, [report]);
  const verdict = verdictOf(report, facts);
  const count = report.checks.length;
  const failed = failedChecks(report, facts).length;
  const passed = report.checks.filter((check) => check.ok).length;
  return (
    <div
      ref={box}
      tabIndex={-1}
      className={`notice ${NOTICE[verdict]} verify-verdict`}
      role={verdict === "failed" ? "alert" : "status"}
      data-verdict={verdict}
    >
      <h2>
        <span aria-hidden="true">{verdict === "passed" ? "✓ " : verdict === "failed" ? "✗ " : "… "}</span>
        {t(`verify.verdict.${verdict}`, { count, failed })}
      </h2>
      <p>{t(`verify.verdict.${verdict}Detail`, { count, passed })}</p>
    </div>
  );
}
