/** Single-use registration codes: printed on polling-card letters, stored only as a keyed hash. */
import { hmac } from "@noble/hashes/hmac.js";
import { sha256 } from "@noble/hashes/sha2.js";
import { bytesToHex } from "@noble/hashes/utils.js";

// Crockford's base32: no I, L, O or U, so a code read off paper is hard to mistype.
const ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";
const CODE_BYTES = 10; // 80 bits: 16 characters

/** A fresh code such as `7K2M-QX9D-4HTB-0WRE` from 10 random bytes. */
export function formatCode(random: Uint8Array): string {
  let bits = 0;
  let value = 0;
  let text = "";
  for (const byte of random.subarray(0, CODE_BYTES)) {
    value = (value << 8) | byte;
    bits += 8;
    while (bits >= 5) {
      text += ALPHABET.charAt((value >> (bits - 5)) & 31);
      bits -= 5;
    }
    value &= (1 << bits) - 1;
  }
  return (text.match(/.{4}/g) ?? []).join("-");
}

export const CODE_RANDOM_BYTES = CODE_BYTES;

/** The code as typed, normalized: case, dashes and spaces ignored, I/L read as 1 and O as 0. Null if it cannot be a code. */
export function normalizeCode(typed: string): string | null {
  const text = typed.toUpperCase().replace(/[\s-]/g, "").replace(/[IL]/g, "1").replace(/O/g, "0");
  return /^[0-9A-HJKMNP-TV-Z]{16}$/.test(text) ? text : null;
}

/** HMAC-SHA256 of the normalized code, bound to its census: a leaked table reveals no usable code. */
export function hashCode(key: Uint8Array, censusId: string, normalizedCode: string): string {
  return bytesToHex(hmac(sha256, key, new TextEncoder().encode(`${censusId}:${normalizedCode}`)));
}
