/**
 * What a sealed ballot (protocol v2, SECRET-BALLOT.md) states: decoding and encoding of its public
 * signals. Free of snarkjs, like ./statement, so verifiers and the browser load it without the prover.
 */
import { nonIdentityPointFromWire, pointToWire, type Point } from "./babyjub";
import { CIPHERTEXT_SIGNALS, MAX_REVISION, SEALED_OPTION_COUNTS, sealedSignalLayout, SIGNAL } from "./constants";
import { ciphertextFromSignals, ciphertextToSignals, type Ciphertext } from "./elgamal";
import { formatFieldElement, isCanonicalFieldElement } from "./field";
import { areCircuitRulesInRange, type CircuitRules } from "./rules";

/** A sealed ballot's public signals, decoded (layout: constants.sealedSignalLayout). */
export interface SealedStatement {
  censusRoot: bigint;
  referendumId: bigint;
  nullifier: bigint;
  /** Which ballot of this nullifier this is: 1 for the first, last + 1 for each re-vote. */
  revision: number;
  /** The key every slot is encrypted to; a verifier compares it with the spec's. */
  electionKey: Point;
  /** Options in use, 1..K: slots from here on carry 0. */
  options: number;
  rules: CircuitRules;
  /** One per slot, K in all. */
  ciphertexts: Ciphertext[];
}

/**
 * Decodes the public signals of a sealed ballot of the K-slot circuit; null unless they are
 * 11 + 4K canonical field elements whose revision, options and rule values lie in the ranges the
 * circuit's checks are sound for, whose election key is a subgroup point other than O, and whose
 * ciphertexts are subgroup points. The circuit relies on the key check (sealed-vote.circom).
 * `read.proven`: the signals are those of a proof that verified against this key, so the ciphertexts
 * are the circuit's own sums of subgroup points; their subgroup checks (a multiplication by l per
 * point) are skipped, as `ciphertextFromSignals` allows. Never for a ballot before its pairing.
 * @throws TypeError when k is not a positive integer (a caller's mistake, not bad input).
 */
export function decodeSealedStatement(
  publicSignals: unknown,
  k: number,
  read: { proven?: boolean } = {},
): SealedStatement | null {
  const layout = sealedSignalLayout(k);
  if (!Array.isArray(publicSignals) || publicSignals.length !== layout.count) return null;
  if (!publicSignals.every(isCanonicalFieldElement)) return null;
  // Every entry is canonical, so each index below the count reads a field element.
  const signals = publicSignals;
  const at = (i: number): bigint => BigInt(signals[i] ?? "");
  const rules = {
    maxValue: Number(at(layout.maxValue)),
    minTotal: Number(at(layout.minTotal)),
    maxTotal: Number(at(layout.maxTotal)),
    costExponent: Number(at(layout.costExponent)) as 1 | 2,
  };
  if (!areCircuitRulesInRange(rules)) return null;
  const revision = at(layout.revision);
  if (revision < 1n || revision > BigInt(MAX_REVISION)) return null;
  const options = at(layout.options);
  if (options < 1n || options > BigInt(k)) return null;
  try {
    const electionKey = nonIdentityPointFromWire(
      signals.slice(layout.electionKey, layout.electionKey + 2),
      "electionKey",
    );
    const ciphertexts = Array.from({ length: k }, (_, i) => {
      const start = layout.ciphertext + CIPHERTEXT_SIGNALS * i;
      return ciphertextFromSignals(signals.slice(start, start + CIPHERTEXT_SIGNALS), `ciphertext[${i}]`, read);
    });
    return {
      censusRoot: at(layout.censusRoot),
      referendumId: at(layout.referendumId),
      nullifier: at(layout.nullifier),
      revision: Number(revision),
      electionKey,
      options: Number(options),
      rules,
      ciphertexts,
    };
  } catch {
    // Off the curve, outside the subgroup, or an identity key: no proof of this circuit is sound for it.
    return null;
  }
}

/** The public signals of a sealed statement, in circuit order (K = its number of ciphertexts). */
export function encodeSealedStatement(statement: SealedStatement): string[] {
  const layout = sealedSignalLayout(statement.ciphertexts.length);
  const signals = Array<string>(layout.count);
  signals[layout.censusRoot] = formatFieldElement(statement.censusRoot);
  signals[layout.referendumId] = formatFieldElement(statement.referendumId);
  signals[layout.nullifier] = formatFieldElement(statement.nullifier);
  signals[layout.revision] = statement.revision.toString();
  const [x, y] = pointToWire(statement.electionKey);
  signals[layout.electionKey] = x;
  signals[layout.electionKey + 1] = y;
  signals[layout.options] = statement.options.toString();
  signals[layout.maxValue] = statement.rules.maxValue.toString();
  signals[layout.minTotal] = statement.rules.minTotal.toString();
  signals[layout.maxTotal] = statement.rules.maxTotal.toString();
  signals[layout.costExponent] = statement.rules.costExponent.toString();
  statement.ciphertexts.forEach((ciphertext, i) =>
    signals.splice(layout.ciphertext + CIPHERTEXT_SIGNALS * i, CIPHERTEXT_SIGNALS, ...ciphertextToSignals(ciphertext)),
  );
  return signals;
}

/**
 * The slot count of a sealed circuit by its artifact name (`sealed_d20_k2` -> 2), or null when the
 * name is not a sealed ballot circuit's.
 */
export function sealedSlotsOf(circuitName: string): number | null {
  const k = Number(/^sealed_d\d+_k(\d+)$/.exec(circuitName)?.[1]);
  return (SEALED_OPTION_COUNTS as readonly number[]).includes(k) ? k : null;
}

/**
 * Where any ballot claims to stand, public-vote or sealed: its nullifier and revision sit at the
 * same places in both layouts, so the service finds a ballot's slot before it knows the spec.
 * Null when those two signals are not canonical or the revision is out of range.
 */
export function ballotSlotOf(publicSignals: readonly unknown[]): { nullifier: string; revision: number } | null {
  const nullifier = publicSignals[SIGNAL.nullifier];
  const revision = publicSignals[SIGNAL.revision];
  if (!isCanonicalFieldElement(nullifier) || !isCanonicalFieldElement(revision)) return null;
  const number = BigInt(revision);
  if (number < 1n || number > BigInt(MAX_REVISION)) return null;
  return { nullifier, revision: Number(number) };
}
