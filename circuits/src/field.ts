import { SNARK_FIELD_SIZE } from "./constants";

const DECIMAL = /^(0|[1-9][0-9]*)$/;

// p has 77 decimal digits; anything longer is rejected before BigInt parses it,
// so a megabyte of digits costs nothing.
const MAX_DIGITS = SNARK_FIELD_SIZE.toString().length;

/**
 * Whether `value` is the canonical decimal form of a field element:
 * digits only, no sign, no leading zero, no prefix, and below p.
 */
export function isCanonicalFieldElement(value: unknown): value is string {
  if (typeof value !== "string" || value.length > MAX_DIGITS || !DECIMAL.test(value)) return false;
  return BigInt(value) < SNARK_FIELD_SIZE;
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
