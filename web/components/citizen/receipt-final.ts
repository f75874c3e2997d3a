/**
 * The citizen's last check, once a referendum is tallied: is my ballot in the final log the
 * registry anchored? If it is not, the signed promise is the evidence, as a file to hand to an
 * observer (`bling verify --receipts`, or the observer page).
 */
import { hexToBytes } from "@noble/hashes/utils.js";
import { verifyInclusion } from "../../../protocol/transparency-log";
import type { Receipt } from "../../../protocol/log-objects";

/** The final log as the registry anchors it (root without 0x). */
export interface FinalLog {
  logSize: number;
  logRoot: string;
}

/** Whether an entry is in the final log: an inclusion proof from the service, checked here against the anchor. */
export type FinalCheck = { state: "included"; position: number; size: number } | { state: "missing" };

/**
 * @param proof what the service answers for the entry at the final size, or null when it has none
 *   (it says the entry is not there, or answers nothing usable).
 */
export function checkFinalInclusion(
  receipt: Pick<Receipt, "entryHash">,
  final: FinalLog,
  proof: { sequence: number; proof: string[] } | null,
): FinalCheck {
  if (!proof) return { state: "missing" };
  try {
    const ok = verifyInclusion(
      hexToBytes(receipt.entryHash),
      proof.sequence,
      final.logSize,
      proof.proof.map(hexToBytes),
      hexToBytes(final.logRoot),
    );
    return ok ? { state: "included", position: proof.sequence + 1, size: final.logSize } : { state: "missing" };
  } catch {
    return { state: "missing" };
  }
}

/** The signed promise alone, as the file `bling verify --receipts` and the observer page read. */
export function promiseFile(receipt: Receipt): string {
  const { referendumId, entryHash, promise } = receipt;
  const file = { type: "bling.promise.v1", referendumId, entryHash, ...promise, entry: receipt.entry };
  return `${JSON.stringify(file, null, 2)}\n`;
}

export const promiseFileName = (receipt: Receipt): string => `bling-promise-${receipt.entryHash.slice(0, 16)}.json`;
