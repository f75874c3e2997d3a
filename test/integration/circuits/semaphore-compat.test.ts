/**
 * Semaphore v4's own circuit, fed our identity and census proof, agrees with
 * us: its merkleRoot is our census root and its nullifier for scope =
 * referendumId is ours. So a BLING census is a Semaphore group.
 */
import { groth16 } from "snarkjs";
import { SEMAPHORE_CIRCUIT } from "../../../circuits/scripts/circuit-matrix";
import { loadArtifacts } from "../../../protocol/artifacts.node";
import { computeNullifier } from "../../../protocol/ballot";
import { censusRoot, generateCensusProof } from "../../../protocol/census";
import { releaseProverThreads } from "../../../protocol/verify";
import { censusOf, REFERENDUM_ID, semaphoreInputs } from "../../fixtures/ballot-fixtures";

afterAll(releaseProverThreads);

describe("# Semaphore v4 compatibility", () => {
  it("should give Semaphore's circuit our census root and nullifier", async () => {
    const semaphore = await loadArtifacts(SEMAPHORE_CIRCUIT);
    expect(semaphore.manifest.publicSignals).toEqual(["merkleRoot", "nullifier", "message", "scope"]);
    const { voters, census } = censusOf(11, "semaphore");
    const voter = voters[7]!;
    const path = generateCensusProof(census, voter.commitment);
    const inputs = semaphoreInputs(voter, path, REFERENDUM_ID);
    const { proof, publicSignals } = await groth16.fullProve(inputs, semaphore.wasm, semaphore.zkey);
    expect(await groth16.verify(semaphore.vkey, publicSignals, proof)).toBe(true);
    expect(publicSignals[0]).toBe(censusRoot(census).toString());
    expect(publicSignals[1]).toBe(computeNullifier(REFERENDUM_ID, voter.secretScalar).toString());
  });
});
