/**
 * The verification key an observer trusts: read from its own copy of the artifacts (this
 * repository's `circuits/artifacts/`, or a folder it names), hashed as read, never taken from the
 * service. The spec (anchored by hash) pins the circuit and its zkey hash; the manifest links that
 * to the key.
 */
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { ARTIFACTS_DIR, readManifest } from "../protocol/artifacts.node";
import { BALLOT_CIRCUIT } from "../protocol/constants";
import { trustCircuit, type LoadedCircuit } from "../audit/anchor-checks";
import type { ArtifactManifest } from "../protocol/manifest";
import { SourceError } from "../audit/bundle";

export type { LoadedCircuit };

/**
 * Loads the artifact set the spec names when this auditor has it, else the default one (the
 * circuit check then fails on the name).
 * @throws SourceError when no manifest or key can be read.
 */
export async function loadTrustedCircuit(
  name: string,
  dir: string = ARTIFACTS_DIR,
): Promise<LoadedCircuit & { manifest: ArtifactManifest }> {
  const chosen = /^[a-z0-9_]+$/.test(name) ? name : BALLOT_CIRCUIT;
  try {
    const manifest = await readManifest(chosen, dir).catch(() => readManifest(BALLOT_CIRCUIT, dir));
    const loaded = await trustCircuit(
      manifest,
      new Uint8Array(await readFile(join(dir, manifest.name, manifest.files.vkey.path))),
    );
    return { ...loaded, manifest };
  } catch (error) {
    throw new SourceError(`cannot read the circuit artifacts in ${dir}: ${(error as Error).message}`);
  }
}
