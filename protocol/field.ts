import { SNARK_FIELD_SIZE } from "./constants";

const DECIMAL = /^(0|[1-9][0-9]*)$/;

/**
 * Whether `value` is the canonical decimal form of an integer in [0, bound):
 * digits only, no sign, no leading zero, no prefix.
 */
export function isCanonicalDecimalBelow(value: unknown, bound: bigint): value is string {
  // Anything longer than the bound is rejected before BigInt parses it, so a megabyte of digits costs nothing.
  if (typeof value !== "string" || value.length > bound.toString().length || !DECIMAL.test(value)) return false;
  return BigInt(value) < bound;
}

/** Whether `value` is the canonical decimal form of a field element (below p). */
export function isCanonicalFieldElement(value: unknown): value is string {
  return isCanonicalDecimalBelow(value, SNARK_FIELD_SIZE);
}

/**
 * Parses a field element from its canonical wire form.
 * @throws TypeError `<name> must be a canonical field element` otherwise.
 */
export function parseFieldElement(value: unknown, name: string): bigint {
  if (!isCanonicalFieldElement(value)) {
    throw new TypeError(`${name} must be a canonical field element (decimal, no leading zeros, below p)`);
  }
  return BigInt(value);
}

/**
 * Checks that a bigint is a field element (0 <= x < p).
 * @throws TypeError `<name> must be a field element` otherwise.
 */
export function requireFieldElement(value: bigint, name: string): bigint {
  if (value < 0n || value >= SNARK_FIELD_SIZE) throw new TypeError(`${name} must be a field element (0 <= x < p)`);
  return value;
}

/** Canonical wire form of a field element. */
export function formatFieldElement(value: bigint): string {
  return requireFieldElement(value, "value").toString();
}
