import { isCanonicalFieldElement, isWellFormedProof, PUBLIC_SIGNAL_COUNT, type Ballot } from "../../protocol";
import { SEALED_OPTION_COUNTS, sealedSignalLayout } from "../../protocol/constants";

/** The signal counts of the sealed circuits (19 for 2 slots, 43 for 8): what `verifySealedBallot` takes. */
export const SEALED_SIGNAL_COUNTS: readonly number[] = SEALED_OPTION_COUNTS.map((k) => sealedSignalLayout(k).count);

type Pair = [bigint, bigint];

/** A Groth16 proof in the layout the snarkjs Solidity verifier takes. */
export interface SolidityProof {
  a: Pair;
  b: [Pair, Pair];
  c: Pair;
}

/** A ballot as the registry's `verifyBallot` (or `verifySealedBallot`) takes it. */
export interface SolidityBallot extends SolidityProof {
  signals: bigint[];
}

// Only called after isWellFormedProof has checked every list's length.
const at = (values: readonly string[] | undefined, index: number): bigint =>
  BigInt((values as string[])[index] as string);

/**
 * The Solidity calldata of a ballot, as `snarkjs zkey export soliditycalldata` lays it out (the G2
 * coordinates of pi_b swapped), or null when the ballot is not well formed (wrong shape, a
 * non-canonical number, a signal count none of `signalCounts`): such a ballot can never be valid,
 * on chain or off.
 * @param signalCounts The signal counts the target function takes: the public-vote ballot's by default.
 */
export function toSolidityBallot(
  ballot: unknown,
  signalCounts: readonly number[] = [PUBLIC_SIGNAL_COUNT],
): SolidityBallot | null {
  if (typeof ballot !== "object" || ballot === null) return null;
  const { proof, publicSignals } = ballot as Partial<Record<keyof Ballot, unknown>>;
  if (!isWellFormedProof(proof)) return null;
  if (!Array.isArray(publicSignals) || !signalCounts.includes(publicSignals.length)) return null;
  if (!publicSignals.every(isCanonicalFieldElement)) return null;
  const [b0, b1] = proof.pi_b;
  return {
    a: [at(proof.pi_a, 0), at(proof.pi_a, 1)],
    b: [
      [at(b0, 1), at(b0, 0)],
      [at(b1, 1), at(b1, 0)],
    ],
    c: [at(proof.pi_c, 0), at(proof.pi_c, 1)],
    signals: publicSignals.map((signal) => BigInt(signal)),
  };
}
