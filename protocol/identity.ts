import { derivePublicKey, deriveSecretScalar } from "@zk-kit/eddsa-poseidon";
import { poseidon2 } from "poseidon-lite/poseidon2";
import { sha256 } from "@noble/hashes/sha2.js";

/** A voter's identity, Semaphore v4 compatible. Only `commitment` ever leaves the device. */
export interface Identity {
  /** 32 random bytes; the recovery code is their grouped base32 form with a checksum (exportRecoveryCode). */
  readonly privateKey: Uint8Array;
  /** EdDSA-Poseidon secret scalar derived from the private key (below the Baby Jubjub subgroup order). */
  readonly secretScalar: bigint;
  /** Baby Jubjub public key [Ax, Ay]. */
  readonly publicKey: readonly [bigint, bigint];
  /** Poseidon(Ax, Ay): the census leaf. */
  readonly commitment: bigint;
}

const PRIVATE_KEY_BYTES = 32;

/**
 * Builds the identity of a private key; without one, draws 32 bytes from the
 * platform CSPRNG (Web Crypto, present in browsers and Node 20).
 */
export function createIdentity(privateKey?: Uint8Array): Identity {
  const key = privateKey ?? crypto.getRandomValues(new Uint8Array(PRIVATE_KEY_BYTES));
  if (key.length !== PRIVATE_KEY_BYTES) throw new TypeError(`privateKey must be ${PRIVATE_KEY_BYTES} bytes`);
  const [ax, ay] = derivePublicKey(key);
  const publicKey = [ax, ay] as const;
  return {
    privateKey: Uint8Array.from(key),
    secretScalar: deriveSecretScalar(key),
    publicKey,
    commitment: poseidon2([ax, ay]),
  };
}

/**
 * The private key in base64, the same text as Semaphore's `Identity.export()`: the first recovery
 * code format, still in citizens' hands, and how other Semaphore tools exchange keys.
 */
export function exportIdentity(identity: Identity): string {
  let binary = "";
  for (const byte of identity.privateKey) binary += String.fromCharCode(byte);
  return btoa(binary);
}

// Crockford's base32 as on the registration letters: no I, L, O or U, so a code read off paper is hard to mistype.
const ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";
// 32 key bytes and 3 checksum bytes: 280 bits, exactly 56 characters, 14 groups of 4.
const CHECKSUM_BYTES = 3;
const CODE_CHARS = ((PRIVATE_KEY_BYTES + CHECKSUM_BYTES) * 8) / 5;

/** The first bytes of SHA-256 over the key, tagged so that no other hash of a key can be mistaken for it. */
function checksum(key: Uint8Array): Uint8Array {
  const tag = new TextEncoder().encode("bling-recovery-code");
  const data = new Uint8Array(tag.length + key.length);
  data.set(tag);
  data.set(key, tag.length);
  return sha256(data).subarray(0, CHECKSUM_BYTES);
}

function toBase32(bytes: Uint8Array): string {
  let bits = 0;
  let value = 0;
  let text = "";
  for (const byte of bytes) {
    value = ((value << 8) | byte) & 0xffff;
    bits += 8;
    while (bits >= 5) {
      text += ALPHABET.charAt((value >> (bits - 5)) & 31);
      bits -= 5;
    }
  }
  return text;
}

function fromBase32(text: string): Uint8Array {
  const bytes: number[] = [];
  let bits = 0;
  let value = 0;
  for (const char of text) {
    value = ((value << 5) | ALPHABET.indexOf(char)) & 0xffff;
    bits += 5;
    if (bits >= 8) {
      bytes.push((value >> (bits - 8)) & 255);
      bits -= 8;
    }
  }
  return Uint8Array.from(bytes);
}

/**
 * The recovery code a citizen writes down or prints: the private key and a 24-bit checksum in
 * Crockford's base32, in groups of four (`7K2M-QX9D-…`, 14 groups). A changed, missing or swapped
 * character is caught by the checksum instead of restoring some other key.
 */
export function exportRecoveryCode(identity: Identity): string {
  const bytes = new Uint8Array(PRIVATE_KEY_BYTES + CHECKSUM_BYTES);
  bytes.set(identity.privateKey);
  bytes.set(checksum(identity.privateKey), PRIVATE_KEY_BYTES);
  return (toBase32(bytes).match(/.{4}/g) ?? []).join("-");
}

const BASE64 = /^[A-Za-z0-9+/]{43}=$/;
const BASE32 = new RegExp(`^[0-9A-HJKMNP-TV-Z]{${CODE_CHARS}}$`);

/** A grouped code as typed: case, dashes and spaces ignored, I/L read as 1 and O as 0, U as V. */
function normalizeGroupedCode(code: string): string {
  return code.toUpperCase().replace(/[\s-]/g, "").replace(/[IL]/g, "1").replace(/O/g, "0").replace(/U/g, "V");
}

/**
 * Restores an identity from its recovery code: the grouped code of exportRecoveryCode, or the
 * base64 of the first format (also a Semaphore v4 export of a 32-byte key).
 * @throws TypeError `recovery code is not valid` for text that is neither, and
 * `recovery code has a typo` for a grouped code whose checksum does not match.
 */
export function importIdentity(recoveryCode: string): Identity {
  const code = recoveryCode.trim();
  if (BASE64.test(code)) return createIdentity(Uint8Array.from(atob(code), (c) => c.charCodeAt(0)));
  const grouped = normalizeGroupedCode(code);
  if (!BASE32.test(grouped)) throw new TypeError("recovery code is not valid");
  const bytes = fromBase32(grouped);
  const key = bytes.subarray(0, PRIVATE_KEY_BYTES);
  const expected = checksum(key);
  if (expected.some((byte, i) => byte !== bytes[PRIVATE_KEY_BYTES + i]))
    throw new TypeError("recovery code has a typo");
  return createIdentity(key);
}
