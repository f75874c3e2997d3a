/**
 * The ballot circuit's artifacts as the site serves them (`/artifacts/<circuit>/`, copied there at
 * build time): every file is checked against the manifest's sha256 before anything proves or
 * verifies with it, as the protocol requires of every prover and verifier.
 */
import { requireArtifactHash } from "../../protocol/artifact-check";
import { BALLOT_CIRCUIT } from "../../protocol/constants";
import { parseManifest, type ArtifactFile, type ArtifactManifest } from "../../protocol/manifest";

export const ARTIFACT_BASE = `/artifacts/${BALLOT_CIRCUIT}/`;

export async function fetchManifest(): Promise<ArtifactManifest> {
  const response = await fetch(`${ARTIFACT_BASE}manifest.json`);
  if (!response.ok) throw new Error(`${ARTIFACT_BASE}manifest.json answered ${response.status}`);
  return parseManifest(await response.text(), `${ARTIFACT_BASE}manifest.json`);
}

/**
 * One artifact file, read with progress (bytes so far, of `file.bytes`), then hash-checked.
 * @throws Error when it cannot be fetched or does not match its manifest entry.
 */
export async function fetchCheckedArtifact(
  file: ArtifactFile,
  onProgress?: (loaded: number, total: number) => void,
): Promise<Uint8Array<ArrayBuffer>> {
  const response = await fetch(`${ARTIFACT_BASE}${file.path}`);
  if (!response.ok || !response.body) throw new Error(`${ARTIFACT_BASE}${file.path} answered ${response.status}`);
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
