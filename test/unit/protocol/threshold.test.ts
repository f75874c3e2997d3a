import fc from "fast-check";
import { FIELD_P, G, ORDER_L, curvePointFromWire, mulG, pointToWire, randomScalar } from "../../../protocol/babyjub";
import { DiscreteLogTable, encryptVotes, sumCiphertexts, type Ciphertext } from "../../../protocol/elgamal";
import {
  combinePartials,
  dryRunCiphertext,
  lagrangeAtZero,
  partialDecrypt,
  partialDecryptionWire,
  verifyPartialDecryption,
  type PartialDecryption,
} from "../../../protocol/threshold";
import { FUZZ_RUNS } from "../../fixtures/fuzz";
import { runDkg, type DkgResult } from "../../fixtures/trustees";

const referendumId = "42";
const dkg = runDkg(referendumId, 5, 3);
const ballots = [
  [1, 0],
  [0, 1],
  [1, 0],
  [1, 0],
];
const aggregate = sumCiphertexts(
  ballots.map((votes) => encryptVotes(votes, dkg.electionKey, randomScalar() % 1000000n)),
  2,
);
const bound = BigInt(ballots.length);

function partialOf(d: DkgResult, index: number, ciphertexts: readonly Ciphertext[], id = referendumId) {
  return partialDecrypt({ referendumId: id, index, share: d.shares.get(index) as bigint }, ciphertexts);
}

const partials = [1, 2, 3, 4, 5].map((m) => partialOf(dkg, m, aggregate));

function combine(list: readonly unknown[], overrides: { bound?: bigint; table?: DiscreteLogTable } = {}) {
  return combinePartials({
    referendumId,
    ciphertexts: aggregate,
    partials: list,
    publicShares: dkg.publicShares,
    threshold: 3,
    bound: overrides.bound ?? bound,
    table: overrides.table,
  });
}

function y(index: number) {
  return dkg.publicShares.get(index) as typeof G;
}

describe("# threshold decryption attacks", () => {
  it("- a partial with a wrong point fails, even with a proof made for that point", () => {
    const honest = partials[0] as PartialDecryption;
    const wrongPoint = pointToWire(mulG(5n));
    const forged = { ...honest, parts: [{ ...honest.parts[0], point: wrongPoint }, honest.parts[1]] };
    expect(verifyPartialDecryption(referendumId, forged, y(1), aggregate)).toEqual([
      "trustee 1, slot 0: the proof does not verify",
    ]);
    // The trustee's own share used with a point that is not x·A1: the proof cannot hold.
    expect(() => combine([forged, partials[1], partials[2]])).toThrow("needs 3 partial decryptions, has 2");
  });

  it("- a right point with a proof from another slot or another ciphertext fails", () => {
    const honest = partials[0] as PartialDecryption;
    const [p0, p1] = honest.parts as [PartialDecryption["parts"][0], PartialDecryption["parts"][0]];
    const swappedProofs = {
      ...honest,
      parts: [
        { ...p0, proof: p1.proof },
        { ...p1, proof: p0.proof },
      ],
    };
    expect(verifyPartialDecryption(referendumId, swappedProofs, y(1), aggregate)).toHaveLength(2);
    const other = sumCiphertexts([encryptVotes([1, 1], dkg.electionKey, 7n)], 2);
    const forOther = partialOf(dkg, 1, other);
    expect(verifyPartialDecryption(referendumId, forOther, y(1), aggregate)).toHaveLength(2);
    // Both slots swapped as a whole: the slot index is in the challenge.
    const swappedSlots = { ...honest, parts: [p1, p0] };
    expect(
      verifyPartialDecryption(referendumId, swappedSlots, y(1), [aggregate[1], aggregate[0]] as Ciphertext[]),
    ).toHaveLength(2);
  });

  it("- a partial claimed under another trustee's index fails", () => {
    const claimed = { ...(partials[0] as PartialDecryption), trustee: 2 };
    expect(verifyPartialDecryption(referendumId, claimed, y(2), aggregate)).toHaveLength(2);
    expect(() => combine([claimed, partials[2], partials[3]])).toThrow("needs 3 partial decryptions, has 2");
  });

  it("- a proof replayed under another referendum id fails", () => {
    const elsewhere = partialOf(dkg, 1, aggregate, "43");
    expect(verifyPartialDecryption(referendumId, elsewhere, y(1), aggregate)).toHaveLength(2);
    expect(verifyPartialDecryption("43", elsewhere, y(1), aggregate)).toEqual([]);
  });

  it("- a ciphertext with a small-order part is never decrypted (it would leak the share mod 8)", () => {
    // (0, p - 1) has order 2: on the curve, outside the order-l subgroup.
    const order2 = curvePointFromWire(["0", String(FIELD_P - 1n)], "order2");
    const [first, second] = aggregate;
    const tainted = { c1: first!.c1.add(order2), c2: first!.c2 };
    expect(() => partialOf(dkg, 1, [tainted, second!])).toThrow(/subgroup/);
  });

  it("- fewer than t distinct valid partials give no tally", () => {
    expect(() => combine(partials.slice(0, 2))).toThrow(new Error("needs 3 partial decryptions, has 2"));
    expect(() => combine([partials[0], partials[0], partials[1]])).toThrow("needs 3 partial decryptions, has 2");
    expect(() => combine([])).toThrow("needs 3 partial decryptions, has 0");
    expect(() => combine(["garbage", { trustee: 9, parts: [] }, partials[0], partials[1]])).toThrow(
      "needs 3 partial decryptions, has 2",
    );
  });

  it("- a tally off by one is refused: the bound below the total fails loudly", () => {
    const tight = combinePartials({
      referendumId,
      ciphertexts: [aggregate[0] as Ciphertext],
      partials: partials.slice(0, 3).map((p) => ({ ...p, parts: p.parts.slice(0, 1) })),
      publicShares: dkg.publicShares,
      threshold: 3,
      bound: 3n,
    });
    expect(tight).toEqual([3n]);
    expect(() =>
      combinePartials({
        referendumId,
        ciphertexts: [aggregate[0] as Ciphertext],
        partials: partials.slice(0, 3).map((p) => ({ ...p, parts: p.parts.slice(0, 1) })),
        publicShares: dkg.publicShares,
        threshold: 3,
        bound: 2n,
      }),
    ).toThrow("no total within the bound [0, 2]");
  });

  it("- reports a malformed partial and a wrong slot count", () => {
    expect(verifyPartialDecryption(referendumId, { trustee: 1 }, y(1), aggregate)).toEqual([
      "partial.parts: Invalid input: expected array, received undefined",
    ]);
    const short = { ...(partials[0] as PartialDecryption), parts: (partials[0] as PartialDecryption).parts.slice(1) };
    expect(verifyPartialDecryption(referendumId, short, y(1), aggregate)).toEqual([
      "trustee 1 decrypted 1 slots, the tally has 2",
    ]);
  });
});

describe("# combination", () => {
  it("- decrypts the totals from any t valid partials, skipping invalid ones", () => {
    expect(combine(partials.slice(0, 3))).toEqual([3n, 1n]);
    expect(combine(partials.slice(2))).toEqual([3n, 1n]);
    const forged = { ...(partials[0] as PartialDecryption), trustee: 2 };
    expect(combine([forged, ...partials.slice(2)])).toEqual([3n, 1n]);
    expect(partials.every((p) => partialDecryptionWire.safeParse(p).success)).toBe(true);
  });

  it("- reuses a table built for the bound, and builds one otherwise", () => {
    const table = new DiscreteLogTable(bound);
    expect(combine(partials.slice(1, 4), { table })).toEqual([3n, 1n]);
    expect(combine(partials.slice(1, 4), { table: new DiscreteLogTable(1n) })).toEqual([3n, 1n]);
  });

  it("- decrypts the empty aggregate (O, O) to zeros", () => {
    const empty = sumCiphertexts([], 2);
    const ps = [1, 2, 3].map((m) => partialOf(dkg, m, empty));
    expect(
      combinePartials({
        referendumId,
        ciphertexts: empty,
        partials: ps,
        publicShares: dkg.publicShares,
        threshold: 3,
        bound: 0n,
      }),
    ).toEqual([0n, 0n]);
  });

  it("- passes the dry run: the dry-run ciphertext combines to 1", () => {
    const dry = dryRunCiphertext(referendumId, dkg.electionKey);
    expect(dry.c1.equals(dryRunCiphertext(referendumId, dkg.electionKey).c1)).toBe(true);
    expect(dry.c1.equals(dryRunCiphertext("43", dkg.electionKey).c1)).toBe(false);
    const ps = [5, 3, 1].map((m) => partialOf(dkg, m, [dry]));
    expect(
      combinePartials({
        referendumId,
        ciphertexts: [dry],
        partials: ps,
        publicShares: dkg.publicShares,
        threshold: 3,
        bound: 1n,
      }),
    ).toEqual([1n]);
  });

  it("- any t-subset of honest trustees decrypts the same correct totals [fuzz]", () => {
    const slots = 2;
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 7 }).chain((n) => fc.tuple(fc.constant(n), fc.integer({ min: 1, max: n }))),
        fc.array(fc.array(fc.integer({ min: 0, max: 3 }), { minLength: slots, maxLength: slots }), { maxLength: 4 }),
        fc.infiniteStream(fc.double({ min: 0, max: 1, noNaN: true })),
        ([n, t], votes, coins) => {
          const d = runDkg(referendumId, n, t);
          const agg = sumCiphertexts(
            votes.map((v) => encryptVotes(v, d.electionKey, randomScalar())),
            slots,
          );
          const expected = Array.from({ length: slots }, (_, i) =>
            BigInt(votes.reduce((s, v) => s + (v[i] as number), 0)),
          );
          const all = [...d.shares.keys()].map((m) => partialOf(d, m, agg));
          const table = new DiscreteLogTable(BigInt(votes.length * 3));
          const it = coins[Symbol.iterator]();
          for (let round = 0; round < 2; round++) {
            const subset = [...all].sort(() => (it.next().value as number) - 0.5).slice(0, t);
            expect(
              combinePartials({
                referendumId,
                ciphertexts: agg,
                partials: subset,
                publicShares: d.publicShares,
                threshold: t,
                bound: table.bound,
                table,
              }),
            ).toEqual(expected);
          }
        },
      ),
      // A DKG per run: a twentieth of the usual runs keeps `npm run test:fuzz` to minutes.
      { numRuns: Math.max(5, Math.round(FUZZ_RUNS / 20)) },
    );
  });
});

describe("# lagrangeAtZero", () => {
  it("- interpolates f(0) and refuses bad index sets", () => {
    // f(x) = 5 + 2x: f(1) = 7, f(3) = 11; f(0) = λ1·7 + λ3·11.
    const l1 = lagrangeAtZero([1n, 3n], 1n);
    const l3 = lagrangeAtZero([1n, 3n], 3n);
    expect((l1 * 7n + l3 * 11n) % ORDER_L).toBe(5n);
    expect(lagrangeAtZero([4n], 4n)).toBe(1n);
    expect(() => lagrangeAtZero([1n, 2n], 3n)).toThrow(new RangeError("index 3 is not in the set"));
    expect(() => lagrangeAtZero([1n, 1n], 1n)).toThrow(
      new RangeError("the indices must be distinct and nonzero mod l"),
    );
    expect(() => lagrangeAtZero([0n, 1n], 1n)).toThrow(RangeError);
    expect(() => lagrangeAtZero([1n, ORDER_L + 1n], 1n)).toThrow(RangeError);
  });
});
