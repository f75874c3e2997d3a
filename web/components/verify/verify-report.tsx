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

/**
 * What the ceremony check adds in plain words: who took part (the people an observer must trust not
 * to have all colluded), or that a test deployment accepted the dev ceremony, said out loud rather
 * than as a silent pass.
 */
function CeremonyNote({ check, facts }: { check: CheckResult; facts: VerifyFacts }): ReactNode {
  const { t } = useI18n();
  if (check.numbers.acceptedAsTest === "yes")
    return (
      <p className="notice notice--info verify-test-deployment" role="note">
        {t("verify.ceremony.testAccepted")}
      </p>
    );
  if (!check.ok && check.numbers.ceremony === "dev-insecure") return <p>{t("verify.ceremony.devRefused")}</p>;
  const { ceremony } = facts;
  if (!ceremony) return null;
  return (
    <>
      <p>
        {t("verify.ceremony.summary", {
          id: ceremony.id,
          count: ceremony.participants.length,
          block: ceremony.beaconBlock,
        })}
      </p>
      <ul className="verify-ceremony-participants">
        {ceremony.participants.map((name, i) => (
          <li key={i}>{name}</li>
        ))}
      </ul>
    </>
  );
}

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
              {check.id === "ceremony" && <CeremonyNote check={check} facts={facts} />}
              <CheckDetails check={check} state={state} />
            </li>
          );
        })}
      </ul>
    </section>
  );
}
