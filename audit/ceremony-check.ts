/**
 * Which trusted setup the circuit's proving key came from, as an audit check: a finalized
 * multi-party ceremony (its id, contributions and beacon, from the manifest) passes; the
 * single-party dev ceremony FAILs (whoever ran it can forge ballots) unless the auditor says the
 * referendum is a test (`--allow-dev-ceremony`, or a site whose config declares a test
 * deployment). The numbers carry what a page lists: participants and the beacon block.
 * Browser-safe.
 */
import type { ArtifactManifest } from "../protocol/manifest";
import type { AuditReport, CheckResult } from "./report";

const TITLE = "Circuit ceremony: the proving key comes from a multi-party trusted setup";

/** The ceremony check for a circuit's manifest. */
export function ceremonyCheck(manifest: ArtifactManifest, allowDevCeremony: boolean): CheckResult {
  const setup = manifest.trustedSetup;
  const dev = manifest.ceremony === "dev-insecure";
  const result = (ok: boolean, summary: string, problems: string[] = []): CheckResult => ({
    id: "ceremony",
    title: TITLE,
    ok,
    summary,
    problems,
    numbers: {
      ceremony: manifest.ceremony,
      contributions: setup?.contributions.length ?? 0,
      participants: setup?.contributions.map((entry) => entry.participant).join(", ") ?? "",
      ...(setup && { beaconBlock: setup.beacon.blockNumber }),
      acceptedAsTest: dev && allowDevCeremony ? "yes" : "no",
    },
  });
  if (dev) {
    return allowDevCeremony
      ? result(true, `${manifest.name}: dev-insecure ceremony, accepted because this is declared a test`)
      : result(false, `${manifest.name}: dev-insecure ceremony`, [
          `circuit ${manifest.name} comes from the single-party dev ceremony: whoever ran it can forge ballots (accept it only for a test: --allow-dev-ceremony)`,
        ]);
  }
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

/** The report with the ceremony check last: a failed ceremony fails the verdict. */
export function withCeremonyCheck(report: AuditReport, ceremony: CheckResult): AuditReport {
  return { ...report, ok: report.ok && ceremony.ok, checks: [...report.checks, ceremony] };
}
