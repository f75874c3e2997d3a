/**
 * The one typed client of the API, for the site, the observer's audit and the tests: fetch only
 * (browser-safe), a timeout on every call, and every failure an ApiError.
 */
import { ApiError, errorFromBody, type ApiRequestInfo } from "./api-error";
import type { PublicConfig } from "./public-config";
import type { ReferendumDraftInput } from "./schemas";
import type {
  CensusInfo,
  CensusSummary,
  AggregateView,
  CouncilReferendum,
  DkgView,
  LoggedEntry,
  NullifierStatus,
  PublicReferendum,
  ReferendumRecord,
  TrusteeInvitation,
} from "./views";
import type { DkgAssessment, TrusteeKey } from "../../protocol/trustee-transcript";
import type { PartialDecryption } from "../../protocol/threshold";
import type { Receipt, SignedTreeHead } from "../../protocol/log-objects";
import type { TallyResult } from "../../protocol/tally-rules";
import type { BallotSubmission } from "../../protocol/wire";

/** API Gateway gives up on its Lambda after 30 s: a client waiting longer would wait for nothing. */
export const DEFAULT_TIMEOUT_MS = 30_000;

export type Fetch = (input: string, init: RequestInit) => Promise<Response>;

export interface ApiClientOptions {
  /** The API's base URL, without `/v1`. */
  baseUrl: string;
  /** The council's bearer token, for `/v1/council/...` routes. */
  token?: string;
  /** Each call fails with NETWORK after this long (default DEFAULT_TIMEOUT_MS). */
  timeoutMs?: number;
  /** The fetch to call (default the global one, looked up at each call). */
  fetch?: Fetch;
}

/** The public API: anyone, no token. */
export interface PublicClient {
  config: () => Promise<PublicConfig>;
  referenda: () => Promise<PublicReferendum[]>;
  referendum: (id: string) => Promise<PublicReferendum>;
  census: (id: string) => Promise<CensusSummary>;
  /** One page of a census's leaves; pages of a whole census come from `fetchCensusLeaves`. */
  censusLeaves: (id: string, from: number, limit: number) => Promise<string[]>;
  register: (censusId: string, code: string, commitment: string) => Promise<{ index: number }>;
  submitBallot: (id: string, ballot: BallotSubmission) => Promise<Receipt>;
  receipt: (id: string, ballotId: string) => Promise<Receipt>;
  /** The voter's last accepted revision and the next one to prove (null: re-voting is off and it voted). */
  nullifier: (id: string, nullifier: string) => Promise<NullifierStatus>;
  logHead: (id: string) => Promise<SignedTreeHead | null>;
  /** Signed heads from size `from` on, at most `limit`. */
  logHeads: (id: string, from: number, limit: number) => Promise<SignedTreeHead[]>;
  logEntries: (id: string, from: number, limit: number) => Promise<LoggedEntry[]>;
  /** The inclusion proof of an entry in the log's first `size` entries (LOG_RANGE_INVALID when it is not there). */
  inclusion: (id: string, entryHash: string, size: number) => Promise<{ sequence: number; proof: string[] }>;
  tally: (id: string) => Promise<TallyResult>;
  /** The trustees' key generation: its public transcript and where it stands. */
  dkg: (id: string) => Promise<DkgView>;
  joinKeyGeneration: (
    id: string,
    join: { code: string; key: TrusteeKey },
  ) => Promise<{ index: number; attempt: number }>;
  /** A trustee's signed dealing, signed check or dry-run partial decryption. */
  postDkgMessage: (id: string, round: DkgRound, message: unknown) => Promise<DkgAssessment>;
  /** After the seal: the aggregate of the counted ballots and who has decrypted it. */
  aggregate: (id: string) => Promise<AggregateView>;
  postPartial: (id: string, partial: PartialDecryption) => Promise<{ decryptedBy: number[]; threshold: number }>;
}

/** The rounds a trustee posts to after joining, by their path under `/dkg`. */
export type DkgRound = "dealings" | "checks" | "dry-run";

/** The council API: every call carries the council's token. */
export interface CouncilClient {
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
  /** Fresh invitation codes for the draft's trustees, returned once (a new key-generation attempt). */
  inviteTrustees: (id: string) => Promise<TrusteeInvitation[]>;
}

/** No answer (or no whole answer) came: unreachable, or not in time. */
function networkError(error: unknown, request: ApiRequestInfo): ApiError {
  // AbortSignal.timeout rejects with a DOMException named TimeoutError (not an Error in every runtime).
  const name = (error as { name?: unknown } | null)?.name;
  const message = (error as { message?: unknown } | null)?.message;
  const failure = name === "TimeoutError" ? "timeout" : "unreachable";
  return new ApiError("NETWORK", 0, typeof message === "string" ? message : String(error), { failure, request });
}

async function send(options: ApiClientOptions, request: ApiRequestInfo, body?: unknown): Promise<Response> {
  const headers: Record<string, string> = {};
  if (body !== undefined) headers["content-type"] = "application/json";
  if (options.token) headers.authorization = `Bearer ${options.token}`;
  const fetchOnce = options.fetch ?? ((input: string, init: RequestInit) => fetch(input, init));
  try {
    return await fetchOnce(request.url, {
      method: request.method,
      headers,
      body: body === undefined ? undefined : JSON.stringify(body),
      // The timeout covers reading the body too: the signal aborts it.
      signal: AbortSignal.timeout(options.timeoutMs ?? DEFAULT_TIMEOUT_MS),
    });
  } catch (error) {
    throw networkError(error, request);
  }
}

async function readText(response: Response, request: ApiRequestInfo): Promise<string> {
  try {
    return await response.text();
  } catch (error) {
    throw networkError(error, request);
  }
}

/** The answer's body as JSON. @throws ApiError (not-json) when it is something else, e.g. a web page. */
async function readJson(response: Response, request: ApiRequestInfo): Promise<unknown> {
  const text = await readText(response, request);
  try {
    return JSON.parse(text) as unknown;
  } catch {
    throw new ApiError("INTERNAL", response.status, `HTTP ${response.status}`, { failure: "not-json", request });
  }
}

function requestOf(options: ApiClientOptions, method: string, path: string): ApiRequestInfo {
  return { method, path, url: `${options.baseUrl.replace(/\/+$/, "")}/v1${path}` };
}

/** Calls a route; a 2xx answer is returned, anything else thrown as an ApiError. */
async function call(options: ApiClientOptions, request: ApiRequestInfo, body?: unknown): Promise<Response> {
  const response = await send(options, request, body);
  if (response.ok) return response;
  throw errorFromBody(response.status, await readJson(response, request), request);
}

async function callJson<T>(options: ApiClientOptions, method: string, path: string, body?: unknown): Promise<T> {
  const request = requestOf(options, method, path);
  return (await readJson(await call(options, request, body), request)) as T;
}

const enc = encodeURIComponent;

export function createPublicClient(options: ApiClientOptions): PublicClient {
  const get = <T>(path: string): Promise<T> => callJson<T>(options, "GET", path);
  const post = <T>(path: string, body: unknown): Promise<T> => callJson<T>(options, "POST", path, body);
  const referendum = (id: string): string => `/referenda/${enc(id)}`;
  return {
    config: () => get<PublicConfig>("/config"),
    referenda: async () => (await get<{ referenda: PublicReferendum[] }>("/referenda")).referenda,
    referendum: (id) => get<PublicReferendum>(referendum(id)),
    census: (id) => get<CensusSummary>(`/censuses/${enc(id)}`),
    censusLeaves: async (id, from, limit) =>
      (await get<{ leaves: string[] }>(`/censuses/${enc(id)}/leaves?from=${from}&limit=${limit}`)).leaves,
    register: (censusId, code, commitment) =>
      post<{ index: number }>(`/censuses/${enc(censusId)}/registrations`, { code, commitment }),
    submitBallot: (id, ballot) => post<Receipt>(`${referendum(id)}/ballots`, ballot),
    receipt: (id, ballotId) => get<Receipt>(`${referendum(id)}/ballots/${enc(ballotId)}`),
    nullifier: (id, nullifier) => get<NullifierStatus>(`${referendum(id)}/nullifiers/${enc(nullifier)}`),
    logHead: async (id) => (await get<{ treeHead: SignedTreeHead | null }>(`${referendum(id)}/log/head`)).treeHead,
    logHeads: async (id, from, limit) =>
      (await get<{ treeHeads: SignedTreeHead[] }>(`${referendum(id)}/log/heads?from=${from}&limit=${limit}`)).treeHeads,
    logEntries: async (id, from, limit) =>
      (await get<{ entries: LoggedEntry[] }>(`${referendum(id)}/log/entries?from=${from}&limit=${limit}`)).entries,
    inclusion: (id, entryHash, size) =>
      get<{ sequence: number; proof: string[] }>(`${referendum(id)}/log/inclusion?hash=${enc(entryHash)}&size=${size}`),
    tally: (id) => get<TallyResult>(`${referendum(id)}/tally`),
    dkg: (id) => get<DkgView>(`${referendum(id)}/dkg`),
    joinKeyGeneration: (id, join) => post<{ index: number; attempt: number }>(`${referendum(id)}/dkg/members`, join),
    postDkgMessage: (id, round, message) => post<DkgAssessment>(`${referendum(id)}/dkg/${round}`, message),
    aggregate: (id) => get<AggregateView>(`${referendum(id)}/aggregate`),
    postPartial: (id, partial) =>
      post<{ decryptedBy: number[]; threshold: number }>(`${referendum(id)}/partials`, partial),
  };
}

export function createCouncilClient(options: ApiClientOptions & { token: string }): CouncilClient {
  const json = <T>(method: string, path: string, body?: unknown): Promise<T> =>
    callJson<T>(options, method, `/council${path}`, body);
  const referendum = (id: string): string => `/referenda/${enc(id)}`;
  return {
    censuses: async () => (await json<{ censuses: { id: string; name: string }[] }>("GET", "/censuses")).censuses,
    createCensus: (name) => json<CensusInfo>("POST", "/censuses", { name }),
    issueCodes: async (censusId, count) => {
      const request = requestOf(options, "POST", `/council/censuses/${enc(censusId)}/codes`);
      return readText(await call(options, request, { count }), request);
    },
    referenda: async () => (await json<{ referenda: CouncilReferendum[] }>("GET", "/referenda")).referenda,
    referendum: (id) => json<CouncilReferendum>("GET", referendum(id)),
    createDraft: (draft) => json<ReferendumRecord>("POST", "/referenda", draft),
    updateDraft: (id, draft) => json<ReferendumRecord>("PUT", referendum(id), draft),
    open: (id) => json<ReferendumRecord>("POST", `${referendum(id)}/open`),
    close: (id) => json<ReferendumRecord>("POST", `${referendum(id)}/close`),
    tally: (id) => json<ReferendumRecord>("POST", `${referendum(id)}/tally`),
    inviteTrustees: async (id) =>
      (await json<{ invitations: TrusteeInvitation[] }>("POST", `${referendum(id)}/trustees/invitations`)).invitations,
  };
}
