/**
 * The site's HTTP caller: the API's typed client (functions/api/client.ts) with the site's own
 * reading of its errors. Every failure is an ApiError with the API's stable code (or NETWORK when
 * the service could not be reached), so pages show a translated message per code.
 */
import { ApiError } from "../../functions/api/api-error";
import {
  createCouncilClient,
  createPublicClient,
  type ApiClientOptions,
  type CouncilClient,
  type PublicClient,
} from "../../functions/api/client";

export { ApiError, type ApiErrorCode } from "../../functions/api/api-error";
export type { ApiClientOptions } from "../../functions/api/client";

/** The public API: anyone, no token. */
export type PublicApi = PublicClient;
/** The council API: every call carries the council's token. */
export type CouncilApi = CouncilClient;

/** An id the API refuses by its form (PATH_INVALID) names no census: say that, as the pages explain it. */
async function asCensusNotFound<T>(request: Promise<T>): Promise<T> {
  try {
    return await request;
  } catch (error) {
    if (error instanceof ApiError && error.code === "PATH_INVALID")
      throw new ApiError("CENSUS_NOT_FOUND", 404, error.message, { request: error.request });
    throw error;
  }
}

export function publicApi(options: ApiClientOptions): PublicApi {
  const client = createPublicClient(options);
  return {
    ...client,
    census: (id) => asCensusNotFound(client.census(id)),
    censusLeaves: (id, from, limit) => asCensusNotFound(client.censusLeaves(id, from, limit)),
    register: (censusId, code, commitment) => asCensusNotFound(client.register(censusId, code, commitment)),
  };
}

export function councilApi(options: ApiClientOptions & { token: string }): CouncilApi {
  return createCouncilClient(options);
}
