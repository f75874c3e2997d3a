/**
 * The tally: counts over the latest revision of each nullifier's ballot in the log, with the root
 * of the sorted set of counted nullifiers, so an observer can recompute both from the log alone.
 */
import { bytesToHex } from "@noble/hashes/utils";
import { decodeBallotStatement, leafHash, rootOf, VOTE_OPTIONS } from "../../circuits/src";
import { BlingError } from "../api/errors";
import { attributes } from "./item-fields";
import { keys } from "./keys";
import type { CoreDeps } from "./ports";
import { ownedReferendum, saveReferendum, type ReferendumRecord } from "./referendum-service";
import { readAllEntries, readHead, rootOfFrontier, type LogEntryRecord } from "./transparency-log-store";

export interface TallyResult {
  counts: string[];
  ballots: number;
  voters: number;
  logSize: number;
  logRoot: string;
  nullifierSetRoot: string;
}

/** A nullifier as the 32-byte big-endian leaf of the nullifier-set tree. */
function nullifierBytes(nullifier: bigint): Uint8Array {
  const hex = nullifier.toString(16).padStart(64, "0");
  return Uint8Array.from(hex.match(/../g) ?? [], (byte) => parseInt(byte, 16));
}

/** Counts and the nullifier-set root over log entries; pure, so observers run the same code. */
export function computeTally(entries: readonly LogEntryRecord[]): Omit<TallyResult, "logSize" | "logRoot"> {
  const latest = new Map<bigint, { revision: number; votes: number[] }>();
  for (const { entry } of entries) {
    const statement = decodeBallotStatement(entry.ballot.publicSignals);
    if (!statement) throw new Error(`log entry of ${entry.referendumId} has an invalid statement`);
    const known = latest.get(statement.nullifier);
    if (!known || entry.revision > known.revision) {
      latest.set(statement.nullifier, { revision: entry.revision, votes: statement.votes });
    }
  }
  const counts = Array.from({ length: VOTE_OPTIONS }, () => 0n);
  for (const { votes } of latest.values()) votes.forEach((vote, i) => (counts[i] = (counts[i] ?? 0n) + BigInt(vote)));
  const sorted = [...latest.keys()].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  return {
    counts: counts.map(String),
    ballots: entries.length,
    voters: latest.size,
    nullifierSetRoot: bytesToHex(rootOf(sorted.map((n) => leafHash(nullifierBytes(n))))),
  };
}

/**
 * Tallies a referendum after its closing time, once every accepted ballot is in the log.
 * Anchoring the tally is the anchor loop's job.
 */
export async function tallyReferendum(deps: CoreDeps, councilId: string, id: string): Promise<ReferendumRecord> {
  const record = await ownedReferendum(deps, councilId, id);
  if (record.state !== "open" && record.state !== "closed")
    throw new BlingError("REFERENDUM_STATE", "Only a closed referendum can be tallied.");
  if (!record.spec || deps.clock.now() < record.spec.closesAt * 1000) {
    throw new BlingError("REFERENDUM_STATE", "A referendum is tallied after its closing time.");
  }
  const queued = await deps.store.query(keys.queue(id), { prefix: "", limit: 1 });
  if (queued.length > 0) throw new BlingError("BUSY", "Ballots are still being added to the log; retry shortly.");
  const head = await readHead(deps, id);
  const tally: TallyResult = {
    ...computeTally(await readAllEntries(deps, id, head.size)),
    logSize: head.size,
    logRoot: rootOfFrontier(head.frontier),
  };
  await deps.store.put({ pk: keys.referendum(id), sk: "TALLY", ...(tally as unknown as Record<string, string>) });
  return saveReferendum(deps, { ...record, state: "tallied" });
}

export async function getTally(deps: CoreDeps, id: string): Promise<TallyResult> {
  const item = await deps.store.get(keys.referendum(id), "TALLY");
  if (!item) throw new BlingError("TALLY_NOT_READY");
  return attributes(item) as unknown as TallyResult;
}
