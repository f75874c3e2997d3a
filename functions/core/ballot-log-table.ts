/**
 * A referendum's RFC 6962 ballot log in the table: entries `E#<seq>`, an entry-hash index `H#<hash>`,
 * the perfect subtree hashes `N#<level>#<index>` (so any proof is O(log n) reads), the head with
 * the right-edge frontier, and every signed tree head `STH#<size>`.
 */
import { bytesToHex, hexToBytes } from "@noble/hashes/utils.js";
import { EMPTY_ROOT, inclusionRanges, consistencyRanges, nodeHash, splitPoint } from "../../protocol";
import { BlingError } from "../api/errors";
import { signObject, type SignedTreeHead, type TreeHead } from "../../protocol/log-objects";
import { tableKeys } from "./table-keys";
import {
  logEntryCodec,
  logHeadCodec,
  treeHeadCodec,
  type FrontierNode,
  type LogEntryRecord,
  type LogHead,
} from "./item-codecs";
import type { CoreDeps } from "./ports";

export type { FrontierNode, LogEntryRecord, LogHead };

const PAGE = 1000;

export async function readHead(deps: CoreDeps, id: string): Promise<LogHead> {
  const item = await deps.store.get(tableKeys.log(id), tableKeys.logHead);
  if (!item) return { size: 0, voters: 0, frontier: [], sth: null };
  return logHeadCodec.fromItem(item);
}

export function rootOfFrontier(frontier: readonly FrontierNode[]): string {
  // Fold right to left: the smallest subtree is the rightmost child.
  const root = frontier.reduceRight<Uint8Array | null>(
    (right, node) => (right ? nodeHash(hexToBytes(node.hash), right) : hexToBytes(node.hash)),
    null,
  );
  return bytesToHex(root ?? EMPTY_ROOT);
}

/**
 * Adds one leaf at index `size` to the frontier; returns the perfect subtree nodes it completed
 * (level >= 1), which the log stores for proofs.
 */
export function appendToFrontier(
  frontier: FrontierNode[],
  size: number,
  leafHashHex: string,
): { level: number; index: number; hash: string }[] {
  const completed: { level: number; index: number; hash: string }[] = [];
  let right: FrontierNode = { level: 0, hash: leafHashHex };
  for (let left = frontier.at(-1); left?.level === right.level; left = frontier.at(-1)) {
    frontier.pop();
    const level = left.level + 1;
    const hash = bytesToHex(nodeHash(hexToBytes(left.hash), hexToBytes(right.hash)));
    right = { level, hash };
    completed.push({ level, index: Math.floor(size / 2 ** level), hash });
  }
  frontier.push(right);
  return completed;
}

export function signTreeHead(deps: CoreDeps, id: string, size: number, rootHash: string): SignedTreeHead {
  const head: TreeHead = {
    type: "bling.sth.v1",
    referendumId: id,
    treeSize: size,
    rootHash,
    timestamp: deps.clock.now(),
  };
  return { ...head, signature: signObject(head, (message) => deps.signer.sign(message)) };
}

const isPerfect = (start: number, end: number): boolean => {
  const n = end - start;
  return n > 0 && 2 ** Math.round(Math.log2(n)) === n && start % n === 0;
};

/** Merkle tree hash of leaves [start, end) from stored leaves and perfect nodes. */
async function rangeHash(deps: CoreDeps, id: string, start: number, end: number): Promise<Uint8Array> {
  if (isPerfect(start, end)) {
    const level = Math.round(Math.log2(end - start));
    const item =
      level === 0
        ? await deps.store.get(tableKeys.log(id), tableKeys.logEntry(start))
        : await deps.store.get(tableKeys.log(id), tableKeys.logNode(level, start / 2 ** level));
    const hash = level === 0 ? item?.entryHash : item?.hash;
    if (typeof hash !== "string") throw new Error(`log ${id} lacks the subtree [${start}, ${end})`);
    return hexToBytes(hash);
  }
  const k = splitPoint(end - start);
  return nodeHash(await rangeHash(deps, id, start, start + k), await rangeHash(deps, id, start + k, end));
}

/** The inclusion proof of entry `sequence` under the current signed head, or null if the head does not cover it yet. */
export async function inclusionFor(
  deps: CoreDeps,
  id: string,
  sequence: number,
): Promise<{ treeHead: SignedTreeHead; proof: string[] } | null> {
  const head = await readHead(deps, id);
  if (!head.sth || sequence >= head.size) return null;
  const ranges = inclusionRanges(sequence, head.size);
  const proof = await Promise.all(ranges.map(async ([s, e]) => bytesToHex(await rangeHash(deps, id, s, e))));
  return { treeHead: head.sth, proof };
}

/** Inclusion proof for an entry hash in the tree of `size` entries (RFC 6962 get-proof-by-hash). */
export async function inclusionByHash(
  deps: CoreDeps,
  id: string,
  entryHash: string,
  size: number,
): Promise<{ sequence: number; proof: string[] }> {
  const head = await readHead(deps, id);
  if (!Number.isSafeInteger(size) || size < 1 || size > head.size) throw new BlingError("LOG_RANGE_INVALID");
  const index = await deps.store.get(tableKeys.log(id), tableKeys.entryHashIndex(entryHash));
  const sequence = typeof index?.sequence === "number" ? index.sequence : -1;
  if (sequence < 0 || sequence >= size)
    throw new BlingError("LOG_RANGE_INVALID", "No such entry in a tree of that size.");
  const proof = await Promise.all(
    inclusionRanges(sequence, size).map(async ([s, e]) => bytesToHex(await rangeHash(deps, id, s, e))),
  );
  return { sequence, proof };
}

export async function consistencyBetween(deps: CoreDeps, id: string, first: number, second: number): Promise<string[]> {
  const head = await readHead(deps, id);
  if (
    !Number.isSafeInteger(first) ||
    !Number.isSafeInteger(second) ||
    first < 0 ||
    first > second ||
    second > head.size
  ) {
    throw new BlingError("LOG_RANGE_INVALID");
  }
  return Promise.all(
    consistencyRanges(first, second).map(async ([s, e]) => bytesToHex(await rangeHash(deps, id, s, e))),
  );
}

/** Entries [from, from + limit), limited to what the current head covers. */
export async function readEntries(
  deps: CoreDeps,
  id: string,
  from: number,
  limit: number,
  upTo?: number,
): Promise<LogEntryRecord[]> {
  const end = Math.min(from + limit, upTo ?? (await readHead(deps, id)).size);
  if (from >= end) return [];
  const after = from > 0 ? tableKeys.logEntry(from - 1) : undefined;
  const items = await deps.store.query(tableKeys.log(id), {
    prefix: tableKeys.logEntryPrefix,
    after,
    limit: end - from,
  });
  return items.map(logEntryCodec.fromItem);
}

/** Signed tree heads of sizes >= `from`, smallest first: every head the sequencer signed, for observers. */
export async function readTreeHeads(
  deps: CoreDeps,
  id: string,
  from: number,
  limit: number,
): Promise<SignedTreeHead[]> {
  const after = from > 0 ? tableKeys.treeHead(from - 1) : undefined;
  const items = await deps.store.query(tableKeys.log(id), { prefix: tableKeys.treeHeadPrefix, after, limit });
  return items.map(treeHeadCodec.fromItem);
}

/** Every entry the head covers, in order (for the tally). */
export async function readAllEntries(deps: CoreDeps, id: string, size: number): Promise<LogEntryRecord[]> {
  const entries: LogEntryRecord[] = [];
  while (entries.length < size) {
    const page = await readEntries(deps, id, entries.length, Math.min(PAGE, size - entries.length), size);
    if (page.length === 0) throw new Error(`log ${id} lacks entry ${entries.length}`);
    entries.push(...page);
  }
  return entries;
}
