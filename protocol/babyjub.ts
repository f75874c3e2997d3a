/**
 * The group of protocol v2 (SECRET-BALLOT.md, "Group, encodings, hashes"): the prime-order
 * subgroup of Baby Jubjub with circomlib's Base8 as generator, its wire forms and the challenge
 * hash Hs. Browser-safe: randomness comes from `globalThis.crypto`.
 */
import { babyjubjub } from "@noble/curves/misc.js";
import { sha512 } from "@noble/hashes/sha2.js";
import { bytesToHex } from "@noble/hashes/utils.js";
import { z } from "./zod";
import { canonicalBytes, type JsonValue } from "./canonical-json";
import { isCanonicalDecimalBelow, isCanonicalFieldElement } from "./field";

const PointClass = babyjubjub.Point;

/** A point of Baby Jubjub (noble's extended-coordinates point). */
export type Point = InstanceType<typeof PointClass>;

/** The subgroup order l. */
export const ORDER_L: bigint = PointClass.Fn.ORDER;
/** The base field modulus p (the BN254 scalar field). */
export const FIELD_P: bigint = PointClass.Fp.ORDER;

/**
 * The generator: noble 2.x's `Point.BASE` is the subgroup base B = 8·(EIP-2494 generator), which
 * is circomlib's Base8 (test/unit/protocol/babyjub.test.ts pins it), so no cofactor step is needed.
 */
export const G: Point = PointClass.BASE;
/** The neutral element O = (0, 1). */
export const IDENTITY: Point = PointClass.ZERO;

/** Reduces any integer to [0, l). */
export function modL(value: bigint): bigint {
  const reduced = value % ORDER_L;
  return reduced < 0n ? reduced + ORDER_L : reduced;
}

/**
 * s·P for any integer s (reduced mod l). noble refuses 0 and anything >= l in `multiply`; a
 * scalar that reduces to 0 is legitimate here (an empty sum, a zero vote), and gives O.
 * Constant-time for secret scalars: noble's `multiply` is the constant-time ladder.
 */
export function mul(point: Point, scalar: bigint): Point {
  const s = modL(scalar);
  return s === 0n ? IDENTITY : point.multiply(s);
}

/**
 * s·P for public scalars and points only (verification, Lagrange, Horner): noble's unsafe
 * multiplication is not constant-time, and is much faster for small scalars.
 */
export function mulPublic(point: Point, scalar: bigint): Point {
  return point.multiplyUnsafe(modL(scalar));
}

/** The inverse mod l. @throws RangeError for 0 (mod l). */
export function invertModL(value: bigint): bigint {
  const reduced = modL(value);
  if (reduced === 0n) throw new RangeError("0 has no inverse mod l");
  return PointClass.Fn.inv(reduced);
}

/** s·G. */
export function mulG(scalar: bigint): Point {
  return mul(G, scalar);
}

/**
 * Affine y of each point with a single field inversion for the whole list (Montgomery's trick):
 * `toAffine` inverts once per point, which dominates a baby-step giant-step table otherwise.
 */
export function affineYs(points: readonly Point[]): bigint[] {
  const inverses = PointClass.Fp.invertBatch(points.map((p) => p.Z));
  return points.map((p, i) => PointClass.Fp.mul(p.Y, inverses[i] as bigint));
}

/** The canonical wire form: affine [x, y] as decimal field elements. */
export function pointToWire(point: Point): [string, string] {
  const { x, y } = point.toAffine();
  return [x.toString(), y.toString()];
}

/** Whether a point lies in the order-l subgroup (l·P = O). Points built by noble are on the curve. */
export function isInSubgroup(point: Point): boolean {
  return point.isTorsionFree();
}

/**
 * Parses a point from the wire.
 * @throws TypeError naming `name` unless the value is two canonical field elements of a point on
 * the curve and in the order-l subgroup. The identity passes; callers reading keys refuse it.
 */
export function pointFromWire(value: unknown, name: string): Point {
  const point = curvePointFromWire(value, name);
  // A low-order component would let a malicious key or share leak information mod 8.
  if (!isInSubgroup(point)) throw new TypeError(`${name} is not in the prime-order subgroup`);
  return point;
}

/**
 * Parses a point that is only checked to be on the curve: for points a verified proof already
 * places in the subgroup (see `ciphertextFromSignals`). Anything else uses `pointFromWire`.
 * @throws TypeError naming `name` unless the value is two canonical field elements on the curve.
 */
export function curvePointFromWire(value: unknown, name: string): Point {
  if (!Array.isArray(value) || value.length !== 2 || !value.every(isCanonicalFieldElement)) {
    throw new TypeError(`${name} must be a point: [x, y] as canonical decimal field elements`);
  }
  const [x, y] = value as [string, string];
  // noble's assertValidity refuses O itself; O is a valid sum (an empty aggregate).
  if (x === "0" && y === "1") return IDENTITY;
  try {
    const point = PointClass.fromAffine({ x: BigInt(x), y: BigInt(y) });
    point.assertValidity();
    return point;
  } catch {
    throw new TypeError(`${name} is not a point on Baby Jubjub`);
  }
}

/** Like `pointFromWire`, and refuses O: for keys and commitments. */
export function nonIdentityPointFromWire(value: unknown, name: string): Point {
  const point = pointFromWire(value, name);
  if (point.is0()) throw new TypeError(`${name} must not be the identity point`);
  return point;
}

/** The canonical wire form of a scalar (reduced mod l). */
export function scalarToWire(scalar: bigint): string {
  return modL(scalar).toString();
}

/**
 * Parses a scalar from the wire.
 * @throws TypeError naming `name` unless it is a canonical decimal below l.
 */
export function scalarFromWire(value: unknown, name: string): bigint {
  if (!isCanonicalDecimalBelow(value, ORDER_L)) {
    throw new TypeError(`${name} must be a scalar: canonical decimal below the group order l`);
  }
  return BigInt(value);
}

function isPointWire(value: unknown): boolean {
  try {
    pointFromWire(value, "point");
    return true;
  } catch {
    return false;
  }
}

/** A point on the wire (in the subgroup; O allowed). */
export const pointWire = z
  .tuple([z.string(), z.string()])
  .refine(isPointWire, "must be a Baby Jubjub point in the prime-order subgroup, [x, y] in canonical decimal");
export type PointWire = z.infer<typeof pointWire>;

/** A key or commitment on the wire: a subgroup point other than O. */
export const nonIdentityPointWire = pointWire.refine(
  (value) => !(value[0] === "0" && value[1] === "1"),
  "must not be the identity point",
);

/** A scalar on the wire. */
export const scalarWire = z
  .string()
  .refine((value) => isCanonicalDecimalBelow(value, ORDER_L), "must be a canonical decimal below l");
export type ScalarWire = z.infer<typeof scalarWire>;

/**
 * A uniform scalar in [1, l). 64 random bytes reduced mod (l - 1) keep the bias below 2^-260;
 * adding 1 excludes 0, which would make a key or a nonce public.
 */
export function randomScalar(): bigint {
  const bytes = new Uint8Array(64);
  globalThis.crypto.getRandomValues(bytes);
  return (BigInt(`0x${bytesToHex(bytes)}`) % (ORDER_L - 1n)) + 1n;
}

/** What Hs accepts in its data: JSON values, with bigints and points turned into their wire forms. */
export type HashInput = JsonValue | bigint | Point | readonly HashInput[];

function toJson(value: HashInput): JsonValue {
  if (typeof value === "bigint") return value.toString();
  if (value instanceof PointClass) return pointToWire(value);
  if (Array.isArray(value)) return (value as readonly HashInput[]).map(toJson);
  return value as JsonValue;
}

/**
 * The challenge hash Hs(tag, data): SHA-512 of the RFC 8785 canonical JSON of `{ tag, data }`
 * (bigints as decimal strings, points as [x, y]), big-endian, mod l.
 */
export function hashToScalar(tag: string, data: readonly HashInput[]): bigint {
  const digest = sha512(canonicalBytes({ tag, data: data.map(toJson) }));
  return BigInt(`0x${bytesToHex(digest)}`) % ORDER_L;
}
