/**
 * The observer's audit of a secret-ballot referendum (protocol v2): real ElGamal ballots under the
 * key of a real 2-of-3 key generation, real partial decryptions; only the Groth16 proofs are faked
 * (the fake verifier accepts exactly the ballots the fake prover made). Small on purpose: four
 * ballots, three trustees.
 */
import { yesNo, type Ballot } from "../../../protocol";
import { mulG, pointToWire, type Point } from "../../../protocol/babyjub";
import { encryptVotes, type Ciphertext } from "../../../protocol/elgamal";
import { encodeSealedStatement } from "../../../protocol/sealed-statement";
import { specHash } from "../../../protocol/spec";
import { partialDecrypt, type PartialDecryption } from "../../../protocol/threshold";
import type { SpecTrustees } from "../../../protocol/trustee-transcript";
import { auditReferendum, type AuditDeps } from "../../../audit/audit";
import { parseBundle, type AuditBundle } from "../../../audit/bundle";
import { formatReport, type AuditReport, type CheckId } from "../../../audit/report";
import { buildAuditBundle, type BundleOptions } from "../../fixtures/audit-bundle";
import { runDkg } from "../../fixtures/trustees";

const REFERENDUM = 5151n;
const ID = REFERENDUM.toString();
const LEAVES = [11n, 22n, 33n, 44n];
const LOG_KEY = new Uint8Array(32).fill(9);
const CIRCUIT = { name: "sealed_d20_k2", zkeySha256: "a".repeat(64) };

const dkg = runDkg(ID, 3, 2);
const TRUSTEES: SpecTrustees = {
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

/** Every trustee's honest partial decryption of the aggregate it is shown. */
const decryptAll = (aggregate: readonly Ciphertext[]): PartialDecryption[] =>
  dkg.trustees.map(({ index }) =>
    partialDecrypt({ referendumId: ID, index, share: dkg.shares.get(index) as bigint }, aggregate),
  );

const ROOT = buildAuditBundle(options([])).referendum.spec.census.root;

function options(ballots: Ballot[], overrides: Partial<BundleOptions> = {}): BundleOptions {
  return {
    referendumId: REFERENDUM,
    censusLeaves: LEAVES,
    options: ["Yes", "No"],
    rules: yesNo(),
    revoting: true,
    ballots,
    circuit: CIRCUIT,
    logKey: LOG_KEY,
    checkpointSizes: [2],
    sealed: { trustees: TRUSTEES, decrypt: decryptAll },
    ...overrides,
  };
}

const proved = new Set<string>();
const keyOf = (ballot: Ballot): string => JSON.stringify([ballot.proof, ballot.publicSignals]);

/** A sealed yes/no ballot, encrypted for real, with a proof the fake verifier accepts. */
function sealedBallot(
  nullifier: bigint,
  votes: [number, number],
  revision = 1,
  { key = dkg.electionKey, optionCount = 2 }: { key?: Point; optionCount?: number } = {},
): Ballot {
  const publicSignals = encodeSealedStatement({
    censusRoot: BigInt(ROOT),
    referendumId: REFERENDUM,
    nullifier,
    revision,
    electionKey: key,
    options: optionCount,
    rules: yesNo(),
    ciphertexts: encryptVotes(votes, key, nullifier * 1000n + BigInt(revision)),
  });
  const tag = String(proved.size + 1);
  const made = {
    proof: {
      pi_a: [tag, "2", "1"],
      pi_b: [
        ["1", "0"],
        ["1", "0"],
        ["1", "0"],
      ],
      pi_c: ["3", tag, "1"],
      protocol: "groth16",
      curve: "bn128",
    },
    publicSignals,
  };
  proved.add(keyOf(made));
  return made;
}

const deps: AuditDeps = {
  circuit: { ...CIRCUIT, vkeySha256: "b".repeat(64), vkeyFileSha256: "b".repeat(64), publicSignals: 19 },
  verifyProofs: (ballots) => Promise.resolve(ballots.map((b) => proved.has(keyOf(b)))),
};

/** Three voters, one re-vote: 1 yes, 2 no. */
const HONEST = [
  sealedBallot(201n, [1, 0]),
  sealedBallot(202n, [0, 1]),
  sealedBallot(201n, [0, 1], 2),
  sealedBallot(203n, [1, 0]),
];
// Voter 201 re-voted "No": counted 203 yes, 201 and 202 no.
const HONEST_BUNDLE = buildAuditBundle(options(HONEST));

const clone = (bundle: AuditBundle): AuditBundle => structuredClone(bundle);
const failed = (report: AuditReport): CheckId[] => report.checks.filter((c) => !c.ok).map((c) => c.id);
const problemsOf = (report: AuditReport, id: CheckId): string =>
  report.checks.find((check) => check.id === id)?.problems.join("\n") ?? "";
const sealedOf = (bundle: AuditBundle) => bundle.tally!.sealed!;

/** The council anchored a spec with `edit` applied: its hash re-anchored, so only the trustees check is at stake. */
function respec(bundle: AuditBundle, edit: (trustees: SpecTrustees) => void): AuditBundle {
  const changed = clone(bundle);
  edit(changed.referendum.spec.trustees!);
  const hash = specHash(changed.referendum.spec);
  changed.referendum.specHash = hash;
  changed.anchors.referendum!.specHash = `0x${hash}`;
  return changed;
}

describe("# auditReferendum of a secret-ballot referendum", () => {
  it("should pass an honest sealed referendum, the decrypted counts equal to the anchor", async () => {
    const report = await auditReferendum(HONEST_BUNDLE, deps);
    expect(failed(report)).toEqual([]);
    expect(report.checks.map((check) => check.id)).toEqual([
      "spec",
      "census",
      "circuit",
      "trustees",
      "ballots",
      "nullifiers",
      "log",
      "checkpoints",
      "close",
      "tally",
    ]);
    const numbers = Object.fromEntries(report.checks.map((check) => [check.id, check.numbers]));
    expect(numbers.trustees).toMatchObject({ threshold: 2, trustees: 3, circuit: "sealed_d20_k2" });
    expect(numbers.ballots).toMatchObject({ ballots: 4, proofsVerified: 4 });
    expect(numbers.nullifiers).toMatchObject({ voters: 3, revotes: 1 });
    expect(numbers.tally).toMatchObject({ counts: "1, 2", voters: 3, partials: 3, validPartials: 3, bound: "3" });
    expect(HONEST_BUNDLE.anchors.tally!.counts).toEqual(["1", "2", "0", "0", "0", "0", "0", "0"]);
    // What `bling verify` prints: the new check and the sealed tally, in plain words.
    const printed = formatReport(report);
    expect(printed).toMatch(/PASS {2}The election key is the sum of the trustees' commitments/);
    expect(printed).toMatch(/2 of 3 trustees; .*votes stay sealed until at least 2 trustees decrypt/);
    expect(printed).toMatch(/PASS {2}The aggregate recomputes from the log, and the trustees' verified partial/);
    expect(printed).toMatch(/Verdict: PASS \(10 checks\)/);
  });

  it("should read a sealed log from JSON: its entries are not malformed for their signal count", async () => {
    const read = parseBundle(JSON.parse(JSON.stringify(HONEST_BUNDLE)), "dump");
    expect(read.malformed).toEqual([]);
    expect((await auditReferendum(read, deps)).ok).toBe(true);
  });

  it("should say before the close that the votes are sealed, and check everything else", async () => {
    const open = buildAuditBundle(options(HONEST, { tallied: false }));
    const report = await auditReferendum(open, deps);
    expect(failed(report)).toEqual(["close", "tally"]);
    const tally = report.checks.find((check) => check.id === "tally")!;
    expect(tally.numbers.tally).toBe("pending");
    expect(tally.problems).toEqual([
      expect.stringMatching(
        /^pending: the votes are sealed until at least 2 of the 3 trustees decrypt their sum after the close; no tally is anchored yet \(state "open"\)/,
      ),
    ]);
  });

  const cases: [string, () => AuditBundle, CheckId, RegExp][] = [
    [
      "a ballot encrypted to another key",
      () => buildAuditBundle(options([...HONEST, sealedBallot(204n, [1, 0], 1, { key: mulG(12345n) })])),
      "ballots",
      /ballot #4 is encrypted to another key than the anchored election key/,
    ],
    [
      "a ballot made for another option count",
      () => buildAuditBundle(options([...HONEST, sealedBallot(204n, [1, 0], 1, { optionCount: 1 })])),
      "ballots",
      /ballot #4 is made for 1 option; the referendum has 2/,
    ],
    [
      "a spec whose election key is not the sum of the commitments",
      () =>
        respec(HONEST_BUNDLE, (trustees) => {
          trustees.electionKey = pointToWire(mulG(777n));
        }),
      "trustees",
      /the spec's election key .* is not the sum of the 3 dealers' first commitments/,
    ],
    [
      "a forged partial decryption",
      () => {
        const forged = clone(HONEST_BUNDLE);
        sealedOf(forged).partials[1]!.parts[0]!.point = pointToWire(mulG(99n));
        return forged;
      },
      "tally",
      /the partial decryption published as trustee 2 \(Trustee 2\)'s does not verify/,
    ],
    [
      "a partial decryption claimed under another trustee's index",
      () => {
        const swapped = clone(HONEST_BUNDLE);
        const [first, second] = sealedOf(swapped).partials;
        sealedOf(swapped).partials = [first!, { ...second!, trustee: 3 }];
        return swapped;
      },
      "tally",
      /published as trustee 3 \(Trustee 3\)'s does not verify against that trustee's public share[\s\S]*only 1 valid partial decryption of the 2 needed/,
    ],
    [
      "fewer than t partial decryptions",
      () => {
        const short = clone(HONEST_BUNDLE);
        sealedOf(short).partials = sealedOf(short).partials.slice(0, 1);
        return short;
      },
      "tally",
      /only 1 valid partial decryption of the 2 needed: the counts cannot come from the trustees/,
    ],
    [
      "anchored counts off by one",
      () => {
        const off = clone(HONEST_BUNDLE);
        off.anchors.tally!.counts[1] = "3";
        return off;
      },
      "tally",
      /slot 1 \("No"\): the trustees' decryption gives 2, the registry anchors 3/,
    ],
    [
      "a count anchored past the ballot's slots",
      () => {
        const extra = clone(HONEST_BUNDLE);
        extra.anchors.tally!.counts[5] = "1";
        return extra;
      },
      "tally",
      /slot 5: the trustees' decryption gives 0, the registry anchors 1/,
    ],
    [
      "published counts off by one",
      () => {
        const off = clone(HONEST_BUNDLE);
        off.tally!.counts[0] = "0";
        return off;
      },
      "tally",
      /slot 0 \("Yes"\): the trustees' decryption gives 1, the service publishes 0/,
    ],
    [
      "an aggregate that does not match the log",
      () => {
        // The service shows the trustees the sum of a log without voter 203's ballot, and they decrypt it.
        const partial = buildAuditBundle(options(HONEST.slice(0, 3)));
        const swapped = clone(HONEST_BUNDLE);
        sealedOf(swapped).aggregate = sealedOf(partial).aggregate;
        sealedOf(swapped).partials = sealedOf(partial).partials;
        return swapped;
      },
      "tally",
      /slot 0 \("Yes"\): the published aggregate is not the sum of the counted ballots' ciphertexts/,
    ],
  ];

  it.each(cases)("should fail %s, naming it", async (_name, make, id, message) => {
    const report = await auditReferendum(make(), deps);
    expect(report.ok).toBe(false);
    expect(failed(report)).toContain(id);
    expect(problemsOf(report, id)).toMatch(message);
  });

  it("should name a malformed trustees block: threshold, indices, commitment lists, identity points, circuit", async () => {
    const identity: [string, string] = ["0", "1"];
    const bad = respec(HONEST_BUNDLE, (trustees) => {
      trustees.threshold = 4;
      trustees.members[2]!.index = 2;
      trustees.members[0]!.publicKey = identity;
      trustees.commitments[1] = trustees.commitments[1]!.slice(0, 1);
      trustees.commitments[2]![1] = identity;
    });
    bad.referendum.spec.circuit.name = "sealed_d20_k8";
    const problems = problemsOf(await auditReferendum(bad, deps), "trustees");
    expect(problems).toMatch(/the threshold is 4 of 3 trustees: it must be 1 <= t <= n <= 16/);
    expect(problems).toMatch(/the trustees' indices are \[1, 2, 2\], not 1..3 each once/);
    expect(problems).toMatch(/trustee 1 \(Trustee 1\)'s key is the identity point/);
    expect(problems).toMatch(/dealer 2 has 1 commitments; a threshold of 4 needs exactly 4/);
    expect(problems).toMatch(/dealer 3's commitment 1 is the identity point/);
    expect(problems).toMatch(/the spec's circuit is sealed_d20_k8, not the sealed circuit of 2 slots for 2 options/);
  });

  it("should fail a registry that anchors another election key than the spec's, or none", async () => {
    // The chain verifies sealed ballots against the key it holds: one the trustees did not make
    // (or none: public votes) means the ballots it accepts are not the ones the trustees can open.
    const other = clone(HONEST_BUNDLE);
    other.anchors.referendum!.electionKey = pointToWire(mulG(7n));
    expect(problemsOf(await auditReferendum(other, deps), "spec")).toMatch(
      /the registry anchors election key \(\d{12}\.\.\., \.\.\.\), not the spec's \(\d{12}\.\.\., \.\.\.\)/,
    );
    const none = clone(HONEST_BUNDLE);
    none.anchors.referendum!.electionKey = null;
    expect(problemsOf(await auditReferendum(none, deps), "spec")).toMatch(
      /the registry anchors no election key \(public votes\), but the spec seals the ballots/,
    );
  });

  it("should refuse a verification key that does not take a sealed ballot's public signals", async () => {
    const report = await auditReferendum(HONEST_BUNDLE, { ...deps, circuit: { ...deps.circuit, publicSignals: 16 } });
    expect(problemsOf(report, "circuit")).toMatch(
      /the verification key takes 16 public signals; a sealed ballot of 2 slots has 19/,
    );
  });
});
