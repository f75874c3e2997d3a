import { ballotCircuit, CIRCUITS, resolveCircuit, SEMAPHORE_CIRCUIT } from "../../../circuits/scripts/circuit-matrix";
import {
  BALLOT_CIRCUIT,
  BALLOT_PUBLIC_INPUTS,
  CENSUS_DEPTH,
  REVISION_BITS,
  VOTE_OPTIONS,
  VOTE_VALUE_BITS,
} from "../../../protocol/constants";

describe("# circuit matrix", () => {
  it("should build the default ballot circuit from the protocol constants", () => {
    expect(CIRCUITS[BALLOT_CIRCUIT]).toMatchObject({
      template: "Vote",
      params: [CENSUS_DEPTH, VOTE_OPTIONS, VOTE_VALUE_BITS, REVISION_BITS],
      publicInputs: BALLOT_PUBLIC_INPUTS,
    });
  });

  it("should resolve ballot circuits of other depths as a build option", () => {
    expect(resolveCircuit("vote_d24_k8")).toEqual(ballotCircuit(24));
    expect(resolveCircuit("vote_d32_k8")?.params).toEqual([32, VOTE_OPTIONS, VOTE_VALUE_BITS, REVISION_BITS]);
    expect(resolveCircuit(SEMAPHORE_CIRCUIT)?.template).toBe("Semaphore");
  });

  it("should not resolve unknown names or impossible depths", () => {
    expect(resolveCircuit("vote_d24_k4")).toBeUndefined();
    expect(resolveCircuit("nope")).toBeUndefined();
    expect(() => resolveCircuit("vote_d33_k8")).toThrow("census depth must be from 1 to 32");
  });
});
