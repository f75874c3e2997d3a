/**
 * Receipts of this device's ballots, kept in IndexedDB by referendum: every revision stays, so the
 * citizen can show each ballot they cast (only the latest counts where re-voting is allowed).
 */
import type { Receipt } from "../../../protocol/log-objects";
import { inStore, type DeviceStore } from "../../lib/indexed-db";

const DB_NAME = "bling-receipts";
const STORE = "receipts";
const BY_REFERENDUM = "referendumId";

const RECEIPTS: DeviceStore = {
  database: DB_NAME,
  store: STORE,
  create: (db) => {
    db.createObjectStore(STORE, { keyPath: "ballotId" }).createIndex(BY_REFERENDUM, "referendumId");
  },
};

/** Keeps (or updates, e.g. once integrated) a receipt. */
export async function saveReceipt(receipt: Receipt): Promise<void> {
  await inStore(RECEIPTS, "readwrite", (store) => store.put(receipt));
}

/** This device's receipts for a referendum, oldest first (by revision, then time). */
export async function receiptsFor(referendumId: string): Promise<Receipt[]> {
  const receipts = (await inStore(RECEIPTS, "readonly", (store) =>
    store.index(BY_REFERENDUM).getAll(referendumId),
  )) as Receipt[];
  return receipts.sort((a, b) => a.entry.revision - b.entry.revision || a.promise.receivedAt - b.promise.receivedAt);
}
