"use client";
/**
 * `/verify/{id}/`: the observer's audit of one referendum in the browser, from public data only,
 * with the command that repeats it independently of this website.
 */
import { useEffect, useState, type ReactNode } from "react";
import type { PublicReferendum } from "../../../functions/api/views";
import { ApiError } from "../../lib/api-client";
import { useI18n } from "../../lib/i18n";
import { useRouteId } from "../../lib/route-id";
import { useSite } from "../../lib/use-site";
import { cliCommand, shortReferendumId, verdictOf } from "./view";
import { ApiErrorNotice, ErrorNotice, Loading } from "../status";
import { FullNumber, ReferendumNumber } from "./referendum-number";
import { useVerification } from "./use-verification";
import { VerifyProgress } from "./verify-progress";
import { latestBlock, type AuditSources } from "./audit-document";
import { PublishedResult } from "./published-result";
import { VerifyDownloads, VerifyIndependently } from "./verify-downloads";
import { VerifyReport } from "./verify-report";
import { VerifyResults } from "./verify-results";
import { VerifyVerdict } from "./verify-verdict";
import "./verify.css";

/** The dropped-in receipt files, parsed; a file that is not JSON is kept as text, which the check ignores and counts. */
async function readReceiptFiles(files: FileList | null): Promise<{ source: string; content: unknown }[]> {
  const read = await Promise.all(
    Array.from(files ?? [], async (file) => {
      const text = await file.text();
      try {
        const content = JSON.parse(text) as unknown;
        return Array.isArray(content)
          ? content.map((item: unknown, i) => ({ source: `${file.name}[${i}]`, content: item }))
          : [{ source: file.name, content }];
      } catch {
        return [{ source: file.name, content: text }];
      }
    }),
  );
  return read.flat();
}

function NotFound({ id }: { id: string | null }): ReactNode {
  const { t } = useI18n();
  return (
    <>
      <h1>{id === null ? t("verify.index.title") : t("verify.page.titleUnknown", { id: shortReferendumId(id) })}</h1>
      <ErrorNotice>
        <p>{id === null ? t("verify.page.noId") : t("verify.page.notFound", { id: shortReferendumId(id) })}</p>
        {id !== null && <FullNumber id={id} />}
      </ErrorNotice>
      <p>
        <a href="/verify/">{t("verify.page.toIndex")}</a>
      </p>
    </>
  );
}

export function VerifyReferendum(): ReactNode {
  const { t } = useI18n();
  const id = useRouteId("verify");
  const site = useSite();
  const [referendum, setReferendum] = useState<PublicReferendum | null>(null);
  const [error, setError] = useState<unknown>(null);
  const { state, start } = useVerification();
  const [receipts, setReceipts] = useState<{ source: string; content: unknown }[]>([]);
  const [ended, setEnded] = useState<{ checkedAt: number; block: number | null } | null>(null);

  useEffect(() => {
    if (site.status !== "ready" || !id) return;
    site.api.referendum(id).then(setReferendum, setError);
  }, [site, id]);

  // The report names the block the chain had reached when the audit ended.
  const rpc = site.status === "ready" ? site.config.chainRpcUrl : null;
  useEffect(() => {
    if (state.status !== "done" || rpc === null) {
      setEnded(null);
      return;
    }
    const checkedAt = Date.now();
    void latestBlock(rpc).then((block) => {
      setEnded({ checkedAt, block });
    });
  }, [state, rpc]);

  // An id that is not a referendum id at all (PATH_INVALID) names no referendum either.
  if (
    id === null ||
    (error instanceof ApiError && (error.code === "REFERENDUM_NOT_FOUND" || error.code === "PATH_INVALID"))
  )
    return <NotFound id={id ?? null} />;
  if (id === undefined || site.status === "loading") return <Loading />;
  if (site.status === "error") return <ErrorNotice>{t("common.configError", { detail: site.detail })}</ErrorNotice>;
  const { config } = site;
  const where = { api: config.apiUrl, rpc: config.chainRpcUrl, registry: config.registryAddress };
  const running = state.status === "running";
  const passed = state.status === "done" && verdictOf(state.report, state.facts) === "passed";
  const sources: AuditSources | null = ended && {
    ...where,
    chainId: config.chainId,
    deployBlock: config.registryDeployBlock,
    ...ended,
  };
  return (
    <div className="verify-page">
      <h1>
        {referendum
          ? t("verify.page.title", { title: referendum.spec.title })
          : t("verify.page.titleUnknown", { id: shortReferendumId(id) })}
      </h1>
      {referendum && (
        <ReferendumNumber id={id}>
          {" · "}
          <span className="badge">{t(`verify.state.${referendum.state}`)}</span>
        </ReferendumNumber>
      )}
      {error !== null && <ApiErrorNotice error={error} />}
      {/* The result first: the published one at once, the recounted one in its place once verified. */}
      {passed ? (
        <div className="verify-results">
          <VerifyResults facts={state.facts} />
        </div>
      ) : (
        referendum && <PublishedResult referendum={referendum} api={site.api} />
      )}
      <h2 id="verify-audit-heading">{t("verify.auditHeading")}</h2>
      <p className="lead">{t("verify.page.intro")}</p>
      <p>
        <label htmlFor="verify-receipts">{t("verify.receipts.label")}</label>
        <br />
        <input
          id="verify-receipts"
          type="file"
          accept=".json,application/json"
          multiple
          aria-describedby="verify-receipts-help"
          onChange={(event) => {
            void readReceiptFiles(event.target.files).then(setReceipts);
          }}
        />
        <br />
        <span id="verify-receipts-help" className="muted">
          {t("verify.receipts.help")}
          {receipts.length > 0 && ` ${t("verify.receipts.count", { count: receipts.length })}`}
        </span>
      </p>
      <div className="actions">
        <button
          type="button"
          className="button"
          disabled={running}
          onClick={() => {
            start({
              ...where,
              deployBlock: config.registryDeployBlock,
              testDeployment: config.testDeployment === true,
              referendumId: id,
              receipts,
            });
          }}
        >
          {state.status === "idle" || running ? t("verify.page.start") : t("verify.page.again")}
        </button>
      </div>
      {state.status === "running" && <VerifyProgress phase={state.phase} done={state.done} total={state.total} />}
      {state.status === "failed" && (
        <ErrorNotice>
          <p data-failure={state.kind}>{t(`verify.failed.${state.kind}`)}</p>
          <details>
            <summary>{t("verify.failed.detail")}</summary>
            <p className="mono">{state.detail}</p>
          </details>
        </ErrorNotice>
      )}
      {state.status === "done" && (
        <>
          <VerifyVerdict report={state.report} facts={state.facts} />
          <VerifyReport report={state.report} facts={state.facts} />
          <p className="muted" data-proofs={state.facts.proofs.count} data-ms={Math.round(state.facts.proofs.ms)}>
            {t("verify.speed", {
              count: state.facts.proofs.count,
              seconds: Math.max(0.01, Math.round(state.facts.proofs.ms / 10) / 100),
            })}
          </p>
          {sources && <VerifyDownloads report={state.report} facts={state.facts} sources={sources} />}
        </>
      )}
      <VerifyIndependently command={cliCommand(where, id)} />
    </div>
  );
}
