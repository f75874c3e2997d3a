/** A file of an artifact set, pinned by its hash. */
export interface ArtifactFile {
  path: string;
  sha256: string;
  bytes: number;
}

/**
 * `circuits/artifacts/<name>/manifest.json`: what was built, from what, and
 * the hash of every file, so that provers and verifiers refuse anything else.
 */
export interface ArtifactManifest {
  name: string;
  protocolVersion: number;
  purpose: string;
  circuit: { source: string; sourceSha256: string; template: string; params: number[] };
  compiler: { circom: string; circom2: string; flags: string[] };
  snarkjs: string;
  constraints: number;
  wires: number;
  privateInputs: number;
  publicSignals: string[];
  ptauPower: number;
  /** "dev-insecure": one local contributor in each phase; never for a real referendum. */
  ceremony: "dev-insecure" | "production";
  r1cs: { sha256: string; bytes: number };
  files: { wasm: ArtifactFile; zkey: ArtifactFile; vkey: ArtifactFile };
  builtAt: string;
}
