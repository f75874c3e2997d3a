/**
 * What a ballot states and how it travels: proof and public-signal shapes, decoding and encoding.
 * Free of snarkjs, so verifiers in worker threads and the browser load it without the prover.
 */
import { BASE_FIELD_SIZE, MAX_REVISION, PUBLIC_SIGNAL_COUNT, SIGNAL, VOTE_OPTIONS, VOTE_VALUE_BITS } from "./constants";
import { poseidon2 } from "poseidon-lite/poseidon2";
import { formatFieldElement, isCanonicalDecimalBelow, isCanonicalFieldElement, requireFieldElement } from "./field";
import { areCircuitRulesInRange, type CircuitRules } from "./rules";

/** Nullifier of an identity in a referendum: Poseidon(referendumId, secretScalar), as the circuit computes it. */
export function computeNullifier(referendumId: bigint, secretScalar: bigint): bigint {
  return poseidon2([requireFieldElement(referendumId, "referendumId"), secretScalar]);
}

/** A Groth16 proof as snarkjs writes it: coordinates as decimal strings. */
export interface Groth16Proof {
  pi_a: string[];
  pi_b: string[][];
  pi_c: string[];
  protocol: string;
  curve: string;
}

/** What a citizen submits: the proof and its public signals (layout: constants.SIGNAL). */
export interface Ballot {
  proof: Groth16Proof;
  publicSignals: string[];
}

/** The ballot circuit's verification key as `snarkjs zkey export verificationkey` writes it. */
export interface VerificationKey {
  protocol: string;
  curve: string;
  nPublic: number;
  [key: string]: unknown;
}

/** A ballot's public signals, decoded. */
export interface BallotStatement {
  censusRoot: bigint;
  referendumId: bigint;
  nullifier: bigint;
  /** Which ballot of this nullifier this is: 1 for the first, last + 1 for each re-vote. */
  revision: number;
  votes: number[];
  rules: CircuitRules;
}

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
 * Decodes a ballot's public signals; null when they are not PUBLIC_SIGNAL_COUNT
 * canonical field elements, or a vote or rule value is outside the range the
 * circuit's checks are sound for.
 */
export function decodeBallotStatement(publicSignals: unknown): BallotStatement | null {
  if (!Array.isArray(publicSignals) || publicSignals.length !== PUBLIC_SIGNAL_COUNT) return null;
  if (!publicSignals.every(isCanonicalFieldElement)) return null;
  const at = (i: number): bigint => BigInt(publicSignals[i] as string);
  const rules = {
    maxValue: Number(at(SIGNAL.maxValue)),
    minTotal: Number(at(SIGNAL.minTotal)),
    maxTotal: Number(at(SIGNAL.maxTotal)),
    costExponent: Number(at(SIGNAL.costExponent)) as 1 | 2,
  };
  // The circuit leaves these bounds of the public rule values to verifiers (see vote.circom).
  if (!areCircuitRulesInRange(rules)) return null;
  const votes = Array.from({ length: VOTE_OPTIONS }, (_, i) => at(SIGNAL.vote + i));
  // A vote the circuit cannot range-check can only belong to a proof that fails: refuse it before any pairing.
  if (votes.some((vote) => vote >= 1n << BigInt(VOTE_VALUE_BITS))) return null;
  const revision = at(SIGNAL.revision);
  if (revision < 1n || revision > BigInt(MAX_REVISION)) return null;
  return {
    censusRoot: at(SIGNAL.censusRoot),
    referendumId: at(SIGNAL.referendumId),
    nullifier: at(SIGNAL.nullifier),
    revision: Number(revision),
    votes: votes.map(Number),
    rules,
  };
}

/** The public signals of a statement, in circuit order. */
export function encodeBallotStatement(statement: BallotStatement): string[] {
  const signals = Array<string>(PUBLIC_SIGNAL_COUNT);
  signals[SIGNAL.censusRoot] = formatFieldElement(statement.censusRoot);
  signals[SIGNAL.referendumId] = formatFieldElement(statement.referendumId);
  signals[SIGNAL.nullifier] = formatFieldElement(statement.nullifier);
  signals[SIGNAL.revision] = statement.revision.toString();
  statement.votes.forEach((vote, i) => (signals[SIGNAL.vote + i] = vote.toString()));
  signals[SIGNAL.maxValue] = statement.rules.maxValue.toString();
  signals[SIGNAL.minTotal] = statement.rules.minTotal.toString();
  signals[SIGNAL.maxTotal] = statement.rules.maxTotal.toString();
  signals[SIGNAL.costExponent] = statement.rules.costExponent.toString();
  return signals;
}
