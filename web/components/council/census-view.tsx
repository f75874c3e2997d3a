"use client";
/**
 * One census: its size, the registration link for the letters, and issuing codes. The codes
 * come back once, as CSV, and are offered as a file to download: the service keeps only hashes.
 */
import { useEffect, useRef, useState, type SyntheticEvent, type ReactNode } from "react";
import { codesFileName, mailMergeCsv, mailMergeFileName, parseCodesCsv, registrationLink } from "./csv";
import { useI18n } from "../../lib/i18n";
import { ApiErrorNotice, Loading } from "../status";
import { useCouncil, ViewHeading, ViewLink } from "./council-context";

const MAX_CODES = 10_000;

interface Issued {
  count: number;
  url: string;
  file: string;
  /** The same codes, one row per letter with its personal registration link. */
  mergeUrl: string;
  mergeFile: string;
}

function IssueCodes({ censusId }: { censusId: string }): ReactNode {
  const { t } = useI18n();
  const { api } = useCouncil();
  const [count, setCount] = useState("100");
  const [invalid, setInvalid] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [issued, setIssued] = useState<Issued | null>(null);
  const result = useRef<HTMLDivElement>(null);

  useEffect(
    () => () => {
      if (issued) {
        URL.revokeObjectURL(issued.url);
        URL.revokeObjectURL(issued.mergeUrl);
      }
    },
    [issued],
  );
  useEffect(() => {
    if (issued) result.current?.focus();
  }, [issued]);

  const submit = async (event: SyntheticEvent): Promise<void> => {
    event.preventDefault();
    setError(null);
    const n = /^\d+$/.test(count.trim()) ? Number(count.trim()) : 0;
    setInvalid(n < 1 || n > MAX_CODES);
    if (n < 1 || n > MAX_CODES) return;
    setBusy(true);
    try {
      const csv = await api.issueCodes(censusId, n);
      const codes = parseCodesCsv(csv);
      const url = URL.createObjectURL(new Blob([csv], { type: "text/csv" }));
      const merge = mailMergeCsv(window.location.origin, censusId, codes);
      const mergeUrl = URL.createObjectURL(new Blob([merge], { type: "text/csv" }));
      setIssued({
        count: codes.length,
        url,
        file: codesFileName(censusId),
        mergeUrl,
        mergeFile: mailMergeFileName(censusId),
      });
    } catch (caught) {
      setError(caught);
    } finally {
      setBusy(false);
    }
  };

  return (
    <section aria-labelledby="council-issue">
      <h2 id="council-issue">{t("council.census.issue.title")}</h2>
      <div className="notice notice--info">
        <p>{t("council.census.issue.once")}</p>
      </div>
      {error !== null && <ApiErrorNotice error={error} />}
      {issued && (
        <div className="notice notice--success" role="status" tabIndex={-1} ref={result}>
          <p>{t("council.census.issue.done", { count: issued.count })}</p>
          <p>
            <a className="button" href={issued.url} download={issued.file}>
              {t("council.census.issue.download", { file: issued.file })}
            </a>
          </p>
          <p>
            <a className="button button--secondary" href={issued.mergeUrl} download={issued.mergeFile}>
              {t("council.census.issue.mailMerge", { file: issued.mergeFile })}
            </a>
          </p>
          <p className="hint">{t("council.census.issue.mailMergeHint")}</p>
        </div>
      )}
      <form onSubmit={(event) => void submit(event)} noValidate>
        <div className="field">
          <label htmlFor="codes-count">{t("council.census.issue.count")}</label>
          <p className="hint" id="codes-count-hint">
            {t("council.census.issue.countHint")}
          </p>
          {invalid && (
            <p className="field-error" id="codes-count-error">
              {t("council.census.issue.countInvalid")}
            </p>
          )}
          <input
            id="codes-count"
            type="number"
            inputMode="numeric"
            min={1}
            max={MAX_CODES}
            value={count}
            aria-invalid={invalid}
            aria-describedby={invalid ? "codes-count-hint codes-count-error" : "codes-count-hint"}
            onChange={(event) => {
              setCount(event.target.value);
            }}
          />
        </div>
        <button type="submit" className="button" disabled={busy}>
          {t("council.census.issue.submit")}
        </button>
      </form>
    </section>
  );
}

export function CensusView({ id }: { id: string }): ReactNode {
  const { t } = useI18n();
  const { api, publicApi } = useCouncil();
  const [census, setCensus] = useState<{ name: string; size: number } | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [origin, setOrigin] = useState("");

  useEffect(() => {
    setOrigin(window.location.origin);
    Promise.all([api.censuses(), publicApi.census(id)]).then(([list, info]) => {
      setCensus({ name: list.find((entry) => entry.id === id)?.name ?? id, size: info.size });
    }, setError);
  }, [api, publicApi, id]);

  return (
    <>
      <p>
        <ViewLink view={{ kind: "dashboard" }}>{t("council.back")}</ViewLink>
      </p>
      {error !== null && <ApiErrorNotice error={error} />}
      {census === null && error === null && <Loading />}
      {census && (
        <>
          <ViewHeading>{t("council.census.title", { name: census.name })}</ViewHeading>
          <p className="lead">{t("council.census.size", { size: census.size })}</p>
          <h2 id="council-link">{t("council.census.link")}</h2>
          <p className="hint">{t("council.census.linkHint")}</p>
          <p className="code-box">{registrationLink(origin, id)}</p>
          <IssueCodes censusId={id} />
        </>
      )}
    </>
  );
}
