/**
 * How a referendum is counted: over the latest revision of each nullifier's ballot in the log, with
 * the root of the sorted set of counted nullifiers. Public and pure, so the service's tally and an
 * observer's recount (`bling verify`) run this one implementation.
 */
import { bytesToHex } from "@noble/hashes/utils.js";
import { z } from "./zod";
import { VOTE_OPTIONS } from "./constants";
import { decodeBallotStatement } from "./statement";
import { leafHash, rootOf } from "./transparency-log";
import type { BallotEntry } from "./log-objects";
import { canonicalDecimal, hex32 } from "./wire";

const count = z.int().min(0);

/** A published tally (`GET /referenda/{id}/tally`); hashes are lowercase hex without 0x. */
export const tallyResult = z.object({
  /** Per option slot, in decimal (the recount sums bigints). */
  counts: z.array(canonicalDecimal),
  ballots: count,
  voters: count,
  logSize: count,
  logRoot: hex32,
  nullifierSetRoot: hex32,
});
export type TallyResult = z.infer<typeof tallyResult>;

/** A nullifier as the 32-byte big-endian leaf of the nullifier-set tree. */
export function nullifierBytes(nullifier: bigint): Uint8Array {
  const hex = nullifier.toString(16).padStart(64, "0");
  return Uint8Array.from(hex.match(/../g) ?? [], (byte) => parseInt(byte, 16));
}

/** Root (hex) of the RFC 6962 tree over the sorted nullifiers' 32-byte leaves. */
export function nullifierSetRoot(nullifiers: Iterable<bigint>): string {
  const sorted = [...nullifiers].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  return bytesToHex(rootOf(sorted.map((n) => leafHash(nullifierBytes(n)))));
}

/**
 * Counts and the nullifier-set root over log entries in log order: for each nullifier the entry
 * with the highest revision counts.
 * @throws Error when an entry's public signals do not decode (the service never logs one).
 */
export function computeTally(entries: readonly { entry: BallotEntry }[]): Omit<TallyResult, "logSize" | "logRoot"> {
  const latest = new Map<bigint, { revision: number; votes: number[] }>();
  for (const { entry } of entries) {
    const statement = decodeBallotStatement(entry.ballot.publicSignals);
    if (!statement) throw new Error(`log entry of ${entry.referendumId} has an invalid statement`);
    // The revision the proof binds, not the entry's word for it.
    const known = latest.get(statement.nullifier);
    if (!known || statement.revision > known.revision) {
      latest.set(statement.nullifier, { revision: statement.revision, votes: statement.votes });
    }
  }
  const counts = Array.from({ length: VOTE_OPTIONS }, () => 0n);
  for (const { votes } of latest.values()) votes.forEach((vote, i) => (counts[i] = (counts[i] ?? 0n) + BigInt(vote)));
  return {
    counts: counts.map(String),
    ballots: entries.length,
    voters: latest.size,
    nullifierSetRoot: nullifierSetRoot(latest.keys()),
  };
}
