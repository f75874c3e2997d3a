"use client";
/**
 * After an audit: what it was checked against (API, chain and block, registry) with its time, the
 * report as a JSON file and a printable page; and how to repeat it independently, step by step.
 */
import { useEffect, useState, type ReactNode } from "react";
import type { AuditReport } from "../../../audit/report";
import { useI18n } from "../../lib/i18n";
import { auditDocument, auditFileName, SOFTWARE_VERSION, type AuditSources } from "./audit-document";
import type { VerifyFacts } from "./worker-messages";

export function VerifyDownloads({
  report,
  facts,
  sources,
}: {
  report: AuditReport;
  facts: VerifyFacts;
  sources: AuditSources;
}): ReactNode {
  const { t, formatDate } = useI18n();
  const [url, setUrl] = useState<string | null>(null);
  useEffect(() => {
    const json = JSON.stringify(auditDocument(report, facts, sources), null, 2);
    const made = URL.createObjectURL(new Blob([json], { type: "application/json" }));
    setUrl(made);
    return () => {
      URL.revokeObjectURL(made);
    };
  }, [report, facts, sources]);
  // Chain ids and block numbers are identifiers, written as the chain writes them (no "31.337").
  const block = sources.block === null ? t("verify.download.blockUnknown") : String(sources.block);
  return (
    <section aria-labelledby="verify-download-heading" className="verify-downloads">
      <h2 id="verify-download-heading">{t("verify.download.heading")}</h2>
      <p>{t("verify.download.intro")}</p>
      <p data-checked-at={new Date(sources.checkedAt).toISOString()}>
        {t("verify.download.checkedAt", { date: formatDate(sources.checkedAt / 1000) })}
      </p>
      <ul className="verify-sources">
        <li>{t("verify.download.api", { api: sources.api })}</li>
        <li>{t("verify.download.chain", { chainId: String(sources.chainId), rpc: sources.rpc, block })}</li>
        <li>
          {t("verify.download.registry", { registry: sources.registry, deployBlock: String(sources.deployBlock) })}
        </li>
      </ul>
      <div className="actions no-print">
        {url && (
          <a className="button" href={url} download={auditFileName(report.referendumId, sources.checkedAt)}>
            {t("verify.download.json")}
          </a>
        )}
        <button
          type="button"
          className="button button--secondary"
          onClick={() => {
            window.print();
          }}
        >
          {t("verify.download.print")}
        </button>
      </div>
    </section>
  );
}

/** The steps from a clean machine to the same audit, with this site's exact version and sources. */
export function VerifyIndependently({ command }: { command: string }): ReactNode {
  const { t } = useI18n();
  const version = SOFTWARE_VERSION;
  return (
    <section aria-labelledby="verify-trust-heading">
      <h2 id="verify-trust-heading">{t("verify.independent.heading")}</h2>
      <p>{t("verify.trust")}</p>
      <p>{t("verify.independent.intro", { version })}</p>
      <ol className="verify-steps">
        <li>{t("verify.independent.step1")}</li>
        <li>{t("verify.independent.step2", { version })}</li>
        <li>
          {t("verify.independent.step3")}
          <pre className="code-box verify-command">
            <code>npm ci</code>
          </pre>
        </li>
        <li>
          {t("verify.independent.step4")}
          <pre className="code-box verify-command" aria-label={t("verify.commandLabel")}>
            <code>{command}</code>
          </pre>
        </li>
        <li>{t("verify.independent.step5")}</li>
      </ol>
    </section>
  );
}
