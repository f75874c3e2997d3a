/**
 * Fetches an audit bundle from public sources only: the service's public API and the registry on
 * a chain RPC. The chain is read first, so every anchor is covered by the log head read after it
 * even while voting goes on.
 */
import { JsonRpcProvider, Network } from "ethers";
import { RegistryClient } from "../contracts/src/registry-client";
import { ApiError } from "../functions/api/api-error";
import { fetchCensusLeaves, fetchPages, type PagerOptions } from "../functions/api/census-pager";
import { createPublicClient, type PublicClient } from "../functions/api/client";
import type { PublicConfig } from "../functions/api/public-config";
import type { SignedTreeHead } from "../protocol/log-objects";
import type { TallyResult } from "../protocol/tally-rules";
import { BUNDLE_FORMAT, parseBundle, parseSpec, SourceError, type AuditAnchors, type AuditBundle } from "./bundle";

export interface BundleSource {
  api: string;
  rpc: string;
  /** The registry address; when omitted, the one the service's /config names (and the report says so). */
  registry?: string;
  referendumId: string;
  /** Progress of the long downloads (census leaves, log entries). */
  onProgress?: (phase: string, done: number, total: number) => void;
}

const PAGE = 1000;
/** Pages fetched at once: enough to hide latency, few enough to be polite to the service. */
const PARALLEL_PAGES = 8;
const TIMEOUT_MS = 30_000;

/** A failed API call in the audit's words (the site's verify page tells the sources apart by them). */
function sourceErrorOf(error: ApiError): SourceError {
  const { method, path, url } = error.request ?? { method: "GET", path: "", url: "" };
  switch (error.failure) {
    case "unreachable":
    case "timeout":
      return new SourceError(`cannot reach the API at ${url}: ${error.message}`);
    case "not-json":
      return new SourceError(`${url} answered ${error.status} with something that is not JSON`);
    case "not-envelope":
      return new SourceError(`${method} ${path} answered ${error.status} :`);
    case "refused":
      return new SourceError(`${method} ${path} answered ${error.status} ${error.code}: ${error.message}`.trim());
  }
}

/** The call's answer. @throws SourceError for any failure. */
async function read<T>(call: Promise<T>): Promise<T> {
  try {
    return await call;
  } catch (error) {
    throw error instanceof ApiError ? sourceErrorOf(error) : error;
  }
}

/** Paging as the audit reads: PARALLEL_PAGES pages of PAGE items at a time. */
function paging(progress: (n: number) => void): PagerOptions {
  return { pageSize: PAGE, parallel: PARALLEL_PAGES, onProgress: progress };
}

/** All `total` items of a paged read. @throws SourceError when a page came short. */
function requireAll<T>(items: T[], total: number): T[] {
  if (items.length < total) {
    // The pager stops at the first short page: the one that starts where the last full page ended.
    const start = Math.floor(items.length / PAGE) * PAGE;
    throw new SourceError(
      `the service served ${items.length - start} items at ${start}, not ${Math.min(PAGE, total - start)}`,
    );
  }
  return items;
}

/**
 * What the registry on a chain holds of a referendum.
 * @throws SourceError when the RPC is unreachable or no contract is at `registry`.
 */
export async function fetchAnchors(rpc: string, registry: string, id: bigint, fromBlock = 0): Promise<AuditAnchors> {
  let chainId: bigint;
  try {
    // Asked once by hand: ethers would otherwise retry an unreachable RPC forever.
    const answer = await fetch(rpc, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ jsonrpc: "2.0", id: 1, method: "eth_chainId", params: [] }),
      signal: AbortSignal.timeout(TIMEOUT_MS),
    });
    chainId = BigInt(((await answer.json()) as { result: string }).result);
  } catch (error) {
    throw new SourceError(`cannot reach the chain RPC at ${rpc}: ${(error as Error).message}`);
  }
  const provider = new JsonRpcProvider(rpc, Network.from(chainId), { staticNetwork: true });
  try {
    if ((await provider.getCode(registry)) === "0x")
      throw new SourceError(`no contract at ${registry} on chain ${chainId}`);
    const client = new RegistryClient(registry, provider, fromBlock);
    // Read first: every anchor below is at least as new as this time.
    const chainTime = await client.chainTime();
    const [referendum, checkpoints, closing, tally] = await Promise.all([
      client.getReferendum(id),
      client.getCheckpoints(id),
      client.getClosing(id),
      client.getTally(id),
    ]);
    return {
      registry,
      referendum: referendum && {
        council: referendum.council,
        specHash: referendum.specHash,
        censusRoot: referendum.censusRoot.toString(),
        rules: { ...referendum.rules },
        electionKey: referendum.electionKey && [
          referendum.electionKey[0].toString(),
          referendum.electionKey[1].toString(),
        ],
        opensAt: referendum.opensAt,
        closesAt: referendum.closesAt,
      },
      checkpoints: checkpoints.map((c) => ({ ...c })),
      closing: closing && {
        closedAt: closing.closedAt,
        logSize: closing.logSize,
        logRoot: closing.logRoot,
        anchoredAt: closing.anchoredAt,
      },
      chainTime,
      tally: tally && {
        counts: tally.counts.map(String),
        logSize: tally.logSize,
        logRoot: tally.logRoot,
        nullifierSetRoot: tally.nullifierSetRoot,
        publishedAt: tally.publishedAt,
      },
    };
  } finally {
    provider.destroy();
  }
}

/** The published tally, or null while the service has none (any refusal: not tallied yet). */
async function tallyIfAny(client: PublicClient, id: string): Promise<TallyResult | null> {
  try {
    return await client.tally(id);
  } catch (error) {
    if (error instanceof ApiError && (error.failure === "refused" || error.failure === "not-envelope")) return null;
    throw error instanceof ApiError ? sourceErrorOf(error) : error;
  }
}

/**
 * Every public piece of a referendum, checked for shape.
 * @throws SourceError when a source is unreachable or does not know the referendum.
 */
export async function fetchBundle(source: BundleSource): Promise<AuditBundle> {
  const { api, referendumId: id } = source;
  if (!/^[1-9][0-9]*$/.test(id)) throw new SourceError(`referendum id ${id} is not a decimal number`);
  const progress = source.onProgress ?? (() => undefined);
  const client = createPublicClient({ baseUrl: api, timeoutMs: TIMEOUT_MS });
  const config = await read(client.config());
  const registry = source.registry ?? config.registry;
  // An older service's config named no deploy block: read the chain from its start.
  const deployBlock = (config as Partial<PublicConfig>).deployBlock ?? 0;
  const anchors = await fetchAnchors(source.rpc, registry, BigInt(id), source.registry ? 0 : deployBlock);
  const referendum = await read(client.referendum(id));
  // A published referendum always has its spec; an older or odd service may still serve none.
  const served = (referendum as { spec: unknown }).spec;
  if (!served) throw new SourceError(`referendum ${id} has no public spec yet`);
  // Read before the census and the log are paged by it.
  const spec = parseSpec(served, `the data served by ${api}`);
  const treeHead = await read(client.logHead(id));
  const size = treeHead?.treeSize ?? 0;
  const censusProgress = (n: number): void => {
    progress("census", n, spec.census.size);
  };
  const leaves = requireAll(
    await read(fetchCensusLeaves(client, spec.census.id, spec.census.size, paging(censusProgress))),
    spec.census.size,
  );
  const logProgress = (n: number): void => {
    progress("log", n, size);
  };
  // Each entry is read by parseBundle: a malformed one fails its check instead of the audit.
  const entries: unknown[] = requireAll(
    await read(fetchPages(size, (from, limit) => client.logEntries(id, from, limit), paging(logProgress))),
    size,
  );
  const heads: SignedTreeHead[] = [];
  for (;;) {
    const page = await read(client.logHeads(id, (heads.at(-1)?.treeSize ?? -1) + 1, PAGE));
    heads.push(...page);
    if (page.length < PAGE) break;
  }
  const signed = heads.filter((head) => head.treeSize <= size);
  if (treeHead && !signed.some((head) => head.treeSize === size)) signed.push(treeHead);
  const tally = await tallyIfAny(client, id);
  return parseBundle(
    {
      format: BUNDLE_FORMAT,
      referendumId: id,
      config,
      referendum: { state: referendum.state, spec, specHash: referendum.specHash },
      census: { leaves },
      entries,
      heads: signed,
      tally,
      anchors,
    },
    `the data served by ${api}`,
  );
}
