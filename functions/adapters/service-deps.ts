/**
 * Wires the core's ports from the service's keys and settings: the same wiring for the local stack
 * and the Lambdas, so both serve the same `/v1/config` and sign with the same kind of key.
 */
import { randomBytes } from "node:crypto";
import type { ArtifactManifest } from "../../protocol/manifest";
import { BALLOT_CIRCUIT } from "../../protocol/constants";
import type { CoreDeps, ProofVerifier, TableStore } from "../core/ports";
import type { PublicConfig } from "../api/public-config";
import { createLogSigner } from "./ed25519-signer";

/** The service's secrets, each 32 bytes of hex. */
export interface ServiceKeys {
  /** Ed25519 seed of the ballot log key (promises and tree heads). */
  logKey: string;
  /** HMAC key of the registration-code hashes. */
  codeKey: string;
}

export interface ServiceSettings {
  store: TableStore;
  verifier: ProofVerifier;
  keys: ServiceKeys;
  /** The manifests of every ballot circuit the service verifies (the public-vote one and the sealed ones). */
  manifests: readonly ArtifactManifest[];
  chain: { chainId: string; registry: string; deployBlock: number };
  clock?: CoreDeps["clock"];
}

const hexKey = (hex: string, name: string): Buffer => {
  if (!/^[0-9a-f]{64}$/i.test(hex)) throw new Error(`${name} must be 32 bytes of hex`);
  return Buffer.from(hex, "hex");
};

export function serviceDeps(settings: ServiceSettings): { deps: CoreDeps; config: PublicConfig } {
  const signer = createLogSigner(hexKey(settings.keys.logKey, "logKey"));
  const published = Object.fromEntries(
    settings.manifests.map((manifest) => [
      manifest.name,
      {
        name: manifest.name,
        zkeySha256: manifest.files.zkey.sha256,
        ceremony: manifest.ceremony,
        wasmSha256: manifest.files.wasm.sha256,
        vkeySha256: manifest.files.vkey.sha256,
      },
    ]),
  );
  const circuits = Object.fromEntries(
    Object.values(published).map(({ name, zkeySha256, ceremony }) => [name, { name, zkeySha256, ceremony }]),
  );
  const publicVote = published[BALLOT_CIRCUIT];
  if (!publicVote) throw new Error(`the service needs the ${BALLOT_CIRCUIT} circuit's manifest`);
  const deps: CoreDeps = {
    store: settings.store,
    clock: settings.clock ?? { now: () => Date.now() },
    random: { bytes: (length) => new Uint8Array(randomBytes(length)) },
    signer,
    verifier: settings.verifier,
    codeKey: hexKey(settings.keys.codeKey, "codeKey"),
    circuits,
  };
  const config: PublicConfig = {
    ...settings.chain,
    circuit: publicVote,
    circuits: published,
    logPublicKey: signer.publicKeyHex,
  };
  return { deps, config };
}
