import fc from "fast-check";
import {
  consistencyProof,
  EMPTY_ROOT,
  inclusionProof,
  leafHash,
  nodeHash,
  rootOf,
  verifyConsistency,
  verifyInclusion,
} from "../../../protocol/transparency-log";
import vectors from "../../vectors/rfc6962.json";
import { FUZZ_RUNS } from "../../fixtures/fuzz";

const hex = (bytes: Uint8Array): string => Buffer.from(bytes).toString("hex");
const unhex = (text: string): Uint8Array => new Uint8Array(Buffer.from(text, "hex"));
const LEAVES = vectors.leaves.map((entry) => leafHash(unhex(entry)));
const ROOTS = vectors.roots.map(unhex);
const treeOf = (n: number) => Array.from({ length: n }, (_, i) => leafHash(new TextEncoder().encode(`entry-${i}`)));

describe("# RFC 6962 Merkle tree", () => {
  it("should give the reference root for every size 0..8", () => {
    expect(hex(EMPTY_ROOT)).toBe(vectors.roots[0]);
    for (let n = 0; n <= LEAVES.length; n++) expect(hex(rootOf(LEAVES.slice(0, n)))).toBe(vectors.roots[n]);
  });

  it("should hash leaves with 0x00 and nodes with 0x01", () => {
    expect(hex(LEAVES[0]!)).toBe(vectors.roots[1]);
    expect(hex(nodeHash(LEAVES[0]!, LEAVES[1]!))).toBe(vectors.roots[2]);
  });

  it("should give and verify the reference inclusion proofs", () => {
    for (const { index, size, proof } of vectors.inclusion) {
      expect(inclusionProof(LEAVES, index, size).map(hex)).toEqual(proof);
      expect(verifyInclusion(LEAVES[index]!, index, size, proof.map(unhex), ROOTS[size]!)).toBe(true);
    }
  });

  it("should give and verify the reference consistency proofs", () => {
    for (const { first, second, proof } of vectors.consistency) {
      expect(consistencyProof(LEAVES, first, second).map(hex)).toEqual(proof);
      expect(verifyConsistency(first, second, ROOTS[first]!, ROOTS[second]!, proof.map(unhex))).toBe(true);
    }
  });

  it("should verify every inclusion and consistency proof of every tree up to 40 leaves", () => {
    const leaves = treeOf(40);
    const roots = Array.from({ length: 41 }, (_, n) => rootOf(leaves.slice(0, n)));
    for (let n = 0; n <= 40; n++) {
      for (let i = 0; i < n; i++) {
        expect(verifyInclusion(leaves[i]!, i, n, inclusionProof(leaves, i, n), roots[n]!)).toBe(true);
      }
      for (let m = 0; m <= n; m++) {
        expect(verifyConsistency(m, n, roots[m]!, roots[n]!, consistencyProof(leaves, m, n))).toBe(true);
      }
    }
  });

  it("should handle the degenerate consistency cases as RFC 9162 does", () => {
    const leaves = treeOf(8);
    const [root4, root5, root8] = [4, 5, 8].map((n) => rootOf(leaves.slice(0, n))) as [
      Uint8Array,
      Uint8Array,
      Uint8Array,
    ];
    expect(verifyConsistency(4, 4, root4, root4, [])).toBe(true);
    expect(verifyConsistency(4, 4, root4, root5, [])).toBe(false);
    expect(verifyConsistency(4, 4, root4, root4, [root4])).toBe(false);
    expect(verifyConsistency(0, 8, EMPTY_ROOT, root8, [])).toBe(true);
    expect(verifyConsistency(0, 8, root4, root8, [])).toBe(false);
    expect(verifyConsistency(8, 4, root8, root4, [])).toBe(false);
    expect(verifyConsistency(5, 8, root5, root8, [])).toBe(false);
  });

  it("should refuse out-of-range requests and malformed input", () => {
    expect(() => inclusionProof(LEAVES, 8, 8)).toThrow(RangeError);
    expect(() => inclusionProof(LEAVES, -1, 8)).toThrow(RangeError);
    expect(() => inclusionProof(LEAVES, 0, 9)).toThrow(RangeError);
    expect(() => consistencyProof(LEAVES, 5, 3)).toThrow(RangeError);
    expect(() => consistencyProof(LEAVES, 1, 9)).toThrow(RangeError);
    const proof = inclusionProof(LEAVES, 5, 8);
    expect(verifyInclusion(LEAVES[5]!, 5, 8, proof, ROOTS[8]!)).toBe(true);
    expect(verifyInclusion(LEAVES[5]!.slice(1), 5, 8, proof, ROOTS[8]!)).toBe(false);
    expect(verifyInclusion(LEAVES[5]!, 5, 8, proof, ROOTS[8]!.slice(1))).toBe(false);
    expect(verifyInclusion(LEAVES[5]!, 8, 8, proof, ROOTS[8]!)).toBe(false);
    expect(verifyInclusion(LEAVES[5]!, 5.5, 8, proof, ROOTS[8]!)).toBe(false);
    expect(verifyInclusion(LEAVES[5]!, 5, 8, "proof" as unknown as Uint8Array[], ROOTS[8]!)).toBe(false);
    expect(verifyConsistency(6, 8, ROOTS[6]!, ROOTS[8]!, [new Uint8Array(31)])).toBe(false);
  });

  it("[fuzz] should reject any proof with one flipped bit, a dropped or an extra element", () => {
    fc.assert(
      fc.property(
        fc
          .integer({ min: 2, max: 300 })
          .chain((n) => fc.tuple(fc.constant(n), fc.integer({ min: 0, max: n - 1 }), fc.nat())),
        ([n, i, salt]) => {
          const leaves = treeOf(n);
          const root = rootOf(leaves);
          const proof = inclusionProof(leaves, i, n);
          expect(verifyInclusion(leaves[i]!, i, n, proof, root)).toBe(true);
          const m = 1 + (salt % (n - 1));
          const older = rootOf(leaves.slice(0, m));
          const cproof = consistencyProof(leaves, m, n);
          expect(verifyConsistency(m, n, older, root, cproof)).toBe(true);
          for (const [p, check] of [
            [proof, (q: Uint8Array[]) => verifyInclusion(leaves[i]!, i, n, q, root)],
            [cproof, (q: Uint8Array[]) => verifyConsistency(m, n, older, root, q)],
          ] as const) {
            if (p.length === 0) continue;
            const flipped = p.map((h) => h.slice());
            const at = salt % p.length;
            flipped[at]![salt % 32]! ^= 1 << (salt % 8);
            expect(check(flipped)).toBe(false);
            expect(check(p.slice(0, -1))).toBe(false);
            expect(check([...p, new Uint8Array(32)])).toBe(false);
          }
        },
      ),
      { numRuns: FUZZ_RUNS },
    );
  });
});
