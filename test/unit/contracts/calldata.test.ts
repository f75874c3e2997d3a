import { groth16 } from "snarkjs";
import {
  BASE_FIELD_SIZE,
  PUBLIC_SIGNAL_COUNT,
  sealedSignalLayout,
  SNARK_FIELD_SIZE,
} from "../../../protocol/constants";
import type { Ballot } from "../../../protocol/ballot";
import { SEALED_SIGNAL_COUNTS, toSolidityBallot } from "../../../contracts/src/calldata";

// Any canonical numbers: the layout does not care whether the proof verifies.
const ballot: Ballot = {
  proof: {
    pi_a: ["11", "12", "1"],
    pi_b: [
      ["21", "22"],
      ["23", "24"],
      ["1", "0"],
    ],
    pi_c: ["31", "32", "1"],
    protocol: "groth16",
    curve: "bn128",
  },
  publicSignals: Array.from({ length: PUBLIC_SIGNAL_COUNT }, (_, i) => String(100 + i)),
};

describe("# toSolidityBallot", () => {
  it("should lay a ballot out exactly as snarkjs's Solidity calldata export does", async () => {
    const exported = JSON.parse(
      `[${await groth16.exportSolidityCallData(ballot.proof, ballot.publicSignals)}]`,
    ) as unknown[];
    const calldata = toSolidityBallot(ballot)!;
    const asHexStrings = (value: unknown): unknown =>
      Array.isArray(value) ? value.map(asHexStrings) : `0x${(value as bigint).toString(16).padStart(64, "0")}`;
    expect(asHexStrings([calldata.a, calldata.b, calldata.c, calldata.signals])).toEqual(exported);
  });

  it("should refuse what can never be a valid ballot", () => {
    const withSignals = (publicSignals: unknown) => ({ ...ballot, publicSignals });
    expect(toSolidityBallot(null)).toBeNull();
    expect(toSolidityBallot("ballot")).toBeNull();
    expect(toSolidityBallot({ ...ballot, proof: { ...ballot.proof, protocol: "plonk" } })).toBeNull();
    expect(
      toSolidityBallot({ ...ballot, proof: { ...ballot.proof, pi_a: [String(BASE_FIELD_SIZE), "1", "1"] } }),
    ).toBeNull();
    expect(toSolidityBallot(withSignals(ballot.publicSignals.slice(1)))).toBeNull();
    expect(toSolidityBallot(withSignals("1,2,3"))).toBeNull();
    expect(toSolidityBallot(withSignals([...ballot.publicSignals.slice(1), String(SNARK_FIELD_SIZE)]))).toBeNull();
    expect(toSolidityBallot(withSignals([...ballot.publicSignals.slice(1), "0x01"]))).toBeNull();
  });

  it("should take a sealed ballot's 19 or 43 signals only when asked for the sealed counts", () => {
    expect(SEALED_SIGNAL_COUNTS).toEqual([19, 43]);
    for (const k of [2, 8]) {
      const sealed = {
        ...ballot,
        publicSignals: Array.from({ length: sealedSignalLayout(k).count }, (_, i) => String(i)),
      };
      expect(toSolidityBallot(sealed)).toBeNull();
      expect(toSolidityBallot(sealed, SEALED_SIGNAL_COUNTS)?.signals).toHaveLength(sealedSignalLayout(k).count);
    }
    expect(toSolidityBallot(ballot, SEALED_SIGNAL_COUNTS)).toBeNull();
  });
});
