import fc from "fast-check";
import {
  FIELD_P,
  G,
  IDENTITY,
  ORDER_L,
  affineYs,
  hashToScalar,
  invertModL,
  modL,
  mul,
  mulG,
  mulPublic,
  nonIdentityPointFromWire,
  nonIdentityPointWire,
  pointFromWire,
  pointToWire,
  pointWire,
  randomScalar,
  scalarFromWire,
  scalarToWire,
  scalarWire,
} from "../../../protocol/babyjub";
import { SNARK_FIELD_SIZE } from "../../../protocol/constants";
import { FUZZ_RUNS } from "../../fixtures/fuzz";

const BASE8: [string, string] = [
  "5299619240641551281634865583518297030282874472190772894086521144482721001553",
  "16950150798460657717958625567821834550301663161624707787222815936182638968203",
];
const L = 2736030358979909402780800718157159386076813972158567259200215660948447373041n;
/** (0, p - 1): on the curve, of order 2. */
const ORDER_TWO: [string, string] = ["0", (SNARK_FIELD_SIZE - 1n).toString()];

describe("# Baby Jubjub group", () => {
  it("- uses circomlib's Base8 as G, the order l and the BN254 scalar field", () => {
    expect(pointToWire(G)).toEqual(BASE8);
    expect(ORDER_L).toBe(L);
    expect(FIELD_P).toBe(SNARK_FIELD_SIZE);
    expect(pointToWire(IDENTITY)).toEqual(["0", "1"]);
    expect(
      mulG(L - 1n)
        .add(G)
        .is0(),
    ).toBe(true);
  });

  it("- multiplies by any integer, reducing mod l, with 0 giving O", () => {
    expect(mulG(0n).equals(IDENTITY)).toBe(true);
    expect(mulG(L).equals(IDENTITY)).toBe(true);
    expect(mulG(L + 2n).equals(G.double())).toBe(true);
    expect(mulG(-1n).equals(G.negate())).toBe(true);
    expect(mul(IDENTITY, 5n).is0()).toBe(true);
    expect(modL(-1n)).toBe(L - 1n);
  });

  it("- inverts mod l, refusing 0, and multiplies public points by small scalars", () => {
    expect((invertModL(3n) * 3n) % L).toBe(1n);
    expect(invertModL(-1n)).toBe(L - 1n);
    expect(() => invertModL(L)).toThrow(new RangeError("0 has no inverse mod l"));
    expect(mulPublic(G, 3n).equals(mulG(3n))).toBe(true);
    expect(mulPublic(G, 0n).is0()).toBe(true);
  });

  it("- computes affine y in a batch as toAffine does", () => {
    const points = [IDENTITY, G, mulG(7n), mulG(123456789n).add(G)];
    expect(affineYs(points)).toEqual(points.map((p) => p.toAffine().y));
  });
});

describe("# point wire form", () => {
  it("- round-trips random subgroup points [fuzz]", () => {
    fc.assert(
      fc.property(fc.bigInt({ min: 0n, max: L - 1n }), (s) => {
        const p = mulG(s);
        const wire = pointToWire(p);
        expect(pointFromWire(wire, "p").equals(p)).toBe(true);
        expect(pointWire.safeParse(wire).success).toBe(true);
      }),
      { numRuns: FUZZ_RUNS },
    );
  });

  it.each([
    ["not an array", "1,2"],
    ["one coordinate", ["1"]],
    ["three coordinates", ["0", "1", "1"]],
    ["a number", [0, 1]],
    ["a leading zero", ["0", "01"]],
    ["a coordinate >= p", ["0", (SNARK_FIELD_SIZE + 1n).toString()]],
  ])("- refuses %s as a non-point", (_, value) => {
    expect(() => pointFromWire(value, "key")).toThrow(
      new TypeError("key must be a point: [x, y] as canonical decimal field elements"),
    );
    expect(pointWire.safeParse(value).success).toBe(false);
  });

  it("- refuses a point off the curve", () => {
    expect(() => pointFromWire(["1", "2"], "key")).toThrow(new TypeError("key is not a point on Baby Jubjub"));
    expect(pointWire.safeParse(["1", "2"]).success).toBe(false);
  });

  it("- refuses low-order points and points with a low-order component", () => {
    const twisted = G.add(pointFromWireUnchecked(ORDER_TWO));
    for (const value of [ORDER_TWO, pointToWire(twisted)]) {
      expect(() => pointFromWire(value, "key")).toThrow(new TypeError("key is not in the prime-order subgroup"));
      expect(pointWire.safeParse(value).success).toBe(false);
    }
  });

  it("- refuses the identity only where asked", () => {
    expect(pointFromWire(["0", "1"], "x").is0()).toBe(true);
    expect(() => nonIdentityPointFromWire(["0", "1"], "key")).toThrow(
      new TypeError("key must not be the identity point"),
    );
    expect(nonIdentityPointFromWire(BASE8, "key").equals(G)).toBe(true);
    expect(nonIdentityPointWire.safeParse(["0", "1"]).success).toBe(false);
    expect(nonIdentityPointWire.safeParse(BASE8).success).toBe(true);
  });
});

/** Builds a curve point without the subgroup check (for the attack inputs). */
function pointFromWireUnchecked([x, y]: [string, string]) {
  const point = G.constructor as unknown as { fromAffine(p: { x: bigint; y: bigint }): typeof G };
  return point.fromAffine({ x: BigInt(x), y: BigInt(y) });
}

describe("# scalar wire form", () => {
  it("- round-trips and reduces mod l", () => {
    expect(scalarToWire(L + 5n)).toBe("5");
    expect(scalarFromWire((L - 1n).toString(), "s")).toBe(L - 1n);
    expect(scalarWire.safeParse("0").success).toBe(true);
  });

  it.each([
    ["l", L.toString()],
    ["negative", "-1"],
    ["leading zero", "01"],
    ["a number", 5],
    ["hex", "0x1"],
  ])("- refuses %s", (_, value) => {
    expect(() => scalarFromWire(value, "s")).toThrow(
      new TypeError("s must be a scalar: canonical decimal below the group order l"),
    );
    expect(scalarWire.safeParse(value).success).toBe(false);
  });
});

describe("# randomScalar", () => {
  it("- draws distinct scalars in [1, l)", () => {
    const seen = new Set<bigint>();
    for (let i = 0; i < 200; i++) {
      const s = randomScalar();
      expect(s >= 1n && s < L).toBe(true);
      seen.add(s);
    }
    expect(seen.size).toBe(200);
  });
});

describe("# hashToScalar", () => {
  it("- hashes the canonical JSON of { tag, data } with points and bigints in wire form", () => {
    const h = hashToScalar("bling/test", [G, 5n, "x", 3, null, [IDENTITY, true]]);
    expect(h).toBe(hashToScalar("bling/test", [BASE8, "5", "x", 3, null, [["0", "1"], true]]));
    expect(h < L).toBe(true);
    // A pinned value: the hash is part of the protocol and must not drift.
    expect(hashToScalar("bling/test", [])).toMatchInlineSnapshot(
      `1408396690131017286552180430589770284603403042166250941874451740949989251321n`,
    );
  });

  it("- separates tags and data", () => {
    const base = hashToScalar("bling/a", ["1"]);
    expect(hashToScalar("bling/b", ["1"])).not.toBe(base);
    expect(hashToScalar("bling/a", ["2"])).not.toBe(base);
    expect(hashToScalar("bling/a", ["1", "1"])).not.toBe(base);
  });
});
