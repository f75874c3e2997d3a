import { groth16 } from "snarkjs";
import { poseidon2 } from "poseidon-lite/poseidon2";
import type { CensusProof } from "./census";
import { PUBLIC_SIGNAL_COUNT, SIGNAL, VOTE_OPTIONS, VOTE_VALUE_BITS } from "./constants";
import { formatFieldElement, isCanonicalFieldElement, requireFieldElement } from "./field";
import type { Identity } from "./identity";
import {
  areCircuitRulesInRange,
  padVotes,
  requireValidRules,
  votesProblems,
  type BallotRules,
  type CircuitRules,
} from "./rules";

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

/** The wasm witness generator and proving key, as bytes or (Node only) file paths. */
export interface ProvingArtifacts {
  wasm: Uint8Array | string;
  zkey: Uint8Array | string;
}

/** A ballot's public signals, decoded. */
export interface BallotStatement {
  censusRoot: bigint;
  referendumId: bigint;
  nullifier: bigint;
  votes: number[];
  rules: CircuitRules;
}

/** The ballot circuit's input signals. */
export type BallotCircuitInputs = Record<string, string | string[]>;

/** Nullifier of an identity in a referendum: Poseidon(referendumId, secretScalar), as the circuit computes it. */
export function computeNullifier(referendumId: bigint, secretScalar: bigint): bigint {
  return poseidon2([requireFieldElement(referendumId, "referendumId"), secretScalar]);
}

/**
 * The circuit inputs for a ballot, unchecked: tests use it to feed the
 * circuit what `proveBallot` would refuse.
 */
export function ballotInputs(
  identity: Identity,
  censusProof: CensusProof,
  referendumId: bigint,
  votes: readonly (number | bigint)[],
  rules: CircuitRules,
): BallotCircuitInputs {
  const str = (value: number | bigint): string => value.toString();
  return {
    censusRoot: str(censusProof.root),
    referendumId: str(referendumId),
    nullifier: str(computeNullifier(referendumId, identity.secretScalar)),
    vote: votes.map(str),
    maxValue: str(rules.maxValue),
    minTotal: str(rules.minTotal),
    maxTotal: str(rules.maxTotal),
    costExponent: str(rules.costExponent),
    secret: str(identity.secretScalar),
    merkleProofLength: str(censusProof.length),
    merkleProofIndex: str(censusProof.index),
    merkleProofSiblings: censusProof.siblings.map(str),
  };
}

/** Proves raw circuit inputs; throws when the witness cannot be generated (inputs break a constraint). */
export async function proveBallotInputs(inputs: BallotCircuitInputs, artifacts: ProvingArtifacts): Promise<Ballot> {
  const { proof, publicSignals } = await groth16.fullProve(inputs, artifacts.wasm, artifacts.zkey);
  return { proof, publicSignals };
}

/**
 * Makes an anonymous ballot: a proof that the identity is in the census, its
 * nullifier for the referendum, and votes that obey the rules.
 * @param votes one entry per option in use (padded with zeros) or all VOTE_OPTIONS slots.
 * @throws TypeError when the rules or votes are invalid, before any proving work.
 */
export async function proveBallot(
  identity: Identity,
  censusProof: CensusProof,
  referendumId: bigint,
  votes: readonly number[],
  rules: BallotRules,
  artifacts: ProvingArtifacts,
): Promise<Ballot> {
  requireValidRules(rules);
  const padded = padVotes(votes);
  const problems = votesProblems(padded, rules);
  if (problems.length > 0) throw new TypeError(`invalid votes: ${problems.join("; ")}`);
  if (censusProof.leaf !== identity.commitment) throw new TypeError("census proof is not for this identity");
  return proveBallotInputs(ballotInputs(identity, censusProof, referendumId, padded, rules), artifacts);
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
  return {
    censusRoot: at(SIGNAL.censusRoot),
    referendumId: at(SIGNAL.referendumId),
    nullifier: at(SIGNAL.nullifier),
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
  statement.votes.forEach((vote, i) => (signals[SIGNAL.vote + i] = vote.toString()));
  signals[SIGNAL.maxValue] = statement.rules.maxValue.toString();
  signals[SIGNAL.minTotal] = statement.rules.minTotal.toString();
  signals[SIGNAL.maxTotal] = statement.rules.maxTotal.toString();
  signals[SIGNAL.costExponent] = statement.rules.costExponent.toString();
  return signals;
}
