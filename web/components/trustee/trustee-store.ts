/**
 * The trustee's secret on this device, kept in IndexedDB by referendum (one seat per referendum: a
 * new attempt's secret replaces the old one, which counts for nothing any more).
 */
import { trusteeSecret, type TrusteeSecret } from "../../../protocol/trustee-steps";
import { inStore, type DeviceStore } from "../../lib/indexed-db";

const STORE = "secrets";

const TRUSTEE_SECRETS: DeviceStore = {
  database: "bling-trustee",
  store: STORE,
  create: (db) => db.createObjectStore(STORE),
};

/** The secret this device keeps for a referendum, or null. */
export async function loadTrusteeSecret(referendumId: string): Promise<TrusteeSecret | null> {
  const stored: unknown = await inStore(TRUSTEE_SECRETS, "readonly", (store) => store.get(referendumId));
  const parsed = trusteeSecret.safeParse(stored);
  return parsed.success ? parsed.data : null;
}

/** Keeps a secret as this device's for its referendum. */
export async function saveTrusteeSecret(secret: TrusteeSecret): Promise<void> {
  await inStore(TRUSTEE_SECRETS, "readwrite", (store) => store.put(secret, secret.referendumId));
}

/** Forgets this device's secret for a referendum. */
export async function removeTrusteeSecret(referendumId: string): Promise<void> {
  await inStore(TRUSTEE_SECRETS, "readwrite", (store) => store.delete(referendumId));
}
