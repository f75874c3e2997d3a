import {
  ballotCircuit,
  CIRCUITS,
  resolveCircuit,
  sealedCircuit,
  SEMAPHORE_CIRCUIT,
} from "../../../circuits/scripts/circuit-matrix";
import {
  BALLOT_CIRCUIT,
  BALLOT_PUBLIC_INPUTS,
  CENSUS_DEPTH,
  PROTOCOL_VERSION,
  REVISION_BITS,
  SEALED_PROTOCOL_VERSION,
  SEALED_PUBLIC_INPUTS,
  VOTE_OPTIONS,
  VOTE_VALUE_BITS,
} from "../../../protocol/constants";

describe("# circuit matrix", () => {
  it("should build the default ballot circuit from the protocol constants", () => {
    expect(CIRCUITS[BALLOT_CIRCUIT]).toMatchObject({
      template: "Vote",
      params: [CENSUS_DEPTH, VOTE_OPTIONS, VOTE_VALUE_BITS, REVISION_BITS],
      publicInputs: BALLOT_PUBLIC_INPUTS,
      protocolVersion: PROTOCOL_VERSION,
    });
  });

  it.each([2, 8])("should build the sealed ballot circuit with %i slots at the default depth", (k) => {
    expect(CIRCUITS[`sealed_d${CENSUS_DEPTH}_k${k}`]).toMatchObject({
      source: "circuits/sealed-vote.circom",
      template: "SealedVote",
      params: [CENSUS_DEPTH, k, VOTE_VALUE_BITS, REVISION_BITS],
      publicInputs: SEALED_PUBLIC_INPUTS,
      protocolVersion: SEALED_PROTOCOL_VERSION,
    });
  });

  it("should resolve ballot circuits of other depths as a build option", () => {
    expect(resolveCircuit("vote_d24_k8")).toEqual(ballotCircuit(24));
    expect(resolveCircuit("vote_d32_k8")?.params).toEqual([32, VOTE_OPTIONS, VOTE_VALUE_BITS, REVISION_BITS]);
    expect(resolveCircuit(SEMAPHORE_CIRCUIT)?.template).toBe("Semaphore");
    expect(resolveCircuit("sealed_d24_k2")).toEqual(sealedCircuit(24, 2));
    expect(resolveCircuit("sealed_d32_k8")?.purpose).toBe("BLING v2 sealed ballot, 8 slots, census depth 32");
  });

  it("should not resolve unknown names or impossible depths", () => {
    expect(resolveCircuit("vote_d24_k4")).toBeUndefined();
    expect(resolveCircuit("nope")).toBeUndefined();
    expect(() => resolveCircuit("vote_d33_k8")).toThrow("census depth must be from 1 to 32");
    expect(resolveCircuit("sealed_d20_k4")).toBeUndefined();
    expect(() => resolveCircuit("sealed_d0_k2")).toThrow("census depth must be from 1 to 32");
    expect(() => sealedCircuit(20, 3)).toThrow("sealed slot count must be one of 2, 8");
  });
});
