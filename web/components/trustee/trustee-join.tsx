"use client";
/**
 * Becoming a trustee on this device: join with the invitation code (the key is made here and
 * never leaves the browser but as the recovery code), or restore a key saved from another device.
 */
import { useState, type ReactNode, type SyntheticEvent } from "react";
import { newTrusteeKey, trusteeSecretOf, type TrusteeSecret } from "../../../protocol/trustee-steps";
import type { PublicApi } from "../../lib/api-client";
import { useI18n } from "../../lib/i18n";
import { ApiErrorNotice } from "../status";
import { TextField } from "../text-field";
import { trusteeSecretFromCode } from "./trustee-secret-code";
import { saveTrusteeSecret } from "./trustee-store";

export function JoinForm({
  api,
  referendumId,
  attempt,
  onJoined,
}: {
  api: PublicApi;
  referendumId: string;
  attempt: number;
  onJoined: (secret: TrusteeSecret) => void;
}): ReactNode {
  const { t } = useI18n();
  const [code, setCode] = useState("");
  const [missing, setMissing] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const submit = async (event: SyntheticEvent): Promise<void> => {
    event.preventDefault();
    setError(null);
    setMissing(code.trim() === "");
    if (code.trim() === "") return;
    setBusy(true);
    try {
      const { secretKey, key } = newTrusteeKey(referendumId, attempt);
      const joined = await api.joinKeyGeneration(referendumId, { code: code.trim(), key });
      const secret = trusteeSecretOf(referendumId, joined.attempt, joined.index, secretKey);
      await saveTrusteeSecret(secret);
      onJoined(secret);
    } catch (caught) {
      setError(caught);
    } finally {
      setBusy(false);
    }
  };
  return (
    <section className="panel" aria-labelledby="trustee-join">
      <h2 id="trustee-join">{t("trustee.join.title")}</h2>
      <form onSubmit={(event) => void submit(event)} noValidate>
        <TextField
          id="trustee-code"
          label={t("trustee.join.code")}
          hint={t("trustee.join.codeHint")}
          value={code}
          onChange={setCode}
          error={missing ? t("trustee.join.codeRequired") : undefined}
          announce
          autoComplete="off"
          spellCheck={false}
        />
        {error !== null && <ApiErrorNotice error={error} />}
        {busy && <p role="status">{t("trustee.join.busy")}</p>}
        <div className="actions">
          <button type="submit" className="button" disabled={busy}>
            {t("trustee.join.submit")}
          </button>
        </div>
      </form>
    </section>
  );
}

export function RestoreForm({
  referendumId,
  onRestored,
}: {
  referendumId: string;
  onRestored: (secret: TrusteeSecret) => void;
}): ReactNode {
  const { t } = useI18n();
  const [code, setCode] = useState("");
  const [problem, setProblem] = useState<string | undefined>(undefined);
  const [error, setError] = useState<unknown>(null);
  const submit = async (event: SyntheticEvent): Promise<void> => {
    event.preventDefault();
    setError(null);
    const secret = trusteeSecretFromCode(code);
    if (!secret) {
      setProblem(t("trustee.restore.invalid"));
      return;
    }
    // A code for another referendum would sit unused under this one's name: say so instead.
    if (secret.referendumId !== referendumId) {
      setProblem(t("trustee.restore.otherReferendum", { id: secret.referendumId }));
      return;
    }
    setProblem(undefined);
    try {
      await saveTrusteeSecret(secret);
      onRestored(secret);
    } catch (caught) {
      setError(caught);
    }
  };
  return (
    <section className="panel" aria-labelledby="trustee-restore">
      <h2 id="trustee-restore">{t("trustee.restore.title")}</h2>
      <p>{t("trustee.restore.intro")}</p>
      <form onSubmit={(event) => void submit(event)} noValidate>
        <TextField
          id="trustee-recovery"
          label={t("trustee.restore.code")}
          value={code}
          onChange={setCode}
          error={problem}
          announce
          autoComplete="off"
          spellCheck={false}
          multiline
        />
        {error !== null && <ApiErrorNotice error={error} />}
        <div className="actions">
          <button type="submit" className="button button--secondary">
            {t("trustee.restore.submit")}
          </button>
        </div>
      </form>
    </section>
  );
}

/** The recovery code, shown once right after joining, until the trustee says it is saved. */
export function RecoveryPanel({
  code,
  index,
  onSaved,
}: {
  code: string;
  index: number;
  onSaved: () => void;
}): ReactNode {
  const { t } = useI18n();
  const [copy, setCopy] = useState<"idle" | "copied" | "failed">("idle");
  const file = `${t("trustee.recovery.fileHeading")}\n\n${code}\n`;
  const href = `data:text/plain;charset=utf-8,${encodeURIComponent(file)}`;
  return (
    <section className="panel" aria-labelledby="trustee-recovery-title">
      <h2 id="trustee-recovery-title">{t("trustee.recovery.title")}</h2>
      <p>{t("trustee.recovery.text", { index })}</p>
      <p>
        <strong>{t("trustee.recovery.label")}</strong>
      </p>
      <p className="code-box" data-testid="trustee-recovery-code">
        {code}
      </p>
      <div className="actions">
        <a className="button button--secondary" href={href} download={`bling-trustee-${index}.txt`}>
          {t("trustee.recovery.download")}
        </a>
        <button
          type="button"
          className="button button--secondary"
          onClick={() => {
            navigator.clipboard.writeText(code).then(
              () => {
                setCopy("copied");
              },
              () => {
                setCopy("failed");
              },
            );
          }}
        >
          {t("trustee.recovery.copy")}
        </button>
        <button type="button" className="button" onClick={onSaved}>
          {t("trustee.recovery.saved")}
        </button>
      </div>
      <p role="status">
        {copy === "copied" && t("trustee.recovery.copied")}
        {copy === "failed" && t("trustee.recovery.copyFailed")}
      </p>
    </section>
  );
}
