import { execFile } from "node:child_process";
import { readFileSync } from "node:fs";
import { mkdtemp, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { loadArtifacts, type LoadedArtifacts } from "../../../protocol/artifacts.node";
import {
  ballotInputs,
  computeNullifier,
  decodeBallotStatement,
  proveBallot,
  proveBallotInputs,
  type Ballot,
  type BallotCircuitInputs,
} from "../../../protocol/ballot";
import { buildCensus, censusRoot, generateCensusProof, type CensusProof } from "../../../protocol/census";
import { SIGNAL, SNARK_FIELD_SIZE } from "../../../protocol/constants";
import type { Identity } from "../../../protocol/identity";
import {
  approval,
  cumulative,
  padVotes,
  quadratic,
  singleChoice,
  yesNo,
  type BallotRules,
  type PresetRules,
} from "../../../protocol/rules";
import { releaseProverThreads, verifyBallot } from "../../../protocol/verify";
import { REPO_ROOT } from "../../../circuits/scripts/compile";
import { censusOf, identityFromSeed, REFERENDUM_ID } from "../../fixtures/ballot-fixtures";

const run = promisify(execFile);

let artifacts: LoadedArtifacts;
const { voters, census } = censusOf(9);
const voter = voters[4]!;
let proof: CensusProof;

beforeAll(async () => {
  artifacts = await loadArtifacts();
  proof = generateCensusProof(census, voter.commitment);
});

afterAll(releaseProverThreads);

/** snarkjs's own command line on exported files: a verifier that shares none of our code. */
async function snarkjsCliVerifies(ballot: Ballot): Promise<boolean> {
  const dir = await mkdtemp(join(tmpdir(), "bling-ballot-"));
  await writeFile(join(dir, "vkey.json"), JSON.stringify(artifacts.vkey));
  await writeFile(join(dir, "public.json"), JSON.stringify(ballot.publicSignals));
  await writeFile(join(dir, "proof.json"), JSON.stringify(ballot.proof));
  const cli = join(REPO_ROOT, "node_modules", "snarkjs", "build", "cli.cjs");
  const args = [cli, "groth16", "verify", "vkey.json", "public.json", "proof.json"];
  const result = await run(process.execPath, args, { cwd: dir }).catch((error: unknown) => error as { stdout: string });
  return /OK!/.test(result.stdout) && !/Invalid proof/.test(result.stdout);
}

const prove = (votes: number[], rules: BallotRules, who: Identity = voter, path: CensusProof = proof) =>
  proveBallot(who, path, REFERENDUM_ID, votes, rules, artifacts);

const proveRaw = (inputs: BallotCircuitInputs) => proveBallotInputs(inputs, artifacts);

describe("# proveBallot", () => {
  const presets: [string, PresetRules, number[]][] = [
    ["yes/no", yesNo(), [0, 1]],
    ["single choice of 5", singleChoice(5), [0, 0, 0, 1, 0]],
    ["approval of up to 3 of 6", approval(6, 3), [1, 0, 1, 0, 0, 1]],
    ["cumulative budget of 10 over 4", cumulative(4, 10), [6, 0, 3, 1]],
    ["quadratic 16 credits over 3", quadratic(3, 16), [3, 2, 1]],
  ];

  it.each(presets)("should prove and verify a %s ballot, also with the snarkjs CLI", async (_, rules, votes) => {
    const ballot = await prove(votes, rules);
    expect(await verifyBallot(artifacts.vkey, ballot)).toBe(true);
    expect(await snarkjsCliVerifies(ballot)).toBe(true);
    const statement = decodeBallotStatement(ballot.publicSignals)!;
    expect(statement.censusRoot).toBe(censusRoot(census));
    expect(statement.referendumId).toBe(REFERENDUM_ID);
    expect(statement.nullifier).toBe(computeNullifier(REFERENDUM_ID, voter.secretScalar));
    expect(statement.votes).toEqual(padVotes(votes));
    expect(statement.rules).toEqual({
      maxValue: rules.maxValue,
      minTotal: rules.minTotal,
      maxTotal: rules.maxTotal,
      costExponent: rules.costExponent,
    });
  });

  it("should prove membership of a single-member census (depth 0) and of the last member", async () => {
    const alone = identityFromSeed("alone");
    const single = generateCensusProof(buildCensus([alone.commitment]), alone.commitment);
    expect(single.length).toBe(0);
    expect(await verifyBallot(artifacts.vkey, await prove([1, 0], yesNo(), alone, single))).toBe(true);
    const last = voters[8]!;
    const lastProof = generateCensusProof(census, last.commitment);
    expect(await verifyBallot(artifacts.vkey, await prove([1, 0], yesNo(), last, lastProof))).toBe(true);
  });

  it("should refuse invalid votes, rules or a foreign census proof before proving", async () => {
    await expect(prove([1, 1], yesNo())).rejects.toThrow("invalid votes: total 2 must be from 1 to 1");
    await expect(prove([1], { ...yesNo(), costExponent: 3 as 1 })).rejects.toThrow("invalid rules");
    await expect(prove([1, 0], yesNo(), voters[0])).rejects.toThrow("census proof is not for this identity");
  });
});

/** The line of vote.circom holding a check, found by its text so edits move it safely. */
function lineOf(check: string): number {
  const lines = readFileSync(join(REPO_ROOT, "circuits", "vote.circom"), "utf8").split("\n");
  const index = lines.findIndex((line) => line.includes(check));
  if (index < 0) throw new Error(`no line of vote.circom holds ${check}`);
  return index + 1;
}

/** The witness generator's error for a failed assertion at that check of the Vote template. */
const failsAt = (check: string): RegExp => new RegExp(`Assert Failed[\\s\\S]*Vote_\\d+ line: ${lineOf(check)}\\b`);

const CHECK = {
  voteRange: "Num2Bits(VALUE_BITS)(vote[i])",
  voteAtMostMax: "Num2Bits(VALUE_BITS)(maxValue - vote[i])",
  minTotal: "Num2Bits(TOTAL_BITS)(total - minTotal)",
  maxTotal: "Num2Bits(TOTAL_BITS)(maxTotal - total)",
  costExponent: "(costExponent - 1) * (costExponent - 2) === 0",
  root: "censusRoot === computedRoot",
  nullifier: "nullifier === computedNullifier",
  length: "Num2Bits(8)(MAX_DEPTH - merkleProofLength)",
};

describe("# the circuit refuses what the rules forbid", () => {
  const inputs = (votes: number[], rules: Omit<BallotRules, "options">, who: Identity = voter, path = proof) =>
    ballotInputs(who, path, REFERENDUM_ID, padVotes(votes), rules);

  // circom's witness generator also logs each failed assertion; the thrown error says the same.
  beforeEach(() => jest.spyOn(console, "error").mockImplementation(() => undefined));
  afterEach(() => jest.restoreAllMocks());

  it.each([
    ["a vote above maxValue", [2, 0], { ...yesNo(), maxTotal: 2 }, CHECK.voteAtMostMax],
    ["a total below minTotal", [0, 0], yesNo(), CHECK.minTotal],
    ["a total above maxTotal", [1, 1, 1, 1], approval(4, 3), CHECK.maxTotal],
    ["a quadratic total above maxTotal", [4, 1], quadratic(2, 16), CHECK.maxTotal],
    ["costExponent 3", [1, 0], { ...cumulative(2, 8), costExponent: 3 as 1 }, CHECK.costExponent],
    ["costExponent 0", [1, 0], { ...cumulative(2, 8), costExponent: 0 as 1 }, CHECK.costExponent],
  ])("should fail on %s", async (_, votes, rules, check) => {
    await expect(proveRaw(inputs(votes, rules))).rejects.toThrow(failsAt(check));
  });

  it("should fail on a negative vote (p - 1) that would lower the total", async () => {
    const minusOne = (SNARK_FIELD_SIZE - 1n).toString();
    const wrapped = { ...inputs([1, 0], cumulative(2, 8)), vote: padVotes([0, 2]).map(String) };
    wrapped.vote[0] = minusOne;
    await expect(proveRaw(wrapped)).rejects.toThrow(failsAt(CHECK.voteRange));
  });

  it("should fail for a non-member using a member's path", async () => {
    const outsider = identityFromSeed("outsider");
    await expect(proveRaw(inputs([1, 0], yesNo(), outsider, proof))).rejects.toThrow(failsAt(CHECK.root));
  });

  it("should fail against a wrong census root", async () => {
    const other = censusOf(9, "other-town").census;
    const wrongRoot = { ...inputs([1, 0], yesNo()), censusRoot: censusRoot(other).toString() };
    await expect(proveRaw(wrongRoot)).rejects.toThrow(failsAt(CHECK.root));
  });

  it("should fail with a nullifier that is not Poseidon(referendumId, secret)", async () => {
    await expect(proveRaw({ ...inputs([1, 0], yesNo()), nullifier: "12345" })).rejects.toThrow(
      failsAt(CHECK.nullifier),
    );
  });

  it("should fail with a path length beyond the circuit depth (where the root would be 0)", async () => {
    const tooLong = { ...inputs([1, 0], yesNo()), merkleProofLength: "21", censusRoot: "0" };
    await expect(proveRaw(tooLong)).rejects.toThrow(failsAt(CHECK.length));
  });
});

describe("# verifyBallot", () => {
  let ballot: Ballot;

  beforeAll(async () => {
    ballot = await prove([3, 0, 7], cumulative(3, 10));
  });

  const withSignal = (index: number, value: string): Ballot => ({
    proof: ballot.proof,
    publicSignals: ballot.publicSignals.map((signal, i) => (i === index ? value : signal)),
  });

  it.each([
    ["a vote", SIGNAL.vote, "4"],
    ["the referendum id", SIGNAL.referendumId, (REFERENDUM_ID + 1n).toString()],
    ["the nullifier", SIGNAL.nullifier, "1"],
    ["the census root", SIGNAL.censusRoot, "1"],
    ["maxTotal", SIGNAL.maxTotal, "11"],
  ])("should reject the proof when %s is changed after proving", async (_, index, value) => {
    const tampered = withSignal(index, value);
    expect(await verifyBallot(artifacts.vkey, tampered)).toBe(false);
    expect(await snarkjsCliVerifies(tampered)).toBe(false);
  });

  it("should reject a proof with a changed point", async () => {
    const pi_a = [ballot.proof.pi_b[0]![0]!, ...ballot.proof.pi_a.slice(1)];
    expect(await verifyBallot(artifacts.vkey, { ...ballot, proof: { ...ballot.proof, pi_a } })).toBe(false);
  });

  it.each([
    ["a missing proof", { publicSignals: [] }],
    ["a non-canonical signal", { publicSignals: ["01"] }],
    ["a proof of the wrong protocol", { proof: { protocol: "plonk" } }],
    ["a coordinate in hex", { proof: { pi_a: ["0x1", "2", "1"] } }],
    ["a short pi_b", { proof: { pi_b: [["1", "2"]] } }],
    ["a null proof", { proof: null }],
  ])("should return false, not throw, for %s", async (_, change) => {
    const proofChange = "proof" in change && change.proof !== null ? { ...ballot.proof, ...change.proof } : undefined;
    const malformed = {
      ...ballot,
      ...change,
      ...(proofChange ? { proof: proofChange } : {}),
    } as unknown as Ballot;
    expect(await verifyBallot(artifacts.vkey, malformed)).toBe(false);
  });

  it("should return false, not throw, for no ballot at all", async () => {
    expect(await verifyBallot(artifacts.vkey, null)).toBe(false);
    expect(await verifyBallot(artifacts.vkey, "ballot")).toBe(false);
  });

  it("should reject a valid proof whose rule values are outside the circuit's range", async () => {
    expect(await verifyBallot(artifacts.vkey, withSignal(SIGNAL.maxValue, "65536"))).toBe(false);
  });
});
