/**
 * The circuit against its TypeScript reference: for random rules and votes,
 * witness generation succeeds exactly when `votesProblems` finds nothing.
 */
import fc from "fast-check";
import { wtns } from "snarkjs";
import { loadArtifacts, type LoadedArtifacts } from "../../../protocol/artifacts.node";
import { ballotInputs } from "../../../protocol/ballot";
import { generateCensusProof } from "../../../protocol/census";
import { VOTE_OPTIONS } from "../../../protocol/constants";
import { votesProblems, type BallotRules } from "../../../protocol/rules";
import { releaseProverThreads } from "../../../protocol/verify";
import { censusOf, REFERENDUM_ID } from "../../fixtures/ballot-fixtures";
import { FUZZ_RUNS } from "../../fixtures/fuzz";

let artifacts: LoadedArtifacts;
const { voters, census } = censusOf(3);
const voter = voters[1]!;
const path = generateCensusProof(census, voter.commitment);

beforeAll(async () => {
  artifacts = await loadArtifacts();
});

afterAll(releaseProverThreads);

async function circuitAccepts(votes: number[], rules: BallotRules): Promise<boolean> {
  const witness = { type: "mem" } as unknown as string;
  try {
    await wtns.calculate(ballotInputs(voter, path, REFERENDUM_ID, votes, rules), artifacts.wasm, witness);
    return true;
  } catch {
    return false;
  }
}

// Small values so that valid and invalid ballots both come up often.
const rulesArb = fc.record({
  options: fc.constant(VOTE_OPTIONS),
  maxValue: fc.integer({ min: 0, max: 6 }),
  minTotal: fc.integer({ min: 0, max: 4 }),
  maxTotal: fc.integer({ min: 0, max: 30 }),
  costExponent: fc.constantFrom(1 as const, 2 as const),
});
// Mostly zeros and values up to maxValue, sometimes one past it, so that totals land on both sides of the bounds.
const ballotArb = rulesArb.chain((rules) =>
  fc.tuple(
    fc.constant(rules),
    fc.array(
      fc.oneof(
        { weight: 5, arbitrary: fc.constant(0) },
        { weight: 4, arbitrary: fc.integer({ min: 0, max: rules.maxValue }) },
        { weight: 1, arbitrary: fc.constant(rules.maxValue + 1) },
      ),
      { minLength: VOTE_OPTIONS, maxLength: VOTE_OPTIONS },
    ),
  ),
);

describe("# ballot circuit vs votesProblems", () => {
  beforeEach(() => jest.spyOn(console, "error").mockImplementation(() => undefined));
  afterEach(() => jest.restoreAllMocks());

  it("[fuzz] should accept exactly the ballots the TypeScript rules accept", async () => {
    const seen = { accepted: 0, rejected: 0 };
    await fc.assert(
      fc.asyncProperty(ballotArb, async ([rules, votes]) => {
        const expected = votesProblems(votes, rules).length === 0;
        seen[expected ? "accepted" : "rejected"]++;
        return (await circuitAccepts(votes, rules)) === expected;
      }),
      { numRuns: Math.max(30, Math.ceil(FUZZ_RUNS / 2)) },
    );
    // Both outcomes must have come up, or the property proved little.
    expect(seen.accepted).toBeGreaterThan(0);
    expect(seen.rejected).toBeGreaterThan(0);
  });
});
