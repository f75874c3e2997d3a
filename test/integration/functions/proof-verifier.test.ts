import { loadArtifacts, type LoadedArtifacts } from "../../../protocol/artifacts.node";
import { proveBallot, type Ballot } from "../../../protocol/ballot";
import { generateCensusProof } from "../../../protocol/census";
import { BALLOT_CIRCUIT, SIGNAL } from "../../../protocol/constants";
import { padVotes, yesNo } from "../../../protocol/rules";
import { releaseProverThreads } from "../../../protocol/verify";
import { createVerifierPool, inProcessVerifier } from "../../../functions/adapters/proof-verifier";
import { censusOf, REFERENDUM_ID } from "../../fixtures/ballot-fixtures";

let artifacts: LoadedArtifacts;
let valid: Ballot;
let invalid: Ballot;

beforeAll(async () => {
  artifacts = await loadArtifacts();
  const { voters, census } = censusOf(3, "pool");
  const voter = voters[0]!;
  valid = await proveBallot(
    voter,
    generateCensusProof(census, voter.commitment),
    REFERENDUM_ID,
    padVotes([1, 0]),
    yesNo(),
    artifacts,
  );
  invalid = { proof: valid.proof, publicSignals: valid.publicSignals.map((s, i) => (i === SIGNAL.vote ? "0" : s)) };
  await releaseProverThreads();
});

describe("# proof verifiers of the service", () => {
  it("should verify in worker threads, many at once in batches, each ballot with its own answer", async () => {
    const pool = createVerifierPool({ [BALLOT_CIRCUIT]: artifacts.vkey }, 2);
    try {
      const ballots = Array.from({ length: 150 }, (_, i) => (i % 7 === 0 || i % 11 === 0 ? invalid : valid));
      const answers = await Promise.all(ballots.map((ballot) => pool.verify(ballot, BALLOT_CIRCUIT)));
      expect(answers).toEqual(ballots.map((ballot) => ballot === valid));
      // A circuit the service does not hold verifies nothing.
      expect(await pool.verify(valid, "sealed_d20_k99")).toBe(false);
    } finally {
      await pool.close();
    }
    await expect(pool.verify(valid, BALLOT_CIRCUIT)).rejects.toThrow("closed");
  });

  it("should verify in process the same way (the Lambda's verifier)", async () => {
    const verifier = await inProcessVerifier({ [BALLOT_CIRCUIT]: artifacts.vkey });
    expect(await verifier.verify(valid, BALLOT_CIRCUIT)).toBe(true);
    expect(await verifier.verify(invalid, BALLOT_CIRCUIT)).toBe(false);
    expect(await verifier.verify(valid, "sealed_d20_k99")).toBe(false);
  });
});
