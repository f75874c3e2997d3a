/**
 * The sealed ballot circuits (protocol v2) with real snarkjs proving on the committed artifacts:
 * attacks first, then the honest ballots. Each K = 8 proof takes a few seconds; everything that
 * only needs a witness (the circuit refusing a statement) fails before any proving work.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { groth16 } from "snarkjs";
import { loadArtifacts, type LoadedArtifacts } from "../../../protocol/artifacts.node";
import { mul, mulG, randomScalar, type Point } from "../../../protocol/babyjub";
import type { Ballot } from "../../../protocol/ballot";
import { censusRoot, generateCensusProof, type CensusProof } from "../../../protocol/census";
import { CENSUS_DEPTH, sealedCircuitName, sealedSignalLayout, SNARK_FIELD_SIZE } from "../../../protocol/constants";
import { ciphertextToSignals, encryptVotes, type Ciphertext } from "../../../protocol/elgamal";
import type { Identity } from "../../../protocol/identity";
import { cumulative, quadratic, yesNo, type BallotRules } from "../../../protocol/rules";
import {
  proveSealedBallot,
  proveSealedBallotInputs,
  sealedBallotInputs,
  type SealedCircuitInputs,
  type SealedProof,
} from "../../../protocol/sealed-ballot";
import { decodeSealedStatement } from "../../../protocol/sealed-statement";
import { releaseProverThreads, verifySealedBallot } from "../../../protocol/verify";
import { REPO_ROOT } from "../../../circuits/scripts/compile";
import { censusOf, identityFromSeed, REFERENDUM_ID } from "../../fixtures/ballot-fixtures";

const { voters, census } = censusOf(7, "sealed");
const voter = voters[2]!;
const sk = 0x5ea1edn;
const PK = mulG(sk);
let path: CensusProof;
const loaded = new Map<number, Promise<LoadedArtifacts>>();
/** The committed artifacts of the K-slot circuit, loaded (and hash-checked) once. */
function artifactsFor(k: 2 | 8): Promise<LoadedArtifacts> {
  if (!loaded.has(k)) loaded.set(k, loadArtifacts(sealedCircuitName(CENSUS_DEPTH, k)));
  return loaded.get(k)!;
}

beforeAll(() => {
  path = generateCensusProof(census, voter.commitment);
});

afterAll(releaseProverThreads);

/** What the test's own key reads from a ciphertext: C2 - sk·C1, which must be v·G. */
const decryptsTo = (ciphertext: Ciphertext, vote: number): boolean =>
  ciphertext.c2.subtract(mul(ciphertext.c1, sk)).equals(mulG(BigInt(vote)));

const raw = (
  k: 2 | 8,
  votes: (number | bigint)[],
  rules: BallotRules,
  change: Partial<{ who: Identity; path: CensusProof; key: Point; seed: bigint; revision: number }> = {},
): SealedCircuitInputs =>
  sealedBallotInputs(
    change.who ?? voter,
    change.path ?? path,
    REFERENDUM_ID,
    votes,
    rules,
    change.key ?? PK,
    change.seed ?? 42n,
    change.revision ?? 1,
    k,
  );

/** The line of sealed-vote.circom holding a check, found by its text so edits move it safely. */
function lineOf(check: string): number {
  const lines = readFileSync(join(REPO_ROOT, "circuits", "sealed-vote.circom"), "utf8").split("\n");
  const index = lines.findIndex((line) => line.includes(check));
  if (index < 0) throw new Error(`no line of sealed-vote.circom holds ${check}`);
  return index + 1;
}

/** The witness generator's error for a failed assertion at that check of a template. */
const failsAt = (check: string, template = "SealedVote"): RegExp =>
  new RegExp(`Assert Failed[\\s\\S]*${template}_\\d+ line: ${lineOf(check)}\\b`);

const CHECK = {
  root: "censusRoot === computedRoot",
  nullifier: "nullifier === computedNullifier",
  revision: "Num2Bits(REVISION_BITS)(revision - 1)",
  voteAtMostMax: "Num2Bits(VALUE_BITS)(maxValue - vote[i])",
  maxTotal: "Num2Bits(TOTAL_BITS)(maxTotal - total)",
  pastOptions: "vote[i] * (1 - active[i]) === 0",
  options: "options === activeCount",
  c1x: "ciphertext[i][0] === c1[i][0]",
  c2x: "ciphertext[i][2] === c2[i][0]",
};

const withSignals = (ballot: Ballot, at: number, values: string[]): Ballot => ({
  proof: ballot.proof,
  publicSignals: ballot.publicSignals.map((v, i) => (i >= at && i < at + values.length ? values[i - at]! : v)),
});

describe("# the sealed circuit refuses what the statement forbids (no witness)", () => {
  // circom's witness generator also logs each failed assertion; the thrown error says the same.
  beforeEach(() => jest.spyOn(console, "error").mockImplementation(() => undefined));
  afterEach(() => jest.restoreAllMocks());

  const prove = async (k: 2 | 8, inputs: SealedCircuitInputs) => proveSealedBallotInputs(inputs, await artifactsFor(k));

  it.each([
    ["slot 1 of a one-option K = 2 ballot", 2, [0, 1], { ...yesNo(), options: 1 }],
    ["slot 3 of a three-option K = 8 ballot", 8, [1, 0, 0, 1], { ...cumulative(3, 4), options: 3 }],
    ["the last slot of a seven-option K = 8 ballot", 8, [0, 0, 0, 0, 0, 0, 0, 1], cumulative(7, 4)],
  ] as const)("should refuse a nonzero vote in %s", async (_, k, votes, rules) => {
    await expect(prove(k, raw(k, [...votes], rules))).rejects.toThrow(failsAt(CHECK.pastOptions));
  });

  it.each([
    ["options 0 (K = 2)", 2, 0],
    ["options 3 (K = 2)", 2, 3],
    ["options 0 (K = 8)", 8, 0],
    ["options 9 (K = 8)", 8, 9],
  ] as const)("should refuse %s", async (_, k, options) => {
    await expect(prove(k, raw(k, [1], { ...cumulative(2, 1), options }))).rejects.toThrow(failsAt(CHECK.options));
  });

  it("should refuse a ciphertext that is not the encryption of the vote", async () => {
    const inputs = raw(2, [1, 0], yesNo());
    // The honest encryption of the other vote, with the same randomness: a valid ciphertext, of the wrong vote.
    const other = raw(2, [0, 1], yesNo());
    await expect(prove(2, { ...inputs, ciphertext: other.ciphertext! })).rejects.toThrow(failsAt(CHECK.c2x));
  });

  it("should refuse ciphertexts whose randomness is not the Poseidon chain of k", async () => {
    const inputs = raw(2, [1, 0], yesNo());
    await expect(prove(2, { ...inputs, k: "43" })).rejects.toThrow(failsAt(CHECK.c1x));
  });

  it("should refuse the identity as election key (EscalarMulAny's caveat: no key, no secrecy)", async () => {
    const identityKey = { ...raw(2, [1, 0], yesNo()), electionKey: ["0", "1"] };
    await expect(prove(2, identityKey)).rejects.toThrow(/Assert Failed[\s\S]*Edwards2Montgomery/);
  });

  it("should refuse a non-member, a wrong census root and a wrong nullifier", async () => {
    const outsider = identityFromSeed("sealed-outsider");
    await expect(prove(2, raw(2, [1, 0], yesNo(), { who: outsider }))).rejects.toThrow(failsAt(CHECK.root));
    const other = censusRoot(censusOf(7, "other-town").census).toString();
    await expect(prove(2, { ...raw(2, [1, 0], yesNo()), censusRoot: other })).rejects.toThrow(failsAt(CHECK.root));
    await expect(prove(2, { ...raw(2, [1, 0], yesNo()), nullifier: "12345" })).rejects.toThrow(
      failsAt(CHECK.nullifier),
    );
  });

  it("should refuse revision 0", async () => {
    await expect(prove(2, raw(2, [1, 0], yesNo(), { revision: 0 }))).rejects.toThrow(failsAt(CHECK.revision));
  });

  it("should refuse votes that break the rules", async () => {
    await expect(prove(2, raw(2, [5, 0], cumulative(2, 4)))).rejects.toThrow(failsAt(CHECK.voteAtMostMax));
    await expect(prove(2, raw(2, [3, 3], quadratic(2, 16)))).rejects.toThrow(failsAt(CHECK.maxTotal));
    const wrapped = raw(2, [SNARK_FIELD_SIZE - 1n, 2n], cumulative(2, 2));
    await expect(prove(2, wrapped)).rejects.toThrow("Assert Failed");
  });
});

describe("# sealed ballots: prove, verify, decrypt", () => {
  const artifacts = {} as Record<2 | 8, LoadedArtifacts>;
  let yes: SealedProof;
  const quadVotes = [3, 2, 0, 1, 0];
  let quadProof: Promise<SealedProof> | undefined;
  /** The K = 8 ballot, proved once by the first test that needs it. */
  const quadBallot = (): Promise<SealedProof> =>
    (quadProof ??= artifactsFor(8).then((loaded) => {
      artifacts[8] = loaded;
      return proveSealedBallot(voter, path, REFERENDUM_ID, quadVotes, quadratic(5, 16), PK, loaded, { revision: 2 });
    }));

  beforeAll(async () => {
    artifacts[2] = await artifactsFor(2);
    yes = await proveSealedBallot(voter, path, REFERENDUM_ID, [1, 0], yesNo(), PK, artifacts[2]);
  });

  it("should prove and verify a K = 2 yes/no ballot whose slots decrypt to the votes", async () => {
    expect(yes.slots).toBe(2);
    expect(await verifySealedBallot(artifacts[2].vkey, yes.ballot, 2)).toBe(true);
    const statement = decodeSealedStatement(yes.ballot.publicSignals, 2)!;
    expect(statement.censusRoot).toBe(censusRoot(census));
    expect(statement.options).toBe(2);
    expect(statement.revision).toBe(1);
    expect(statement.electionKey.equals(PK)).toBe(true);
    expect(statement.ciphertexts.map((c, i) => decryptsTo(c, [1, 0][i]!))).toEqual([true, true]);
    expect(statement.ciphertexts.map((c, i) => c.c2.equals(yes.ciphertexts[i]!.c2))).toEqual([true, true]);
  });

  it("should prove and verify a K = 8 quadratic ballot; unused slots decrypt to 0", async () => {
    const quad = await quadBallot();
    expect(quad.slots).toBe(8);
    expect(await verifySealedBallot(artifacts[8].vkey, quad.ballot, 8)).toBe(true);
    const statement = decodeSealedStatement(quad.ballot.publicSignals, 8)!;
    expect(statement.options).toBe(5);
    expect(statement.revision).toBe(2);
    expect(statement.rules).toEqual({ maxValue: 4, minTotal: 1, maxTotal: 16, costExponent: 2 });
    const votes = [...quadVotes, 0, 0, 0];
    expect(statement.ciphertexts.map((c, i) => decryptsTo(c, votes[i]!))).toEqual(votes.map(() => true));
  });

  it.each([0, 1, 2, 3])("should reject the proof when coordinate %i of a ciphertext is changed", async (coordinate) => {
    const at = sealedSignalLayout(2).ciphertext + 4 * 1 + coordinate;
    const changed = (BigInt(yes.ballot.publicSignals[at]!) + 1n).toString();
    const tampered = withSignals(yes.ballot, at, [changed]);
    expect(await groth16.verify(artifacts[2].vkey, tampered.publicSignals, tampered.proof)).toBe(false);
    expect(await verifySealedBallot(artifacts[2].vkey, tampered, 2)).toBe(false);
  });

  it("should reject the proof when a slot carries another valid ciphertext", async () => {
    const quad = await quadBallot();
    // The encryption of 4 in slot 0 under the same key: on the curve, in the subgroup, decodable.
    const [forged] = encryptVotes([4], PK, 7n);
    const tampered = withSignals(quad.ballot, sealedSignalLayout(8).ciphertext, ciphertextToSignals(forged!));
    expect(decodeSealedStatement(tampered.publicSignals, 8)).not.toBeNull();
    expect(await verifySealedBallot(artifacts[8].vkey, tampered, 8)).toBe(false);
  });

  it("should reject a ballot proved for one key against another key", async () => {
    const other = mulG(randomScalar());
    const at = sealedSignalLayout(2).electionKey;
    const { x, y } = other.toAffine();
    const tampered = withSignals(yes.ballot, at, [x.toString(), y.toString()]);
    expect(decodeSealedStatement(tampered.publicSignals, 2)).not.toBeNull();
    expect(await verifySealedBallot(artifacts[2].vkey, tampered, 2)).toBe(false);
  });

  it("should reject a K = 2 ballot checked as K = 8 and the other way round", async () => {
    const quad = await quadBallot();
    expect(await verifySealedBallot(artifacts[8].vkey, yes.ballot, 8)).toBe(false);
    expect(await verifySealedBallot(artifacts[2].vkey, quad.ballot, 2)).toBe(false);
  });

  it("should seal the same votes under fresh randomness each time, every ballot verifying", async () => {
    const again = await proveSealedBallot(voter, path, REFERENDUM_ID, [1, 0], yesNo(), PK, artifacts[2]);
    const seeded = await proveSealedBallot(voter, path, REFERENDUM_ID, [1, 0], yesNo(), PK, artifacts[2], {
      seed: 12345n,
    });
    for (const ballot of [again, seeded]) {
      expect(await verifySealedBallot(artifacts[2].vkey, ballot.ballot, 2)).toBe(true);
      expect(ballot.ciphertexts.map((c, i) => decryptsTo(c, [1, 0][i]!))).toEqual([true, true]);
    }
    const ciphertextSignals = (b: Ballot) => b.publicSignals.slice(sealedSignalLayout(2).ciphertext);
    expect(ciphertextSignals(again.ballot)).not.toEqual(ciphertextSignals(yes.ballot));
    expect(ciphertextSignals(seeded.ballot)).not.toEqual(ciphertextSignals(yes.ballot));
    expect(seeded.ballot.publicSignals.slice(0, sealedSignalLayout(2).ciphertext)).toEqual(
      yes.ballot.publicSignals.slice(0, sealedSignalLayout(2).ciphertext),
    );
  });

  it("should refuse invalid votes, rules, a foreign census proof or the identity key before proving", async () => {
    const prove = (votes: number[], rules: BallotRules, who: Identity = voter, key: Point = PK) =>
      proveSealedBallot(who, path, REFERENDUM_ID, votes, rules, key, artifacts[2]);
    await expect(prove([1, 1], yesNo())).rejects.toThrow("invalid votes: total 2 must be from 1 to 1");
    await expect(prove([1], { ...yesNo(), options: 0 })).rejects.toThrow("invalid rules");
    await expect(prove([1, 0], yesNo(), voters[0])).rejects.toThrow("census proof is not for this identity");
    await expect(prove([1, 0], yesNo(), voter, mulG(0n))).rejects.toThrow("electionKey must not be the identity");
    await expect(
      proveSealedBallot(voter, path, REFERENDUM_ID, [1, 0], yesNo(), PK, artifacts[2], { revision: 0 }),
    ).rejects.toThrow("revision must be an integer");
  });
});
