import { ed25519 } from "@noble/curves/ed25519.js";
import { bytesToHex, hexToBytes } from "@noble/hashes/utils.js";
import fc from "fast-check";
import { createLogSigner } from "../../../functions/adapters/ed25519-signer";

describe("# log signer (node:crypto Ed25519)", () => {
  it("- reproduces RFC 8032 test vector 1", () => {
    const signer = createLogSigner(hexToBytes("9d61b19deffd5a60ba844af492ec2cc44449c5697b326919703bac031cae7f60"));
    expect(signer.publicKeyHex).toBe("d75a980182b10ab7d54bfed3c964073a0ee172f3daa62325af021a68f707511a");
    expect(bytesToHex(signer.sign(new Uint8Array()))).toBe(
      "e5564300c360ac729086e2cc806e828a84877f1eb8e5d974d873e06522490155" +
        "5fb8821590a33bacc61e39701cf9b46bd25bf5f0595bbe24655141438e7a100b",
    );
  });

  it("- makes the same keys and signatures as noble, which clients verify with [fuzz]", () => {
    fc.assert(
      fc.property(
        fc.uint8Array({ minLength: 32, maxLength: 32 }),
        fc.uint8Array({ maxLength: 300 }),
        (seed, message) => {
          const signer = createLogSigner(seed);
          expect(signer.publicKeyHex).toBe(bytesToHex(ed25519.getPublicKey(seed)));
          const signature = signer.sign(message);
          expect(bytesToHex(signature)).toBe(bytesToHex(ed25519.sign(message, seed)));
          expect(ed25519.verify(signature, message, hexToBytes(signer.publicKeyHex))).toBe(true);
        },
      ),
      { numRuns: Number(process.env.FAST_CHECK_RUNS ?? 200) },
    );
  });

  it("- refuses a key that is not 32 bytes", () => {
    expect(() => createLogSigner(new Uint8Array(31))).toThrow(TypeError);
  });
});
