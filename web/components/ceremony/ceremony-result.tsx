"use client";
/**
 * The participant's result: the two files named as the transcript folder expects (zkeys/NNNN.zkey,
 * contributions/NNNN.json), what was checked before building on it, and the fingerprints the
 * participant publishes so a relay that swaps a file is caught by anyone.
 */
import { useEffect, useState, type ReactNode } from "react";
import { useI18n } from "../../lib/i18n";
import { entryName, zkeyName } from "./transcript-files";
import type { CeremonyResult } from "./worker-messages";

function useBlobUrl(parts: BlobPart[], type: string): string | null {
  const [url, setUrl] = useState<string | null>(null);
  const [part] = parts;
  useEffect(() => {
    const made = URL.createObjectURL(new Blob(part === undefined ? [] : [part], { type }));
    setUrl(made);
    return () => {
      URL.revokeObjectURL(made);
    };
  }, [part, type]);
  return url;
}

export function ResultPanel({ result, onAgain }: { result: CeremonyResult; onAgain: () => void }): ReactNode {
  const { t } = useI18n();
  const zkeyUrl = useBlobUrl([result.zkey as Uint8Array<ArrayBuffer>], "application/octet-stream");
  // The same text `bling ceremony contribute` writes, so the coordinator's folder reads alike.
  const entryUrl = useBlobUrl([`${JSON.stringify(result.entry, null, 2)}\n`], "application/json");
  const zkeyFile = zkeyName(result.index);
  const entryFile = entryName(result.index);
  return (
    <section className="panel" aria-labelledby="ceremony-done" data-testid="ceremony-result">
      <h2 id="ceremony-done" tabIndex={-1}>
        {t("ceremony.done.title", { index: result.index })}
      </h2>
      <p>
        {t("ceremony.done.checked", {
          id: result.ceremonyId,
          circuit: result.circuit,
          count: result.verified.length,
        })}
      </p>
      {result.verified.length > 0 && (
        <>
          <h3>{t("ceremony.done.checkedList")}</h3>
          <ol>
            {result.verified.map((step) => (
              <li key={step.index}>{step.participant}</li>
            ))}
          </ol>
        </>
      )}
      <p>{t("ceremony.done.record")}</p>
      <p className="code-box mono" data-testid="ceremony-record-hash">
        {result.recordSha256}
      </p>
      {result.localPin !== undefined && (
        <div className="notice notice--info">
          <p>{t("ceremony.done.localPin", { label: result.localPin })}</p>
        </div>
      )}
      <p>{t("ceremony.done.send")}</p>
      <div className="actions">
        {zkeyUrl && (
          <a className="button" href={zkeyUrl} download={zkeyFile}>
            {t("ceremony.done.zkey", { name: `zkeys/${zkeyFile}` })}
          </a>
        )}
        {entryUrl && (
          <a className="button" href={entryUrl} download={entryFile}>
            {t("ceremony.done.entry", { name: `contributions/${entryFile}` })}
          </a>
        )}
      </div>
      <p>{t("ceremony.done.publish")}</p>
      <dl>
        <dt>{t("ceremony.done.zkeyHash")}</dt>
        <dd className="code-box mono" data-testid="ceremony-zkey-hash">
          {result.entry.zkeySha256}
        </dd>
        <dt>{t("ceremony.done.contributionHash")}</dt>
        <dd className="code-box mono" data-testid="ceremony-contribution-hash">
          {result.entry.contributionHash}
        </dd>
      </dl>
      <p>{t("ceremony.done.forget")}</p>
      <div className="actions">
        <button type="button" className="button button--secondary" onClick={onAgain}>
          {t("ceremony.done.again")}
        </button>
      </div>
    </section>
  );
}
