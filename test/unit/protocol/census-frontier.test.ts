import fc from "fast-check";
import { buildCensus, censusRoot } from "../../../protocol/census";
import {
  appendToCensusFrontier,
  decodeCensusFrontier,
  EMPTY_CENSUS_FRONTIER,
  encodeCensusFrontier,
  type CensusFrontier,
  type EncodedCensusFrontier,
} from "../../../protocol/census-frontier";
import { SNARK_FIELD_SIZE } from "../../../protocol/constants";
import { FUZZ_RUNS } from "../../fixtures/fuzz";

const leavesOf = (size: number, seed: bigint): bigint[] =>
  Array.from({ length: size }, (_, i) => (seed * 1_000_003n + BigInt(i) * 7919n + 1n) % SNARK_FIELD_SIZE);

// Sizes where LeanIMT changes shape: 0, 1, powers of two and their neighbours.
const EDGE_SIZES = [0, 1, 2, 3, 4, 5, 7, 8, 9, 15, 16, 17, 31, 32, 33, 63, 64, 65, 127, 128, 129];

describe("# appendToCensusFrontier", () => {
  it.each(EDGE_SIZES)("should have buildCensus's root after %i leaves appended one by one", (size) => {
    const leaves = leavesOf(size, 3n);
    let frontier: CensusFrontier = EMPTY_CENSUS_FRONTIER;
    for (const leaf of leaves) frontier = appendToCensusFrontier(frontier, [leaf]);
    expect(frontier.size).toBe(size);
    expect(frontier.root).toBe(censusRoot(buildCensus(leaves)));
    expect(frontier.sideNodes.length).toBeLessThanOrEqual(Math.ceil(Math.log2(size + 1)));
  });

  it("[fuzz] should equal buildCensus after any split of any leaves into appended batches", () => {
    fc.assert(
      fc.property(
        fc.oneof(fc.constantFrom(...EDGE_SIZES), fc.integer({ min: 0, max: 300 })),
        fc.bigInt({ min: 0n, max: SNARK_FIELD_SIZE - 1n }),
        fc.array(fc.integer({ min: 0, max: 40 }), { maxLength: 12 }),
        (size, seed, cuts) => {
          const leaves = leavesOf(size, seed);
          const bounds = [...new Set(cuts.map((cut) => Math.min(cut * 8, size)))].sort((a, b) => a - b);
          let frontier: CensusFrontier = EMPTY_CENSUS_FRONTIER;
          let from = 0;
          for (const to of [...bounds, size]) {
            frontier = appendToCensusFrontier(frontier, leaves.slice(from, to));
            // Stored and read back between batches, as the census meta is.
            frontier = decodeCensusFrontier(
              JSON.parse(JSON.stringify(encodeCensusFrontier(frontier))) as EncodedCensusFrontier,
            );
            expect(frontier.root).toBe(censusRoot(buildCensus(leaves.slice(0, to))));
            from = Math.max(from, to);
          }
          expect(frontier.size).toBe(size);
        },
      ),
      { numRuns: Math.ceil(FUZZ_RUNS / 4) },
    );
  });

  it("should refuse a leaf outside the field and a malformed stored frontier", () => {
    expect(() => appendToCensusFrontier(EMPTY_CENSUS_FRONTIER, [1n, SNARK_FIELD_SIZE])).toThrow(
      "leaves[1] must be a field element",
    );
    expect(() => decodeCensusFrontier({ size: 1, root: "01", sideNodes: ["1"] })).toThrow("decimal field element");
    expect(() => decodeCensusFrontier({ size: 1, root: "1", sideNodes: ["1", "2"] })).toThrow("more side nodes");
    expect(() => decodeCensusFrontier({ size: -1, root: "0", sideNodes: [] })).toThrow("natural number");
  });
});
