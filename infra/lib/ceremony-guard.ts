/**
 * Refuses to deploy artifacts whose proving key nobody can trust: a dev ceremony (whoever ran it
 * can forge ballots) unless the deployer says so explicitly, and never in prod; a ceremony whose
 * manifest does not carry a finalized transcript summary with enough contributions; in prod, a
 * ceremony over a phase 1 that is not a published one, or finalized with a beacon from another chain
 * than Ethereum mainnet.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { readManifestSync } from "../../protocol/artifacts.node";
import type { ArtifactManifest } from "../../protocol/manifest";
import { PUBLISHED_PIN } from "../../protocol/ptau-pins";

export const INSECURE_CEREMONY = "dev-insecure";
const ETHEREUM_MAINNET = 1;

/** What the deployment accepts (from its settings). */
export interface CeremonyPolicy {
  stage: "dev" | "prod";
  allowInsecure: boolean;
  /** The fewest contributions a ceremony may have (default 3). */
  minContributions: number;
}

export function readCircuitManifest(artifactsDir: string, circuitName: string): ArtifactManifest {
  return readManifestSync(circuitName, artifactsDir);
}

/** @throws Error naming the circuit and what its ceremony lacks. */
export function requireTrustedCeremony(manifest: ArtifactManifest, policy: CeremonyPolicy): void {
  const refuse = (why: string): Error => new Error(`circuit ${manifest.name}: ${why}`);
  if (manifest.ceremony === INSECURE_CEREMONY) {
    if (policy.stage === "prod") {
      throw refuse(
        `comes from the "${INSECURE_CEREMONY}" ceremony, and stage=prod refuses it even with allowInsecureCeremony: run \`bling ceremony\`.`,
      );
    }
    if (!policy.allowInsecure) {
      throw refuse(
        `comes from the "${INSECURE_CEREMONY}" ceremony: anyone who ran it can forge ballots. ` +
          "Deploy artifacts from a multi-party ceremony, or pass -c allowInsecureCeremony=true for a test deployment.",
      );
    }
    return;
  }
  const setup = manifest.trustedSetup;
  if (setup?.id !== manifest.ceremony)
    throw refuse(`ceremony "${manifest.ceremony}" has no transcript summary in its manifest`);
  const count = setup.contributions.length;
  if (count < policy.minContributions) {
    throw refuse(
      `ceremony ${setup.id} has ${count} contributions; this deployment requires at least ${policy.minContributions}`,
    );
  }
  if (setup.contributions.some((entry, i) => entry.index !== i + 1)) {
    throw refuse(`ceremony ${setup.id} skips or reorders a contribution`);
  }
  if (setup.beacon.zkeySha256 !== manifest.files.zkey.sha256) {
    throw refuse(`ceremony ${setup.id}'s beacon did not produce the zkey the manifest pins`);
  }
  // The beacon is only as unpredictable as its chain: an L2's single sequencer, or a private chain,
  // chooses its block hashes, so whoever runs it could bias the last step.
  if (policy.stage === "prod" && setup.beacon.chainId !== ETHEREUM_MAINNET) {
    throw refuse(
      `ceremony ${setup.id}'s beacon is a block of chain ${setup.beacon.chainId}; stage=prod requires Ethereum mainnet (chain ${ETHEREUM_MAINNET})`,
    );
  }
  if (policy.stage === "prod" && setup.ptau.pin !== PUBLISHED_PIN) {
    throw refuse(`ceremony ${setup.id} used phase 1 "${setup.ptau.pin}", not a published one; stage=prod refuses it`);
  }
}

/** What contracts/artifacts/manifest.json says each verifier contract was generated from. */
export interface ContractsManifest {
  verifiers: Record<string, { name: string; zkeySha256: string; ceremony: string }>;
}

/**
 * @throws Error naming the verifier contract whose embedded key is not from the circuit's zkey
 * (contracts built before the ceremony was finalized, or from another one).
 */
export function requireContractsFromCircuits(
  contracts: ContractsManifest,
  circuits: readonly ArtifactManifest[],
): void {
  for (const [contract, from] of Object.entries(contracts.verifiers)) {
    const circuit = circuits.find((manifest) => manifest.name === from.name);
    if (!circuit) continue;
    // The zkey hash decides: the same zkey is the same ceremony, whatever a manifest calls it.
    if (from.zkeySha256 !== circuit.files.zkey.sha256) {
      throw new Error(
        `contract ${contract} was generated from zkey ${from.zkeySha256} (ceremony ${from.ceremony}), but circuit ${circuit.name}'s zkey is ${circuit.files.zkey.sha256} (ceremony ${circuit.ceremony}): run npm run build:contracts`,
      );
    }
  }
}

export function readContractsManifest(projectRoot: string): ContractsManifest {
  return JSON.parse(
    readFileSync(join(projectRoot, "contracts", "artifacts", "manifest.json"), "utf8"),
  ) as ContractsManifest;
}
