/**
 * Cognito's hosted sign-in for councils, as pure functions: the authorization-code grant with
 * PKCE (RFC 7636, S256), the token request and the parsing of its answer, and the logout address.
 * The page (council-session.ts) keeps the verifier and state between the redirect and the return.
 */

export interface HostedAuth {
  /** The hosted UI's base URL, e.g. `https://bling-prod.auth.eu-west-1.amazoncognito.com`. */
  signInUrl: string;
  clientId: string;
}

const SCOPE = "openid email profile";

/** Bytes as base64url without padding, as PKCE and JWTs write them. */
export function base64Url(bytes: Uint8Array): string {
  let binary = "";
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return btoa(binary).replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "");
}

/** A fresh random string (32 bytes, base64url): a PKCE verifier or an OAuth state. */
export function randomToken(): string {
  return base64Url(crypto.getRandomValues(new Uint8Array(32)));
}

/** The S256 code challenge of a verifier: base64url(SHA-256(verifier)). */
export async function codeChallenge(verifier: string): Promise<string> {
  const digest = await crypto.subtle.digest("SHA-256", new TextEncoder().encode(verifier));
  return base64Url(new Uint8Array(digest));
}

function base(auth: HostedAuth): string {
  return auth.signInUrl.replace(/\/+$/, "");
}

/** Where the council page sends the browser to sign in. */
export function authorizeUrl(auth: HostedAuth, redirectUri: string, state: string, challenge: string): string {
  const query = new URLSearchParams({
    response_type: "code",
    client_id: auth.clientId,
    redirect_uri: redirectUri,
    scope: SCOPE,
    state,
    code_challenge: challenge,
    code_challenge_method: "S256",
  });
  return `${base(auth)}/oauth2/authorize?${query.toString()}`;
}

/** The token endpoint and the form body that trades the code (and the verifier) for tokens. */
export function tokenRequest(
  auth: HostedAuth,
  redirectUri: string,
  code: string,
  verifier: string,
): { url: string; body: string } {
  const body = new URLSearchParams({
    grant_type: "authorization_code",
    client_id: auth.clientId,
    code,
    redirect_uri: redirectUri,
    code_verifier: verifier,
  });
  return { url: `${base(auth)}/oauth2/token`, body: body.toString() };
}

/**
 * The id token from the token endpoint's answer: the API's JWT authorizer reads the council from
 * its `custom:council` claim. Null when the answer has none (an error answer, say).
 */
export function idTokenFrom(answer: unknown): string | null {
  if (typeof answer !== "object" || answer === null) return null;
  const token = (answer as { id_token?: unknown }).id_token;
  return typeof token === "string" && /^[\w-]+\.[\w-]+\.[\w-]*$/.test(token) ? token : null;
}

/** Where signing out sends the browser: Cognito ends its session, then returns to the home page. */
export function logoutUrl(auth: HostedAuth, origin: string): string {
  const query = new URLSearchParams({ client_id: auth.clientId, logout_uri: `${origin}/` });
  return `${base(auth)}/logout?${query.toString()}`;
}

/** The council page's address, which Cognito redirects back to. */
export function redirectUriFor(origin: string): string {
  return `${origin}/council/`;
}

/** `?code=&state=` of the return from the hosted UI, or null on any other visit. */
export function authReturn(search: string): { code: string; state: string } | { error: string } | null {
  const query = new URLSearchParams(search);
  const error = query.get("error");
  if (error) return { error };
  const code = query.get("code");
  const state = query.get("state");
  return code && state ? { code, state } : null;
}
