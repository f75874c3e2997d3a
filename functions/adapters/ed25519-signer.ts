/** The log's Ed25519 signing key (RFC 8032, noble): the private key comes from the deployment's secret. */
import { ed25519 } from "@noble/curves/ed25519";
import { bytesToHex } from "@noble/hashes/utils";
import type { LogSigner } from "../core/ports";

export function createLogSigner(privateKey: Uint8Array): LogSigner {
  if (privateKey.length !== 32) throw new TypeError("an Ed25519 private key is 32 bytes");
  const key = privateKey.slice();
  return {
    publicKeyHex: bytesToHex(ed25519.getPublicKey(key)),
    sign: (message) => ed25519.sign(message, key),
  };
}
