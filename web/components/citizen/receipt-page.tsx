"use client";
/**
 * `/receipt/?referendum=<id>&ballot=<ballotId>`: in plain words first (what to keep, that nothing
 * else is needed, whether the ballot is in the public log), the receipt checked in this browser (the
 * signed promise, then the inclusion proof under a signed tree head, polled until the ballot is in
 * the log), the hashes behind "Technical details", and this device's other ballots in the referendum.
 */
import { useEffect, useState, type ReactNode } from "react";
import { verifyReceipt, type Receipt } from "../../../protocol/log-objects";
import type { PublicReferendum } from "../../../functions/api/views";
import { ApiError } from "../../lib/api-client";
import { parseReceiptQuery, receiptHref } from "./links";
import { useI18n } from "../../lib/i18n";
import { receiptsFor, saveReceipt } from "./receipt-store";
import { useSite } from "../../lib/use-site";
import { ApiErrorNotice, ErrorNotice, Loading, SuccessNotice } from "../status";
import { FinalCheckNotice } from "./final-check";
import "./citizen.css";

const POLL_MS = 3000;

type Query = { referendumId: string; ballotId: string } | null;

function ReceiptCheck({ receipt, logKey }: { receipt: Receipt; logKey: string }): ReactNode {
  const { t } = useI18n();
  const promised = verifyReceipt({ ...receipt, status: "queued" }, logKey);
  const whole = verifyReceipt(receipt, logKey);
  return (
    <>
      {promised ? (
        <p className="pass">{t("citizen.receipt.promiseOk")}</p>
      ) : (
        <ErrorNotice>
          <p>{t("citizen.receipt.promiseBad")}</p>
        </ErrorNotice>
      )}
      {receipt.status === "queued" && <p role="status">{t("citizen.receipt.queued")}</p>}
      {receipt.status === "integrated" && whole && receipt.inclusion && receipt.sequence !== undefined && (
        <SuccessNotice>
          <p>
            {t("citizen.receipt.included", {
              position: receipt.sequence + 1,
              size: receipt.inclusion.treeHead.treeSize,
            })}
          </p>
        </SuccessNotice>
      )}
      {receipt.status === "integrated" && !whole && (
        <ErrorNotice>
          <p>{t("citizen.receipt.inclusionBad")}</p>
        </ErrorNotice>
      )}
    </>
  );
}

/** What an observer or an expert may want: the hashes and what exactly was checked, behind a disclosure. */
function TechnicalDetails({ receipt, logKey }: { receipt: Receipt; logKey: string }): ReactNode {
  const { t } = useI18n();
  return (
    <details className="citizen-details">
      <summary>{t("citizen.receipt.technical")}</summary>
      <dl>
        <dt>{t("citizen.receipt.ballotId")}</dt>
        <dd className="mono">{receipt.ballotId}</dd>
        <dt>{t("citizen.receipt.entryHash")}</dt>
        <dd className="mono">{receipt.entryHash}</dd>
        <dt>{t("citizen.receipt.logKey")}</dt>
        <dd className="mono">{logKey}</dd>
      </dl>
      <p>{t("citizen.receipt.technicalChecks")}</p>
      {receipt.inclusion && <p>{t("citizen.receipt.technicalHead", { size: receipt.inclusion.treeHead.treeSize })}</p>}
    </details>
  );
}

function DeviceReceipts({ receipts, current }: { receipts: Receipt[]; current: string }): ReactNode {
  const { t, formatDate } = useI18n();
  return (
    <section aria-labelledby="device-title">
      <h2 id="device-title">{t("citizen.receipt.deviceTitle")}</h2>
      {receipts.length === 0 ? (
        <p>{t("citizen.receipt.deviceNone")}</p>
      ) : (
        <ol>
          {receipts.map((receipt, i) => {
            const label = t("citizen.receipt.deviceItem", {
              revision: receipt.entry.revision,
              date: formatDate(receipt.promise.receivedAt),
            });
            const notes = [
              i === receipts.length - 1 ? t("citizen.receipt.latest") : null,
              receipt.ballotId === current ? t("citizen.receipt.current") : null,
            ].filter(Boolean);
            return (
              <li key={receipt.ballotId}>
                {receipt.ballotId === current ? label : <a href={receiptHref(receipt)}>{label}</a>}
                {notes.length > 0 && ` (${notes.join(", ")})`}
              </li>
            );
          })}
        </ol>
      )}
    </section>
  );
}

export function ReceiptPage(): ReactNode {
  const { t, formatDate } = useI18n();
  const site = useSite();
  const [query, setQuery] = useState<Query | undefined>(undefined);
  const [referendum, setReferendum] = useState<PublicReferendum | null>(null);
  const [receipt, setReceipt] = useState<Receipt | null>(null);
  const [mine, setMine] = useState<Receipt[]>([]);
  const [error, setError] = useState<unknown>(null);
  useEffect(() => {
    setQuery(parseReceiptQuery(window.location.search));
  }, []);
  useEffect(() => {
    if (site.status !== "ready" || !query) return;
    const { api } = site;
    let stopped = false;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const poll = async (): Promise<void> => {
      let fresh: Receipt;
      try {
        fresh = await api.receipt(query.referendumId, query.ballotId);
      } catch (failure) {
        // The service no longer knows a ballot this device holds a signed promise for: show the
        // device's copy, which the final check below holds against the anchored result.
        const kept = (await receiptsFor(query.referendumId)).find((r) => r.ballotId === query.ballotId);
        if (!kept || !(failure instanceof ApiError) || failure.code !== "BALLOT_NOT_FOUND") throw failure;
        if (!stopped) setReceipt(kept);
        return;
      }
      if (stopped) return;
      setReceipt(fresh);
      if (fresh.status === "integrated") {
        // Keep the integrated form on the device only when it is ours already.
        const ours = await receiptsFor(query.referendumId);
        if (ours.some((r) => r.ballotId === fresh.ballotId)) await saveReceipt(fresh);
        setMine(await receiptsFor(query.referendumId));
      } else timer = setTimeout(() => void poll().catch(setError), POLL_MS);
    };
    api.referendum(query.referendumId).then(setReferendum, setError);
    receiptsFor(query.referendumId).then(setMine, setError);
    poll().catch(setError);
    return () => {
      stopped = true;
      clearTimeout(timer);
    };
  }, [site, query]);

  return (
    <div className="citizen-receipt">
      <h1>{t("citizen.receipt.title")}</h1>
      {query === null && <ErrorNotice>{t("citizen.receipt.missing")}</ErrorNotice>}
      {site.status === "error" && <ErrorNotice>{t("common.configError", { detail: site.detail })}</ErrorNotice>}
      {error !== null && <ApiErrorNotice error={error} />}
      {query && (!receipt || !referendum) && error === null && <Loading />}
      {query && receipt && referendum && (
        <>
          <p className="lead">{t("citizen.receipt.keep")}</p>
          <dl>
            <dt>{t("citizen.receipt.referendum")}</dt>
            <dd>{referendum.spec.title}</dd>
            <dt>{t("citizen.receipt.received")}</dt>
            <dd>{formatDate(receipt.promise.receivedAt)}</dd>
            <dt>{t("citizen.receipt.revision")}</dt>
            <dd>{receipt.entry.revision}</dd>
          </dl>
          {referendum.spec.trustees && (
            <p className="notice notice--info" data-testid="sealed-note">
              {t("citizen.receipt.sealed")}
            </p>
          )}
          <ReceiptCheck receipt={receipt} logKey={referendum.spec.logPublicKey} />
          {referendum.state === "tallied" && site.status === "ready" && (
            <FinalCheckNotice api={site.api} config={site.config} receipt={receipt} />
          )}
          <TechnicalDetails receipt={receipt} logKey={referendum.spec.logPublicKey} />
          <DeviceReceipts receipts={mine} current={receipt.ballotId} />
          <p>
            <a href={`/verify/${encodeURIComponent(query.referendumId)}/`}>{t("citizen.receipt.toVerify")}</a>
          </p>
        </>
      )}
    </div>
  );
}
