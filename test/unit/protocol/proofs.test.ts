import { G, IDENTITY, ORDER_L, mulG, randomScalar } from "../../../protocol/babyjub";
import {
  proofFromWire,
  proofToWire,
  proofWire,
  proveEqualLogs,
  proveKnowledge,
  sign,
  verifyEqualLogs,
  verifyKnowledge,
  verifySignature,
} from "../../../protocol/proofs";

const ctx = { tag: "bling/test", data: ["42", 1] };

describe("# Schnorr proof of knowledge", () => {
  const x = randomScalar();
  const X = mulG(x);

  it("- verifies in its own context only", () => {
    const proof = proveKnowledge(x, ctx);
    expect(verifyKnowledge(X, proof, ctx)).toBe(true);
    expect(verifyKnowledge(X, proof, { tag: "bling/test", data: ["43", 1] })).toBe(false);
    expect(verifyKnowledge(X, proof, { tag: "bling/test", data: ["42", 2] })).toBe(false);
    expect(verifyKnowledge(X, proof, { tag: "bling/other", data: ["42", 1] })).toBe(false);
  });

  it("- does not verify for another point or a tampered proof", () => {
    const proof = proveKnowledge(x, ctx);
    expect(verifyKnowledge(X.add(G), proof, ctx)).toBe(false);
    expect(verifyKnowledge(X, { ...proof, response: (proof.response + 1n) % ORDER_L }, ctx)).toBe(false);
    expect(verifyKnowledge(X, { ...proof, challenge: (proof.challenge + 1n) % ORDER_L }, ctx)).toBe(false);
  });

  it("- refuses to prove knowledge of 0", () => {
    expect(() => proveKnowledge(ORDER_L, ctx)).toThrow(new RangeError("the secret must not be 0 mod l"));
  });
});

describe("# Schnorr signature", () => {
  const sk = randomScalar();
  const pk = mulG(sk);

  it("- verifies the signed message under its key and tag only", () => {
    const signature = sign(sk, "bling/trustee-message", ["42", "ack", { dealer: 1 }]);
    expect(verifySignature(pk, "bling/trustee-message", ["42", "ack", { dealer: 1 }], signature)).toBe(true);
    expect(verifySignature(pk, "bling/trustee-message", ["42", "ack", { dealer: 2 }], signature)).toBe(false);
    expect(verifySignature(pk, "bling/other", ["42", "ack", { dealer: 1 }], signature)).toBe(false);
    expect(verifySignature(mulG(sk + 1n), "bling/trustee-message", ["42", "ack", { dealer: 1 }], signature)).toBe(
      false,
    );
  });

  it("- is not a proof of knowledge with the message as context, nor the reverse", () => {
    const signature = sign(sk, ctx.tag, ctx.data);
    expect(verifyKnowledge(pk, signature, ctx)).toBe(false);
    expect(verifySignature(pk, ctx.tag, ctx.data, proveKnowledge(sk, ctx))).toBe(false);
  });

  it("- refuses the zero key and the identity public key", () => {
    expect(() => sign(0n, "t", [])).toThrow(new RangeError("the secret key must not be 0 mod l"));
    expect(verifySignature(IDENTITY, "t", [], { challenge: 0n, response: 0n })).toBe(false);
  });
});

describe("# Chaum–Pedersen", () => {
  const x = randomScalar();
  const g2 = mulG(randomScalar());
  const statement = { g1: G, h1: mulG(x), g2, h2: g2.multiply(x) };

  it("- verifies equal logs in its own context", () => {
    const proof = proveEqualLogs(x, statement, ctx);
    expect(verifyEqualLogs(statement, proof, ctx)).toBe(true);
    expect(verifyEqualLogs(statement, proof, { ...ctx, data: ["43", 1] })).toBe(false);
  });

  it("- does not verify unequal logs, even with the prover's help", () => {
    const bad = { ...statement, h2: statement.h2.add(G) };
    expect(verifyEqualLogs(bad, proveEqualLogs(x, bad, ctx), ctx)).toBe(false);
    const proof = proveEqualLogs(x, statement, ctx);
    expect(verifyEqualLogs({ ...statement, g2: g2.add(G) }, proof, ctx)).toBe(false);
  });

  it("- works when the second base is O (an empty aggregate)", () => {
    const empty = { g1: G, h1: mulG(x), g2: IDENTITY, h2: IDENTITY };
    expect(verifyEqualLogs(empty, proveEqualLogs(x, empty, ctx), ctx)).toBe(true);
  });
});

describe("# proof wire form", () => {
  it("- round-trips and refuses bad scalars", () => {
    const proof = proveKnowledge(5n, ctx);
    const wire = proofToWire(proof);
    expect(proofWire.parse(wire)).toEqual(wire);
    expect(proofFromWire(wire, "p")).toEqual(proof);
    expect(() => proofFromWire(null, "p")).toThrow(new TypeError("p must be { challenge, response }"));
    expect(() => proofFromWire({ challenge: "1", response: ORDER_L.toString() }, "p")).toThrow(
      new TypeError("p.response must be a scalar: canonical decimal below the group order l"),
    );
    expect(() => proofFromWire({ challenge: "01", response: "1" }, "p")).toThrow(/p\.challenge/);
  });
});
