import { z } from "./zod";
import { firstIssue, hex32 } from "./wire";
import { CEREMONY_ID, ptauPin } from "./ceremony-record";

/** A file of an artifact set, pinned by its hash. */
export const artifactFile = z.object({ path: z.string().min(1), sha256: hex32, bytes: z.int().min(0) });
export type ArtifactFile = z.infer<typeof artifactFile>;

/** What a finalized `bling ceremony` wrote into the manifest: the transcript's summary and location. */
export const trustedSetup = z.object({
  id: z.string().regex(CEREMONY_ID),
  /** Where the transcript folder is published (URL or path), for anyone to re-verify. */
  transcript: z.string().min(1),
  minContributions: z.int().min(1),
  ptau: ptauPin,
  contributions: z.array(
    z.object({
      index: z.int().min(1),
      participant: z.string().min(1),
      zkeySha256: hex32,
      contributionHash: z.string(),
    }),
  ),
  beacon: z.object({ chainId: z.int(), blockNumber: z.int().min(0), blockHash: hex32, zkeySha256: hex32 }),
});
export type TrustedSetup = z.infer<typeof trustedSetup>;

/**
 * `circuits/artifacts/<name>/manifest.json`: what was built, from what, and
 * the hash of every file, so that provers and verifiers refuse anything else.
 */
export const artifactManifest = z.object({
  name: z.string().min(1),
  protocolVersion: z.int(),
  purpose: z.string(),
  circuit: z.object({ source: z.string(), sourceSha256: hex32, template: z.string(), params: z.array(z.number()) }),
  compiler: z.object({ circom: z.string(), circom2: z.string(), flags: z.array(z.string()) }),
  snarkjs: z.string(),
  constraints: z.int(),
  wires: z.int(),
  privateInputs: z.int(),
  publicSignals: z.array(z.string()),
  ptauPower: z.int(),
  /**
   * "dev-insecure": one local contributor in each phase; never for a real referendum. Otherwise the
   * id of the `bling ceremony` that made the zkey, summarised in `trustedSetup`.
   */
  ceremony: z.union([z.enum(["dev-insecure", "production"]), z.string().regex(CEREMONY_ID)]),
  trustedSetup: trustedSetup.optional(),
  r1cs: z.object({ sha256: hex32, bytes: z.int().min(0) }),
  files: z.object({ wasm: artifactFile, zkey: artifactFile, vkey: artifactFile }),
  builtAt: z.string(),
});
export type ArtifactManifest = z.infer<typeof artifactManifest>;

/**
 * Reads a manifest's JSON text: the one reader of manifests (service, CLI, build scripts, infra).
 * @throws Error naming the first problem, when the text is not a manifest.
 */
export function parseManifest(json: string, source = "manifest.json"): ArtifactManifest {
  const result = artifactManifest.safeParse(JSON.parse(json));
  if (!result.success) throw new Error(`${source} is not an artifact manifest: ${firstIssue(result.error)}`);
  return result.data;
}
