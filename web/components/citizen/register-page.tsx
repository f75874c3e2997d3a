"use client";
/**
 * `/register/?census=<id>`: the electorate and the letter's code, registered at once with this
 * device's voting key (so a wrong or used code is said first), then the recovery code saved. The
 * electorate is shown by the name its council gave it; its id only behind "Technical details".
 */
import { useEffect, useState, type SyntheticEvent, type ReactNode } from "react";
import { exportRecoveryCode, type Identity } from "../../../protocol/identity";
import { commitmentFingerprint, isLetterCode } from "./recovery";
import { useI18n } from "../../lib/i18n";
import { addRegistration, loadOrCreateIdentity } from "./identity-store";
import { useSite } from "../../lib/use-site";
import { ApiErrorNotice, ErrorNotice, Loading, SuccessNotice } from "../status";
import { RecoveryCodeBox } from "./recovery-code-box";
import { TextField } from "../text-field";
import { useFocusOnChange } from "./use-focus-on-change";

type Step = "form" | "save" | "done";

/** The electorate the letter's link names: looked up for its name, or typed in when there is no link. */
type Electorate = { kind: "typed" } | { kind: "looking"; id: string } | { kind: "named"; id: string; name: string };

/** The electorate's name, with its id for the curious behind a disclosure. */
function NamedElectorate({ id, name }: { id: string; name: string }): ReactNode {
  const { t } = useI18n();
  return (
    <div className="field" data-testid="electorate">
      <p>
        <strong>{t("citizen.register.census")}:</strong> {name}
      </p>
      <details className="citizen-details">
        <summary>{t("citizen.receipt.technical")}</summary>
        <p>
          {t("citizen.register.censusId")} <code className="mono">{id}</code>
        </p>
      </details>
    </div>
  );
}

interface Device {
  identity: Identity;
  existed: boolean;
}

export function RegisterPage(): ReactNode {
  const { t } = useI18n();
  const site = useSite();
  const [step, setStep] = useState<Step>("form");
  const [censusId, setCensusId] = useState("");
  const [electorate, setElectorate] = useState<Electorate>({ kind: "typed" });
  const [code, setCode] = useState("");
  const [showMissing, setShowMissing] = useState(false);
  const [device, setDevice] = useState<Device | null>(null);
  const [saved, setSaved] = useState(false);
  const [savedMissing, setSavedMissing] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const headingRef = useFocusOnChange<HTMLHeadingElement>(step);

  useEffect(() => {
    const census = new URLSearchParams(window.location.search).get("census");
    if (census) {
      setCensusId(census);
      setElectorate({ kind: "looking", id: census });
    }
    // A personal link from the letter carries its code in the fragment (never sent to a server):
    // fill it in, then drop it from the address so it stays out of the history and of screenshots.
    const letterCode = new URLSearchParams(window.location.hash.slice(1)).get("code");
    if (letterCode) {
      setCode(letterCode);
      window.history.replaceState(null, "", window.location.pathname + window.location.search);
    }
  }, []);

  // The link names the electorate by id; the citizen reads its name (an unknown one is said at once).
  const lookingFor = electorate.kind === "looking" ? electorate.id : null;
  useEffect(() => {
    if (lookingFor === null || site.status !== "ready") return;
    let stopped = false;
    site.api.census(lookingFor).then(
      (census) => {
        if (!stopped) setElectorate({ kind: "named", id: census.id, name: census.name });
      },
      (failure: unknown) => {
        if (stopped) return;
        setElectorate({ kind: "typed" });
        setError(failure);
      },
    );
    return () => {
      stopped = true;
    };
  }, [lookingFor, site]);

  // The letter's code is used first: a wrong or used code is said before any recovery code is shown.
  const proceed = (event: SyntheticEvent): void => {
    event.preventDefault();
    setShowMissing(true);
    if (censusId.trim() === "" || code.trim() === "" || !isLetterCode(code)) return;
    if (site.status !== "ready") return;
    setBusy(true);
    setError(null);
    const census = censusId.trim();
    loadOrCreateIdentity()
      .then(async (stored) => {
        const { index } = await site.api.register(census, code.trim(), stored.identity.commitment.toString());
        await addRegistration({ censusId: census, index });
        // A key made by an earlier visit to this form is not "already there" for the citizen.
        setDevice((current) => ({ identity: stored.identity, existed: current?.existed ?? !stored.created }));
        setStep("save");
      })
      .catch((failure: unknown) => {
        setError(failure);
      })
      .finally(() => {
        setBusy(false);
      });
  };

  const finish = (event: SyntheticEvent): void => {
    event.preventDefault();
    if (!saved) {
      setSavedMissing(true);
      return;
    }
    setStep("done");
  };

  return (
    <>
      <h1>{t("citizen.register.title")}</h1>
      {site.status === "error" && <ErrorNotice>{t("common.configError", { detail: site.detail })}</ErrorNotice>}
      {step === "form" && (
        <>
          <p className="lead">{t("citizen.register.intro")}</p>
          <form noValidate onSubmit={proceed}>
            {electorate.kind === "named" && <NamedElectorate id={electorate.id} name={electorate.name} />}
            {electorate.kind === "looking" && <Loading />}
            {electorate.kind === "typed" && (
              <TextField
                announce
                spellCheck={false}
                autoComplete="off"
                id="census"
                label={t("citizen.register.census")}
                hint={t("citizen.register.censusHint")}
                value={censusId}
                onChange={setCensusId}
                error={showMissing && censusId.trim() === "" ? t("citizen.register.censusMissing") : undefined}
              />
            )}
            <TextField
              announce
              spellCheck={false}
              id="code"
              label={t("citizen.register.code")}
              hint={t("citizen.register.codeHint")}
              value={code}
              onChange={setCode}
              error={
                showMissing && code.trim() === ""
                  ? t("citizen.register.codeMissing")
                  : showMissing && !isLetterCode(code)
                    ? t("citizen.register.codeFormat")
                    : undefined
              }
              autoComplete="one-time-code"
            />
            {error !== null && <ApiErrorNotice error={error} />}
            {busy && <Loading />}
            <div className="actions">
              <button type="submit" className="button" disabled={busy}>
                {busy ? t("citizen.register.submitting") : t("citizen.register.continue")}
              </button>
            </div>
          </form>
        </>
      )}
      {step === "save" && device && (
        <form noValidate onSubmit={finish}>
          <h2 ref={headingRef} tabIndex={-1}>
            {t("citizen.register.saveTitle")}
          </h2>
          <p className="notice notice--info">{t("citizen.register.registered")}</p>
          {device.existed && (
            <p className="notice notice--info">
              {t("citizen.register.existingKey", {
                fingerprint: commitmentFingerprint(device.identity.commitment),
              })}
            </p>
          )}
          <p>{t("citizen.recovery.explain")}</p>
          <RecoveryCodeBox code={exportRecoveryCode(device.identity)} />
          <div className="choice">
            <input
              id="saved"
              type="checkbox"
              checked={saved}
              aria-invalid={savedMissing && !saved}
              aria-describedby={savedMissing && !saved ? "saved-error" : undefined}
              onChange={(event) => {
                setSaved(event.target.checked);
              }}
            />
            <label htmlFor="saved">{t("citizen.register.saved")}</label>
          </div>
          {savedMissing && !saved && (
            <p id="saved-error" className="field-error" role="alert">
              {t("citizen.register.savedMissing")}
            </p>
          )}
          <div className="actions">
            <button type="submit" className="button">
              {t("citizen.register.submit")}
            </button>
          </div>
        </form>
      )}
      {step === "done" && (
        <>
          <h2 ref={headingRef} tabIndex={-1}>
            {t("citizen.register.doneTitle")}
          </h2>
          <SuccessNotice>
            <p>{t("citizen.register.done")}</p>
          </SuccessNotice>
          <div className="actions">
            <a className="button" href="/">
              {t("citizen.register.toReferenda")}
            </a>
            <a className="button button--secondary" href="/identity/">
              {t("citizen.register.toIdentity")}
            </a>
          </div>
        </>
      )}
    </>
  );
}
