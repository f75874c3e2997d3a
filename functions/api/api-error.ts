/**
 * How a client of the API sees a failed call: one error type whatever went wrong, with the API's
 * stable code (or NETWORK when no answer came), and the invalid fields in one shape.
 */
import { ERRORS, type ErrorCode } from "./errors";

/** The API's codes, and NETWORK: the service could not be reached, or did not answer in time. */
export type ApiErrorCode = ErrorCode | "NETWORK";

/** One invalid part of a request: its dotted path (`options.1`, `""` for the whole body) and why. */
export interface ApiErrorDetail {
  path: string;
  message: string;
}

/**
 * Where a failure came from: no answer at all (`unreachable`, `timeout`), an answer that is not
 * JSON (a gateway's or a web server's page), a JSON answer without the API's error envelope, or
 * the API's own refusal (`refused`, with its code).
 */
export type ApiFailure = "unreachable" | "timeout" | "not-json" | "not-envelope" | "refused";

/** The call that failed, so a caller can name it in its own words. */
export interface ApiRequestInfo {
  method: string;
  /** The route path after `/v1` (e.g. `/referenda/7`). */
  path: string;
  /** The whole URL asked. */
  url: string;
}

export interface ApiErrorExtra {
  details?: readonly ApiErrorDetail[];
  failure?: ApiFailure;
  request?: ApiRequestInfo;
}

/** A failed API call. `status` is 0 when no answer came. */
export class ApiError extends Error {
  readonly details: readonly ApiErrorDetail[];
  readonly failure: ApiFailure;
  readonly request: ApiRequestInfo | undefined;

  constructor(
    readonly code: ApiErrorCode,
    readonly status: number,
    message: string,
    extra: ApiErrorExtra = {},
  ) {
    super(message);
    this.name = "ApiError";
    this.details = extra.details ?? [];
    this.failure = extra.failure ?? "refused";
    this.request = extra.request;
  }
}

function isErrorCode(value: unknown): value is ErrorCode {
  return typeof value === "string" && Object.hasOwn(ERRORS, value);
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null;
}

/**
 * The envelope's `details` in the one shape clients read. The API sends `{ path, message }` items
 * for invalid input and bare paths for a malformed ballot; anything else names no field.
 */
export function normalizeDetails(details: unknown): ApiErrorDetail[] {
  if (!Array.isArray(details)) return [];
  return details.flatMap((item: unknown): ApiErrorDetail[] => {
    if (typeof item === "string") return [{ path: item, message: "" }];
    if (!isRecord(item) || typeof item.path !== "string") return [];
    return [{ path: item.path, message: typeof item.message === "string" ? item.message : "" }];
  });
}

/** The error of a non-2xx answer whose body parsed as JSON: the API's envelope, or a stranger's body. */
export function errorFromBody(status: number, body: unknown, request: ApiRequestInfo): ApiError {
  const error = isRecord(body) && isRecord(body.error) ? body.error : null;
  if (!error || !isErrorCode(error.code))
    return new ApiError("INTERNAL", status, `HTTP ${status}`, { failure: "not-envelope", request });
  const message = typeof error.message === "string" ? error.message : ERRORS[error.code].message;
  return new ApiError(error.code, status, message, { details: normalizeDetails(error.details), request });
}
