/**
 * A council admin's session in this tab: the bearer token in sessionStorage (gone when the tab
 * closes), and the two halves of the hosted sign-in around Cognito's redirect.
 */
import type { SiteConfig } from "../../lib/site-config";
import {
  authorizeUrl,
  authReturn,
  codeChallenge,
  idTokenFrom,
  logoutUrl,
  randomToken,
  redirectUriFor,
  tokenRequest,
} from "./auth";

const TOKEN_KEY = "bling.council.token";
const VERIFIER_KEY = "bling.council.pkceVerifier";
const STATE_KEY = "bling.council.oauthState";

export function savedToken(): string | null {
  return window.sessionStorage.getItem(TOKEN_KEY);
}

export function saveToken(token: string): void {
  window.sessionStorage.setItem(TOKEN_KEY, token);
}

export function clearToken(): void {
  window.sessionStorage.removeItem(TOKEN_KEY);
}

/** Whether councils sign in at Cognito's hosted UI (in AWS) rather than paste a token (locally). */
export function usesHostedSignIn(config: SiteConfig): boolean {
  return config.auth.signInUrl !== "";
}

/** Sends the browser to the hosted UI, keeping the PKCE verifier and the state for the return. */
export async function startHostedSignIn(config: SiteConfig): Promise<void> {
  const verifier = randomToken();
  const state = randomToken();
  window.sessionStorage.setItem(VERIFIER_KEY, verifier);
  window.sessionStorage.setItem(STATE_KEY, state);
  const url = authorizeUrl(config.auth, redirectUriFor(window.location.origin), state, await codeChallenge(verifier));
  window.location.assign(url);
}

/** Why the council is asked to sign in (again): a return from the hosted UI gave no token, or the API stopped taking it. */
export type SignInFailure = "stateMismatch" | "exchangeFailed" | "refused" | "expired";

/**
 * Finishes a return from the hosted UI (`?code=&state=`): checks the state, trades the code for
 * the id token and removes the code from the address bar. Null when this visit is no such return.
 */
export async function completeHostedSignIn(
  config: SiteConfig,
): Promise<{ token: string } | { failure: SignInFailure } | null> {
  const returned = authReturn(window.location.search);
  if (returned === null) return null;
  const verifier = window.sessionStorage.getItem(VERIFIER_KEY);
  const expected = window.sessionStorage.getItem(STATE_KEY);
  window.sessionStorage.removeItem(VERIFIER_KEY);
  window.sessionStorage.removeItem(STATE_KEY);
  // The code is single-use and must not stay in the history or be bookmarked.
  window.history.replaceState(null, "", window.location.pathname);
  if ("error" in returned) return { failure: "refused" };
  if (!verifier || returned.state !== expected) return { failure: "stateMismatch" };
  const request = tokenRequest(config.auth, redirectUriFor(window.location.origin), returned.code, verifier);
  try {
    const response = await fetch(request.url, {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded" },
      body: request.body,
    });
    const token = response.ok ? idTokenFrom(await response.json()) : null;
    return token ? { token } : { failure: "exchangeFailed" };
  } catch {
    return { failure: "exchangeFailed" };
  }
}

/** Ends the session here and, in AWS, at Cognito too (which then returns to the home page). */
export function signOut(config: SiteConfig): void {
  clearToken();
  if (usesHostedSignIn(config)) window.location.assign(logoutUrl(config.auth, window.location.origin));
}
