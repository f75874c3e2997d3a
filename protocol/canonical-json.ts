import canonicalize from "canonicalize";

/** A JSON value as RFC 8785 (JCS) canonicalizes it. */
export type JsonValue = null | boolean | number | string | JsonValue[] | { [key: string]: JsonValue };

const encoder = new TextEncoder();

/**
 * The RFC 8785 canonical JSON text of a value: what BLING hashes or signs (spec, ballot entry,
 * tree head), so any third party can recompute the bytes.
 * @throws TypeError for values JSON cannot represent canonically (NaN, Infinity, undefined, functions).
 */
export function canonicalJson(value: JsonValue): string {
  const text = canonicalize(value);
  if (typeof text !== "string") throw new TypeError("value has no canonical JSON form");
  return text;
}

/** UTF-8 bytes of `canonicalJson(value)`. */
export function canonicalBytes(value: JsonValue): Uint8Array {
  return encoder.encode(canonicalJson(value));
}
