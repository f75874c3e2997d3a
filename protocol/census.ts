import { LeanIMT } from "@zk-kit/lean-imt";
import { poseidon2 } from "poseidon-lite/poseidon2";
import { CENSUS_DEPTH } from "./constants";
import { requireFieldElement } from "./field";

/** A census: the LeanIMT (Poseidon) of identity commitments, as a Semaphore v4 group. */
export type CensusTree = LeanIMT;

/** A membership proof in the shape the ballot circuit takes: siblings padded with zeros to the circuit depth. */
export interface CensusProof {
  readonly root: bigint;
  readonly leaf: bigint;
  /** Path bits of the levels that have a sibling (LeanIMT skips lone nodes). */
  readonly index: number;
  /** Number of real siblings: the circuit's `merkleProofLength`. */
  readonly length: number;
  /** Exactly `depth` entries; those past `length` are 0. */
  readonly siblings: readonly bigint[];
}

const hashPair = (a: bigint, b: bigint): bigint => poseidon2([a, b]);

/** Builds a census tree from its leaves in order (identity commitments). */
export function buildCensus(leaves: readonly bigint[] = []): CensusTree {
  leaves.forEach((leaf, i) => requireFieldElement(leaf, `leaves[${i}]`));
  return new LeanIMT(hashPair, [...leaves]);
}

/**
 * The root of a census tree; 0 for an empty census (which no ballot can prove membership of).
 */
export function censusRoot(tree: CensusTree): bigint {
  return tree.size === 0 ? 0n : tree.root;
}

/**
 * Membership proof for a commitment, padded to `depth` (the circuit's MAX_DEPTH).
 * @throws TypeError `commitment is not in the census` / `census is deeper than the circuit`.
 */
export function generateCensusProof(tree: CensusTree, commitment: bigint, depth: number = CENSUS_DEPTH): CensusProof {
  const position = tree.indexOf(commitment);
  if (position < 0) throw new TypeError("commitment is not in the census");
  if (tree.depth > depth) throw new TypeError(`census is deeper than the circuit (${tree.depth} > ${depth})`);
  const proof = tree.generateProof(position);
  const siblings = [...proof.siblings, ...Array<bigint>(depth - proof.siblings.length).fill(0n)];
  return { root: proof.root, leaf: proof.leaf, index: proof.index, length: proof.siblings.length, siblings };
}

/**
 * Recomputes the root from a padded proof exactly as the circuit does; true when it equals `proof.root`.
 */
export function verifyCensusProof(proof: CensusProof): boolean {
  if (proof.length < 0 || proof.length > proof.siblings.length) return false;
  let node = proof.leaf;
  for (let level = 0; level < proof.length; level++) {
    const sibling = proof.siblings[level] ?? 0n;
    node = Math.floor(proof.index / 2 ** level) % 2 === 1 ? hashPair(sibling, node) : hashPair(node, sibling);
  }
  return node === proof.root;
}
