/**
 * The closed set of error codes the API answers with, each with its HTTP status and public message.
 * Bad input is always one of these 4xx (never a 500) and changes nothing.
 */
export const ERRORS = {
  INPUT_INVALID: { status: 400, message: "The request is not valid." },
  PATH_INVALID: { status: 400, message: "The request path is not valid." },
  JSON_MALFORMED: { status: 400, message: "The request body is not valid JSON." },
  BODY_TOO_LARGE: { status: 413, message: "The request body is too large." },
  UNAUTHENTICATED: { status: 401, message: "A valid council token is required." },
  TOKEN_EXPIRED: { status: 401, message: "The council token has expired." },
  FORBIDDEN: { status: 403, message: "This belongs to another council." },
  ROUTE_NOT_FOUND: { status: 404, message: "No such route." },
  METHOD_NOT_ALLOWED: { status: 405, message: "This route does not take that method." },
  CENSUS_NOT_FOUND: { status: 404, message: "No such census." },
  CENSUS_EMPTY: { status: 409, message: "A referendum cannot open on an empty census." },
  REGISTRATION_CODE_UNKNOWN: { status: 403, message: "This registration code is not valid for this census." },
  REGISTRATION_CODE_USED: { status: 409, message: "This registration code has already been used." },
  COMMITMENT_REGISTERED: { status: 409, message: "This identity is already registered in the census." },
  CENSUS_FULL: { status: 409, message: "The census has reached its maximum size." },
  REFERENDUM_NOT_FOUND: { status: 404, message: "No such referendum." },
  REFERENDUM_EXISTS: { status: 409, message: "A referendum with this id already exists." },
  REFERENDUM_STATE: { status: 409, message: "The referendum is not in a state that allows this." },
  REFERENDUM_NOT_OPEN: { status: 409, message: "The referendum is not open for voting." },
  BALLOT_MALFORMED: { status: 400, message: "The ballot is not well formed." },
  BALLOT_REFERENDUM_MISMATCH: { status: 422, message: "The ballot is for another referendum." },
  BALLOT_CENSUS_ROOT_MISMATCH: { status: 422, message: "The ballot proves membership of another census." },
  BALLOT_RULES_MISMATCH: { status: 422, message: "The ballot's rules differ from the referendum's." },
  BALLOT_VOTES_INVALID: { status: 422, message: "The ballot votes for options the referendum does not have." },
  BALLOT_KEY_MISMATCH: { status: 422, message: "The ballot is encrypted to another key than the referendum's." },
  BALLOT_PROOF_INVALID: { status: 422, message: "The ballot's proof does not verify." },
  BALLOT_NULLIFIER_USED: { status: 409, message: "A ballot with this nullifier was already accepted." },
  BALLOT_REVISION_CONFLICT: {
    status: 409,
    message: "This ballot is not the next revision of its voter's ballot.",
  },
  BALLOT_NOT_FOUND: { status: 404, message: "No ballot with this hash." },
  TRUSTEES_NOT_DRAFTED: { status: 409, message: "The draft names no trustees." },
  TRUSTEE_CODE_UNKNOWN: { status: 403, message: "This trustee invitation code is not valid for this referendum." },
  TRUSTEE_JOINED: { status: 409, message: "This trustee invitation has already been taken with another key." },
  DKG_STATE: { status: 409, message: "The trustees' key generation is not at the round this message belongs to." },
  DKG_MESSAGE_INVALID: { status: 422, message: "The key-generation message does not check out." },
  DKG_MESSAGE_CONFLICT: { status: 409, message: "This trustee already posted a different message for this round." },
  DKG_INCOMPLETE: { status: 409, message: "The trustees' key generation has not completed." },
  PARTIAL_INVALID: { status: 422, message: "The partial decryption does not check out." },
  TALLY_NEEDS_TRUSTEES: { status: 409, message: "Not enough trustees have published their partial decryptions." },
  TALLY_NOT_READY: { status: 409, message: "The referendum has not been tallied yet." },
  LOG_RANGE_INVALID: { status: 400, message: "The requested log range does not exist." },
  BUSY: { status: 503, message: "The service is busy; retry shortly." },
  STORE_UNAVAILABLE: { status: 503, message: "The service's storage is unavailable; retry shortly." },
  INTERNAL: { status: 500, message: "Something went wrong on our side." },
} as const satisfies Record<string, { status: number; message: string }>;

export type ErrorCode = keyof typeof ERRORS;

/** The body of every error response. */
export interface ErrorBody {
  error: { code: ErrorCode; message: string; details?: unknown };
}

/** A domain error: a stable code the API maps to its status; `details` (e.g. the invalid field) is public. */
export class BlingError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string = ERRORS[code].message,
    readonly details?: unknown,
  ) {
    super(message);
    this.name = "BlingError";
  }
}

export function isBlingError(error: unknown): error is BlingError {
  return error instanceof BlingError;
}

/** Status and body for any thrown value; anything that is not a BlingError is a 500 with a generic message. */
export function toErrorResponse(error: unknown): { status: number; body: ErrorBody } {
  if (!isBlingError(error))
    return { status: 500, body: { error: { code: "INTERNAL", message: ERRORS.INTERNAL.message } } };
  const body: ErrorBody = { error: { code: error.code, message: error.message } };
  if (error.details !== undefined) body.error.details = error.details;
  return { status: ERRORS[error.code].status, body };
}
