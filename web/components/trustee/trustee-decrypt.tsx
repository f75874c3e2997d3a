"use client";
/**
 * After the close: the trustee's decryption of the final total. The worker recomputes the total
 * from the log the registry anchored at close and refuses any other; the page publishes the result.
 */
import { useState, type ReactNode } from "react";
import type { AggregateView } from "../../../functions/api/views";
import type { TrusteeSecret } from "../../../protocol/trustee-steps";
import type { PublicApi } from "../../lib/api-client";
import type { SiteConfig } from "../../lib/site-config";
import { useI18n } from "../../lib/i18n";
import { ApiErrorNotice, ErrorNotice, SuccessNotice } from "../status";
import { decryptInWorker, TrusteeWorkerError } from "./trustee-worker";

type Decrypting =
  | { status: "idle" }
  | { status: "running"; phase: "census" | "log" | "decrypting" | "posting"; done: number; total: number }
  | { status: "done"; voters: number; decryptedBy: number[]; threshold: number }
  | { status: "failed"; error: unknown };

function Failure({ error }: { error: unknown }): ReactNode {
  const { t } = useI18n();
  if (!(error instanceof TrusteeWorkerError)) return <ApiErrorNotice error={error} />;
  const text =
    error.kind === "too-early"
      ? t("trustee.decrypt.tooEarly")
      : error.kind === "mismatch"
        ? t("trustee.decrypt.mismatch")
        : error.kind === "source"
          ? t("trustee.decrypt.source")
          : t("trustee.decrypt.other", { detail: error.message });
  return (
    <ErrorNotice>
      <p data-error-code={error.kind}>{text}</p>
    </ErrorNotice>
  );
}

export function DecryptPanel({
  api,
  config,
  secret,
  aggregate,
  onPublished,
}: {
  api: PublicApi;
  config: SiteConfig;
  secret: TrusteeSecret;
  /** The service's view of the aggregate, for who has decrypted (null until it has one). */
  aggregate: AggregateView | null;
  onPublished: () => void;
}): ReactNode {
  const { t } = useI18n();
  const [state, setState] = useState<Decrypting>({ status: "idle" });
  const already = aggregate?.decryptedBy.includes(secret.index) ?? false;
  const run = async (): Promise<void> => {
    setState({ status: "running", phase: "census", done: 0, total: 0 });
    try {
      const { partial, voters } = await decryptInWorker(
        {
          type: "decrypt",
          api: config.apiUrl,
          rpc: config.chainRpcUrl,
          registry: config.registryAddress,
          secret,
        },
        (event) => {
          setState({ status: "running", phase: event.phase, done: event.done, total: event.total });
        },
      );
      setState({ status: "running", phase: "posting", done: 0, total: 0 });
      const answer = await api.postPartial(secret.referendumId, partial);
      setState({ status: "done", voters, ...answer });
      onPublished();
    } catch (error) {
      setState({ status: "failed", error });
    }
  };
  return (
    <section className="panel" aria-labelledby="trustee-decrypt">
      <h2 id="trustee-decrypt">{t("trustee.decrypt.title")}</h2>
      <p>{t("trustee.decrypt.intro")}</p>
      {aggregate && (
        <p data-testid="decrypted-by">
          {t("trustee.decrypt.status", { count: aggregate.decryptedBy.length, threshold: aggregate.threshold })}
        </p>
      )}
      <div aria-live="polite">
        {state.status === "running" && (
          <p role="status">{t(`trustee.decrypt.progress.${state.phase}`, { done: state.done, total: state.total })}</p>
        )}
        {state.status === "done" && (
          <SuccessNotice>
            <p>{t("trustee.decrypt.done", { voters: state.voters })}</p>
            <p>{t("trustee.decrypt.status", { count: state.decryptedBy.length, threshold: state.threshold })}</p>
          </SuccessNotice>
        )}
        {state.status === "idle" && already && <p>{t("trustee.decrypt.already")}</p>}
      </div>
      {state.status === "failed" && <Failure error={state.error} />}
      {state.status !== "done" && !already && (
        <div className="actions">
          <button type="button" className="button" disabled={state.status === "running"} onClick={() => void run()}>
            {t("trustee.decrypt.submit")}
          </button>
        </div>
      )}
    </section>
  );
}
