/**
 * Fetches an audit bundle from public sources only: the service's public API and the registry on
 * a chain RPC. The chain is read first, so every anchor is covered by the log head read after it
 * even while voting goes on.
 */
import { JsonRpcProvider, Network } from "ethers";
import { RegistryClient } from "../contracts/src/registry-client";
import type { SignedTreeHead } from "../protocol/log-objects";
import type { ReferendumSpec } from "../protocol/spec";
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

async function getJson(base: string, path: string): Promise<{ status: number; body: unknown }> {
  const url = `${base.replace(/\/+$/, "")}/v1${path}`;
  let response: Response;
  try {
    response = await fetch(url, { signal: AbortSignal.timeout(TIMEOUT_MS) });
  } catch (error) {
    throw new SourceError(`cannot reach the API at ${url}: ${(error as Error).message}`);
  }
  const text = await response.text();
  try {
    return { status: response.status, body: JSON.parse(text) as unknown };
  } catch {
    throw new SourceError(`${url} answered ${response.status} with something that is not JSON`);
  }
}

async function getOk<T>(base: string, path: string): Promise<T> {
  const { status, body } = await getJson(base, path);
  if (status !== 200) {
    const error = (body as { error?: { code?: string; message?: string } }).error;
    throw new SourceError(`GET ${path} answered ${status} ${error?.code ?? ""}: ${error?.message ?? ""}`.trim());
  }
  return body as T;
}

/** Items [0, total) of a paged route, PARALLEL_PAGES pages at a time. */
async function pagedItems<T>(total: number, page: (from: number) => Promise<T[]>, progress: (n: number) => void) {
  const items: T[] = [];
  for (let from = 0; from < total; from += PAGE * PARALLEL_PAGES) {
    const starts = Array.from({ length: PARALLEL_PAGES }, (_, i) => from + i * PAGE).filter((s) => s < total);
    const pages = await Promise.all(starts.map(page));
    for (const [i, got] of pages.entries()) {
      const want = Math.min(PAGE, total - (starts[i] ?? 0));
      if (got.length < want)
        throw new SourceError(`the service served ${got.length} items at ${starts[i]}, not ${want}`);
      items.push(...got.slice(0, want));
    }
    progress(items.length);
  }
  return items;
}

interface PublicReferendum {
  state: string;
  spec: ReferendumSpec | null;
  specHash: string | null;
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

/**
 * Every public piece of a referendum, checked for shape.
 * @throws SourceError when a source is unreachable or does not know the referendum.
 */
export async function fetchBundle(source: BundleSource): Promise<AuditBundle> {
  const { api, referendumId: id } = source;
  if (!/^[1-9][0-9]*$/.test(id)) throw new SourceError(`referendum id ${id} is not a decimal number`);
  const progress = source.onProgress ?? (() => undefined);
  const config = await getOk<{ chainId: string; registry: string; logPublicKey: string; deployBlock?: number }>(
    api,
    "/config",
  );
  const registry = source.registry ?? config.registry;
  const anchors = await fetchAnchors(source.rpc, registry, BigInt(id), source.registry ? 0 : (config.deployBlock ?? 0));
  const referendum = await getOk<PublicReferendum>(api, `/referenda/${id}`);
  if (!referendum.spec) throw new SourceError(`referendum ${id} has no public spec yet`);
  // Read before the census and the log are paged by it.
  const spec = parseSpec(referendum.spec, `the data served by ${api}`);
  const { treeHead } = await getOk<{ treeHead: SignedTreeHead | null }>(api, `/referenda/${id}/log/head`);
  const size = treeHead?.treeSize ?? 0;
  const leaves = await pagedItems(
    spec.census.size,
    async (from) =>
      (await getOk<{ leaves: string[] }>(api, `/censuses/${spec.census.id}/leaves?from=${from}&limit=${PAGE}`)).leaves,
    (n) => {
      progress("census", n, spec.census.size);
    },
  );
  const entries = await pagedItems(
    size,
    async (from) =>
      (await getOk<{ entries: unknown[] }>(api, `/referenda/${id}/log/entries?from=${from}&limit=${PAGE}`)).entries,
    (n) => {
      progress("log", n, size);
    },
  );
  const heads: SignedTreeHead[] = [];
  for (;;) {
    const page = await getOk<{ treeHeads: SignedTreeHead[] }>(
      api,
      `/referenda/${id}/log/heads?from=${(heads.at(-1)?.treeSize ?? -1) + 1}&limit=${PAGE}`,
    );
    heads.push(...page.treeHeads);
    if (page.treeHeads.length < PAGE) break;
  }
  const signed = heads.filter((head) => head.treeSize <= size);
  if (treeHead && !signed.some((head) => head.treeSize === size)) signed.push(treeHead);
  const tally = await getJson(api, `/referenda/${id}/tally`);
  return parseBundle(
    {
      format: BUNDLE_FORMAT,
      referendumId: id,
      config,
      referendum: { state: referendum.state, spec, specHash: referendum.specHash },
      census: { leaves },
      entries,
      heads: signed,
      // Read by parseBundle like every item the service serves: a malformed one fails the tally check.
      tally: tally.status === 200 ? tally.body : null,
      anchors,
    },
    `the data served by ${api}`,
  );
}
