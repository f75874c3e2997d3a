/**
 * The index of live referenda: those the background work must visit (opened, tally not yet
 * anchored). The worker pages through it, so its cost follows the live referenda, not every
 * referendum ever made, and nothing is left out past a query's page.
 *
 * An entry is written before the referendum's state becomes open, so a crash leaves at worst an
 * entry for a draft (skipped: the open's retry keeps it). It is removed once the referendum is
 * tallied and its tally anchored, a final state, so removing it never races a writer.
 */
import { tableKeys } from "./table-keys";
import type { CoreDeps } from "./ports";
import { listReferendumIds, referendumOf, type ReferendumRecord } from "./referendum-service";

const PAGE = 100;

const isDone = (record: ReferendumRecord): boolean => record.state === "tallied" && record.anchors.tallied;

/** Adds a referendum to the index (openReferendum writes the same item). Idempotent. */
async function markLive(deps: CoreDeps, id: string): Promise<void> {
  await deps.store.put({ pk: tableKeys.liveIndex, sk: tableKeys.referendum(id) });
}

/**
 * Indexes the live referenda of a table written before the index existed, once: later ones are
 * indexed when they open.
 */
async function backfill(deps: CoreDeps): Promise<void> {
  if (await deps.store.get(tableKeys.liveIndex, tableKeys.liveIndexBackfilled)) return;
  const ids = await listReferendumIds(deps);
  for (let from = 0; from < ids.length; from += PAGE) {
    const items = await deps.store.getMany(
      ids.slice(from, from + PAGE).map((id) => ({ pk: tableKeys.referendum(id), sk: tableKeys.referendumMeta })),
    );
    for (const item of items) {
      const record = item && referendumOf(item);
      if (record && record.state !== "draft" && !isDone(record)) await markLive(deps, record.id);
    }
  }
  await deps.store.put({ pk: tableKeys.liveIndex, sk: tableKeys.liveIndexBackfilled });
}

/** Referenda with work left, in id order: every page of the index, dropping entries whose work is done. */
export async function liveReferenda(deps: CoreDeps): Promise<ReferendumRecord[]> {
  await backfill(deps);
  const live: ReferendumRecord[] = [];
  let after: string | undefined;
  for (;;) {
    const entries = await deps.store.query(tableKeys.liveIndex, {
      prefix: tableKeys.referendumPrefix,
      after,
      limit: PAGE,
    });
    const items = await deps.store.getMany(entries.map((entry) => ({ pk: entry.sk, sk: tableKeys.referendumMeta })));
    for (const [i, entry] of entries.entries()) {
      const item = items[i];
      const record = item ? referendumOf(item) : null;
      if (!record || isDone(record)) await deps.store.delete(tableKeys.liveIndex, entry.sk);
      else if (record.state !== "draft") live.push(record);
    }
    if (entries.length < PAGE) return live;
    after = entries[entries.length - 1]?.sk;
  }
}
