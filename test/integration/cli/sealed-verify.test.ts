/**
 * `bling verify` of a secret-ballot referendum through the real entry point: real sealed proofs on
 * the committed sealed_d20_k2 artifacts, a real 2-of-3 key generation and partial decryptions,
 * exported as a dump and audited offline; the new checks are printed, and a forged count fails.
 */
import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { loadArtifacts } from "../../../protocol/artifacts.node";
import { pointToWire } from "../../../protocol/babyjub";
import type { Ballot } from "../../../protocol/ballot";
import { generateCensusProof } from "../../../protocol/census";
import { yesNo } from "../../../protocol/rules";
import { proveSealedBallot } from "../../../protocol/sealed-ballot";
import { partialDecrypt } from "../../../protocol/threshold";
import type { SpecTrustees } from "../../../protocol/trustee-transcript";
import { releaseProverThreads } from "../../../protocol/verify";
import { writeDump } from "../../../cli/dump";
import { cli } from "../../fixtures/cli-run";
import { buildAuditBundle } from "../../fixtures/audit-bundle";
import { censusOf } from "../../fixtures/ballot-fixtures";
import { runDkg } from "../../fixtures/trustees";

const ID = 777n;
let dir: string;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), "bling-sealed-verify-"));
  const dkg = runDkg(ID.toString(), 3, 2);
  const trustees: SpecTrustees = {
    attempt: 1,
    threshold: 2,
    members: dkg.trustees.map(({ index, publicKey }) => ({
      index,
      name: `Trustee ${index}`,
      publicKey: pointToWire(publicKey),
    })),
    commitments: dkg.dealings.map((dealing) => dealing.commitments),
    electionKey: pointToWire(dkg.electionKey),
  };
  const { voters, census } = censusOf(3, "sealed-verify");
  const artifacts = await loadArtifacts("sealed_d20_k2");
  const ballots: Ballot[] = [];
  for (const [i, voter] of voters.slice(0, 2).entries()) {
    const proof = generateCensusProof(census, voter.commitment);
    const votes = i === 0 ? [1, 0] : [0, 1];
    ballots.push((await proveSealedBallot(voter, proof, ID, votes, yesNo(), dkg.electionKey, artifacts)).ballot);
  }
  const bundle = buildAuditBundle({
    referendumId: ID,
    censusLeaves: voters.map((voter) => voter.commitment),
    options: ["Yes", "No"],
    rules: yesNo(),
    revoting: true,
    ballots,
    circuit: { name: "sealed_d20_k2", zkeySha256: artifacts.manifest.files.zkey.sha256 },
    logKey: new Uint8Array(32).fill(3),
    sealed: {
      trustees,
      // Trustees 2 and 3 decrypt: t of n.
      decrypt: (aggregate) =>
        dkg.trustees
          .slice(1)
          .map(({ index }) =>
            partialDecrypt({ referendumId: ID.toString(), index, share: dkg.shares.get(index)! }, aggregate),
          ),
    },
  });
  await writeDump(dir, bundle);
}, 180_000);

afterAll(async () => {
  await releaseProverThreads();
  await rm(dir, { recursive: true, force: true });
});

describe("# bling verify of a sealed referendum", () => {
  it("should pass an honest sealed export and print the trustees and sealed tally checks", async () => {
    const { code, out } = await cli("verify", "--from-dump", dir, "--allow-dev-ceremony");
    expect(out).toMatch(/PASS {2}The election key is the sum of the trustees' commitments.*\n.*2 of 3 trustees/);
    expect(out).toMatch(/PASS {2}Every ballot is for this referendum.*\n {6}2 of 2 proofs verify/);
    expect(out).toMatch(/2 partial decryptions verify \(2 needed\) and give counts \[1, 1\] = the anchor/);
    expect([code, out]).toEqual([0, expect.stringMatching(/Verdict: PASS \(11 checks\)/)]);
  });

  it("should fail an export whose anchored count is off by one, naming the slot", async () => {
    const anchors = join(dir, "anchors.json");
    const honest = await readFile(anchors, "utf8");
    await writeFile(anchors, honest.replace(/"counts": \[\s*"1"/, '"counts": ["2"'));
    const { code, out } = await cli("verify", "--from-dump", dir, "--allow-dev-ceremony");
    await writeFile(anchors, honest);
    expect([code, out]).toEqual([
      1,
      expect.stringMatching(/slot 0 \("Yes"\): the trustees' decryption gives 1, the registry anchors 2/),
    ]);
  });
});
