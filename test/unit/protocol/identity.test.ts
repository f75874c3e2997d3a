import { Identity as SemaphoreIdentity } from "@semaphore-protocol/identity";
import { createIdentity, exportIdentity, importIdentity } from "../../../protocol/identity";
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
