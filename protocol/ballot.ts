import { groth16 } from "snarkjs";
import type { CensusProof } from "./census";
import { MAX_REVISION } from "./constants";
import type { Identity } from "./identity";
import { computeNullifier, type Ballot } from "./statement";
import { padVotes, requireValidRules, votesProblems, type BallotRules, type CircuitRules } from "./rules";

export {
  computeNullifier,
  decodeBallotStatement,
  encodeBallotStatement,
  isWellFormedProof,
  type Ballot,
  type BallotStatement,
  type Groth16Proof,
  type VerificationKey,
} from "./statement";

/** The wasm witness generator and proving key, as bytes or (Node only) file paths. */
export interface ProvingArtifacts {
  wasm: Uint8Array | string;
  zkey: Uint8Array | string;
}

/** The ballot circuit's input signals. */
export type BallotCircuitInputs = Record<string, string | string[]>;

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
  revision: number | bigint = 1,
): BallotCircuitInputs {
  const str = (value: number | bigint): string => value.toString();
  return {
    censusRoot: str(censusProof.root),
    referendumId: str(referendumId),
    nullifier: str(computeNullifier(referendumId, identity.secretScalar)),
    revision: str(revision),
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
 * @param revision 1 for the identity's first ballot in the referendum, last + 1 for a re-vote
 *   (the service answers the next one for a nullifier).
 * @throws TypeError when the rules, votes or revision are invalid, before any proving work.
 */
export async function proveBallot(
  identity: Identity,
  censusProof: CensusProof,
  referendumId: bigint,
  votes: readonly number[],
  rules: BallotRules,
  artifacts: ProvingArtifacts,
  revision = 1,
): Promise<Ballot> {
  requireValidRules(rules);
  if (!Number.isSafeInteger(revision) || revision < 1 || revision > MAX_REVISION)
    throw new TypeError(`revision must be an integer from 1 to ${MAX_REVISION}`);
  const padded = padVotes(votes);
  const problems = votesProblems(padded, rules);
  if (problems.length > 0) throw new TypeError(`invalid votes: ${problems.join("; ")}`);
  if (censusProof.leaf !== identity.commitment) throw new TypeError("census proof is not for this identity");
  return proveBallotInputs(ballotInputs(identity, censusProof, referendumId, padded, rules, revision), artifacts);
}
