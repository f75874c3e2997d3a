import { readManifestSync } from "../../../protocol/artifacts.node";
import { BALLOT_CIRCUIT } from "../../../protocol/constants";
import { parseManifest, type ArtifactManifest } from "../../../protocol/manifest";
import {
  requireContractsFromCircuits,
  requireTrustedCeremony,
  type CeremonyPolicy,
  type ContractsManifest,
} from "../../../infra/lib/ceremony-guard";
import { PROJECT_ROOT, trustedSetupFor } from "../../fixtures/infra-fixtures";
import { readFileSync } from "node:fs";
import { join } from "node:path";

const committed = readManifestSync(BALLOT_CIRCUIT);
const DEV: CeremonyPolicy = { stage: "dev", allowInsecure: false, minContributions: 3 };
const PROD: CeremonyPolicy = { stage: "prod", allowInsecure: true, minContributions: 3 };

function withSetup(change: (setup: Record<string, unknown>) => Record<string, unknown> = (s) => s): ArtifactManifest {
  const setup = change(trustedSetupFor("ceremony-test", committed.files.zkey.sha256));
  return parseManifest(JSON.stringify({ ...committed, ceremony: "ceremony-test", trustedSetup: setup }));
}

describe("# requireTrustedCeremony", () => {
  it("should take a finalized ceremony with enough contributions over a published phase 1", () => {
    expect(() => {
      requireTrustedCeremony(withSetup(), PROD);
    }).not.toThrow();
    expect(() => {
      requireTrustedCeremony(committed, { ...DEV, allowInsecure: true });
    }).not.toThrow();
  });

  it("should refuse the dev ceremony in prod even with the override, and without it in dev", () => {
    expect(() => {
      requireTrustedCeremony(committed, PROD);
    }).toThrow(/stage=prod refuses it even with allowInsecureCeremony/);
    expect(() => {
      requireTrustedCeremony(committed, DEV);
    }).toThrow(/"dev-insecure" ceremony: anyone who ran it can forge/);
  });

  it("should refuse a ceremony claimed without its transcript summary", () => {
    const bare = parseManifest(JSON.stringify({ ...committed, ceremony: "production" }));
    expect(() => {
      requireTrustedCeremony(bare, DEV);
    }).toThrow(/ceremony "production" has no transcript summary/);
  });

  it("should refuse a summary that skips a step or whose beacon is not the pinned zkey", () => {
    const skipping = withSetup((setup) => ({
      ...setup,
      contributions: (setup.contributions as { index: number }[]).map((c, i) => ({
        ...c,
        index: i === 1 ? 3 : c.index,
      })),
    }));
    expect(() => {
      requireTrustedCeremony(skipping, DEV);
    }).toThrow(/skips or reorders a contribution/);
    const other = withSetup((setup) => ({
      ...setup,
      beacon: { ...(setup.beacon as object), zkeySha256: "00".repeat(32) },
    }));
    expect(() => {
      requireTrustedCeremony(other, DEV);
    }).toThrow(/beacon did not produce the zkey the manifest pins/);
  });

  it("should refuse too few contributions, and a local phase 1 in prod", () => {
    const short = withSetup((setup) => ({ ...setup, contributions: (setup.contributions as unknown[]).slice(0, 2) }));
    expect(() => {
      requireTrustedCeremony(short, DEV);
    }).toThrow(/has 2 contributions; this deployment requires at least 3/);
    const local = withSetup((setup) => ({ ...setup, ptau: { ...(setup.ptau as object), pin: "local:test" } }));
    expect(() => {
      requireTrustedCeremony(local, DEV);
    }).not.toThrow();
    expect(() => {
      requireTrustedCeremony(local, PROD);
    }).toThrow(/not a published one/);
  });

  it("should refuse in prod a beacon from any chain but Ethereum mainnet (an L2's sequencer or a private chain picks its hashes)", () => {
    for (const chainId of [10, 8453, 31337]) {
      const elsewhere = withSetup((setup) => ({ ...setup, beacon: { ...(setup.beacon as object), chainId } }));
      expect(() => {
        requireTrustedCeremony(elsewhere, PROD);
      }).toThrow(
        new RegExp(`beacon is a block of chain ${chainId}; stage=prod requires Ethereum mainnet \\(chain 1\\)`),
      );
      expect(() => {
        requireTrustedCeremony(elsewhere, DEV);
      }).not.toThrow();
    }
  });
});

describe("# requireContractsFromCircuits", () => {
  const contracts = JSON.parse(
    readFileSync(join(PROJECT_ROOT, "contracts", "artifacts", "manifest.json"), "utf8"),
  ) as ContractsManifest;
  const circuits = Object.values(contracts.verifiers).map((verifier) => readManifestSync(verifier.name));

  it("should take the committed contracts, whose verifiers came from the committed circuits' zkeys", () => {
    expect(() => {
      requireContractsFromCircuits(contracts, circuits);
    }).not.toThrow();
  });

  it("should refuse contracts whose verifier was generated from another zkey or ceremony than the circuit's", () => {
    const finalized = parseManifest(
      JSON.stringify({
        ...committed,
        ceremony: "ceremony-test",
        files: { ...committed.files, zkey: { ...committed.files.zkey, sha256: "ab".repeat(32) } },
      }),
    );
    const others = circuits.map((circuit) => (circuit.name === committed.name ? finalized : circuit));
    expect(() => {
      requireContractsFromCircuits(contracts, others);
    }).toThrow(
      /BallotVerifier was generated from zkey c08ab9bf.* \(ceremony dev-insecure\), but circuit vote_d20_k8's zkey is abababab.* \(ceremony ceremony-test\): run npm run build:contracts/,
    );
  });
});
