import { readFileSync } from "node:fs";
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { requireArtifactHash } from "./artifact-check";
import type { VerificationKey } from "./statement";
import { BALLOT_CIRCUIT } from "./constants";
import { parseManifest, type ArtifactFile, type ArtifactManifest } from "./manifest";

/** The committed artifact sets (Node only: the browser fetches them by URL). */
export const ARTIFACTS_DIR = join(__dirname, "..", "circuits", "artifacts");

/** An artifact set read from disk, every file checked against its manifest hash. */
export interface LoadedArtifacts {
  manifest: ArtifactManifest;
  wasm: Uint8Array;
  zkey: Uint8Array;
  vkey: VerificationKey;
}

export async function readManifest(
  name: string = BALLOT_CIRCUIT,
  dir: string = ARTIFACTS_DIR,
): Promise<ArtifactManifest> {
  const path = join(dir, name, "manifest.json");
  return parseManifest(await readFile(path, "utf8"), path);
}

/** `readManifest` for callers that cannot wait (a CDK construct checks it while it is built). */
export function readManifestSync(name: string = BALLOT_CIRCUIT, dir: string = ARTIFACTS_DIR): ArtifactManifest {
  const path = join(dir, name, "manifest.json");
  return parseManifest(readFileSync(path, "utf8"), path);
}

async function readChecked(dir: string, file: ArtifactFile): Promise<Uint8Array> {
  return requireArtifactHash(file, new Uint8Array(await readFile(join(dir, file.path))));
}

/**
 * Loads only the verification key of an artifact set (what a verifier needs), checked against its
 * manifest.
 * @throws Error when the key's sha256 differs from the manifest.
 */
export async function loadVerificationKey(
  name: string = BALLOT_CIRCUIT,
  dir: string = ARTIFACTS_DIR,
): Promise<{ manifest: ArtifactManifest; vkey: VerificationKey }> {
  const manifest = await readManifest(name, dir);
  const vkey = await readChecked(join(dir, name), manifest.files.vkey);
  return { manifest, vkey: JSON.parse(new TextDecoder().decode(vkey)) as VerificationKey };
}

/**
 * Loads the wasm, zkey and verification key of an artifact set.
 * @throws Error when any file's sha256 differs from the manifest.
 */
export async function loadArtifacts(
  name: string = BALLOT_CIRCUIT,
  dir: string = ARTIFACTS_DIR,
): Promise<LoadedArtifacts> {
  const manifest = await readManifest(name, dir);
  const folder = join(dir, name);
  const [wasm, zkey, vkey] = await Promise.all([
    readChecked(folder, manifest.files.wasm),
    readChecked(folder, manifest.files.zkey),
    readChecked(folder, manifest.files.vkey),
  ]);
  return { manifest, wasm, zkey, vkey: JSON.parse(new TextDecoder().decode(vkey)) as VerificationKey };
}
