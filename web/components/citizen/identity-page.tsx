"use client";
/** `/identity/`: this device's voting key: its fingerprint, recovery code, restore and removal. */
import { useCallback, useEffect, useState, type SyntheticEvent, type ReactNode } from "react";
import { exportIdentity } from "../../../protocol/identity";
import { commitmentFingerprint, identityFromRecoveryCode } from "./recovery";
import { useI18n } from "../../lib/i18n";
import { loadIdentity, removeIdentity, saveIdentity, type StoredIdentity } from "./identity-store";
import { ApiErrorNotice, Loading, SuccessNotice } from "../status";
import { RecoveryCodeBox } from "./recovery-code-box";
import { TextField } from "../text-field";
import { useFocusOnChange } from "./use-focus-on-change";

type Outcome = "restored" | "removed" | null;

function RestoreForm({ onRestored }: { onRestored: () => void }): ReactNode {
  const { t } = useI18n();
  const [text, setText] = useState("");
  const [invalid, setInvalid] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const restore = (event: SyntheticEvent): void => {
    event.preventDefault();
    const identity = identityFromRecoveryCode(text);
    setInvalid(identity === null);
    if (!identity) return;
    saveIdentity(identity).then(() => {
      setText("");
      onRestored();
    }, setError);
  };
  return (
    <form noValidate onSubmit={restore}>
      <TextField
        announce
        spellCheck={false}
        autoComplete="off"
        id="recovery"
        label={t("citizen.identity.restoreLabel")}
        hint={t("citizen.identity.restoreHint")}
        value={text}
        onChange={setText}
        error={invalid ? t("citizen.identity.restoreInvalid") : undefined}
        multiline
      />
      {error !== null && <ApiErrorNotice error={error} />}
      <div className="actions">
        <button type="submit" className="button">
          {t("citizen.identity.restore")}
        </button>
      </div>
    </form>
  );
}

function RemoveSection({ onRemoved }: { onRemoved: () => void }): ReactNode {
  const { t } = useI18n();
  const [confirming, setConfirming] = useState(false);
  const confirmRef = useFocusOnChange<HTMLParagraphElement>(confirming);
  return (
    <section aria-labelledby="remove-title">
      <h2 id="remove-title">{t("citizen.identity.removeTitle")}</h2>
      <p>{t("citizen.identity.removeExplain")}</p>
      {!confirming ? (
        <button
          type="button"
          className="button button--danger"
          onClick={() => {
            setConfirming(true);
          }}
        >
          {t("citizen.identity.remove")}
        </button>
      ) : (
        <div className="notice notice--error">
          <p ref={confirmRef} tabIndex={-1}>
            {t("citizen.identity.removeConfirm")}
          </p>
          <div className="actions">
            <button
              type="button"
              className="button button--danger"
              onClick={() => {
                removeIdentity().then(onRemoved, () => undefined);
              }}
            >
              {t("citizen.identity.removeYes")}
            </button>
            <button
              type="button"
              className="button button--secondary"
              onClick={() => {
                setConfirming(false);
              }}
            >
              {t("citizen.identity.removeCancel")}
            </button>
          </div>
        </div>
      )}
    </section>
  );
}

function KeySections({ stored, onRemoved }: { stored: StoredIdentity; onRemoved: () => void }): ReactNode {
  const { t } = useI18n();
  const [showCode, setShowCode] = useState(false);
  return (
    <>
      <p>{t("citizen.identity.has")}</p>
      <p>{t("citizen.fingerprint", { fingerprint: commitmentFingerprint(stored.identity.commitment) })}</p>
      {stored.registrations.map((registration) => (
        <p key={registration.censusId}>{t("citizen.identity.registeredIn", { census: registration.censusId })}</p>
      ))}
      <section aria-labelledby="recovery-title">
        <h2 id="recovery-title">{t("citizen.identity.recoveryTitle")}</h2>
        <p>{t("citizen.recovery.explain")}</p>
        {showCode ? (
          <RecoveryCodeBox code={exportIdentity(stored.identity)} />
        ) : (
          <button
            type="button"
            className="button button--secondary"
            onClick={() => {
              setShowCode(true);
            }}
          >
            {t("citizen.identity.showRecovery")}
          </button>
        )}
      </section>
      <RemoveSection onRemoved={onRemoved} />
    </>
  );
}

export function IdentityPage(): ReactNode {
  const { t } = useI18n();
  const [stored, setStored] = useState<StoredIdentity | null | undefined>(undefined);
  const [outcome, setOutcome] = useState<Outcome>(null);
  const [error, setError] = useState<unknown>(null);
  const outcomeRef = useFocusOnChange<HTMLDivElement>(outcome);
  const reload = useCallback((): void => {
    loadIdentity().then(setStored, setError);
  }, []);
  useEffect(reload, [reload]);
  return (
    <>
      <h1>{t("citizen.identity.title")}</h1>
      <div ref={outcomeRef} tabIndex={-1}>
        {outcome === "restored" && (
          <SuccessNotice>
            <p>{t("citizen.identity.restored")}</p>
          </SuccessNotice>
        )}
        {outcome === "removed" && (
          <SuccessNotice>
            <p>{t("citizen.identity.removed")}</p>
          </SuccessNotice>
        )}
      </div>
      {error !== null && <ApiErrorNotice error={error} />}
      {stored === undefined && error === null && <Loading />}
      {stored === null && (
        <>
          <p>{t("citizen.identity.none")}</p>
          <div className="actions">
            <a className="button" href="/register/">
              {t("citizen.identity.toRegister")}
            </a>
          </div>
        </>
      )}
      {stored && (
        <KeySections
          key={stored.identity.commitment.toString()}
          stored={stored}
          onRemoved={() => {
            setOutcome("removed");
            reload();
          }}
        />
      )}
      {stored !== undefined && (
        <section aria-labelledby="restore-title" id="restore">
          <h2 id="restore-title">{t("citizen.identity.restoreTitle")}</h2>
          <RestoreForm
            onRestored={() => {
              setOutcome("restored");
              reload();
            }}
          />
        </section>
      )}
    </>
  );
}
