/**
 * How a secret-ballot referendum is counted (SECRET-BALLOT.md "Counting"): the counted ballots are
 * the latest revision of each nullifier in the sealed log, their ciphertexts are summed slot by
 * slot, and the totals come out of t trustees' partial decryptions of that aggregate only. Pure and
 * public: the service, the trustee tool and observers run this one implementation.
 */
import { pointFromWire, type Point } from "./babyjub";
import { ciphertextFromSignals, ciphertextToSignals, sumCiphertexts, type Ciphertext } from "./elgamal";
import { publicShareOf } from "./trustee-transcript";
import type { SpecTrustees } from "./trustee-transcript";
import { combinePartials, partialDecryptionWire, verifyPartialDecryption, type PartialDecryption } from "./threshold";
import { decodeSealedStatement } from "./sealed-statement";
import type { BallotEntry } from "./log-objects";
import { nullifierSetRoot } from "./tally-rules";

export { sealedTallyRecord, type SealedTallyRecord } from "./tally-rules";

/** The ballots a sealed log counts, summed: everything about the tally but the decryption. */
export interface SealedAggregate {
  aggregate: Ciphertext[];
  ballots: number;
  voters: number;
  nullifierSetRoot: string;
}

/**
 * Sums the ciphertexts of the latest revision of each nullifier, in log order.
 * @throws Error when an entry's public signals do not decode (the service never logs one).
 */
export function sealedAggregate(entries: readonly { entry: BallotEntry }[], slots: number): SealedAggregate {
  const latest = new Map<bigint, { revision: number; ciphertexts: Ciphertext[] }>();
  for (const { entry } of entries) {
    // Curve-checked only: a subgroup check per point would take hours for a large log, and a
    // small-order part can only come from a ballot whose proof fails (the audit checks every one);
    // partialDecrypt refuses an aggregate outside the subgroup, which is all a trustee needs.
    const statement = decodeSealedStatement(entry.ballot.publicSignals, slots, { proven: true });
    if (!statement) throw new Error(`log entry of ${entry.referendumId} has an invalid sealed statement`);
    // The revision the proof binds, not the entry's word for it.
    const known = latest.get(statement.nullifier);
    if (!known || statement.revision > known.revision)
      latest.set(statement.nullifier, { revision: statement.revision, ciphertexts: statement.ciphertexts });
  }
  return {
    aggregate: sumCiphertexts(
      [...latest.values()].map((ballot) => ballot.ciphertexts),
      slots,
    ),
    ballots: entries.length,
    voters: latest.size,
    nullifierSetRoot: nullifierSetRoot(latest.keys()),
  };
}

/** The largest total any slot can reach: every counted ballot giving it maxValue. */
export function sealedBound(voters: number, maxValue: number): bigint {
  return BigInt(voters) * BigInt(maxValue);
}

export const aggregateToWire = (aggregate: readonly Ciphertext[]): string[][] => aggregate.map(ciphertextToSignals);

export function aggregateFromWire(wire: readonly (readonly string[])[]): Ciphertext[] {
  return wire.map((signals, slot) => ciphertextFromSignals(signals, `aggregate[${slot}]`));
}

/** Y_m of every trustee, from the commitments the spec carries. */
export function publicSharesOf(trustees: SpecTrustees): Map<number, Point> {
  return new Map(trustees.members.map(({ index }) => [index, publicShareOf(trustees, index)]));
}

/** Problems with a trustee's final partial decryption of the aggregate (empty when it verifies). */
export function finalPartialProblems(
  referendumId: string,
  trustees: SpecTrustees,
  aggregate: readonly Ciphertext[],
  partial: unknown,
): string[] {
  const parsed = partialDecryptionWire.safeParse(partial);
  if (!parsed.success) return ["the partial decryption is not well formed"];
  if (!trustees.members.some((m) => m.index === parsed.data.trustee))
    return [`trustee ${parsed.data.trustee} is not a trustee of this referendum`];
  return verifyPartialDecryption(referendumId, parsed.data, publicShareOf(trustees, parsed.data.trustee), aggregate);
}

/**
 * The totals per slot from the published partials (any t valid ones).
 * @throws Error naming how many valid partials there are when fewer than t, or when a total is out of bound.
 */
export function sealedCounts(
  referendumId: string,
  trustees: SpecTrustees,
  aggregate: readonly Ciphertext[],
  partials: readonly PartialDecryption[],
  bound: bigint,
): bigint[] {
  return combinePartials({
    referendumId,
    ciphertexts: aggregate,
    partials,
    publicShares: publicSharesOf(trustees),
    threshold: trustees.threshold,
    bound,
  });
}

/** The spec's election key as a point. */
export function electionKeyOf(trustees: SpecTrustees): Point {
  return pointFromWire(trustees.electionKey, "electionKey");
}
