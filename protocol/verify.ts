import { groth16 } from "snarkjs";
import { decodeSealedStatement } from "./sealed-statement";
import { decodeBallotStatement, isWellFormedProof, type Ballot, type VerificationKey } from "./statement";

/**
 * Whether a ballot (anything, as it arrived) is valid for the verification key: well-formed, canonical
 * public signals with in-range rule values, and a proof that verifies.
 * Never throws for bad input; returns false.
 */
export async function verifyBallot(vk: VerificationKey, ballot: unknown): Promise<boolean> {
  return verifyDecodable(vk, ballot, (signals) => decodeBallotStatement(signals) !== null);
}

/**
 * Whether a sealed ballot (protocol v2) of the K-slot circuit is valid for its verification key:
 * well-formed, public signals that `decodeSealedStatement` accepts (in-range rules and options,
 * subgroup key and ciphertexts) and a proof that verifies. The caller still compares the statement
 * with the referendum (census root, id, key, options, rules). Never throws for bad input.
 */
export async function verifySealedBallot(vk: VerificationKey, ballot: unknown, k: number): Promise<boolean> {
  return verifyDecodable(vk, ballot, (signals) => decodeSealedStatement(signals, k) !== null);
}

async function verifyDecodable(
  vk: VerificationKey,
  ballot: unknown,
  decodes: (publicSignals: unknown) => boolean,
): Promise<boolean> {
  // Callers may pass whatever arrived on the wire.
  if (typeof ballot !== "object" || ballot === null) return false;
  const { proof, publicSignals } = ballot as Partial<Record<keyof Ballot, unknown>>;
  if (!isWellFormedProof(proof) || !decodes(publicSignals)) return false;
  try {
    return await groth16.verify(vk, publicSignals as string[], proof);
  } catch {
    // snarkjs throws on points off the curve; to a verifier that is just an invalid proof.
    return false;
  }
}

/**
 * Stops the worker threads snarkjs starts for proving and verifying, so a
 * process (a test, a CLI run) can exit. Safe to call when none were started.
 */
export async function releaseProverThreads(): Promise<void> {
  const cached = (globalThis as { curve_bn128?: { terminate(): Promise<void> } }).curve_bn128;
  if (cached) {
    delete (globalThis as { curve_bn128?: unknown }).curve_bn128;
    await cached.terminate();
  }
}
