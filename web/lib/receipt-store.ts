/**
 * Receipts of this device's ballots, kept in IndexedDB by referendum: every revision stays, so the
 * citizen can show each ballot they cast (only the latest counts where re-voting is allowed).
 */
import type { Receipt } from "../../functions/api/log-objects";

const DB_NAME = "bling-receipts";
const STORE = "receipts";
const BY_REFERENDUM = "referendumId";

function request<T>(req: IDBRequest<T>): Promise<T> {
  return new Promise((resolve, reject) => {
    req.onsuccess = () => {
      resolve(req.result);
    };
    req.onerror = () => {
      reject(req.error ?? new Error("IndexedDB request failed"));
    };
  });
}

function openDb(): Promise<IDBDatabase> {
  const open = indexedDB.open(DB_NAME, 1);
  open.onupgradeneeded = () => {
    const store = open.result.createObjectStore(STORE, { keyPath: "ballotId" });
    store.createIndex(BY_REFERENDUM, "referendumId");
  };
  return request(open);
}

/** Keeps (or updates, e.g. once integrated) a receipt. */
export async function saveReceipt(receipt: Receipt): Promise<void> {
  const db = await openDb();
  try {
    await request(db.transaction(STORE, "readwrite").objectStore(STORE).put(receipt));
  } finally {
    db.close();
  }
}

/** This device's receipts for a referendum, oldest first (by revision, then time). */
export async function receiptsFor(referendumId: string): Promise<Receipt[]> {
  const db = await openDb();
  try {
    const index = db.transaction(STORE, "readonly").objectStore(STORE).index(BY_REFERENDUM);
    const receipts = (await request(index.getAll(referendumId))) as Receipt[];
    return receipts.sort((a, b) => a.entry.revision - b.entry.revision || a.promise.receivedAt - b.promise.receivedAt);
  } finally {
    db.close();
  }
}
