import { poseidon2 } from "poseidon-lite/poseidon2";
import {
  computeNullifier,
  decodeBallotStatement,
  encodeBallotStatement,
  type BallotStatement,
} from "../../../protocol/ballot";
import {
  PUBLIC_SIGNAL_COUNT,
  PUBLIC_SIGNAL_NAMES,
  SIGNAL,
  SNARK_FIELD_SIZE,
  VOTE_OPTIONS,
} from "../../../protocol/constants";
import { identityFromSeed, REFERENDUM_ID } from "../../fixtures/ballot-fixtures";

const statement: BallotStatement = {
  censusRoot: 123n,
  referendumId: REFERENDUM_ID,
  nullifier: 456n,
  revision: 3,
  votes: [3, 2, 1, 0, 0, 0, 0, 0],
  rules: { maxValue: 4, minTotal: 1, maxTotal: 16, costExponent: 2 },
};

describe("# public-signal layout", () => {
  it("should name every signal once, in circuit order", () => {
    expect(PUBLIC_SIGNAL_NAMES).toHaveLength(PUBLIC_SIGNAL_COUNT);
    expect(PUBLIC_SIGNAL_NAMES[SIGNAL.censusRoot]).toBe("censusRoot");
    expect(PUBLIC_SIGNAL_NAMES[SIGNAL.nullifier]).toBe("nullifier");
    expect(PUBLIC_SIGNAL_NAMES[SIGNAL.vote + VOTE_OPTIONS - 1]).toBe(`vote[${VOTE_OPTIONS - 1}]`);
    expect(PUBLIC_SIGNAL_NAMES[SIGNAL.costExponent]).toBe("costExponent");
  });
});

describe("# encodeBallotStatement / decodeBallotStatement", () => {
  it("should round-trip", () => {
    const signals = encodeBallotStatement(statement);
    expect(signals).toHaveLength(PUBLIC_SIGNAL_COUNT);
    expect(signals[SIGNAL.vote]).toBe("3");
    expect(decodeBallotStatement(signals)).toEqual(statement);
  });

  it.each([
    ["a short list", (s: string[]) => s.slice(1)],
    ["a non-canonical field", (s: string[]) => s.map((v, i) => (i === SIGNAL.censusRoot ? `0${v}` : v))],
    ["a value of p", (s: string[]) => s.map((v, i) => (i === SIGNAL.nullifier ? SNARK_FIELD_SIZE.toString() : v))],
    ["maxValue beyond the circuit's range", (s: string[]) => s.map((v, i) => (i === SIGNAL.maxValue ? "65536" : v))],
    [
      "maxTotal beyond the circuit's range",
      (s: string[]) => s.map((v, i) => (i === SIGNAL.maxTotal ? String(2 ** 35) : v)),
    ],
    ["a vote of 2^16", (s: string[]) => s.map((v, i) => (i === SIGNAL.vote + 2 ? "65536" : v))],
    ["costExponent 3", (s: string[]) => s.map((v, i) => (i === SIGNAL.costExponent ? "3" : v))],
  ])("should refuse %s", (_, tamper) => {
    expect(decodeBallotStatement(tamper(encodeBallotStatement(statement)))).toBeNull();
  });

  it("should refuse a non-array", () => {
    expect(decodeBallotStatement("1,2,3")).toBeNull();
  });
});

describe("# computeNullifier", () => {
  it("should be Poseidon(referendumId, secret)", () => {
    const voter = identityFromSeed("pinned-voter");
    expect(computeNullifier(REFERENDUM_ID, voter.secretScalar)).toBe(poseidon2([REFERENDUM_ID, voter.secretScalar]));
  });

  it("should match the pinned vector for a fixed key and referendum", () => {
    const voter = identityFromSeed("pinned-voter");
    expect(computeNullifier(REFERENDUM_ID, voter.secretScalar)).toBe(
      4887761038356393366075674640893361796149392369139800511129024636866946446310n,
    );
  });

  it("should differ between referenda", () => {
    const voter = identityFromSeed("pinned-voter");
    expect(computeNullifier(1n, voter.secretScalar)).not.toBe(computeNullifier(2n, voter.secretScalar));
  });

  it("should reject a referendum id outside the field", () => {
    expect(() => computeNullifier(SNARK_FIELD_SIZE, 1n)).toThrow("referendumId must be a field element");
  });
});
