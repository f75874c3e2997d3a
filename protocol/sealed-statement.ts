/**
 * What a sealed ballot states (protocol v2, SECRET-BALLOT.md): the v1.1 statement without the
 * votes, the election key and option count, and one exponential-ElGamal ciphertext per slot.
 * Free of snarkjs, so the service, worker threads, the browser and observers decode it alike.
 */
import { CIPHERTEXT_SIGNALS, MAX_REVISION, SEALED_OPTION_COUNTS, sealedSignalLayout, SIGNAL } from "./constants";
import { pointFromWire, pointToWire, type Point } from "./babyjub";
import { ciphertextFromSignals, ciphertextToSignals, type Ciphertext } from "./elgamal";
import { formatFieldElement, isCanonicalFieldElement } from "./field";
import { areCircuitRulesInRange, type CircuitRules } from "./rules";

/** A sealed ballot's public signals, decoded. */
export interface SealedStatement {
  censusRoot: bigint;
  referendumId: bigint;
  nullifier: bigint;
  revision: number;
  electionKey: Point;
  /** Options in use; slots from here on carry 0 (the proof binds it). */
  options: number;
  rules: CircuitRules;
  /** One per slot: (r·G, v·G + r·PK). */
  ciphertexts: Ciphertext[];
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
 * Decodes a sealed ballot's public signals for a k-slot circuit; null when they are not the
 * layout's count of canonical field elements, a rule value or the option count is outside what
 * the circuit is sound for, or a key or ciphertext point is off the curve or outside the subgroup.
 */
export function decodeSealedStatement(publicSignals: unknown, k: number): SealedStatement | null {
  const layout = sealedSignalLayout(k);
  if (!Array.isArray(publicSignals) || publicSignals.length !== layout.count) return null;
  if (!publicSignals.every(isCanonicalFieldElement)) return null;
  const signals = publicSignals;
  const at = (i: number): bigint => BigInt(signals[i] as string);
  const rules = {
    maxValue: Number(at(layout.maxValue)),
    minTotal: Number(at(layout.minTotal)),
    maxTotal: Number(at(layout.maxTotal)),
    costExponent: Number(at(layout.costExponent)) as 1 | 2,
  };
  if (!areCircuitRulesInRange(rules)) return null;
  const options = at(layout.options);
  if (options < 1n || options > BigInt(k)) return null;
  const revision = at(layout.revision);
  if (revision < 1n || revision > BigInt(MAX_REVISION)) return null;
  try {
    const electionKey = pointFromWire(signals.slice(layout.electionKey, layout.electionKey + 2), "electionKey");
    const ciphertexts = Array.from({ length: k }, (_, i) => {
      const from = layout.ciphertext + CIPHERTEXT_SIGNALS * i;
      return ciphertextFromSignals(signals.slice(from, from + CIPHERTEXT_SIGNALS), `ciphertext[${i}]`);
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
    return null;
  }
}

/** The public signals of a sealed statement, in circuit order. */
export function encodeSealedStatement(statement: SealedStatement): string[] {
  const [x, y] = pointToWire(statement.electionKey);
  return [
    formatFieldElement(statement.censusRoot),
    formatFieldElement(statement.referendumId),
    formatFieldElement(statement.nullifier),
    String(statement.revision),
    x,
    y,
    String(statement.options),
    String(statement.rules.maxValue),
    String(statement.rules.minTotal),
    String(statement.rules.maxTotal),
    String(statement.rules.costExponent),
    ...statement.ciphertexts.flatMap(ciphertextToSignals),
  ];
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
