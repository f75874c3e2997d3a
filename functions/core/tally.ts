/**
 * The tally of a closed referendum: the counting rules are public (`api/tally-rules.ts`), so
 * observers recount with the same code; this module runs them over the stored log and keeps the result.
 */
import { BlingError } from "../api/errors";
import { computeTally, type TallyResult } from "../api/tally-rules";
import { attributes } from "./item-fields";
import { keys } from "./keys";
import type { CoreDeps } from "./ports";
import { ownedReferendum, saveReferendum, type ReferendumRecord } from "./referendum-service";
import { readAllEntries, readHead, rootOfFrontier } from "./transparency-log-store";

export { computeTally, type TallyResult };

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
  return saveReferendum(deps, { ...record, state: "tallied", talliedAt: deps.clock.now() });
}

export async function getTally(deps: CoreDeps, id: string): Promise<TallyResult> {
  const item = await deps.store.get(keys.referendum(id), "TALLY");
  if (!item) throw new BlingError("TALLY_NOT_READY");
  return attributes(item) as unknown as TallyResult;
}
