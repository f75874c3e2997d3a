/**
 * The only HTTP caller of the site: one typed function per API route. Every failure is an
 * ApiError with the API's stable code (or NETWORK when the service could not be reached), so
 * pages show a translated message per code.
 */
import type { ErrorCode } from "../../functions/api/errors";
import type { ReferendumDraftInput } from "../../functions/api/schemas";
import type { BallotSubmission } from "../../protocol/wire";
import type { Receipt, SignedTreeHead } from "../../protocol/log-objects";
import type { PublicConfig } from "../../functions/api/public-config";
import type { TallyResult } from "../../protocol/tally-rules";
import type {
  CensusInfo,
  CouncilReferendum,
  NullifierStatus,
  PublicReferendum,
  ReferendumRecord,
} from "../../functions/api/views";

export type ApiErrorCode = ErrorCode | "NETWORK";

export class ApiError extends Error {
  constructor(
    readonly code: ApiErrorCode,
    readonly status: number,
    message: string,
  ) {
    super(message);
    this.name = "ApiError";
  }
}

export interface ApiClientOptions {
  /** The API's base URL, without `/v1`. */
  baseUrl: string;
  /** The council's bearer token, for `/v1/council/...` routes. */
  token?: string;
}

async function call(options: ApiClientOptions, method: string, path: string, body?: unknown): Promise<Response> {
  const headers: Record<string, string> = {};
  if (body !== undefined) headers["content-type"] = "application/json";
  if (options.token) headers.authorization = `Bearer ${options.token}`;
  let response: Response;
  try {
    response = await fetch(`${options.baseUrl.replace(/\/+$/, "")}/v1${path}`, {
      method,
      headers,
      body: body === undefined ? undefined : JSON.stringify(body),
    });
  } catch (error) {
    throw new ApiError("NETWORK", 0, (error as Error).message);
  }
  if (response.ok) return response;
  let code: ApiErrorCode = "INTERNAL";
  let message = `HTTP ${response.status}`;
  try {
    const parsed = (await response.json()) as { error?: { code?: ErrorCode; message?: string } };
    if (parsed.error?.code) code = parsed.error.code;
    if (parsed.error?.message) message = parsed.error.message;
  } catch {
    // A gateway error page rather than our envelope: the status says enough.
  }
  throw new ApiError(code, response.status, message);
}

async function callJson<T>(options: ApiClientOptions, method: string, path: string, body?: unknown): Promise<T> {
  return (await (await call(options, method, path, body)).json()) as T;
}

const enc = encodeURIComponent;

/** An id the API refuses by its form (PATH_INVALID) names no census: say that, as the pages explain it. */
async function asCensusNotFound<T>(request: Promise<T>): Promise<T> {
  try {
    return await request;
  } catch (error) {
    if (error instanceof ApiError && error.code === "PATH_INVALID")
      throw new ApiError("CENSUS_NOT_FOUND", 404, error.message);
    throw error;
  }
}

/** The public API: anyone, no token. */
export interface PublicApi {
  config: () => Promise<PublicConfig>;
  referenda: () => Promise<PublicReferendum[]>;
  referendum: (id: string) => Promise<PublicReferendum>;
  census: (id: string) => Promise<Pick<CensusInfo, "id" | "size" | "depth" | "root">>;
  censusLeaves: (id: string, from: number, limit: number) => Promise<string[]>;
  register: (censusId: string, code: string, commitment: string) => Promise<{ index: number }>;
  submitBallot: (id: string, ballot: BallotSubmission) => Promise<Receipt>;
  receipt: (id: string, ballotId: string) => Promise<Receipt>;
  /** The voter's last accepted revision and the next one to prove (null: re-voting is off and it voted). */
  nullifier: (id: string, nullifier: string) => Promise<NullifierStatus>;
  logHead: (id: string) => Promise<SignedTreeHead | null>;
  /** The inclusion proof of an entry in the log's first `size` entries (LOG_RANGE_INVALID when it is not there). */
  inclusion: (id: string, entryHash: string, size: number) => Promise<{ sequence: number; proof: string[] }>;
  tally: (id: string) => Promise<TallyResult>;
}

/** The council API: every call carries the council's token. */
export interface CouncilApi {
  censuses: () => Promise<{ id: string; name: string }[]>;
  createCensus: (name: string) => Promise<CensusInfo>;
  /** The codes as the CSV the API returns (header `code`), fetched once: only their hashes are kept. */
  issueCodes: (censusId: string, count: number) => Promise<string>;
  referenda: () => Promise<CouncilReferendum[]>;
  referendum: (id: string) => Promise<CouncilReferendum>;
  /** The writes answer with the record as saved, without the turnout the reads add. */
  createDraft: (draft: ReferendumDraftInput) => Promise<ReferendumRecord>;
  updateDraft: (id: string, draft: ReferendumDraftInput) => Promise<ReferendumRecord>;
  open: (id: string) => Promise<ReferendumRecord>;
  close: (id: string) => Promise<ReferendumRecord>;
  /** Tallies and answers with the record; the counts are at the public `tally(id)`. */
  tally: (id: string) => Promise<ReferendumRecord>;
}

export function publicApi(options: ApiClientOptions): PublicApi {
  return {
    config: () => callJson<PublicConfig>(options, "GET", "/config"),
    referenda: async () => (await callJson<{ referenda: PublicReferendum[] }>(options, "GET", "/referenda")).referenda,
    referendum: (id: string) => callJson<PublicReferendum>(options, "GET", `/referenda/${enc(id)}`),
    census: (id: string) =>
      asCensusNotFound(
        callJson<Pick<CensusInfo, "id" | "size" | "depth" | "root">>(options, "GET", `/censuses/${enc(id)}`),
      ),
    censusLeaves: async (id: string, from: number, limit: number) =>
      (
        await asCensusNotFound(
          callJson<{ leaves: string[] }>(options, "GET", `/censuses/${enc(id)}/leaves?from=${from}&limit=${limit}`),
        )
      ).leaves,
    register: (censusId: string, code: string, commitment: string) =>
      asCensusNotFound(
        callJson<{ index: number }>(options, "POST", `/censuses/${enc(censusId)}/registrations`, {
          code,
          commitment,
        }),
      ),
    submitBallot: (id: string, ballot: BallotSubmission) =>
      callJson<Receipt>(options, "POST", `/referenda/${enc(id)}/ballots`, ballot),
    receipt: (id: string, ballotId: string) =>
      callJson<Receipt>(options, "GET", `/referenda/${enc(id)}/ballots/${enc(ballotId)}`),
    nullifier: (id: string, nullifier: string) =>
      callJson<NullifierStatus>(options, "GET", `/referenda/${enc(id)}/nullifiers/${enc(nullifier)}`),
    logHead: async (id: string) =>
      (await callJson<{ treeHead: SignedTreeHead | null }>(options, "GET", `/referenda/${enc(id)}/log/head`)).treeHead,
    inclusion: (id: string, entryHash: string, size: number) =>
      callJson<{ sequence: number; proof: string[] }>(
        options,
        "GET",
        `/referenda/${enc(id)}/log/inclusion?hash=${enc(entryHash)}&size=${size}`,
      ),
    tally: (id: string) => callJson<TallyResult>(options, "GET", `/referenda/${enc(id)}/tally`),
  };
}

export function councilApi(options: ApiClientOptions & { token: string }): CouncilApi {
  return {
    censuses: async () =>
      (await callJson<{ censuses: { id: string; name: string }[] }>(options, "GET", "/council/censuses")).censuses,
    createCensus: (name: string) => callJson<CensusInfo>(options, "POST", "/council/censuses", { name }),
    issueCodes: async (censusId: string, count: number) =>
      (await call(options, "POST", `/council/censuses/${enc(censusId)}/codes`, { count })).text(),
    referenda: async () =>
      (await callJson<{ referenda: CouncilReferendum[] }>(options, "GET", "/council/referenda")).referenda,
    referendum: (id: string) => callJson<CouncilReferendum>(options, "GET", `/council/referenda/${enc(id)}`),
    createDraft: (draft: ReferendumDraftInput) =>
      callJson<ReferendumRecord>(options, "POST", "/council/referenda", draft),
    updateDraft: (id: string, draft: ReferendumDraftInput) =>
      callJson<ReferendumRecord>(options, "PUT", `/council/referenda/${enc(id)}`, draft),
    open: (id: string) => callJson<ReferendumRecord>(options, "POST", `/council/referenda/${enc(id)}/open`),
    close: (id: string) => callJson<ReferendumRecord>(options, "POST", `/council/referenda/${enc(id)}/close`),
    tally: (id: string) => callJson<ReferendumRecord>(options, "POST", `/council/referenda/${enc(id)}/tally`),
  };
}
