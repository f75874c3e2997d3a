import { Identity as SemaphoreIdentity } from "@semaphore-protocol/identity";
import { createIdentity, exportIdentity, exportRecoveryCode, importIdentity } from "../../../protocol/identity";
import { identityFromSeed } from "../../fixtures/ballot-fixtures";

describe("# createIdentity", () => {
  it.each(["alice", "bob", "carol", "pinned-voter"])(
    "should derive the same keys and commitment as @semaphore-protocol/identity (%s)",
    (seed) => {
      const ours = identityFromSeed(seed);
      const theirs = new SemaphoreIdentity(Buffer.from(ours.privateKey));
      expect(ours.secretScalar).toBe(theirs.secretScalar);
      expect(ours.publicKey).toEqual([...theirs.publicKey]);
      expect(ours.commitment).toBe(theirs.commitment);
    },
  );

  it("should match the pinned commitment of a fixed key", () => {
    expect(identityFromSeed("pinned-voter").commitment).toBe(
      8314990013602833765886340155287084961431268197259220752641851829146693239505n,
    );
  });

  it("should draw a fresh private key each time without one", () => {
    const a = createIdentity();
    const b = createIdentity();
    expect(a.privateKey).toHaveLength(32);
    expect(a.commitment).not.toBe(b.commitment);
  });

  it("should reject a private key that is not 32 bytes", () => {
    expect(() => createIdentity(new Uint8Array(31))).toThrow("privateKey must be 32 bytes");
  });

  it("should not share the caller's key buffer", () => {
    const key = new Uint8Array(32).fill(7);
    const identity = createIdentity(key);
    key.fill(0);
    expect(identity.privateKey[0]).toBe(7);
  });
});

describe("# exportIdentity / importIdentity", () => {
  it("should restore the same identity from its recovery code", () => {
    const identity = identityFromSeed("recover-me");
    const restored = importIdentity(exportIdentity(identity));
    expect(restored.commitment).toBe(identity.commitment);
    expect(restored.secretScalar).toBe(identity.secretScalar);
  });

  it("should write the same recovery code as Semaphore's export, and read Semaphore's", () => {
    const identity = identityFromSeed("interop");
    const semaphore = new SemaphoreIdentity(Buffer.from(identity.privateKey));
    expect(exportIdentity(identity)).toBe(semaphore.export());
    expect(importIdentity(semaphore.export()).commitment).toBe(semaphore.commitment);
    expect(SemaphoreIdentity.import(exportIdentity(identity)).commitment).toBe(identity.commitment);
  });

  it("should accept surrounding white space", () => {
    const identity = identityFromSeed("spaces");
    expect(importIdentity(`  ${exportIdentity(identity)}\n`).commitment).toBe(identity.commitment);
  });

  it.each(["", "not a code", "AAAA", "A".repeat(43), `${"A".repeat(44)}=`])("should reject %p", (code) => {
    expect(() => importIdentity(code)).toThrow("recovery code is not valid");
  });
});

describe("# exportRecoveryCode", () => {
  const identity = identityFromSeed("grouped");
  const code = exportRecoveryCode(identity);

  it("should write 14 groups of 4 characters without look-alikes", () => {
    expect(code).toMatch(/^[0-9A-HJKMNP-TV-Z]{4}(-[0-9A-HJKMNP-TV-Z]{4}){13}$/);
  });

  it("should restore the same identity, typed loosely (case, spaces, O for 0, I or L for 1)", () => {
    expect(importIdentity(code).commitment).toBe(identity.commitment);
    const loose = code.toLowerCase().replace(/-/g, " ").replace(/0/g, "o").replace(/1/g, "l");
    expect(importIdentity(`\n${loose} `).commitment).toBe(identity.commitment);
  });

  it("should refuse every code with one character changed", () => {
    const plain = code.replace(/-/g, "");
    const alphabet = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";
    for (let i = 0; i < plain.length; i++) {
      const other = alphabet[(alphabet.indexOf(plain[i] ?? "0") + 7) % 32] ?? "0";
      const typo = plain.slice(0, i) + other + plain.slice(i + 1);
      expect(() => importIdentity(typo)).toThrow("recovery code has a typo");
    }
  });

  it("should refuse two swapped neighbours and a missing character", () => {
    const plain = code.replace(/-/g, "");
    let i = 0;
    while (plain[i] === plain[i + 1]) i++;
    const swapped = plain.slice(0, i) + (plain[i + 1] ?? "") + (plain[i] ?? "") + plain.slice(i + 2);
    expect(() => importIdentity(swapped)).toThrow("recovery code has a typo");
    expect(() => importIdentity(plain.slice(1))).toThrow("recovery code is not valid");
  });

  it("should still restore a code of the first (base64) format", () => {
    expect(importIdentity(exportIdentity(identity)).commitment).toBe(identity.commitment);
  });
});
