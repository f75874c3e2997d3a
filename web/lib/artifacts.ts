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
  const response = await fetch(`${base}manifest.json`);
  if (!response.ok) throw new Error(`${base}manifest.json answered ${response.status}`);
  return parseManifest(await response.text(), `${base}manifest.json`);
}

/**
 * One artifact file, read with progress (bytes so far, of `file.bytes`), then hash-checked.
 * @throws Error when it cannot be fetched or does not match its manifest entry.
 */
export async function fetchCheckedArtifact(
  file: ArtifactFile,
  onProgress?: (loaded: number, total: number) => void,
  circuit: string = BALLOT_CIRCUIT,
): Promise<Uint8Array<ArrayBuffer>> {
  const base = artifactBase(circuit);
  const response = await fetch(`${base}${file.path}`);
  if (!response.ok || !response.body) throw new Error(`${base}${file.path} answered ${response.status}`);
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
  return requireArtifactHash(file, data.subarray(0, loaded));
}
