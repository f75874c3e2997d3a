/**
 * The census tree's incremental state: enough to append leaves and know the root without keeping
 * (or reading back) the leaves. Same tree as `buildCensus` (LeanIMT, Poseidon2); browser-safe.
 */
import { poseidon2 } from "poseidon-lite/poseidon2";
import { requireFieldElement } from "./field";

export interface CensusFrontier {
  /** Number of leaves folded in. */
  readonly size: number;
  /**
   * Per level, the newest node with an even index: a left child whose right sibling has not come
   * yet (LeanIMT lifts a lone left child unchanged). 0 where no leaf has reached that level.
   * At most bitLength(size) entries, so at most the tree depth + 1.
   */
  readonly sideNodes: readonly bigint[];
  /** `censusRoot` of the tree: 0 when empty. */
  readonly root: bigint;
}

/** The frontier as stored (decimal strings, so JSON holds it exactly). */
export interface EncodedCensusFrontier {
  size: number;
  root: string;
  sideNodes: string[];
}

export type PairHash = (left: bigint, right: bigint) => bigint;

const poseidonPair: PairHash = (left, right) => poseidon2([left, right]);

export const EMPTY_CENSUS_FRONTIER: CensusFrontier = { size: 0, sideNodes: [], root: 0n };

const bitLength = (n: number): number => (n === 0 ? 0 : Math.floor(Math.log2(n)) + 1);

/**
 * The frontier after appending `leaves` in order, as LeanIMT.insert would one by one, never reading
 * earlier leaves. Level by level over the batch: about one hash per leaf plus two per level (one
 * by one it would be one per set bit of each index). `hash` is Poseidon2; only benchmarks pass
 * another (a memoized one).
 */
export function appendToCensusFrontier(
  frontier: CensusFrontier,
  leaves: readonly bigint[],
  hash: PairHash = poseidonPair,
): CensusFrontier {
  leaves.forEach((leaf, i) => requireFieldElement(leaf, `leaves[${i}]`));
  if (leaves.length === 0) return frontier;
  const size = frontier.size + leaves.length;
  const sideNodes = [...frontier.sideNodes];
  let row = [...leaves];
  // Index of row[0] among the nodes of its level.
  let start = frontier.size;
  for (let level = 0; level < bitLength(size); level++) {
    const left = sideNodes[level] ?? 0n;
    // The newest even-index node of the level waits for a right sibling (or is the lone last one).
    const lastEven = (start + row.length - 1) % 2 === 0 ? start + row.length - 1 : start + row.length - 2;
    if (lastEven >= start) sideNodes[level] = row[lastEven - start] as bigint;
    const next: bigint[] = [];
    let i = 0;
    if (start % 2 === 1) next.push(hash(left, row[i++] as bigint));
    // A lone left child is lifted unchanged (LeanIMT has no zero siblings).
    for (; i < row.length; i += 2)
      next.push(i + 1 < row.length ? hash(row[i] as bigint, row[i + 1] as bigint) : (row[i] as bigint));
    row = next;
    start = Math.floor(start / 2);
  }
  return { size, sideNodes, root: row[0] as bigint };
}

export function encodeCensusFrontier(frontier: CensusFrontier): EncodedCensusFrontier {
  return { size: frontier.size, root: String(frontier.root), sideNodes: frontier.sideNodes.map(String) };
}

/**
 * Reads a stored frontier back, checking its shape.
 * @throws TypeError when a node is not a canonical field element or the shape does not fit the size.
 */
export function decodeCensusFrontier(encoded: EncodedCensusFrontier): CensusFrontier {
  const { size } = encoded;
  if (!Number.isSafeInteger(size) || size < 0) throw new TypeError("frontier size must be a natural number");
  if (encoded.sideNodes.length > bitLength(size)) throw new TypeError("frontier has more side nodes than levels");
  const field = (value: string, name: string): bigint => {
    if (!/^(0|[1-9][0-9]*)$/.test(value)) throw new TypeError(`${name} must be a decimal field element`);
    return requireFieldElement(BigInt(value), name);
  };
  return {
    size,
    root: field(encoded.root, "frontier root"),
    sideNodes: encoded.sideNodes.map((node, level) => field(node, `frontier sideNodes[${level}]`)),
  };
}
