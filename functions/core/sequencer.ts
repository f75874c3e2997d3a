/**
 * The sequencer: one per referendum at a time (a lease item held by conditional writes), it moves
 * queued ballots into the log in order, stores the subtree hashes, and signs the new tree head.
 * Every step is safe to repeat, so a crash anywhere is repaired by the next run.
 */
import { keys } from "./keys";
import type { CoreDeps, TableItem } from "./ports";
import {
  appendToFrontier,
  entryItem,
  readHead,
  rootOfFrontier,
  signTreeHead,
  toEntryRecord,
  type LogEntryRecord,
} from "./transparency-log-store";
import { count, text } from "./item-fields";

export interface SequencerRun {
  /** False when another sequencer holds the lease. */
  leased: boolean;
  integrated: number;
  size: number;
}

/** Takes (or renews) the referendum's sequencer lease for `owner`. */
export async function acquireLease(deps: CoreDeps, id: string, owner: string, ttlMs: number): Promise<boolean> {
  const pk = keys.referendum(id);
  const now = deps.clock.now();
  const current = await deps.store.get(pk, keys.lease);
  if (current && current.owner !== owner && count(current, "expiresAt") > now) return false;
  const lease = { pk, sk: keys.lease, owner, expiresAt: now + ttlMs };
  return deps.store.put(
    lease,
    current ? { match: { owner: current.owner ?? null, expiresAt: current.expiresAt ?? null } } : { absent: true },
  );
}

export async function releaseLease(deps: CoreDeps, id: string, owner: string): Promise<void> {
  await deps.store.delete(keys.referendum(id), keys.lease, { match: { owner } });
}

/** Entries a crashed run wrote past the head: they are in the log already and are adopted, not re-appended. */
async function strandedEntries(deps: CoreDeps, id: string, size: number): Promise<LogEntryRecord[]> {
  const after = size > 0 ? keys.logEntry(size - 1) : undefined;
  const items = await deps.store.query(keys.log(id), { prefix: keys.logEntryPrefix, after, limit: 10_000 });
  return items.map(toEntryRecord);
}

/** Queued ballots not yet in the log, oldest first; queue items of integrated ballots are cleaned up. */
async function queuedBallots(deps: CoreDeps, id: string, limit: number, adopted: Set<string>): Promise<TableItem[]> {
  const queued = await deps.store.query(keys.queue(id), { prefix: "", limit });
  const found = await deps.store.getMany(
    queued.map((item) => ({ pk: keys.referendum(id), sk: keys.ballot(text(item, "ballotId")) })),
  );
  const ballots: TableItem[] = [];
  const stale: TableItem[] = [];
  for (const [i, item] of queued.entries()) {
    const ballot = found[i];
    if (!ballot || typeof ballot.sequence === "number" || adopted.has(text(item, "ballotId"))) stale.push(item);
    else ballots.push(ballot);
  }
  await inParallel(stale, (item) => deps.store.delete(item.pk, item.sk));
  return ballots;
}

const PARALLEL = 16;

/** Runs `task` over `items`, PARALLEL at a time: for writes whose order does not matter. */
async function inParallel<T>(items: readonly T[], task: (item: T) => Promise<unknown>): Promise<void> {
  for (let start = 0; start < items.length; start += PARALLEL)
    await Promise.all(items.slice(start, start + PARALLEL).map(task));
}

/**
 * Integrates up to `batch` queued ballots of a referendum into its log and signs the new head.
 * Writes in an order a crash cannot harm: entries (conditional), subtree nodes, ballots' sequence
 * numbers, then the head (conditional on the size it started from), then queue cleanup.
 */
export async function integrate(
  deps: CoreDeps,
  id: string,
  owner: string,
  batch = 500,
  leaseMs = 30_000,
): Promise<SequencerRun> {
  if (!(await acquireLease(deps, id, owner, leaseMs))) return { leased: false, integrated: 0, size: 0 };
  const head = await readHead(deps, id);
  const stranded = await strandedEntries(deps, id, head.size);
  const adopted = new Set(stranded.map((entry) => entry.ballotId));
  const fresh = await queuedBallots(deps, id, batch, adopted);

  const records: LogEntryRecord[] = [...stranded];
  for (const ballot of fresh) {
    const record: LogEntryRecord = {
      sequence: head.size + records.length,
      ballotId: text(ballot, "ballotId"),
      entryHash: text(ballot, "entryHash"),
      entry: ballot.entry as unknown as LogEntryRecord["entry"],
    };
    // Conditional: a sequencer that lost its lease cannot overwrite what the new holder wrote.
    if (!(await deps.store.put(entryItem(id, record), { absent: true })))
      return { leased: false, integrated: 0, size: head.size };
    records.push(record);
  }
  if (records.length === 0) return { leased: true, integrated: 0, size: head.size };

  const frontier = head.frontier.map((node) => ({ ...node }));
  const pk = keys.log(id);
  const indexItems: TableItem[] = [];
  for (const record of records) {
    for (const node of appendToFrontier(frontier, record.sequence, record.entryHash))
      indexItems.push({ pk, sk: keys.logNode(node.level, node.index), hash: node.hash });
    indexItems.push({ pk, sk: `H#${record.entryHash}`, sequence: record.sequence });
  }
  // Subtree nodes and the hash index are pure functions of the entries: rewriting them is harmless.
  await deps.store.putMany(indexItems);
  // Fresh ballots were just read; only adopted ones (from a crashed run) are read again.
  const byId = new Map(fresh.map((ballot) => [text(ballot, "ballotId"), ballot]));
  const adoptedBallots = await deps.store.getMany(
    stranded.map((record) => ({ pk: keys.referendum(id), sk: keys.ballot(record.ballotId) })),
  );
  for (const ballot of adoptedBallots) if (ballot) byId.set(text(ballot, "ballotId"), ballot);
  await deps.store.putMany(
    records.flatMap((record) => {
      const ballot = byId.get(record.ballotId);
      return ballot ? [{ ...ballot, sequence: record.sequence }] : [];
    }),
  );
  const size = head.size + records.length;
  const voters = head.voters + records.filter((record) => record.entry.revision === 1).length;
  const sth = signTreeHead(deps, id, size, rootOfFrontier(frontier));
  const headItem = {
    pk,
    sk: keys.logHead,
    size,
    voters,
    frontier: frontier as unknown as TableItem[string],
    sth: sth as unknown as TableItem[string],
  };
  const previous = head.sth ? { match: { size: head.size } } : ({ absent: true } as const);
  if (!(await deps.store.put(headItem, previous))) return { leased: false, integrated: 0, size: head.size };
  await deps.store.put({ pk, sk: keys.treeHead(size), ...(sth as unknown as Record<string, TableItem[string]>) });
  await inParallel(fresh, (ballot) =>
    deps.store.delete(keys.queue(id), keys.queued(count(ballot, "receivedAt"), text(ballot, "ballotId"))),
  );
  return { leased: true, integrated: records.length, size };
}

/**
 * Integrates every accepted ballot not yet in the log; how many it integrated. Stops when a run
 * integrates nothing (or another sequencer holds the lease: the caller then cannot vouch for
 * completeness and should retry).
 */
export async function integrateAll(deps: CoreDeps, id: string, owner: string): Promise<number> {
  let total = 0;
  for (;;) {
    const run = await integrate(deps, id, owner);
    total += run.integrated;
    if (run.integrated === 0) return total;
  }
}
