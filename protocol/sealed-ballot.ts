/**
 * Sealed ballots (protocol v2, SECRET-BALLOT.md): the v1.1 statement over private votes, each slot
 * sent as an exponential-ElGamal ciphertext under the referendum's election key.
 */
import { groth16 } from "snarkjs";
import { nonIdentityPointFromWire, pointToWire, randomScalar, type Point } from "./babyjub";
import type { ProvingArtifacts } from "./ballot";
import type { CensusProof } from "./census";
import { MAX_REVISION, sealedCircuitFor } from "./constants";
import { ballotRandomness, ciphertextToSignals, encrypt, encryptVotes, type Ciphertext } from "./elgamal";
import type { Identity } from "./identity";
import { padVotes, requireValidRules, votesProblems, type BallotRules } from "./rules";
import { computeNullifier, type Ballot } from "./statement";

/** The sealed ballot circuit's input signals (ciphertext is K rows of 4). */
export type SealedCircuitInputs = Record<string, string | string[] | string[][]>;

/** A proved sealed ballot. */
export interface SealedProof {
  ballot: Ballot;
  /** Slots of the circuit it was proved with (2 or 8): which verification key checks it. */
  slots: number;
  /** Slot i's ciphertext, as in the public signals. */
  ciphertexts: Ciphertext[];
}

/**
 * The circuit inputs for a sealed ballot, unchecked: tests use it to feed the circuit what
 * `proveSealedBallot` would refuse. Votes are padded with zeros to `slots`; each slot is encrypted
 * with r_i from the Poseidon chain of k, as the circuit recomputes it.
 */
export function sealedBallotInputs(
  identity: Identity,
  censusProof: CensusProof,
  referendumId: bigint,
  votes: readonly (number | bigint)[],
  rules: BallotRules,
  electionKey: Point,
  k: bigint,
  revision: number | bigint,
  slots: number,
): SealedCircuitInputs {
  const padded = [...votes, ...Array<number>(Math.max(0, slots - votes.length)).fill(0)].map(BigInt);
  const randomness = ballotRandomness(k, padded.length);
  const ciphertexts = padded.map((vote, i) => encrypt(vote, randomness[i] ?? 0n, electionKey));
  return circuitInputs(identity, censusProof, referendumId, padded, rules, electionKey, k, revision, ciphertexts);
}

function circuitInputs(
  identity: Identity,
  censusProof: CensusProof,
  referendumId: bigint,
  votes: readonly (number | bigint)[],
  rules: BallotRules,
  electionKey: Point,
  k: bigint,
  revision: number | bigint,
  ciphertexts: readonly Ciphertext[],
): SealedCircuitInputs {
  const str = (value: number | bigint): string => value.toString();
  return {
    censusRoot: str(censusProof.root),
    referendumId: str(referendumId),
    nullifier: str(computeNullifier(referendumId, identity.secretScalar)),
    revision: str(revision),
    electionKey: pointToWire(electionKey),
    options: str(rules.options),
    maxValue: str(rules.maxValue),
    minTotal: str(rules.minTotal),
    maxTotal: str(rules.maxTotal),
    costExponent: str(rules.costExponent),
    ciphertext: ciphertexts.map(ciphertextToSignals),
    vote: votes.map(str),
    k: str(k),
    secret: str(identity.secretScalar),
    merkleProofLength: str(censusProof.length),
    merkleProofIndex: str(censusProof.index),
    merkleProofSiblings: censusProof.siblings.map(str),
  };
}

/** Proves raw circuit inputs; throws when the witness cannot be generated (inputs break a constraint). */
export async function proveSealedBallotInputs(
  inputs: SealedCircuitInputs,
  artifacts: ProvingArtifacts,
): Promise<Ballot> {
  const { proof, publicSignals } = await groth16.fullProve(inputs, artifacts.wasm, artifacts.zkey);
  return { proof, publicSignals };
}

/** Options of `proveSealedBallot`. */
export interface SealedBallotOptions {
  /** 1 for the identity's first ballot in the referendum, last + 1 for a re-vote. */
  revision?: number;
  /**
   * The encryption seed; drawn fresh when absent, as it must be for every real ballot. Whoever
   * holds it can recompute every r_i and so read the votes: it is never returned or stored.
   */
  seed?: bigint;
}

/**
 * Makes a sealed ballot: a proof that the identity is in the census, its nullifier and revision,
 * votes that obey the rules, and that each ciphertext encrypts its slot's vote under electionKey.
 * `artifacts` must be those of the circuit `sealedCircuitFor(rules.options)` names.
 * @param votes one entry per option in use (padded with zeros).
 * @throws TypeError when the rules, votes, revision, census proof or key are invalid, before any proving work.
 */
export async function proveSealedBallot(
  identity: Identity,
  censusProof: CensusProof,
  referendumId: bigint,
  votes: readonly number[],
  rules: BallotRules,
  electionKey: Point,
  artifacts: ProvingArtifacts,
  options: SealedBallotOptions = {},
): Promise<SealedProof> {
  requireValidRules(rules);
  const { revision = 1, seed = randomScalar() } = options;
  if (!Number.isSafeInteger(revision) || revision < 1 || revision > MAX_REVISION)
    throw new TypeError(`revision must be an integer from 1 to ${MAX_REVISION}`);
  const padded = padVotes(votes);
  const problems = votesProblems(padded, rules);
  if (problems.length > 0) throw new TypeError(`invalid votes: ${problems.join("; ")}`);
  if (censusProof.leaf !== identity.commitment) throw new TypeError("census proof is not for this identity");
  // The circuit's scalar multiplication is sound only for a subgroup key other than O.
  nonIdentityPointFromWire(pointToWire(electionKey), "electionKey");
  const slots = sealedCircuitFor(rules.options);
  // votesProblems has checked that every slot past `options` (so past `slots`) is 0.
  const used = padded.slice(0, slots);
  const ciphertexts = encryptVotes(used, electionKey, seed);
  const inputs = circuitInputs(
    identity,
    censusProof,
    referendumId,
    used,
    rules,
    electionKey,
    seed,
    revision,
    ciphertexts,
  );
  return { ballot: await proveSealedBallotInputs(inputs, artifacts), slots, ciphertexts };
}
