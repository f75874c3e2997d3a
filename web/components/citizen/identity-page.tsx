"use client";
/** `/identity/`: this device's voting key: its fingerprint, recovery code, restore and removal. */
import { useCallback, useEffect, useRef, useState, type SyntheticEvent, type ReactNode } from "react";
import { exportRecoveryCode, type Identity } from "../../../protocol/identity";
import { commitmentFingerprint, readRecoveryCode, returnPath } from "./recovery";
import { useI18n } from "../../lib/i18n";
import { loadIdentity, removeIdentity, saveIdentity, type Registration, type StoredIdentity } from "./identity-store";
import { useSite } from "../../lib/use-site";
import { ApiErrorNotice, Loading, SuccessNotice } from "../status";
import { RecoveryCodeBox } from "./recovery-code-box";
import { TextField } from "../text-field";
import { useFocusOnChange } from "./use-focus-on-change";
import { KeyWhere } from "./key-where";

type Outcome = { kind: "restored"; identity: Identity } | { kind: "removed" } | null;

function ReplaceWarning({
  current,
  onReplace,
  onCancel,
}: {
  current: StoredIdentity;
  onReplace: () => void;
  onCancel: () => void;
}): ReactNode {
  const { t } = useI18n();
  const ref = useRef<HTMLParagraphElement>(null);
  useEffect(() => {
    ref.current?.focus();
  }, []);
  return (
    <div className="notice notice--error">
      <p ref={ref} tabIndex={-1}>
        {t("citizen.identity.replaceWarning", {
          fingerprint: commitmentFingerprint(current.identity.commitment),
        })}
      </p>
      <div className="actions">
        <button type="button" className="button button--danger" onClick={onReplace}>
          {t("citizen.identity.replaceYes")}
        </button>
        <button type="button" className="button button--secondary" onClick={onCancel}>
          {t("citizen.identity.removeCancel")}
        </button>
      </div>
    </div>
  );
}

function RestoreForm({
  current,
  onRestored,
}: {
  current: StoredIdentity | null;
  onRestored: (identity: Identity) => void;
}): ReactNode {
  const { t } = useI18n();
  const [text, setText] = useState("");
  const [problem, setProblem] = useState<"typo" | "invalid" | null>(null);
  const [replacing, setReplacing] = useState<Identity | null>(null);
  const [error, setError] = useState<unknown>(null);
  const save = (identity: Identity): void => {
    setReplacing(null);
    // The same key restored again keeps the registrations this device knows of.
    const same = current?.identity.commitment === identity.commitment;
    saveIdentity(identity, same ? current.registrations : []).then(() => {
      setText("");
      onRestored(identity);
    }, setError);
  };
  const restore = (event: SyntheticEvent): void => {
    event.preventDefault();
    const read = readRecoveryCode(text);
    setProblem("problem" in read ? read.problem : null);
    if (!("identity" in read)) return;
    // Another key on this device would be lost without its own recovery code: ask first.
    if (current && current.identity.commitment !== read.identity.commitment) setReplacing(read.identity);
    else save(read.identity);
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
        onChange={(value) => {
          setText(value);
          setReplacing(null);
        }}
        error={
          problem
            ? t(problem === "typo" ? "citizen.identity.restoreTypo" : "citizen.identity.restoreInvalid")
            : undefined
        }
        multiline
      />
      {error !== null && <ApiErrorNotice error={error} />}
      {replacing && current ? (
        <ReplaceWarning
          current={current}
          onReplace={() => {
            save(replacing);
          }}
          onCancel={() => {
            setReplacing(null);
          }}
        />
      ) : (
        <div className="actions">
          <button type="submit" className="button">
            {t("citizen.identity.restore")}
          </button>
        </div>
      )}
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

/**
 * Where this device's key is registered, by the electorates' names (citizens never read their ids);
 * the bare count until the names arrive, or if they cannot be read.
 */
function RegisteredIn({ registrations }: { registrations: Registration[] }): ReactNode {
  const { t } = useI18n();
  const site = useSite();
  const [names, setNames] = useState<string[] | null>(null);
  useEffect(() => {
    if (site.status !== "ready") return;
    let stopped = false;
    const { api } = site;
    Promise.all(registrations.map((registration) => api.census(registration.censusId))).then(
      (censuses) => {
        if (!stopped) setNames(censuses.map((census) => census.name));
      },
      () => undefined,
    );
    return () => {
      stopped = true;
    };
  }, [site, registrations]);
  if (registrations.length === 0) return null;
  return (
    <p>
      {names
        ? t("citizen.identity.registeredInNames", { names: names.join(", ") })
        : t("citizen.identity.registeredIn", { count: registrations.length })}
    </p>
  );
}

function KeySections({ stored, onRemoved }: { stored: StoredIdentity; onRemoved: () => void }): ReactNode {
  const { t } = useI18n();
  const [showCode, setShowCode] = useState(false);
  return (
    <>
      <p>{t("citizen.identity.has")}</p>
      <p>{t("citizen.fingerprint", { fingerprint: commitmentFingerprint(stored.identity.commitment) })}</p>
      <RegisteredIn registrations={stored.registrations} />
      <KeyWhere identity={stored.identity} />
      <section aria-labelledby="recovery-title">
        <h2 id="recovery-title">{t("citizen.identity.recoveryTitle")}</h2>
        <p>{t("citizen.recovery.explain")}</p>
        {showCode ? (
          <RecoveryCodeBox code={exportRecoveryCode(stored.identity)} />
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
  const [from, setFrom] = useState<string | null>(null);
  useEffect(() => {
    setFrom(returnPath(new URLSearchParams(window.location.search).get("from")));
  }, []);
  const reload = useCallback((): void => {
    loadIdentity().then(setStored, setError);
  }, []);
  useEffect(reload, [reload]);
  return (
    <>
      <h1>{t("citizen.identity.title")}</h1>
      <div ref={outcomeRef} tabIndex={-1}>
        {outcome?.kind === "restored" && (
          <SuccessNotice>
            <p>{t("citizen.identity.restored")}</p>
            {from && (
              <p>
                <a href={from}>{t("citizen.identity.back")}</a>
              </p>
            )}
          </SuccessNotice>
        )}
        {outcome?.kind === "removed" && (
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
            setOutcome({ kind: "removed" });
            reload();
          }}
        />
      )}
      {stored !== undefined && (
        <section aria-labelledby="restore-title" id="restore">
          <h2 id="restore-title">{t("citizen.identity.restoreTitle")}</h2>
          <RestoreForm
            current={stored}
            onRestored={(identity) => {
              setOutcome({ kind: "restored", identity });
              reload();
            }}
          />
        </section>
      )}
    </>
  );
}
