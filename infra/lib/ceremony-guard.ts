/**
 * Refuses to deploy artifacts from a dev ceremony (whoever ran it can forge ballots) unless the
 * deployer says so explicitly.
 */
import { readManifestSync } from "../../protocol/artifacts.node";
import type { ArtifactManifest } from "../../protocol/manifest";

export const INSECURE_CEREMONY = "dev-insecure";

export function readCircuitManifest(artifactsDir: string, circuitName: string): ArtifactManifest {
  return readManifestSync(circuitName, artifactsDir);
}

/** @throws Error when the artifacts are from the dev ceremony and `allowInsecure` is not set. */
export function requireTrustedCeremony(manifest: ArtifactManifest, allowInsecure: boolean): void {
  if (manifest.ceremony === INSECURE_CEREMONY && !allowInsecure) {
    throw new Error(
      `circuit ${manifest.name} comes from the "${INSECURE_CEREMONY}" ceremony: anyone who ran it can forge ballots. ` +
        "Deploy artifacts from a multi-party ceremony, or pass -c allowInsecureCeremony=true for a test deployment.",
    );
  }
}
