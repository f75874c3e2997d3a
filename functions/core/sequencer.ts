/**
 * The sequencer: one per referendum at a time (a lease item held by conditional writes), it moves
 * accepted ballots into the log, stores the subtree hashes, and signs the new tree head. Every
 * step is safe to repeat, so a crash anywhere is repaired by the next run.
 *
 * What it logs is decided by the ballots themselves (the revision slots), not by the queue: the
 * queue is only the fast path. A sweep over every slot, at least every quarter of the referendum's
 * maximum merge delay and always before the log is sealed, finds an accepted ballot whose queue
 * item was lost or deleted.
 */
import { ballotSlotOf } from "../../protocol/sealed-statement";
import { BlingError } from "../api/errors";
import { numberField, stringField } from "./item-fields";
import { tableKeys } from "./table-keys";
import {
  ballotSlotCodec,
  logEntryCodec,
  logHeadCodec,
  treeHeadCodec,
  type LogEntryRecord,
  type LogHead,
} from "./item-codecs";
import type { CoreDeps, TableItem } from "./ports";
import { referendumOf } from "./referendum-service";
import { appendToFrontier, readHead, rootOfFrontier, signTreeHead } from "./ballot-log-table";

export interface SequencerRun {
  /** False when another sequencer holds the lease. */
  leased: boolean;
  integrated: number;
  size: number;
}

const PAGE = 1000;

/** Takes (or renews) the referendum's sequencer lease for `owner`. */
export async function acquireLease(deps: CoreDeps, id: string, owner: string, ttlMs: number): Promise<boolean> {
  const pk = tableKeys.referendum(id);
  const now = deps.clock.now();
  const current = await deps.store.get(pk, tableKeys.lease);
  if (current && current.owner !== owner && numberField(current, "expiresAt") > now) return false;
  const lease = { pk, sk: tableKeys.lease, owner, expiresAt: now + ttlMs };
  const taken = await deps.store.put(
    lease,
    current ? { match: { owner: current.owner ?? null, expiresAt: current.expiresAt ?? null } } : { absent: true },
  );
  if (taken) return true;
  // Lost a race: to another owner, or to a concurrent renewal by this same owner (a tick during
  // the loop's own run), in which case the lease is ours all the same.
  const winner = await deps.store.get(pk, tableKeys.lease);
  return winner?.owner === owner && numberField(winner, "expiresAt") > now;
}

export async function releaseLease(deps: CoreDeps, id: string, owner: string): Promise<void> {
  await deps.store.delete(tableKeys.referendum(id), tableKeys.lease, { match: { owner } });
}

/** Entries a crashed run wrote past the head: they are in the log already and are adopted, not re-appended. */
async function strandedEntries(deps: CoreDeps, id: string, size: number): Promise<LogEntryRecord[]> {
  const after = size > 0 ? tableKeys.logEntry(size - 1) : undefined;
  const items = await deps.store.query(tableKeys.log(id), { prefix: tableKeys.logEntryPrefix, after, limit: 10_000 });
  return items.map(logEntryCodec.fromItem);
}

/** The slot key of a ballot from its queue item or log entry. */
const slotKey = (id: string, nullifier: string, revision: number) => ({
  pk: tableKeys.referendum(id),
  sk: tableKeys.revision(nullifier, revision),
});

function slotOfEntry(id: string, record: LogEntryRecord) {
  const nullifier = ballotSlotOf(record.entry.ballot.publicSignals)?.nullifier;
  if (nullifier === undefined) throw new Error(`log ${id}: entry ${record.sequence} has no nullifier`);
  return slotKey(id, nullifier, record.entry.revision);
}

/** Slots the queue points at; queue items of ballots already logged (or gone) are cleaned up. */
async function queuedSlots(deps: CoreDeps, id: string, limit: number): Promise<TableItem[]> {
  const queued = await deps.store.query(tableKeys.queue(id), { prefix: "", limit });
  const found = await deps.store.getMany(
    queued.map((item) => slotKey(id, stringField(item, "nullifier"), numberField(item, "revision"))),
  );
  const stale = queued.filter((_, i) => typeof found[i]?.sequence === "number" || !found[i]);
  await inParallel(stale, (item) => deps.store.delete(item.pk, item.sk));
  return found.filter((slot): slot is TableItem => slot !== null && typeof slot.sequence !== "number");
}

/** Every accepted ballot not yet logged, read from the slots themselves: O(ballots), so run seldom. */
async function sweptSlots(deps: CoreDeps, id: string): Promise<TableItem[]> {
  const pending: TableItem[] = [];
  let after: string | undefined;
  for (;;) {
    const page = await deps.store.query(tableKeys.referendum(id), {
      prefix: tableKeys.revisionPrefix,
      after,
      limit: PAGE,
    });
    pending.push(...page.filter((slot) => typeof slot.sequence !== "number"));
    if (page.length < PAGE) return pending;
    after = page.at(-1)?.sk;
  }
}

/**
 * The ballots to log, in log order: by stamp, and every revision after the one before it (a
 * missing predecessor is fetched, so a lost queue item can never put revision r + 1 before r).
 */
async function inLogOrder(deps: CoreDeps, id: string, slots: readonly TableItem[]): Promise<TableItem[]> {
  const byKey = new Map(slots.map((slot) => [slot.sk, slot]));
  for (let missing = [...byKey.values()]; missing.length > 0;) {
    const wanted = missing
      .filter((slot) => numberField(slot, "revision") > 1)
      .map((slot) => slotKey(id, stringField(slot, "nullifier"), numberField(slot, "revision") - 1))
      .filter((key) => !byKey.has(key.sk));
    const found = await deps.store.getMany(wanted);
    missing = found.filter((slot): slot is TableItem => slot !== null && typeof slot.sequence !== "number");
    for (const slot of missing) byKey.set(slot.sk, slot);
  }
  const sorted = [...byKey.values()].sort(
    (a, b) => numberField(a, "receivedAt") - numberField(b, "receivedAt") || (a.sk < b.sk ? -1 : a.sk > b.sk ? 1 : 0),
  );
  const ordered: TableItem[] = [];
  const placed = new Set<string>();
  const place = (slot: TableItem): void => {
    if (placed.has(slot.sk)) return;
    const before = byKey.get(tableKeys.revision(stringField(slot, "nullifier"), numberField(slot, "revision") - 1));
    if (before) place(before);
    placed.add(slot.sk);
    ordered.push(slot);
  };
  sorted.forEach(place);
  return ordered;
}

const PARALLEL = 16;

/** Runs `task` over `items`, PARALLEL at a time: for writes whose order does not matter. */
async function inParallel<T>(items: readonly T[], task: (item: T) => Promise<unknown>): Promise<void> {
  for (let start = 0; start < items.length; start += PARALLEL)
    await Promise.all(items.slice(start, start + PARALLEL).map(task));
}

/**
 * Writes the current head's `STH#<size>` item if a run crashed between the head and it: observers
 * and the tally's audit read the heads from those items, so without this an honest log would end
 * on a head it never published. Only idle runs look; a run that appends publishes a newer head.
 */
async function publishHead(deps: CoreDeps, id: string, head: LogHead): Promise<void> {
  if (!head.sth || (await deps.store.get(tableKeys.log(id), tableKeys.treeHead(head.size)))) return;
  await deps.store.put(treeHeadCodec.toItem(id, head.size, head.sth), { absent: true });
}

export interface IntegrateOptions {
  batch?: number;
  leaseMs?: number;
  /** Sweep every slot now, whenever the last sweep was. */
  sweep?: boolean;
}

/**
 * Integrates up to `batch` accepted ballots of a referendum into its log and signs the new head.
 * Writes in an order a crash cannot harm: entries (conditional), subtree nodes, slots' sequence
 * numbers, then the head (conditional on the size it started from), then queue cleanup. Once the
 * log is sealed at close, it appends nothing.
 */
export async function integrate(
  deps: CoreDeps,
  id: string,
  owner: string,
  options: IntegrateOptions = {},
): Promise<SequencerRun> {
  const { batch = 500, leaseMs = 30_000 } = options;
  if (!(await acquireLease(deps, id, owner, leaseMs))) return { leased: false, integrated: 0, size: 0 };
  const pk = tableKeys.referendum(id);
  const [meta, swept] = await deps.store.getMany([
    { pk, sk: tableKeys.referendumMeta },
    { pk, sk: tableKeys.sweep },
  ]);
  const record = meta && referendumOf(meta);
  const head = await readHead(deps, id);
  if (!record?.spec || record.closing) {
    // A sealed log's last head is the one the closing checkpoint and the tally cover: published too.
    await publishHead(deps, id, head);
    return { leased: true, integrated: 0, size: head.size };
  }
  const now = deps.clock.now();
  const sweepDue =
    options.sweep === true ||
    now - (typeof swept?.at === "number" ? swept.at : 0) >= (record.spec.maxMergeDelay * 1000) / 4;

  const stranded = await strandedEntries(deps, id, head.size);
  const adopted = new Set(stranded.map((entry) => entry.ballotId));
  const candidates = sweepDue ? await sweptSlots(deps, id) : await queuedSlots(deps, id, batch);
  const fresh = (await inLogOrder(deps, id, candidates))
    .filter((slot) => !adopted.has(stringField(slot, "ballotId")))
    .slice(0, batch);

  const records: LogEntryRecord[] = [
    ...stranded,
    ...fresh.map((slot, i) => {
      const { ballotId, entryHash, entry } = ballotSlotCodec.fromItem(slot);
      return { sequence: head.size + stranded.length + i, ballotId, entryHash, entry };
    }),
  ];
  // Conditional: a sequencer that lost its lease cannot overwrite what the new holder wrote. One
  // at a time, in order: a crash then leaves an unbroken run past the head to adopt, never a gap.
  for (const record of records.slice(stranded.length)) {
    if (!(await deps.store.put(logEntryCodec.toItem(id, record), { absent: true })))
      return { leased: false, integrated: 0, size: head.size };
  }
  if (records.length === 0) {
    await publishHead(deps, id, head);
    if (sweepDue) await deps.store.put({ pk, sk: tableKeys.sweep, at: now });
    return { leased: true, integrated: 0, size: head.size };
  }

  const frontier = head.frontier.map((node) => ({ ...node }));
  const logPk = tableKeys.log(id);
  const indexItems: TableItem[] = [];
  for (const record of records) {
    for (const node of appendToFrontier(frontier, record.sequence, record.entryHash))
      indexItems.push({ pk: logPk, sk: tableKeys.logNode(node.level, node.index), hash: node.hash });
    indexItems.push({ pk: logPk, sk: tableKeys.entryHashIndex(record.entryHash), sequence: record.sequence });
  }
  // Subtree nodes and the hash index are pure functions of the entries: rewriting them is harmless.
  await deps.store.putMany(indexItems);
  // Fresh slots were just read; only adopted ones (from a crashed run) are read again.
  const adoptedSlots = await deps.store.getMany(stranded.map((record) => slotOfEntry(id, record)));
  const slots = [...adoptedSlots.filter((slot): slot is TableItem => slot !== null), ...fresh];
  const sequenceOf = new Map(records.map((record) => [record.ballotId, record.sequence]));
  await deps.store.putMany(
    slots.map((slot) => ({ ...slot, sequence: sequenceOf.get(stringField(slot, "ballotId")) ?? -1 })),
  );
  const size = head.size + records.length;
  const voters = head.voters + records.filter((record) => record.entry.revision === 1).length;
  const sth = signTreeHead(deps, id, size, rootOfFrontier(frontier));
  const headItem = logHeadCodec.toItem(id, { size, voters, frontier, sth });
  const previous = head.sth ? { match: { size: head.size } } : ({ absent: true } as const);
  if (!(await deps.store.put(headItem, previous))) return { leased: false, integrated: 0, size: head.size };
  await deps.store.put(treeHeadCodec.toItem(id, size, sth));
  await inParallel(slots, (slot) =>
    deps.store.delete(
      tableKeys.queue(id),
      tableKeys.queued(numberField(slot, "receivedAt"), stringField(slot, "ballotId")),
    ),
  );
  if (sweepDue && fresh.length < batch) await deps.store.put({ pk, sk: tableKeys.sweep, at: now });
  return { leased: true, integrated: records.length, size };
}

/**
 * Integrates every accepted ballot not yet in the log, found by a sweep of the slots themselves:
 * what sealing the log at close relies on.
 * @returns how many it logged.
 * @throws BlingError BUSY when another sequencer holds the lease.
 */
export async function integrateAll(deps: CoreDeps, id: string, owner: string): Promise<number> {
  const run = await integrate(deps, id, owner, { batch: Number.POSITIVE_INFINITY, sweep: true });
  if (!run.leased) throw new BlingError("BUSY", "Another sequencer holds this referendum's log; retry shortly.");
  return run.integrated;
}
