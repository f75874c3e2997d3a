import { canonicalBytes, canonicalJson } from "../../../protocol/canonical-json";

describe("# canonicalJson (RFC 8785)", () => {
  it("should produce the RFC 8785 section 3.2.3 example byte for byte", () => {
    // RFC 8785 3.2.2 input, with its numbers written as JavaScript reads them.
    const input = {
      // eslint-disable-next-line no-loss-of-precision -- the RFC's own input, rounded as any JSON parser would
      numbers: [333333333.33333329, 1e30, 4.5, 2e-3, 0.000000000000000000000000001],
      string: "\u20ac$\u000F\u000aA'\u0042\u0022\u005c\\\"/",
      literals: [null, true, false],
    };
    expect(canonicalJson(input)).toBe(
      '{"literals":[null,true,false],"numbers":[333333333.3333333,1e+30,4.5,0.002,1e-27],"string":"€$\\u000f\\nA\'B\\"\\\\\\\\\\"/"}',
    );
  });

  it("should sort keys by UTF-16 code units at every depth", () => {
    expect(
      canonicalJson({ b: { z: 1, a: [{ d: 1, c: 2 }] }, a: "x", "\u20ac": 1, "\ud83d\ude00": 2, "\ufb33": 3 }),
    ).toBe(
      '{"a":"x","b":{"a":[{"c":2,"d":1}],"z":1},"\u20ac":1,"\ud83d\ude00":2,"\ufb33":3}'.replace(
        /\\u([0-9a-f]{4})/g,
        (_, code: string) => String.fromCharCode(parseInt(code, 16)),
      ),
    );
  });

  it("should refuse values JSON cannot represent", () => {
    expect(() => canonicalJson(Number.NaN)).toThrow();
    expect(() => canonicalJson(Infinity)).toThrow();
  });

  it("should encode as UTF-8", () => {
    expect(Buffer.from(canonicalBytes({ e: "€" })).toString("hex")).toBe(Buffer.from('{"e":"€"}').toString("hex"));
  });
});
