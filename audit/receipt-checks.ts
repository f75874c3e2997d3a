/**
 * Voters' receipts against the log: every signed promise is the service's word that it accepted a
 * ballot, so its entry must be in the log within the spec's maximum merge delay (MMD) of its
 * receivedAt. A promise whose entry never appears, or appears late, is evidence of misbehaviour
 * (a dropped or delayed ballot) that no deletion in the service's table can erase.
 */
import { receipt, signedPromise, verifyObjectSignature, type SignedPromise } from "../protocol/log-objects";
import { lenient } from "../protocol/wire";
import type { AuditBundle } from "./bundle";
import { CheckBuilder, type CheckResult } from "./report";

/** A receipt file as a voter holds it: a whole receipt, or the signed promise the receipt page saves. */
export interface ReceiptFile {
  /** Where it came from (a file name), for the report. */
  source: string;
  content: unknown;
}

// Only the signed parts are read, leniently: a receipt from another version of the site, with
// fields this one does not know, is still the service's word if its signature verifies.
const receiptPromise = lenient(receipt.pick({ referendumId: true, entryHash: true, promise: true }));
const promiseFile = lenient(signedPromise.omit({ type: true }));

/** The signed promise in a receipt or promise file, or null when it holds none. */
export function promiseOf(content: unknown): SignedPromise | null {
  // A receipt carries { promise: { receivedAt, signature } }; a promise file carries them at the top.
  const inReceipt = receiptPromise.safeParse(content);
  const read = inReceipt.success
    ? { ...inReceipt.data, ...inReceipt.data.promise }
    : (promiseFile.safeParse(content).data ?? null);
  if (!read) return null;
  // Rebuilt from the signed fields alone: any other key would change the bytes the signature covers.
  const { referendumId, entryHash, receivedAt, signature } = read;
  return { type: "bling.promise.v1", referendumId, entryHash, receivedAt, signature };
}

/** Unix seconds by which the log must hold the entry of a promise. */
const deadlineOf = (bundle: AuditBundle, promise: SignedPromise): number =>
  promise.receivedAt + bundle.referendum.spec.maxMergeDelay;

export function checkReceipts(bundle: AuditBundle, files: readonly ReceiptFile[]): CheckResult {
  const check = new CheckBuilder("receipts", "Every signed promise is in the log within the maximum merge delay");
  const { spec } = bundle.referendum;
  const sequenceOf = new Map(bundle.entries.map(({ entryHash, sequence }) => [entryHash, sequence]));
  const heads = [...bundle.heads].sort((a, b) => a.treeSize - b.treeSize);
  // The log is final once its closing head is anchored (or the tally is): nothing more will be merged.
  const final = bundle.anchors.closing !== null || bundle.anchors.tally !== null;
  const now = bundle.anchors.chainTime;
  let merged = 0;
  let pending = 0;
  let ignored = 0;
  for (const { source, content } of files) {
    const promise = promiseOf(content);
    if (!promise || promise.referendumId !== spec.id) {
      ignored++;
      continue;
    }
    const { signature, ...signed } = promise;
    if (!verifyObjectSignature(signed, signature, spec.logPublicKey)) {
      // Not the service's word: a forged or damaged file is no evidence against it.
      ignored++;
      continue;
    }
    const deadline = deadlineOf(bundle, promise);
    const name = `${source} (entry ${promise.entryHash.slice(0, 16)}..., received at ${promise.receivedAt})`;
    const sequence = sequenceOf.get(promise.entryHash);
    if (sequence === undefined) {
      if (final)
        check.fail(
          `${name}: the service signed this promise but the entry is not in the final log: evidence that it accepted the ballot and dropped it`,
        );
      else if (now !== null && now > deadline)
        check.fail(`${name}: not in the log ${spec.maxMergeDelay} s after it was received (deadline ${deadline})`);
      else pending++;
      continue;
    }
    // The first signed head that covers the entry says when the log first held it.
    const head = heads.find((h) => h.treeSize > sequence);
    if (head && Math.floor(head.timestamp / 1000) > deadline)
      check.fail(
        `${name}: merged at #${sequence} only by the head of ${Math.floor(head.timestamp / 1000)}, past the deadline ${deadline}`,
      );
    else merged++;
  }
  check.numbers.receipts = files.length;
  check.numbers.merged = merged;
  check.numbers.pending = pending;
  check.numbers.ignored = ignored;
  return check.done(
    `${merged} of ${files.length} receipts are in the log within ${spec.maxMergeDelay} s` +
      (pending > 0 ? `; ${pending} not yet due` : "") +
      (ignored > 0 ? `; ${ignored} not this log's (other referendum or no valid signature)` : ""),
  );
}
