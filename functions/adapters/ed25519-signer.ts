/**
 * The log's Ed25519 signing key (RFC 8032): the private key comes from the deployment's secret.
 * Signs with node:crypto (OpenSSL), about 20x faster than a pure-JS signer on the ballot path;
 * Ed25519 is deterministic, so the signatures are the same bytes any RFC 8032 signer makes.
 */
import { createPrivateKey, createPublicKey, sign } from "node:crypto";
import { bytesToHex } from "@noble/hashes/utils.js";
import type { LogSigner } from "../core/ports";

// PKCS#8 wrapping of a raw 32-byte Ed25519 seed (RFC 8410): node:crypto takes keys in DER.
const PKCS8_ED25519_PREFIX = Buffer.from("302e020100300506032b657004220420", "hex");
const SPKI_ED25519_PREFIX_LENGTH = 12;

export function createLogSigner(privateKey: Uint8Array): LogSigner {
  if (privateKey.length !== 32) throw new TypeError("an Ed25519 private key is 32 bytes");
  const key = createPrivateKey({
    key: Buffer.concat([PKCS8_ED25519_PREFIX, privateKey]),
    format: "der",
    type: "pkcs8",
  });
  const spki = createPublicKey(key).export({ format: "der", type: "spki" });
  return {
    publicKeyHex: bytesToHex(spki.subarray(SPKI_ED25519_PREFIX_LENGTH)),
    sign: (message) => new Uint8Array(sign(null, message, key)),
  };
}
