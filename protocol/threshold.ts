/**
 * Threshold decryption of the aggregate (SECRET-BALLOT.md, "Counting"): a trustee's partial
 * decryption D_m = x_m·A1 with a Chaum–Pedersen proof against its public share Y_m, the
 * combination of any t valid partials by Lagrange interpolation at 0, and the dry run.
 * Browser-safe: the trustee page partially decrypts; observers verify and combine.
 */
import { z } from "./zod";
import {
  isInSubgroup,
  G,
  IDENTITY,
  hashToScalar,
  invertModL,
  modL,
  mul,
  mulG,
  mulPublic,
  pointFromWire,
  pointToWire,
  pointWire,
  type Point,
} from "./babyjub";
import { DiscreteLogTable, encrypt, type Ciphertext } from "./elgamal";
import { MAX_TRUSTEES } from "./dkg";
import { proofFromWire, proofToWire, proofWire, proveEqualLogs, verifyEqualLogs } from "./proofs";
import { firstIssue } from "./wire";

const TAG_PARTIAL = "bling/partial-decryption";
const TAG_DRY_RUN = "bling/dry-run";

/** A trustee's partial decryption of every slot of a ciphertext list. */
export const partialDecryptionWire = z.object({
  trustee: z.int().min(1).max(MAX_TRUSTEES),
  parts: z.array(z.object({ point: pointWire, proof: proofWire })),
});
export type PartialDecryption = z.infer<typeof partialDecryptionWire>;

function context(referendumId: string, index: number, slot: number) {
  return { tag: TAG_PARTIAL, data: [referendumId, index, slot] };
}

/**
 * Trustee m's partial decryption: D = x_m·A1 per slot, with a proof that log_G Y_m = log_{A1} D.
 * Call it only on a ciphertext the trustee recomputed itself (the dry run or the final aggregate).
 * @throws RangeError when an A1 lies outside the order-l subgroup: x_m times a point with a
 * small-order part reveals x_m mod 8. Aggregates are summed from curve-checked points only (a
 * subgroup check per ballot would take hours), so this one check per slot is what keeps them safe.
 */
export function partialDecrypt(
  trustee: { referendumId: string; index: number; share: bigint },
  ciphertexts: readonly Ciphertext[],
): PartialDecryption {
  const { referendumId, index, share } = trustee;
  ciphertexts.forEach(({ c1 }, slot) => {
    if (!isInSubgroup(c1)) throw new RangeError(`slot ${slot}: the ciphertext is outside the order-l subgroup`);
  });
  const y = mulG(share);
  return {
    trustee: index,
    parts: ciphertexts.map(({ c1 }, slot) => {
      const d = mul(c1, share);
      const proof = proveEqualLogs(share, { g1: G, h1: y, g2: c1, h2: d }, context(referendumId, index, slot));
      return { point: pointToWire(d), proof: proofToWire(proof) };
    }),
  };
}

/**
 * The problems of a partial decryption (empty when valid) against the claimed trustee's public
 * share Y_m: shape, one part per slot, each proof bound to this referendum, trustee, slot and A1.
 */
export function verifyPartialDecryption(
  referendumId: string,
  partial: unknown,
  publicShare: Point,
  ciphertexts: readonly Ciphertext[],
): string[] {
  const parsed = partialDecryptionWire.safeParse(partial);
  if (!parsed.success) return [firstIssue(parsed.error, ["partial"])];
  const { trustee, parts } = parsed.data;
  if (parts.length !== ciphertexts.length) {
    return [`trustee ${trustee} decrypted ${parts.length} slots, the tally has ${ciphertexts.length}`];
  }
  const problems: string[] = [];
  parts.forEach((part, slot) => {
    const statement = {
      g1: G,
      h1: publicShare,
      g2: (ciphertexts[slot] as Ciphertext).c1,
      h2: pointFromWire(part.point, "point"),
    };
    if (!verifyEqualLogs(statement, proofFromWire(part.proof, "proof"), context(referendumId, trustee, slot))) {
      problems.push(`trustee ${trustee}, slot ${slot}: the proof does not verify`);
    }
  });
  return problems;
}

/**
 * λ_i = Π_{j ≠ i} j / (j − i) mod l: the weight of share i in f(0) over the index set.
 * @throws RangeError when `index` is not in the set, or the set repeats an index or holds 0 mod l.
 */
export function lagrangeAtZero(indices: readonly bigint[], index: bigint): bigint {
  if (!indices.includes(index)) throw new RangeError(`index ${index} is not in the set`);
  if (new Set(indices.map(modL)).size !== indices.length || indices.some((j) => modL(j) === 0n)) {
    throw new RangeError("the indices must be distinct and nonzero mod l");
  }
  let numerator = 1n;
  let denominator = 1n;
  for (const j of indices) {
    if (j === index) continue;
    numerator = modL(numerator * j);
    denominator = modL(denominator * (j - index));
  }
  return modL(numerator * invertModL(denominator));
}

export interface CombineInput {
  referendumId: string;
  /** The aggregate A_i, per slot, as the combiner recomputed it. */
  ciphertexts: readonly Ciphertext[];
  /** Published partial decryptions; invalid ones and repeats of a trustee are skipped. */
  partials: readonly unknown[];
  /** Y_m by trustee index. */
  publicShares: ReadonlyMap<number, Point>;
  threshold: number;
  /** Totals lie in [0, bound]: counted ballots × maxValue. */
  bound: bigint;
  /** A table for this bound, to reuse across tallies (built here otherwise). */
  table?: DiscreteLogTable;
}

/**
 * The totals per slot from exactly t valid partials (the lowest trustee indices among the valid):
 * S = Σ λ_m·D_m, M = A2 − S = total·G, total by baby-step giant-step over [0, bound].
 * @throws Error "needs t partial decryptions, has k" with fewer than t valid distinct partials,
 * and "no total within the bound" when a slot's total is outside [0, bound].
 */
export function combinePartials(input: CombineInput): bigint[] {
  const { referendumId, ciphertexts, publicShares, threshold, bound } = input;
  const valid = new Map<number, Point[]>();
  for (const partial of input.partials) {
    const parsed = partialDecryptionWire.safeParse(partial);
    if (!parsed.success || valid.has(parsed.data.trustee)) continue;
    const y = publicShares.get(parsed.data.trustee);
    if (y === undefined || verifyPartialDecryption(referendumId, parsed.data, y, ciphertexts).length > 0) continue;
    valid.set(
      parsed.data.trustee,
      parsed.data.parts.map((p) => pointFromWire(p.point, "point")),
    );
  }
  if (valid.size < threshold) throw new Error(`needs ${threshold} partial decryptions, has ${valid.size}`);
  const chosen = [...valid.keys()].sort((a, b) => a - b).slice(0, threshold);
  const indices = chosen.map(BigInt);
  const lambdas = chosen.map((m) => lagrangeAtZero(indices, BigInt(m)));
  const table = input.table?.bound === bound ? input.table : new DiscreteLogTable(bound);
  return ciphertexts.map(({ c2 }, slot) => {
    const s = chosen.reduce(
      (sum, m, i) => sum.add(mulPublic((valid.get(m) as Point[])[slot] as Point, lambdas[i] as bigint)),
      IDENTITY,
    );
    return table.solve(c2.subtract(s));
  });
}

/** The dry-run ciphertext: 1 encrypted under PK with r = Hs("bling/dry-run", referendumId, PK). */
export function dryRunCiphertext(referendumId: string, electionKey: Point): Ciphertext {
  return encrypt(1n, hashToScalar(TAG_DRY_RUN, [referendumId, electionKey]), electionKey);
}
