import { G, IDENTITY, mulG, pointToWire } from "../../../protocol/babyjub";
import { SNARK_FIELD_SIZE, sealedSignalLayout } from "../../../protocol/constants";
import { encryptVotes } from "../../../protocol/elgamal";
import { decodeSealedStatement, encodeSealedStatement, type SealedStatement } from "../../../protocol/sealed-statement";
import { REFERENDUM_ID } from "../../fixtures/ballot-fixtures";

const electionKey = mulG(1234567n);

function statementOf(k: number, votes: number[], options: number): SealedStatement {
  return {
    censusRoot: 123n,
    referendumId: REFERENDUM_ID,
    nullifier: 456n,
    revision: 3,
    electionKey,
    options,
    rules: { maxValue: 4, minTotal: 1, maxTotal: 16, costExponent: 2 },
    ciphertexts: encryptVotes([...votes, ...Array<number>(k - votes.length).fill(0)], electionKey, 99n),
  };
}

const eight = statementOf(8, [3, 2, 1], 3);
const layout = sealedSignalLayout(8);
// A point on Baby Jubjub of order 8 (outside the subgroup): x = 0 is (0, -1), of order 2.
const ORDER_TWO = ["0", (SNARK_FIELD_SIZE - 1n).toString()];
/** A point on the curve outside the order-l subgroup: G plus the point of order 2, (x, y) -> (-x, -y). */
const OFF_SUBGROUP = pointToWire(G).map((c) => (SNARK_FIELD_SIZE - BigInt(c)).toString());

const replace = (signals: string[], at: number, values: string[]) =>
  signals.map((v, i) => (i >= at && i < at + values.length ? values[i - at]! : v));

describe("# encodeSealedStatement / decodeSealedStatement", () => {
  it.each([
    ["K = 8", eight, 8],
    ["K = 2", statementOf(2, [0, 1], 2), 2],
  ])("should round-trip %s in the layout of protocol/constants.ts", (_, statement, k) => {
    const signals = encodeSealedStatement(statement);
    const at = sealedSignalLayout(k);
    expect(signals).toHaveLength(at.count);
    expect(signals.slice(at.electionKey, at.electionKey + 2)).toEqual(pointToWire(electionKey));
    expect(signals[at.options]).toBe(String(statement.options));
    expect(signals.slice(at.ciphertext, at.ciphertext + 2)).toEqual(pointToWire(statement.ciphertexts[0]!.c1));
    expect(signals.slice(-2)).toEqual(pointToWire(statement.ciphertexts[k - 1]!.c2));
    const decoded = decodeSealedStatement(signals, k)!;
    expect(decoded).not.toBeNull();
    expect(encodeSealedStatement(decoded)).toEqual(signals);
    expect(decoded.electionKey.equals(electionKey)).toBe(true);
    expect(decoded.ciphertexts.map((c) => c.c1.equals(statement.ciphertexts[0]!.c1))[0]).toBe(true);
    expect({ ...decoded, electionKey: null, ciphertexts: null }).toEqual({
      ...statement,
      electionKey: null,
      ciphertexts: null,
    });
  });

  it("should accept the identity as a ciphertext point (a sum may be O)", () => {
    const signals = replace(encodeSealedStatement(eight), layout.ciphertext, pointToWire(IDENTITY));
    expect(decodeSealedStatement(signals, 8)?.ciphertexts[0]!.c1.is0()).toBe(true);
  });

  const signals = encodeSealedStatement(eight);
  it.each([
    ["a list of the other circuit's length", signals.slice(0, sealedSignalLayout(2).count)],
    ["a short list", signals.slice(1)],
    ["a non-array", "1,2,3"],
    ["a non-canonical field element", replace(signals, layout.censusRoot, [`0${signals[0]}`])],
    ["a value of p", replace(signals, layout.nullifier, [SNARK_FIELD_SIZE.toString()])],
    ["revision 0", replace(signals, layout.revision, ["0"])],
    ["a revision beyond 2^32", replace(signals, layout.revision, [String(2 ** 32 + 1)])],
    ["options 0", replace(signals, layout.options, ["0"])],
    ["options K + 1", replace(signals, layout.options, ["9"])],
    ["maxValue beyond the circuit's range", replace(signals, layout.maxValue, ["65536"])],
    ["maxTotal beyond the circuit's range", replace(signals, layout.maxTotal, [String(2 ** 35)])],
    ["costExponent 3", replace(signals, layout.costExponent, ["3"])],
    ["the identity as election key", replace(signals, layout.electionKey, pointToWire(IDENTITY))],
    ["an election key of order 2", replace(signals, layout.electionKey, ORDER_TWO)],
    ["an election key off the curve", replace(signals, layout.electionKey, ["1", "2"])],
    ["an election key outside the subgroup", replace(signals, layout.electionKey, OFF_SUBGROUP)],
    ["a C1 off the curve", replace(signals, layout.ciphertext, ["1", "2"])],
    ["a C2 outside the subgroup", replace(signals, layout.ciphertext + 4 * 7 + 2, OFF_SUBGROUP)],
  ])("should refuse %s", (_, tampered) => {
    expect(decodeSealedStatement(tampered, 8)).toBeNull();
  });

  it("should refuse a slot count that is not a positive integer", () => {
    expect(() => decodeSealedStatement(signals, 0)).toThrow("k must be a positive integer");
  });
});
