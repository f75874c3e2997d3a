"use client";
/**
 * The participant's signing key: made here (ed25519, the same file `bling ceremony keygen` writes,
 * so the same person can use either tool) or loaded from their key file. Kept in this page only.
 */
import { useEffect, useState, type ReactNode } from "react";
import { newParticipantKey, participantKeyFile, readParticipantKeyFile } from "../../../protocol/ceremony";
import { useI18n } from "../../lib/i18n";

export interface ParticipantKey {
  secretKey: string;
  publicKey: string;
}

export const KEY_FILE_NAME = "bling-ceremony.key";

function KeyFileLink({ participantKey }: { participantKey: ParticipantKey }): ReactNode {
  const { t } = useI18n();
  const [url, setUrl] = useState<string | null>(null);
  useEffect(() => {
    const made = URL.createObjectURL(new Blob([participantKeyFile(participantKey)], { type: "application/json" }));
    setUrl(made);
    return () => {
      URL.revokeObjectURL(made);
    };
  }, [participantKey]);
  if (!url) return null;
  return (
    <a className="button button--secondary" href={url} download={KEY_FILE_NAME}>
      {t("ceremony.key.download")}
    </a>
  );
}

export function KeyPanel({
  participantKey,
  onKey,
}: {
  participantKey: ParticipantKey | null;
  onKey: (key: ParticipantKey) => void;
}): ReactNode {
  const { t } = useI18n();
  const [made, setMade] = useState(false);
  const [invalid, setInvalid] = useState(false);
  return (
    <section className="panel" aria-labelledby="ceremony-key">
      <h2 id="ceremony-key">{t("ceremony.key.title")}</h2>
      <p>{t("ceremony.key.intro")}</p>
      <div className="actions">
        <button
          type="button"
          className="button button--secondary"
          onClick={() => {
            onKey(newParticipantKey());
            setMade(true);
            setInvalid(false);
          }}
        >
          {t("ceremony.key.make")}
        </button>
      </div>
      <div className="field">
        <label htmlFor="ceremony-key-file">{t("ceremony.key.load")}</label>
        <p className="hint" id="ceremony-key-file-hint">
          {t("ceremony.key.loadHint")}
        </p>
        {invalid && (
          <p className="field-error" id="ceremony-key-file-error" role="alert">
            {t("ceremony.key.invalid")}
          </p>
        )}
        <input
          id="ceremony-key-file"
          type="file"
          aria-describedby={invalid ? "ceremony-key-file-hint ceremony-key-file-error" : "ceremony-key-file-hint"}
          aria-invalid={invalid}
          onChange={(event) => {
            const file = event.target.files?.[0];
            if (!file) return;
            void file.text().then((text) => {
              const key = readParticipantKeyFile(text);
              setInvalid(!key);
              setMade(false);
              if (key) onKey(key);
            });
          }}
        />
      </div>
      {participantKey && (
        <div role="status">
          <p>{t("ceremony.key.ready")}</p>
          <p>{t("ceremony.key.public")}</p>
          <p className="code-box mono" data-testid="ceremony-public-key">
            {participantKey.publicKey}
          </p>
        </div>
      )}
      {participantKey && made && (
        <div className="actions">
          <KeyFileLink participantKey={participantKey} />
        </div>
      )}
    </section>
  );
}
