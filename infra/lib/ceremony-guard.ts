/**
 * Refuses to deploy artifacts whose proving key nobody can trust: a dev ceremony (whoever ran it
 * can forge ballots) unless the deployer says so explicitly, and never in prod; a ceremony whose
 * manifest does not carry a finalized transcript summary with enough contributions; in prod, a
 * ceremony over a phase 1 that is not a published one.
 */
import { readManifestSync } from "../../protocol/artifacts.node";
import type { ArtifactManifest } from "../../protocol/manifest";
import { PUBLISHED_PIN } from "../../protocol/ptau-pins";

export const INSECURE_CEREMONY = "dev-insecure";

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
  if (policy.stage === "prod" && setup.ptau.pin !== PUBLISHED_PIN) {
    throw refuse(`ceremony ${setup.id} used phase 1 "${setup.ptau.pin}", not a published one; stage=prod refuses it`);
  }
}
