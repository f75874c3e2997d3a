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

  // A pasted token the API refuses: one that was never valid here is "not recognised"; a genuine one
  // past its time is "expired" (the council needs a new one, not to check what it pasted).
  const tokenProblem = !(error instanceof ApiError)
    ? null
    : error.code === "UNAUTHENTICATED"
      ? "council.signIn.notRecognised"
      : error.code === "TOKEN_EXPIRED"
        ? "council.signIn.tokenExpired"
        : null;

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
          {tokenProblem && error instanceof ApiError ? (
            <ErrorNotice>
              <p data-error-code={error.code}>
                <a href="#council-token">{t(tokenProblem)}</a>
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
            {(missing || tokenProblem) && (
              <p className="field-error" id="council-token-error">
                {t(missing ? "council.signIn.tokenRequired" : (tokenProblem ?? "council.signIn.tokenRequired"))}
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
                missing || tokenProblem ? "council-token-hint council-token-error" : "council-token-hint"
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
