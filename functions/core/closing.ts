/**
 * The closing checkpoint: once the effective close has passed (plus a short settle time for
 * acceptances stamped just before it), the log is brought up to date with every accepted ballot
 * and sealed at its head. The tally covers exactly that head, the anchor loop puts it on chain
 * with `closeLog`, and observers hold the service to it.
 */
import { BlingError } from "../api/errors";
import { logHeadCodec, treeHeadCodec } from "./item-codecs";
import type { CoreDeps } from "./ports";
import { effectiveClose, getReferendum, saveReferendum, type ClosingHead } from "./referendum-service";
import { acquireLease, integrateAll } from "./sequencer";
import { readHead, rootOfFrontier, signTreeHead } from "./ballot-log-table";

/**
 * How long after the effective close the log is sealed (ms). An acceptance checks the clock when
 * it stamps `receivedAt` and writes right after; this covers the writes still in flight then.
 */
export const SEAL_SETTLE_MS = 2000;

const LEASE_MS = 30_000;
const SAVE_ATTEMPTS = 5;

/** Whether the referendum is past its effective close plus the settle time at `now` (ms). */
export function isDueForSeal(close: number | null, now: number): close is number {
  return close !== null && now >= close * 1000 + SEAL_SETTLE_MS;
}

/**
 * Seals the log if it is due: integrates every accepted ballot, makes sure a signed head exists at
 * the final size (an empty log gets one of size 0), and records the closing on the referendum.
 * Safe to repeat after a crash: once `closing` is recorded it is returned unchanged.
 * @returns The closing, or null when it is not due yet or another sequencer holds the lease.
 */
export async function sealLog(deps: CoreDeps, id: string, owner: string): Promise<ClosingHead | null> {
  const record = await getReferendum(deps, id);
  if (record.closing) return record.closing;
  const close = effectiveClose(record);
  if (!isDueForSeal(close, deps.clock.now())) return null;
  // Held across the integration and the seal: a sequencer of another owner could append meanwhile.
  if (!(await acquireLease(deps, id, owner, LEASE_MS))) return null;
  await integrateAll(deps, id, owner);
  if (!(await acquireLease(deps, id, owner, LEASE_MS))) return null;
  const head = await signedHead(deps, id);
  const closing: ClosingHead = { ...head, closedAt: close, sealedAt: deps.clock.now() };
  for (let attempt = 0; attempt < SAVE_ATTEMPTS; attempt++) {
    const current = await getReferendum(deps, id);
    if (current.closing) return current.closing;
    try {
      return (await saveReferendum(deps, { ...current, closing })).closing ?? closing;
    } catch (error) {
      // A council write (or the anchor loop's report) landed meanwhile: read again and retry.
      if (!(error instanceof BlingError && error.code === "REFERENDUM_STATE")) throw error;
    }
  }
  throw new BlingError("BUSY", `referendum ${id}: the record kept changing while the log was sealed`);
}

/** The head's size and root, with a signed tree head at exactly that size (signed now for an empty log). */
async function signedHead(deps: CoreDeps, id: string): Promise<{ size: number; root: string }> {
  let head = await readHead(deps, id);
  // Only an empty log has no signed head: the sequencer signs one with every write of the head.
  if (!head.sth && head.size === 0) {
    const sth = signTreeHead(deps, id, 0, rootOfFrontier([]));
    const item = logHeadCodec.toItem(id, { size: 0, voters: 0, frontier: [], sth });
    // Conditional: a head written meanwhile wins, and is read again below.
    await deps.store.put(item, { absent: true });
    head = await readHead(deps, id);
  }
  if (!head.sth || head.sth.treeSize !== head.size)
    throw new Error(`log ${id}: the head of size ${head.size} has no signed tree head at that size`);
  // Rewritten on every seal: a crash between the head's write and this one must not leave it unlisted.
  await deps.store.put(treeHeadCodec.toItem(id, head.size, head.sth));
  return { size: head.size, root: rootOfFrontier(head.frontier) };
}
