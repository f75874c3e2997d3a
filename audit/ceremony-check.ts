/**
 * Which trusted setup the circuit's proving key came from, as an audit check: a finalized
 * multi-party ceremony (its id, contributions and beacon, from the manifest) passes; the
 * single-party dev ceremony FAILs (whoever ran it can forge ballots) unless the auditor says the
 * referendum is a test. Browser-safe.
 */
import type { ArtifactManifest } from "../protocol/manifest";
import type { CheckResult } from "./report";

const TITLE = "Circuit ceremony: the proving key comes from a multi-party trusted setup";

/** The ceremony check for a circuit's manifest. */
export function ceremonyCheck(manifest: ArtifactManifest, allowDevCeremony: boolean): CheckResult {
  const result = (ok: boolean, summary: string, problems: string[] = []): CheckResult => ({
    // "circuit": the ceremony is the rest of the circuit check; its own id waits for the site's message key.
    id: "circuit",
    title: TITLE,
    ok,
    summary,
    problems,
    numbers: { ceremony: manifest.ceremony, contributions: manifest.trustedSetup?.contributions.length ?? 0 },
  });
  if (manifest.ceremony === "dev-insecure") {
    return allowDevCeremony
      ? result(
          true,
          `${manifest.name}: dev-insecure ceremony, accepted because --allow-dev-ceremony says this is a test`,
        )
      : result(false, `${manifest.name}: dev-insecure ceremony`, [
          `circuit ${manifest.name} comes from the single-party dev ceremony: whoever ran it can forge ballots (pass --allow-dev-ceremony only for a test)`,
        ]);
  }
  const setup = manifest.trustedSetup;
  if (setup?.id !== manifest.ceremony) {
    return result(false, `${manifest.name}: ceremony ${manifest.ceremony}`, [
      `the manifest names ceremony "${manifest.ceremony}" but carries no transcript summary`,
    ]);
  }
  const names = setup.contributions.map((entry) => entry.participant).join(", ");
  return result(
    true,
    `${manifest.name}: ceremony ${setup.id}, ${setup.contributions.length} contributions (${names}), beacon block ${setup.beacon.blockNumber}; transcript at ${setup.transcript} (re-check it with \`bling ceremony verify\`)`,
  );
}
