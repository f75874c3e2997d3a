/**
 * This device's voting key, kept in IndexedDB: the 32-byte private key (never sent anywhere) and
 * the electorates it was registered in. One key per device; registering again reuses it.
 */
import { createIdentity, type Identity } from "../../../protocol/identity";
import { inStore, type DeviceStore } from "../../lib/indexed-db";

const DB_NAME = "bling-identity";
const STORE = "identity";
const KEY = "device";

/** Where this device's key was registered: the census and its leaf index there. */
export interface Registration {
  censusId: string;
  index: number;
}

export interface StoredIdentity {
  identity: Identity;
  registrations: Registration[];
}

interface Record {
  privateKey: Uint8Array;
  registrations: Registration[];
}

const DEVICE_KEY: DeviceStore = {
  database: DB_NAME,
  store: STORE,
  create: (db) => db.createObjectStore(STORE),
};

function withStore<T>(mode: IDBTransactionMode, run: (store: IDBObjectStore) => IDBRequest<T>): Promise<T> {
  return inStore(DEVICE_KEY, mode, run);
}

/** This device's identity and registrations, or null when it has none. */
export async function loadIdentity(): Promise<StoredIdentity | null> {
  const record = (await withStore("readonly", (store) => store.get(KEY))) as Record | undefined;
  if (!record) return null;
  return { identity: createIdentity(new Uint8Array(record.privateKey)), registrations: record.registrations };
}

/** Keeps an identity as this device's key (replacing any other), with its registrations. */
export async function saveIdentity(identity: Identity, registrations: Registration[] = []): Promise<void> {
  const record: Record = { privateKey: Uint8Array.from(identity.privateKey), registrations };
  await withStore("readwrite", (store) => store.put(record, KEY));
}

/** Notes a registration beside the stored key (one per census). */
export async function addRegistration(registration: Registration): Promise<void> {
  const stored = await loadIdentity();
  if (!stored) throw new Error("no identity on this device");
  const others = stored.registrations.filter((r) => r.censusId !== registration.censusId);
  await saveIdentity(stored.identity, [...others, registration]);
}

/** The stored identity, or a new one kept at once (so a reload does not lose it). */
export async function loadOrCreateIdentity(): Promise<StoredIdentity & { created: boolean }> {
  const stored = await loadIdentity();
  if (stored) return { ...stored, created: false };
  const identity = createIdentity();
  await saveIdentity(identity);
  return { identity, registrations: [], created: true };
}

/** Forgets this device's key. */
export async function removeIdentity(): Promise<void> {
  await withStore("readwrite", (store) => store.delete(KEY));
}
