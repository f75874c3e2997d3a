/** IndexedDB as promises, for the device's stores (voting key, receipts): one request per transaction. */

export function idbRequest<T>(req: IDBRequest<T>): Promise<T> {
  return new Promise((resolve, reject) => {
    req.onsuccess = () => {
      resolve(req.result);
    };
    req.onerror = () => {
      reject(req.error ?? new Error("IndexedDB request failed"));
    };
  });
}

/** A database of one object store, created on first use. */
export interface DeviceStore {
  database: string;
  store: string;
  create: (db: IDBDatabase) => void;
}

/** Runs one request on the store in a transaction of its own, then closes the database. */
export async function inStore<T>(
  target: DeviceStore,
  mode: IDBTransactionMode,
  run: (store: IDBObjectStore) => IDBRequest<T>,
): Promise<T> {
  const open = indexedDB.open(target.database, 1);
  open.onupgradeneeded = () => {
    target.create(open.result);
  };
  const db = await idbRequest(open);
  try {
    return await idbRequest(run(db.transaction(target.store, mode).objectStore(target.store)));
  } finally {
    db.close();
  }
}
