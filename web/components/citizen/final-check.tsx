"use client";
/**
 * On the receipt page once the referendum is tallied: the ballot checked against the final log the
 * registry anchors (read from the chain, not from the service), and, if it is missing, the signed
 * promise as a file for an observer.
 */
import { useEffect, useState, type ReactNode } from "react";
import type { Receipt } from "../../../protocol/log-objects";
import type { SiteConfig } from "../../lib/site-config";
import type { PublicApi } from "../../lib/api-client";
import { useI18n } from "../../lib/i18n";
import { checkFinalInclusion, promiseFile, promiseFileName, type FinalCheck } from "./receipt-final";
import { ErrorNotice, SuccessNotice } from "../status";

async function finalCheck(api: PublicApi, config: SiteConfig, receipt: Receipt): Promise<FinalCheck | null> {
  // Loaded only here: the chain client is large, and most receipt pages never need it.
  const { fetchAnchors } = await import("../../../audit/fetch-bundle");
  const anchors = await fetchAnchors(
    config.chainRpcUrl,
    config.registryAddress,
    BigInt(receipt.referendumId),
    config.registryDeployBlock,
  );
  if (!anchors.tally) return null;
  const final = { logSize: anchors.tally.logSize, logRoot: anchors.tally.logRoot.slice(2) };
  const proof = await api.inclusion(receipt.referendumId, receipt.entryHash, final.logSize).catch(() => null);
  return checkFinalInclusion(receipt, final, proof);
}

function PromiseDownload({ receipt }: { receipt: Receipt }): ReactNode {
  const { t } = useI18n();
  const [href, setHref] = useState<string | null>(null);
  useEffect(() => {
    const url = URL.createObjectURL(new Blob([promiseFile(receipt)], { type: "application/json" }));
    setHref(url);
    return () => {
      URL.revokeObjectURL(url);
    };
  }, [receipt]);
  return href ? (
    <a className="button button--secondary" href={href} download={promiseFileName(receipt)}>
      {t("citizen.receipt.downloadPromise")}
    </a>
  ) : null;
}

export function FinalCheckNotice({
  api,
  config,
  receipt,
}: {
  api: PublicApi;
  config: SiteConfig;
  receipt: Receipt;
}): ReactNode {
  const { t } = useI18n();
  const [check, setCheck] = useState<FinalCheck | null | "checking" | "failed">("checking");
  useEffect(() => {
    let stopped = false;
    finalCheck(api, config, receipt).then(
      (result) => {
        if (!stopped) setCheck(result);
      },
      () => {
        if (!stopped) setCheck("failed");
      },
    );
    return () => {
      stopped = true;
    };
  }, [api, config, receipt]);
  if (check === "checking") return <p role="status">{t("citizen.receipt.finalChecking")}</p>;
  if (check === null) return null;
  if (check === "failed") return <p role="status">{t("citizen.receipt.finalUnreachable")}</p>;
  if (check.state === "included")
    return (
      <SuccessNotice>
        <p>{t("citizen.receipt.finalIncluded", { position: check.position, size: check.size })}</p>
      </SuccessNotice>
    );
  return (
    <ErrorNotice>
      <p>{t("citizen.receipt.finalMissing")}</p>
      <PromiseDownload receipt={receipt} />
    </ErrorNotice>
  );
}
