/**
 * The ballot circuits' artifacts as the site serves them (`/artifacts/<circuit>/`, copied there at
 * build time): every file is checked against the manifest's sha256 before anything proves or
 * verifies with it, as the protocol requires of every prover and verifier. A referendum names its
 * circuit (`spec.circuit.name`); the public-vote circuit is the default.
 */
import { requireArtifactHash } from "../../protocol/artifact-check";
import { BALLOT_CIRCUIT } from "../../protocol/constants";
import { parseManifest, type ArtifactFile, type ArtifactManifest } from "../../protocol/manifest";

/** Where the site serves a circuit's artifacts. */
export function artifactBase(circuit: string = BALLOT_CIRCUIT): string {
  return `/artifacts/${encodeURIComponent(circuit)}/`;
}

export const ARTIFACT_BASE = artifactBase();

export async function fetchManifest(circuit: string = BALLOT_CIRCUIT): Promise<ArtifactManifest> {
  const base = artifactBase(circuit);
  // Asked again every time (revalidated): the manifest names the files, so it must never be stale.
  const response = await fetch(`${base}manifest.json`, { cache: "no-cache" });
  if (!response.ok) throw new Error(`${base}manifest.json answered ${response.status}`);
  return parseManifest(await response.text(), `${base}manifest.json`);
}

/**
 * The address of one artifact file, named by its content: `?sha256=` carries the manifest's hash,
 * so the server may let browsers keep it for a year (local/site-server.ts, CloudFront's
 * ARTIFACT_CACHE_FUNCTION_CODE) and a new artifact set is a new address, never a stale copy.
 */
export function artifactUrl(file: ArtifactFile, circuit: string = BALLOT_CIRCUIT): string {
  return `${artifactBase(circuit)}${file.path}?sha256=${file.sha256}`;
}

/** Where checked artifacts are kept between visits (the Cache API, in secure contexts only). */
const CACHE_NAME = "bling-artifacts-v1";

async function openCache(): Promise<Cache | null> {
  try {
    return typeof caches === "undefined" ? null : await caches.open(CACHE_NAME);
  } catch {
    // Private browsing or storage turned off: download every time.
    return null;
  }
}

/** A copy kept by an earlier visit, checked again before use; a copy that fails the check is dropped. */
async function keptCopy(cache: Cache, url: string, file: ArtifactFile): Promise<Uint8Array<ArrayBuffer> | null> {
  const kept = await cache.match(url).catch(() => undefined);
  if (!kept) return null;
  try {
    return await requireArtifactHash(file, new Uint8Array(await kept.arrayBuffer()));
  } catch {
    await cache.delete(url).catch(() => false);
    return null;
  }
}

async function download(
  url: string,
  file: ArtifactFile,
  onProgress?: (loaded: number, total: number) => void,
): Promise<Uint8Array<ArrayBuffer>> {
  const response = await fetch(url);
  if (!response.ok || !response.body) throw new Error(`${url} answered ${response.status}`);
  const data = new Uint8Array(file.bytes);
  let loaded = 0;
  const reader = response.body.getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    if (loaded + value.length > data.length) throw new Error(`${file.path} is larger than its manifest says`);
    data.set(value, loaded);
    loaded += value.length;
    onProgress?.(loaded, file.bytes);
  }
  return data.subarray(0, loaded);
}

/**
 * One artifact file, hash-checked: a copy this browser kept from an earlier visit (checked again),
 * or else downloaded with progress (bytes so far, of `file.bytes`), checked, and kept for next time.
 * `onChecked` is called once the hash matched, with whether the file came from the kept copy.
 * @throws Error when it cannot be fetched or does not match its manifest entry.
 */
export async function fetchCheckedArtifact(
  file: ArtifactFile,
  onProgress?: (loaded: number, total: number) => void,
  circuit: string = BALLOT_CIRCUIT,
  onChecked?: (kept: boolean) => void,
): Promise<Uint8Array<ArrayBuffer>> {
  const url = artifactUrl(file, circuit);
  const cache = await openCache();
  const kept = cache && (await keptCopy(cache, url, file));
  if (kept) {
    onChecked?.(true);
    return kept;
  }
  const checked = await requireArtifactHash(file, await download(url, file, onProgress));
  onChecked?.(false);
  await cache?.put(url, new Response(checked.slice())).catch(() => undefined);
  return checked;
}
