/**
 * The background work of the service, shared by the local stack's loops and the scheduled worker
 * Lambda: move queued ballots into each live referendum's log, bring the chain up to date, and say
 * how far anchoring lags behind the log.
 */
import { anchorReferendum } from "./anchoring";
import { isDueForSeal, sealLog } from "./closing";
import { liveReferenda } from "./live-referenda";
import type { ChainAnchor, CoreDeps } from "./ports";
import { effectiveClose, type ReferendumRecord } from "./referendum-service";
import { integrate } from "./sequencer";
import { readTreeHeads } from "./ballot-log-table";

export { liveReferenda };

/**
 * Runs the sequencer once for every live referendum, and seals the log of every one past its
 * effective close (plus the settle time); the number of ballots it logged.
 */
export async function sequenceAll(deps: CoreDeps, owner: string): Promise<number> {
  let integrated = 0;
  for (const record of await liveReferenda(deps)) {
    if (record.closing) continue;
    integrated += (await integrate(deps, record.id, owner)).integrated;
    if (isDueForSeal(effectiveClose(record), deps.clock.now())) await sealLog(deps, record.id, owner);
  }
  return integrated;
}

export interface AnchorAllRun {
  /** Referenda whose anchoring failed this time (the chain unreachable, say): retried next run. */
  failed: { id: string; error: unknown }[];
  /** Seconds the oldest signed head not yet on chain has waited (0 when the chain is up to date). */
  lagSeconds: number;
}

/**
 * Anchors every live referendum, one failure not stopping the others, then measures the lag: how
 * long the oldest signed head (or opened spec) the chain does not hold yet has waited.
 */
export async function anchorAll(deps: CoreDeps, chain: ChainAnchor): Promise<AnchorAllRun> {
  const failed: AnchorAllRun["failed"] = [];
  for (const { id } of await liveReferenda(deps)) {
    try {
      await anchorReferendum(deps, chain, id);
    } catch (error) {
      failed.push({ id, error });
    }
  }
  let lagSeconds = 0;
  for (const record of await liveReferenda(deps)) {
    const waiting = await oldestUnanchored(deps, record);
    if (waiting !== null) lagSeconds = Math.max(lagSeconds, (deps.clock.now() - waiting) / 1000);
  }
  return { failed, lagSeconds };
}

/** When the oldest part of the referendum the chain does not hold yet was made (ms), or null. */
async function oldestUnanchored(deps: CoreDeps, record: ReferendumRecord): Promise<number | null> {
  // Not even opened on chain: waiting since the council opened it (or since voting opens, if later).
  if (!record.anchors.opened) return Math.max(record.openedAt ?? 0, (record.spec?.opensAt ?? 0) * 1000);
  if (record.closing && record.anchors.closed !== true) return record.closing.sealedAt;
  if (record.state === "tallied") return record.talliedAt ?? null;
  // Sealed and the closing anchored: no checkpoint follows it.
  if (record.closing) return null;
  // The first signed head past the last checkpoint: later heads are younger.
  const [head] = await readTreeHeads(deps, record.id, record.anchors.checkpointSize + 1, 1);
  return head ? head.timestamp : null;
}
