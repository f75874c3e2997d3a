import {
  CIPHERTEXT_SIGNALS,
  SEALED_OPTION_COUNTS,
  sealedCircuitFor,
  sealedCircuitName,
  sealedPublicSignalNames,
  sealedSignalLayout,
} from "../../../protocol/constants";

describe("# sealed ballot public-signal layout", () => {
  it.each(SEALED_OPTION_COUNTS.map((k) => [k]))("should name every signal once, in circuit order, for K = %i", (k) => {
    const layout = sealedSignalLayout(k);
    const names = sealedPublicSignalNames(k);
    expect(layout.count).toBe(11 + 4 * k);
    expect(names).toHaveLength(layout.count);
    expect(new Set(names).size).toBe(names.length);
    expect(names.slice(0, layout.ciphertext)).toEqual([
      "censusRoot",
      "referendumId",
      "nullifier",
      "revision",
      "electionKey[0]",
      "electionKey[1]",
      "options",
      "maxValue",
      "minTotal",
      "maxTotal",
      "costExponent",
    ]);
    for (const [field, index] of Object.entries(layout) as [string, number][]) {
      if (field !== "count" && field !== "electionKey" && field !== "ciphertext") expect(names[index]).toBe(field);
    }
    expect(names[layout.ciphertext + CIPHERTEXT_SIGNALS * (k - 1) + 3]).toBe(`ciphertext[${k - 1}][3]`);
    expect(names.at(-1)).toBe(`ciphertext[${k - 1}][3]`);
  });

  it("should give 19 signals for K = 2 and 43 for K = 8", () => {
    expect(sealedSignalLayout(2).count).toBe(19);
    expect(sealedSignalLayout(8).count).toBe(43);
  });

  it.each([0, -1, 1.5, Number.NaN])("should refuse a slot count of %p", (k) => {
    expect(() => sealedSignalLayout(k)).toThrow("k must be a positive integer");
    expect(() => sealedPublicSignalNames(k)).toThrow("k must be a positive integer");
  });
});

describe("# sealedCircuitFor / sealedCircuitName", () => {
  it.each([
    [1, 2],
    [2, 2],
    [3, 8],
    [8, 8],
  ])("should serve %i options with the %i-slot circuit", (options, k) => {
    expect(sealedCircuitFor(options)).toBe(k);
  });

  it.each([0, 9, 2.5, Number.NaN])("should refuse %p options", (options) => {
    expect(() => sealedCircuitFor(options)).toThrow("options must be an integer from 1 to 8");
  });

  it("should name the artifact sets", () => {
    expect(sealedCircuitName(20, 2)).toBe("sealed_d20_k2");
    expect(sealedCircuitName(24, 8)).toBe("sealed_d24_k8");
  });
});
