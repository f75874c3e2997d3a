/**
 * The ballot log's Merkle tree, RFC 6962 / RFC 9162 exactly: SHA-256, leaf hash = H(0x00 || entry),
 * node hash = H(0x01 || left || right), split at the largest power of two below n. Proofs are lists
 * of subtree hashes; which subtrees they need is computed separately (`inclusionRanges`,
 * `consistencyRanges`) so a store can fetch them instead of holding every leaf.
 */
import { sha256 } from "@noble/hashes/sha2.js";

export const HASH_BYTES = 32;

/** A half-open leaf range [start, end) whose Merkle tree hash is one proof element. */
export type LeafRange = readonly [start: number, end: number];

/** Root of the empty tree: SHA-256 of nothing. */
export const EMPTY_ROOT: Uint8Array = sha256(new Uint8Array(0));

export function leafHash(entry: Uint8Array): Uint8Array {
  const input = new Uint8Array(entry.length + 1);
  input.set(entry, 1);
  return sha256(input);
}

export function nodeHash(left: Uint8Array, right: Uint8Array): Uint8Array {
  const input = new Uint8Array(1 + 2 * HASH_BYTES);
  input[0] = 1;
  input.set(left, 1);
  input.set(right, 1 + HASH_BYTES);
  return sha256(input);
}

/** Largest power of two strictly below n (n >= 2). */
export function splitPoint(n: number): number {
  let k = 1;
  while (k * 2 < n) k *= 2;
  return k;
}

function requireSize(value: number, name: string, max: number): void {
  if (!Number.isSafeInteger(value) || value < 0 || value > max) {
    throw new RangeError(`${name} must be an integer from 0 to ${max}`);
  }
}

/** The subtree ranges of the audit path of leaf `index` in the tree of `size` leaves (RFC 9162 2.1.3.1), leaf side first. */
export function inclusionRanges(index: number, size: number): LeafRange[] {
  requireSize(size, "size", Number.MAX_SAFE_INTEGER);
  requireSize(index, "index", size - 1);
  const ranges: LeafRange[] = [];
  const walk = (m: number, start: number, end: number): void => {
    if (end - start <= 1) return;
    const k = splitPoint(end - start);
    if (m < k) {
      walk(m, start, start + k);
      ranges.push([start + k, end]);
    } else {
      walk(m - k, start + k, end);
      ranges.push([start, start + k]);
    }
  };
  walk(index, 0, size);
  return ranges;
}

/** The subtree ranges of the consistency proof from size `first` to size `second` (RFC 9162 2.1.4.1). */
export function consistencyRanges(first: number, second: number): LeafRange[] {
  requireSize(second, "second", Number.MAX_SAFE_INTEGER);
  requireSize(first, "first", second);
  if (first === 0 || first === second) return [];
  const ranges: LeafRange[] = [];
  const subproof = (m: number, start: number, end: number, whole: boolean): void => {
    const n = end - start;
    if (m === n) {
      if (!whole) ranges.push([start, end]);
      return;
    }
    const k = splitPoint(n);
    if (m <= k) {
      subproof(m, start, start + k, whole);
      ranges.push([start + k, end]);
    } else {
      subproof(m - k, start + k, end, false);
      ranges.push([start, start + k]);
    }
  };
  subproof(first, 0, second, true);
  return ranges;
}

/** Merkle tree hash of leaves [start, end) of a list of leaf hashes. */
export function rangeHash(leafHashes: readonly Uint8Array[], start = 0, end = leafHashes.length): Uint8Array {
  requireSize(end, "end", leafHashes.length);
  requireSize(start, "start", end);
  const hash = (s: number, e: number): Uint8Array => {
    if (e - s === 1) return leafHashes[s] as Uint8Array;
    const k = splitPoint(e - s);
    return nodeHash(hash(s, s + k), hash(s + k, e));
  };
  return end === start ? EMPTY_ROOT : hash(start, end);
}

/** Root of the tree over `leafHashes`. */
export function rootOf(leafHashes: readonly Uint8Array[]): Uint8Array {
  return rangeHash(leafHashes);
}

export function inclusionProof(
  leafHashes: readonly Uint8Array[],
  index: number,
  size = leafHashes.length,
): Uint8Array[] {
  requireSize(size, "size", leafHashes.length);
  return inclusionRanges(index, size).map(([s, e]) => rangeHash(leafHashes, s, e));
}

export function consistencyProof(leafHashes: readonly Uint8Array[], first: number, second: number): Uint8Array[] {
  requireSize(second, "second", leafHashes.length);
  return consistencyRanges(first, second).map(([s, e]) => rangeHash(leafHashes, s, e));
}

// Arithmetic, not bitwise: sizes may exceed 32 bits.
const isPowerOfTwo = (n: number): boolean => 2 ** Math.round(Math.log2(n)) === n;

const isHash = (value: unknown): value is Uint8Array => value instanceof Uint8Array && value.length === HASH_BYTES;

function equalBytes(a: Uint8Array, b: Uint8Array): boolean {
  return a.length === b.length && a.every((byte, i) => byte === b[i]);
}

/**
 * Whether `proof` shows the leaf at `index` in the tree of `size` leaves with root `root`
 * (RFC 9162 2.1.3.2). Never throws; anything malformed is false.
 */
export function verifyInclusion(
  leaf: Uint8Array,
  index: number,
  size: number,
  proof: readonly Uint8Array[],
  root: Uint8Array,
): boolean {
  if (!isHash(leaf) || !isHash(root) || !Array.isArray(proof) || !proof.every(isHash)) return false;
  if (!Number.isSafeInteger(index) || !Number.isSafeInteger(size) || index < 0 || index >= size) return false;
  let fn = index;
  let sn = size - 1;
  let r = leaf;
  for (const p of proof) {
    if (sn === 0) return false;
    if (fn % 2 === 1 || fn === sn) {
      r = nodeHash(p, r);
      if (fn % 2 === 0) {
        while (fn % 2 === 0 && fn !== 0) {
          fn = Math.floor(fn / 2);
          sn = Math.floor(sn / 2);
        }
      }
    } else {
      r = nodeHash(r, p);
    }
    fn = Math.floor(fn / 2);
    sn = Math.floor(sn / 2);
  }
  return sn === 0 && equalBytes(r, root);
}

/**
 * Whether `proof` shows the tree of `second` leaves with root `secondRoot` extends the tree of
 * `first` leaves with root `firstRoot` (RFC 9162 2.1.4.2). Never throws; anything malformed is false.
 */
export function verifyConsistency(
  first: number,
  second: number,
  firstRoot: Uint8Array,
  secondRoot: Uint8Array,
  proof: readonly Uint8Array[],
): boolean {
  if (!isHash(firstRoot) || !isHash(secondRoot) || !Array.isArray(proof) || !proof.every(isHash)) return false;
  if (!Number.isSafeInteger(first) || !Number.isSafeInteger(second) || first < 0 || first > second) return false;
  if (first === second) return proof.length === 0 && equalBytes(firstRoot, secondRoot);
  if (first === 0) return proof.length === 0 && equalBytes(firstRoot, EMPTY_ROOT);
  const path = [...proof];
  // When first is a power of two, the proof omits the first tree's root: it is firstRoot itself.
  if (isPowerOfTwo(first)) path.unshift(firstRoot);
  let fn = first - 1;
  let sn = second - 1;
  while (fn % 2 === 1) {
    fn = Math.floor(fn / 2);
    sn = Math.floor(sn / 2);
  }
  const [head, ...rest] = path;
  if (head === undefined) return false;
  let fr = head;
  let sr = head;
  for (const c of rest) {
    if (sn === 0) return false;
    if (fn % 2 === 1 || fn === sn) {
      fr = nodeHash(c, fr);
      sr = nodeHash(c, sr);
      if (fn % 2 === 0) {
        while (fn % 2 === 0 && fn !== 0) {
          fn = Math.floor(fn / 2);
          sn = Math.floor(sn / 2);
        }
      }
    } else {
      sr = nodeHash(sr, c);
    }
    fn = Math.floor(fn / 2);
    sn = Math.floor(sn / 2);
  }
  return equalBytes(fr, firstRoot) && equalBytes(sr, secondRoot) && sn === 0;
}
