/**
 * The tally of a closed referendum: the counting rules are public (`api/tally-rules.ts`), so
 * observers recount with the same code; this module runs them over the stored log and keeps the result.
 */
import { BlingError } from "../api/errors";
import { computeTally, type TallyResult } from "../../protocol/tally-rules";
import { tallyCodec } from "./item-codecs";
import { tableKeys } from "./table-keys";
import type { CoreDeps } from "./ports";
import { effectiveClose, ownedReferendum, saveReferendum, type ReferendumRecord } from "./referendum-service";
import { readAllEntries } from "./ballot-log-table";
import { sealedTally } from "./sealed-counting";

export { computeTally, type TallyResult };

/**
 * Tallies a referendum once its log is sealed at the effective close (`closing`): exactly the
 * entries [0, closing.size) under closing.root, whatever the log holds besides. An early close can
 * be tallied as soon as it is sealed. Anchoring the tally is the anchor loop's job.
 */
export async function tallyReferendum(deps: CoreDeps, councilId: string, id: string): Promise<ReferendumRecord> {
  const record = await ownedReferendum(deps, councilId, id);
  if (record.state !== "open" && record.state !== "closed")
    throw new BlingError("REFERENDUM_STATE", "Only a closed referendum can be tallied.");
  const close = effectiveClose(record);
  if (close === null || deps.clock.now() < close * 1000) {
    throw new BlingError("REFERENDUM_STATE", "A referendum is tallied after its close.");
  }
  const { closing } = record;
  if (!closing) throw new BlingError("BUSY", "The log is being sealed at the close; retry in a few seconds.");
  // A secret ballot's counts come from its trustees' decryptions; a public one's from its votes.
  const counted = record.spec?.trustees
    ? await sealedTally(deps, record)
    : computeTally(await readAllEntries(deps, id, closing.size));
  const tally: TallyResult = { ...counted, logSize: closing.size, logRoot: closing.root };
  await deps.store.put(tallyCodec.toItem(id, tally));
  return saveReferendum(deps, { ...record, state: "tallied", talliedAt: deps.clock.now() });
}

export async function getTally(deps: CoreDeps, id: string): Promise<TallyResult> {
  const item = await deps.store.get(tableKeys.referendum(id), tableKeys.tally);
  if (!item) throw new BlingError("TALLY_NOT_READY");
  return tallyCodec.fromItem(item);
}
