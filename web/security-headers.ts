/**
 * The site's security headers, one definition for CloudFront (infra/lib/site.ts) and the local
 * stack's file server, so the end-to-end tests run the pages under the policy users get.
 */

export interface PolicyOrigins {
  /** The API's origin (or a wildcard CloudFormation can name). */
  api: string;
  /** The chain RPC's origin: the verify page reads the registry. */
  rpc: string;
  /** Cognito's hosted UI origin, where councils sign in; none locally. */
  signIn?: string;
  /** Off only for a local http:// stack. */
  upgradeInsecureRequests: boolean;
}

/**
 * Scripts only from the site itself (plus WebAssembly compilation, which the in-browser prover
 * needs), network only to the site, the API, the sign-in domain and the chain's RPC.
 */
export function contentSecurityPolicy(origins: PolicyOrigins): string {
  const signIn = origins.signIn ? ` ${origins.signIn}` : "";
  return [
    "default-src 'self'",
    "script-src 'self' 'wasm-unsafe-eval'",
    "worker-src 'self' blob:",
    `connect-src 'self' ${origins.api}${signIn} ${origins.rpc}`,
    "img-src 'self' data:",
    "style-src 'self'",
    "font-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    `form-action 'self'${signIn}`,
    "frame-ancestors 'none'",
    ...(origins.upgradeInsecureRequests ? ["upgrade-insecure-requests"] : []),
  ].join("; ");
}

/** The headers besides the CSP and HSTS (which CloudFront sets from typed options). */
export const SITE_HEADERS = {
  "x-content-type-options": "nosniff",
  "x-frame-options": "DENY",
  "referrer-policy": "no-referrer",
  "permissions-policy": "camera=(), microphone=(), geolocation=()",
  "cross-origin-opener-policy": "same-origin",
} as const;
