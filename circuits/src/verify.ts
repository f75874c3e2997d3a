import { groth16 } from "snarkjs";
import { BASE_FIELD_SIZE } from "./constants";
import { isCanonicalDecimalBelow } from "./field";
import { decodeBallotStatement, type Ballot, type Groth16Proof, type VerificationKey } from "./ballot";

const isCoordinate = (value: unknown): boolean => isCanonicalDecimalBelow(value, BASE_FIELD_SIZE);

const isCoordinateList = (value: unknown, length: number): value is unknown[] =>
  Array.isArray(value) && value.length === length && value.every(isCoordinate);

/** Whether a value has the shape of a snarkjs Groth16 proof with canonical coordinates. */
export function isWellFormedProof(proof: unknown): proof is Groth16Proof {
  if (typeof proof !== "object" || proof === null) return false;
  const { pi_a, pi_b, pi_c, protocol, curve } = proof as Record<string, unknown>;
  return (
    protocol === "groth16" &&
    curve === "bn128" &&
    isCoordinateList(pi_a, 3) &&
    isCoordinateList(pi_c, 3) &&
    Array.isArray(pi_b) &&
    pi_b.length === 3 &&
    pi_b.every((pair) => isCoordinateList(pair, 2))
  );
}

/**
 * Whether a ballot (anything, as it arrived) is valid for the verification key: well-formed, canonical
 * public signals with in-range rule values, and a proof that verifies.
 * Never throws for bad input; returns false.
 */
export async function verifyBallot(vk: VerificationKey, ballot: unknown): Promise<boolean> {
  // Callers may pass whatever arrived on the wire.
  if (typeof ballot !== "object" || ballot === null) return false;
  const { proof, publicSignals } = ballot as Partial<Record<keyof Ballot, unknown>>;
  if (!isWellFormedProof(proof) || decodeBallotStatement(publicSignals) === null) return false;
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
