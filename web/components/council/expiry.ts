/**
 * A council session ends when the API no longer takes its token (expired or revoked): every
 * council call that answers UNAUTHENTICATED or TOKEN_EXPIRED tells the page once, so it can send the council back
 * to sign in instead of leaving each view to show its own error.
 */
import { ApiError, type CouncilApi } from "../../lib/api-client";

export function isUnauthenticated(error: unknown): boolean {
  return error instanceof ApiError && (error.code === "UNAUTHENTICATED" || error.code === "TOKEN_EXPIRED");
}

/** The same API, calling `onExpired` (then failing as before) when a call is refused for its token. */
export function expiringApi(api: CouncilApi, onExpired: () => void): CouncilApi {
  const wrap =
    <A extends unknown[], R>(call: (...args: A) => Promise<R>) =>
    async (...args: A): Promise<R> => {
      try {
        return await call(...args);
      } catch (error) {
        if (isUnauthenticated(error)) onExpired();
        throw error;
      }
    };
  return {
    censuses: wrap(api.censuses),
    createCensus: wrap(api.createCensus),
    issueCodes: wrap(api.issueCodes),
    referenda: wrap(api.referenda),
    referendum: wrap(api.referendum),
    createDraft: wrap(api.createDraft),
    updateDraft: wrap(api.updateDraft),
    open: wrap(api.open),
    close: wrap(api.close),
    tally: wrap(api.tally),
    inviteTrustees: wrap(api.inviteTrustees),
  };
}
