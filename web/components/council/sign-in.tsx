"use client";
/**
 * Signing in: locally the council pastes the token `npm start` prints (checked with one API call);
 * in AWS the council signs in at Cognito's hosted UI.
 */
import { useState, type SyntheticEvent, type ReactNode } from "react";
import { ApiError, councilApi } from "../../lib/api-client";
import { startHostedSignIn, usesHostedSignIn, type SignInFailure } from "./session";
import { useI18n } from "../../lib/i18n";
import type { SiteConfig } from "../../lib/site-config";
import { ApiErrorNotice, ErrorNotice } from "../status";
import { ViewHeading } from "./council-context";

export function SignIn({
  config,
  failure,
  onSignedIn,
}: {
  config: SiteConfig;
  failure: SignInFailure | null;
  onSignedIn: (token: string) => void;
}): ReactNode {
  const { t } = useI18n();
  const [token, setToken] = useState("");
  const [missing, setMissing] = useState(false);
  const [checking, setChecking] = useState(false);
  const [error, setError] = useState<unknown>(null);

  // A pasted token the API refuses was never a valid one here: "not recognised", not "expired".
  const notRecognised = error instanceof ApiError && error.code === "UNAUTHENTICATED";

  const submit = async (event: SyntheticEvent): Promise<void> => {
    event.preventDefault();
    const value = token.trim();
    setError(null);
    setMissing(value === "");
    if (value === "") return;
    setChecking(true);
    try {
      await councilApi({ baseUrl: config.apiUrl, token: value }).referenda();
      onSignedIn(value);
    } catch (caught) {
      setError(caught);
    } finally {
      setChecking(false);
    }
  };

  return (
    <>
      <ViewHeading>{t("council.signIn.title")}</ViewHeading>
      <p className="lead">{t("council.signIn.intro")}</p>
      {failure && <ErrorNotice>{t(`council.signIn.failure.${failure}`)}</ErrorNotice>}
      {usesHostedSignIn(config) ? (
        <>
          <p>{t("council.signIn.hostedIntro")}</p>
          <div className="actions">
            <button type="button" className="button" onClick={() => void startHostedSignIn(config)}>
              {t("council.signIn.hosted")}
            </button>
          </div>
        </>
      ) : (
        <form onSubmit={(event) => void submit(event)} noValidate>
          {notRecognised ? (
            <ErrorNotice>
              <p data-error-code="UNAUTHENTICATED">
                <a href="#council-token">{t("council.signIn.notRecognised")}</a>
              </p>
            </ErrorNotice>
          ) : (
            error !== null && <ApiErrorNotice error={error} />
          )}
          <div className="field">
            <label htmlFor="council-token">{t("council.signIn.token")}</label>
            <p className="hint" id="council-token-hint">
              {t("council.signIn.tokenHint")}
            </p>
            {(missing || notRecognised) && (
              <p className="field-error" id="council-token-error">
                {t(missing ? "council.signIn.tokenRequired" : "council.signIn.notRecognised")}
              </p>
            )}
            <input
              id="council-token"
              type="password"
              autoComplete="off"
              spellCheck={false}
              value={token}
              aria-invalid={missing || error !== null}
              aria-describedby={
                missing || notRecognised ? "council-token-hint council-token-error" : "council-token-hint"
              }
              onChange={(event) => {
                setToken(event.target.value);
              }}
            />
          </div>
          <div className="actions">
            <button type="submit" className="button" disabled={checking}>
              {t("council.signIn.submit")}
            </button>
            {checking && (
              <span role="status" className="muted">
                {t("council.signIn.checking")}
              </span>
            )}
          </div>
        </form>
      )}
    </>
  );
}
