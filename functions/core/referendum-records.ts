/** Reading and writing a referendum's record (its meta item), shared by every referendum workflow. */
import { BlingError } from "../api/errors";
import type { ReferendumRecord } from "../api/views";
import { referendumCodec } from "./item-codecs";
import type { CoreDeps, TableItem } from "./ports";
import { tableKeys } from "./table-keys";

/** The record held by a referendum's meta item. */
export function referendumOf(item: TableItem): ReferendumRecord {
  return referendumCodec.fromItem(item);
}

export async function getReferendum(deps: CoreDeps, id: string): Promise<ReferendumRecord> {
  const item = await deps.store.get(tableKeys.referendum(id), tableKeys.referendumMeta);
  if (!item) throw new BlingError("REFERENDUM_NOT_FOUND");
  return referendumOf(item);
}

export async function ownedReferendum(deps: CoreDeps, councilId: string, id: string): Promise<ReferendumRecord> {
  const record = await getReferendum(deps, id);
  if (record.councilId !== councilId) throw new BlingError("FORBIDDEN");
  return record;
}

/**
 * Replaces the record if nobody changed it since it was read (optimistic concurrency on `version`).
 * @throws BlingError REFERENDUM_STATE when it was changed meanwhile.
 */
export async function saveReferendum(deps: CoreDeps, record: ReferendumRecord): Promise<ReferendumRecord> {
  const next = { ...record, version: record.version + 1 };
  if (!(await deps.store.put(referendumCodec.toItem(next), { match: { version: record.version } }))) {
    throw new BlingError("REFERENDUM_STATE", "The referendum was changed meanwhile; reload and retry.");
  }
  return next;
}
