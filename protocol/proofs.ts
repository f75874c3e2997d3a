/**
 * Sigma proofs made non-interactive by Fiat–Shamir with Hs (SECRET-BALLOT.md): a Schnorr proof of
 * knowledge of a discrete log, Schnorr signatures, and the Chaum–Pedersen proof of equal discrete
 * logs. Proofs are `{ challenge, response }`: the verifier recomputes the commitments from them
 * (T = s·G − c·X) and checks that hashing them gives c back, which keeps a proof two scalars.
 * Every challenge hashes the proof kind, the caller's context (tag, referendum id, indices) and
 * every public point, so a proof made for one context or statement verifies in no other.
 * Browser-safe.
 */
import { z } from "./zod";
import {
  G,
  hashToScalar,
  modL,
  mul,
  mulPublic,
  randomScalar,
  scalarFromWire,
  scalarToWire,
  scalarWire,
  type HashInput,
  type Point,
} from "./babyjub";

/** What a proof is bound to: a domain tag ("bling/...") and data such as referendum id and indices. */
export interface ProofContext {
  tag: string;
  data: readonly HashInput[];
}

/** A proof on the wire: challenge c and response s as decimal scalars. */
export const proofWire = z.object({ challenge: scalarWire, response: scalarWire });
export type ProofWire = z.infer<typeof proofWire>;

/** A parsed proof. */
export interface Proof {
  challenge: bigint;
  response: bigint;
}

export function proofToWire(proof: Proof): ProofWire {
  return { challenge: scalarToWire(proof.challenge), response: scalarToWire(proof.response) };
}

/** @throws TypeError naming `name` unless `{ challenge, response }` are canonical scalars. */
export function proofFromWire(value: unknown, name: string): Proof {
  if (typeof value !== "object" || value === null) throw new TypeError(`${name} must be { challenge, response }`);
  const { challenge, response } = value as Record<string, unknown>;
  return {
    challenge: scalarFromWire(challenge, `${name}.challenge`),
    response: scalarFromWire(response, `${name}.response`),
  };
}

function challenge(kind: string, context: ProofContext, points: readonly Point[]): bigint {
  return hashToScalar(context.tag, [kind, [...context.data], ...points]);
}

/**
 * Proves knowledge of x with X = x·G, bound to `context`.
 * @throws RangeError when x is 0 mod l (X would be O: nothing to prove).
 */
export function proveKnowledge(secret: bigint, context: ProofContext): Proof {
  const x = modL(secret);
  if (x === 0n) throw new RangeError("the secret must not be 0 mod l");
  const w = randomScalar();
  const c = challenge("schnorr-pok", context, [G, mul(G, x), mul(G, w)]);
  return { challenge: c, response: modL(w + c * x) };
}

/** Whether `proof` shows knowledge of log_G X in `context`. */
export function verifyKnowledge(publicPoint: Point, proof: Proof, context: ProofContext): boolean {
  const t = recommit(G, publicPoint, proof);
  return challenge("schnorr-pok", context, [G, publicPoint, t]) === proof.challenge;
}

/** T = s·B − c·X: the commitment a valid proof was made with. */
function recommit(base: Point, publicPoint: Point, proof: Proof): Point {
  return mulPublic(base, proof.response).subtract(mulPublic(publicPoint, proof.challenge));
}

/**
 * A Schnorr signature by sk on `message` under the domain `tag`: a proof of knowledge of sk
 * whose context is the message, so it cannot pass for a proof of possession or another message.
 */
export function sign(secretKey: bigint, tag: string, message: readonly HashInput[]): Proof {
  const x = modL(secretKey);
  if (x === 0n) throw new RangeError("the secret key must not be 0 mod l");
  const w = randomScalar();
  const c = challenge("schnorr-signature", { tag, data: message }, [G, mul(G, x), mul(G, w)]);
  return { challenge: c, response: modL(w + c * x) };
}

/** Whether `signature` is publicKey's signature on `message` under `tag`. O never verifies. */
export function verifySignature(
  publicKey: Point,
  tag: string,
  message: readonly HashInput[],
  signature: Proof,
): boolean {
  if (publicKey.is0()) return false;
  const t = recommit(G, publicKey, signature);
  return challenge("schnorr-signature", { tag, data: message }, [G, publicKey, t]) === signature.challenge;
}

/** The statement log_{g1} h1 = log_{g2} h2. */
export interface EqualLogs {
  g1: Point;
  h1: Point;
  g2: Point;
  h2: Point;
}

/** Proves log_{g1} h1 = log_{g2} h2 = x (the caller passes h1 = x·g1, h2 = x·g2), bound to `context`. */
export function proveEqualLogs(secret: bigint, statement: EqualLogs, context: ProofContext): Proof {
  const w = randomScalar();
  const { g1, h1, g2, h2 } = statement;
  const c = challenge("chaum-pedersen", context, [g1, h1, g2, h2, mul(g1, w), mul(g2, w)]);
  return { challenge: c, response: modL(w + c * modL(secret)) };
}

/** Whether `proof` shows log_{g1} h1 = log_{g2} h2 in `context`. */
export function verifyEqualLogs(statement: EqualLogs, proof: Proof, context: ProofContext): boolean {
  const { g1, h1, g2, h2 } = statement;
  const t1 = recommit(g1, h1, proof);
  const t2 = recommit(g2, h2, proof);
  return challenge("chaum-pedersen", context, [g1, h1, g2, h2, t1, t2]) === proof.challenge;
}
