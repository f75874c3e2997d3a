import { createHash } from "node:crypto";
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import type { VerificationKey } from "./ballot";
import { BALLOT_CIRCUIT } from "./constants";
import type { ArtifactFile, ArtifactManifest } from "./manifest";

/** The committed artifact sets (Node only: the browser fetches them by URL). */
export const ARTIFACTS_DIR = join(__dirname, "..", "artifacts");

/** An artifact set read from disk, every file checked against its manifest hash. */
export interface LoadedArtifacts {
  manifest: ArtifactManifest;
  wasm: Uint8Array;
  zkey: Uint8Array;
  vkey: VerificationKey;
}

export function sha256Hex(data: Uint8Array): string {
  return createHash("sha256").update(data).digest("hex");
}

export async function readManifest(
  name: string = BALLOT_CIRCUIT,
  dir: string = ARTIFACTS_DIR,
): Promise<ArtifactManifest> {
  return JSON.parse(await readFile(join(dir, name, "manifest.json"), "utf8")) as ArtifactManifest;
}

async function readChecked(dir: string, file: ArtifactFile): Promise<Uint8Array> {
  const data = new Uint8Array(await readFile(join(dir, file.path)));
  const actual = sha256Hex(data);
  if (actual !== file.sha256) {
    throw new Error(`artifact ${file.path} does not match its manifest (sha256 ${actual}, expected ${file.sha256})`);
  }
  return data;
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
