import { Group } from "@semaphore-protocol/group";
import fc from "fast-check";
import { buildCensus, censusRoot, generateCensusProof, verifyCensusProof } from "../../../protocol/census";
import { CENSUS_DEPTH, SNARK_FIELD_SIZE } from "../../../protocol/constants";
import { censusOf } from "../../fixtures/ballot-fixtures";
import { FUZZ_RUNS } from "../../fixtures/fuzz";

describe("# buildCensus", () => {
  it.each([1, 2, 3, 5, 8, 33, 100])("should have the same root as @semaphore-protocol/group for %i members", (size) => {
    const { voters, census } = censusOf(size);
    const group = new Group(voters.map((voter) => voter.commitment));
    expect(censusRoot(census)).toBe(group.root);
  });

  it("should have root 0 when empty", () => {
    expect(censusRoot(buildCensus())).toBe(0n);
  });

  it("should reject a leaf outside the field", () => {
    expect(() => buildCensus([1n, SNARK_FIELD_SIZE])).toThrow("leaves[1] must be a field element");
  });
});

describe("# generateCensusProof", () => {
  it("should pad the siblings to the circuit depth with zeros", () => {
    const { voters, census } = censusOf(5);
    const proof = generateCensusProof(census, voters[4]!.commitment);
    expect(proof.siblings).toHaveLength(CENSUS_DEPTH);
    expect(proof.length).toBe(1);
    expect(proof.siblings.slice(proof.length).every((s) => s === 0n)).toBe(true);
    expect(verifyCensusProof(proof)).toBe(true);
  });

  it("should match the proof @semaphore-protocol/group gives", () => {
    const { voters, census } = censusOf(13);
    const group = new Group(voters.map((voter) => voter.commitment));
    const ours = generateCensusProof(census, voters[6]!.commitment);
    const theirs = group.generateMerkleProof(6);
    expect(ours.index).toBe(theirs.index);
    expect(ours.siblings.slice(0, ours.length)).toEqual(theirs.siblings);
  });

  it("should refuse a commitment that is not in the census", () => {
    const { census } = censusOf(3);
    expect(() => generateCensusProof(census, 42n)).toThrow("commitment is not in the census");
  });

  it("should refuse a census deeper than the circuit", () => {
    const { voters, census } = censusOf(5);
    expect(() => generateCensusProof(census, voters[0]!.commitment, 2)).toThrow(
      "census is deeper than the circuit (3 > 2)",
    );
  });

  it("[fuzz] should prove every member of any census, and no tampered proof", () => {
    const leaves = fc.uniqueArray(fc.bigInt({ min: 1n, max: SNARK_FIELD_SIZE - 1n }), { minLength: 1, maxLength: 40 });
    fc.assert(
      fc.property(leaves, fc.nat(), fc.nat(), (members, pick, flip) => {
        const census = buildCensus(members);
        const leaf = members[pick % members.length]!;
        const proof = generateCensusProof(census, leaf);
        if (!verifyCensusProof(proof) || proof.root !== censusRoot(census)) return false;
        if (proof.length === 0) return !verifyCensusProof({ ...proof, leaf: leaf + 1n });
        const level = flip % proof.length;
        const siblings = proof.siblings.map((s, i) => (i === level ? s + 1n : s));
        return !verifyCensusProof({ ...proof, siblings });
      }),
      { numRuns: Math.ceil(FUZZ_RUNS / 4) },
    );
  });

  it("should reject a proof whose length exceeds its siblings", () => {
    const { voters, census } = censusOf(4);
    const proof = generateCensusProof(census, voters[1]!.commitment, 2);
    expect(verifyCensusProof({ ...proof, length: 3 })).toBe(false);
    expect(verifyCensusProof({ ...proof, length: -1 })).toBe(false);
  });
});
