import { derivePublicKey, deriveSecretScalar } from "@zk-kit/eddsa-poseidon";
import { poseidon2 } from "poseidon-lite/poseidon2";

/** A voter's identity, Semaphore v4 compatible. Only `commitment` ever leaves the device. */
export interface Identity {
  /** 32 random bytes; the recovery code is their base64 form. */
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

/** The recovery code: the private key in base64, the same text as Semaphore's `Identity.export()`. */
export function exportIdentity(identity: Identity): string {
  let binary = "";
  for (const byte of identity.privateKey) binary += String.fromCharCode(byte);
  return btoa(binary);
}

const BASE64 = /^[A-Za-z0-9+/]{43}=$/;

/**
 * Restores an identity from its recovery code (also accepts a Semaphore v4 export of a 32-byte key).
 * @throws TypeError `recovery code is not valid` for anything but the base64 of 32 bytes.
 */
export function importIdentity(recoveryCode: string): Identity {
  const code = recoveryCode.trim();
  if (!BASE64.test(code)) throw new TypeError("recovery code is not valid");
  return createIdentity(Uint8Array.from(atob(code), (c) => c.charCodeAt(0)));
}
