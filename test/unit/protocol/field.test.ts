import fc from "fast-check";
import { SNARK_FIELD_SIZE } from "../../../protocol/constants";
import {
  formatFieldElement,
  isCanonicalFieldElement,
  parseFieldElement,
  requireFieldElement,
} from "../../../protocol/field";
import { FUZZ_RUNS } from "../../fixtures/fuzz";

const p = SNARK_FIELD_SIZE;

describe("# parseFieldElement", () => {
  it.each([
    ["p", p.toString()],
    ["p + 1", (p + 1n).toString()],
    ["a negative number", "-1"],
    ["hex", "0x01"],
    ["a leading zero", "01"],
    ["the empty string", ""],
    ["1000 digits", "9".repeat(1000)],
    ["a plus sign", "+1"],
    ["white space", " 1"],
    ["a decimal point", "1.0"],
    ["an exponent", "1e3"],
  ])("should reject %s", (_, value) => {
    expect(isCanonicalFieldElement(value)).toBe(false);
    expect(() => parseFieldElement(value, "root")).toThrow(
      "root must be a canonical field element (decimal, no leading zeros, below p)",
    );
  });

  it.each([1, 1n, null, undefined, {}, ["1"]])("should reject the non-string %p", (value) => {
    expect(isCanonicalFieldElement(value)).toBe(false);
  });

  it("should accept 0, 1 and p - 1", () => {
    expect(parseFieldElement("0", "x")).toBe(0n);
    expect(parseFieldElement("1", "x")).toBe(1n);
    expect(parseFieldElement((p - 1n).toString(), "x")).toBe(p - 1n);
  });

  it("[fuzz] should round-trip every field element", () => {
    fc.assert(
      fc.property(fc.bigInt({ min: 0n, max: p - 1n }), (x) => parseFieldElement(formatFieldElement(x), "x") === x),
      { numRuns: FUZZ_RUNS },
    );
  });

  it("[fuzz] should accept a string only when it is the canonical form of its value", () => {
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom(..."0123456789-+x .".split("")), maxLength: 80 }), (s) => {
        const canonical = /^[0-9]+$/.test(s) && BigInt(s).toString() === s && BigInt(s) < p;
        return isCanonicalFieldElement(s) === canonical;
      }),
      { numRuns: FUZZ_RUNS },
    );
  });
});

describe("# requireFieldElement", () => {
  it("should reject -1 and p", () => {
    expect(() => requireFieldElement(-1n, "x")).toThrow("x must be a field element (0 <= x < p)");
    expect(() => requireFieldElement(p, "x")).toThrow("x must be a field element (0 <= x < p)");
    expect(() => formatFieldElement(p)).toThrow("value must be a field element");
  });
});
