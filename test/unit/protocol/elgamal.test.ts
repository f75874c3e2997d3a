import fc from "fast-check";
import { poseidon1 } from "poseidon-lite/poseidon1";
import { G, IDENTITY, ORDER_L, mulG, pointToWire, randomScalar } from "../../../protocol/babyjub";
import { SNARK_FIELD_SIZE } from "../../../protocol/constants";
import {
  DiscreteLogTable,
  MAX_BABY_STEPS,
  MAX_DEFAULT_BABY_STEPS,
  addCiphertexts,
  ballotRandomness,
  ciphertextFromSignals,
  ciphertextToSignals,
  decrypt,
  discreteLog,
  encrypt,
  encryptVotes,
  sumCiphertexts,
  zeroCiphertext,
} from "../../../protocol/elgamal";
import { FUZZ_RUNS } from "../../fixtures/fuzz";

const sk = 123456789n;
const pk = mulG(sk);

describe("# ElGamal", () => {
  it("- decrypts what it encrypts, with randomness above l reduced [fuzz]", () => {
    fc.assert(
      fc.property(fc.bigInt({ min: 0n, max: 1000n }), fc.bigInt({ min: 0n, max: SNARK_FIELD_SIZE - 1n }), (v, r) => {
        const c = encrypt(v, r, pk);
        expect(c.c1.equals(mulG(r))).toBe(true);
        expect(decrypt(c, sk, 1000n)).toBe(v);
      }),
      { numRuns: FUZZ_RUNS },
    );
  });

  it("- adds plaintexts by adding ciphertexts", () => {
    const a = encrypt(3n, randomScalar(), pk);
    const b = encrypt(4n, randomScalar(), pk);
    expect(decrypt(addCiphertexts(a, b), sk, 10n)).toBe(7n);
  });

  it("- does not decrypt a ciphertext made for another key", () => {
    const other = encrypt(1n, randomScalar(), mulG(sk + 1n));
    expect(() => decrypt(other, sk, 1000n)).toThrow("no total within the bound [0, 1000]");
  });

  it("- derives ballot randomness as a Poseidon chain from k", () => {
    const [r0, r1, r2] = ballotRandomness(7n, 3);
    expect(r0).toBe(poseidon1([7n]));
    expect(r1).toBe(poseidon1([r0 as bigint]));
    expect(r2).toBe(poseidon1([r1 as bigint]));
    expect(ballotRandomness(7n, 0)).toEqual([]);
    expect(() => ballotRandomness(SNARK_FIELD_SIZE, 1)).toThrow(TypeError);
    expect(() => ballotRandomness(1n, -1)).toThrow(new TypeError("slots must be a non-negative integer"));
    expect(() => ballotRandomness(1n, 1.5)).toThrow(TypeError);
  });

  it("- encrypts a ballot's votes slot by slot with the chain", () => {
    const k = 42n;
    const cts = encryptVotes([1, 0, 5], pk, k);
    const rs = ballotRandomness(k, 3);
    cts.forEach((c, i) => {
      expect(c.c1.equals(mulG(rs[i] as bigint))).toBe(true);
    });
    expect(cts.map((c) => decrypt(c, sk, 10n))).toEqual([1n, 0n, 5n]);
    expect(() => encryptVotes([1, -1], pk, k)).toThrow(new TypeError("votes[1] must be a non-negative integer"));
    expect(() => encryptVotes([0.5], pk, k)).toThrow(TypeError);
  });

  it("- sums ballots per slot, the empty sum being (O, O)", () => {
    const ballots = [encryptVotes([1, 0], pk, 1n), encryptVotes([0, 1], pk, 2n), encryptVotes([1, 2], pk, 3n)];
    const sums = sumCiphertexts(ballots, 2);
    expect(sums.map((c) => decrypt(c, sk, 10n))).toEqual([2n, 3n]);
    const empty = sumCiphertexts([], 2);
    expect(empty).toHaveLength(2);
    for (const c of empty) expect(c.c1.equals(IDENTITY) && c.c2.equals(IDENTITY)).toBe(true);
    expect(ciphertextToSignals(zeroCiphertext())).toEqual(["0", "1", "0", "1"]);
    expect(() => sumCiphertexts([encryptVotes([1], pk, 1n)], 2)).toThrow(
      new TypeError("ballot 0 has 1 ciphertexts, expected 2"),
    );
  });
});

describe("# ciphertext signals", () => {
  it("- round-trips C1.x, C1.y, C2.x, C2.y", () => {
    const c = encrypt(2n, 99n, pk);
    const signals = ciphertextToSignals(c);
    expect(signals).toEqual([...pointToWire(c.c1), ...pointToWire(c.c2)]);
    const back = ciphertextFromSignals(signals, "slot 0");
    expect(back.c1.equals(c.c1) && back.c2.equals(c.c2)).toBe(true);
  });

  it("- refuses the wrong count, an off-curve or a low-order point", () => {
    const good = ciphertextToSignals(encrypt(2n, 99n, pk));
    expect(() => ciphertextFromSignals(good.slice(0, 3), "slot 1")).toThrow(
      new TypeError("slot 1 must be four signals (C1.x, C1.y, C2.x, C2.y)"),
    );
    expect(() => ciphertextFromSignals(["1", "2", good[2], good[3]], "slot 1")).toThrow(
      new TypeError("slot 1 C1 is not a point on Baby Jubjub"),
    );
    const orderTwo = ["0", (SNARK_FIELD_SIZE - 1n).toString()];
    expect(() => ciphertextFromSignals([good[0], good[1], ...orderTwo], "slot 1")).toThrow(
      new TypeError("slot 1 C2 is not in the prime-order subgroup"),
    );
    expect(() => ciphertextFromSignals([good[0], good[1], good[2], "01"], "slot 1")).toThrow(TypeError);
  });

  it("- checks only the curve equation for signals of a verified proof", () => {
    const good = ciphertextToSignals(encrypt(2n, 99n, pk));
    const back = ciphertextFromSignals(good, "slot 0", { proven: true });
    expect(ciphertextToSignals(back)).toEqual(good);
    const orderTwo = ["0", (SNARK_FIELD_SIZE - 1n).toString()];
    expect(ciphertextToSignals(ciphertextFromSignals([...orderTwo, "0", "1"], "s", { proven: true }))).toEqual([
      ...orderTwo,
      "0",
      "1",
    ]);
    expect(() => ciphertextFromSignals(["1", "2", good[2], good[3]], "slot 1", { proven: true })).toThrow(
      new TypeError("slot 1 C1 is not a point on Baby Jubjub"),
    );
  });
});

describe("# baby-step giant-step", () => {
  it.each([0n, 1n, 2n, 7n, 100n, 1000n])("- finds 0, 1 and the bound, and fails at bound + 1 (bound %s)", (bound) => {
    const table = new DiscreteLogTable(bound);
    expect(table.solve(IDENTITY)).toBe(0n);
    if (bound >= 1n) expect(table.solve(G)).toBe(1n);
    expect(table.solve(mulG(bound))).toBe(bound);
    expect(() => table.solve(mulG(bound + 1n))).toThrow(`no total within the bound [0, ${bound}]`);
    expect(() => table.solve(mulG(-1n))).toThrow("no total within the bound");
  });

  it("- finds every value below a bound with one table [fuzz]", () => {
    const table = new DiscreteLogTable(1_000_000n);
    fc.assert(
      fc.property(fc.bigInt({ min: 0n, max: 1_000_000n }), (x) => {
        expect(table.solve(mulG(x))).toBe(x);
      }),
      { numRuns: FUZZ_RUNS },
    );
  });

  it("- refuses a total off by one (bound - 1 when the total is bound)", () => {
    expect(discreteLog(mulG(5000n), 5000n)).toBe(5000n);
    expect(() => discreteLog(mulG(5000n), 4999n)).toThrow("no total within the bound [0, 4999]");
    expect(() => discreteLog(mulG(ORDER_L / 2n), 5000n)).toThrow("no total within the bound");
  });

  it("- refuses a bound that is negative or not far below l", () => {
    expect(() => new DiscreteLogTable(-1n)).toThrow(new RangeError("the bound must be in [0, l/4)"));
    expect(() => new DiscreteLogTable(ORDER_L)).toThrow(RangeError);
    expect(() => new DiscreteLogTable(10n, 0)).toThrow(new RangeError("babySteps must be an integer in [1, 16777216]"));
    expect(() => new DiscreteLogTable(10n, MAX_BABY_STEPS + 1)).toThrow(RangeError);
  });

  it("- caps the default table and trades table size for search time on request", () => {
    expect(DiscreteLogTable.defaultBabySteps(1n << 60n)).toBe(MAX_DEFAULT_BABY_STEPS);
    expect(DiscreteLogTable.defaultBabySteps(1n << 33n)).toBe(2 ** 16);
    expect(new DiscreteLogTable(1n << 20n).babySteps).toBe(725);
    const small = new DiscreteLogTable(100_000n, 3);
    expect(small.babySteps).toBe(3);
    expect(small.solve(mulG(99_999n))).toBe(99_999n);
    expect(() => small.solve(mulG(100_001n))).toThrow("no total within the bound");
  });
});
