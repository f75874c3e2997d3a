/**
 * The protocol constants of BLING v1: the only place they are defined.
 * The circuit build matrix, the TypeScript library, the API, the web client
 * and (later) the generated Solidity all take them from here.
 */

/** Order of the BN254 scalar field: every signal and public input lives below it. */
export const SNARK_FIELD_SIZE = 21888242871839275222246405745257275088548364400416034343698204186575808495617n;

/** Order of the BN254 base field: Groth16 proof coordinates live below it. */
export const BASE_FIELD_SIZE = 21888242871839275222246405745257275088696311157297823662689037894645226208583n;

/** Maximum census (LeanIMT) depth the default ballot circuit supports: about a million voters. */
export const CENSUS_DEPTH = 20;

/** Number of vote slots in a ballot; options a referendum does not use must carry 0. */
export const VOTE_OPTIONS = 8;

/** Every vote and the rule maxValue are below 2^VOTE_VALUE_BITS (range-checked in the circuit). */
export const VOTE_VALUE_BITS = 16;

/** Bits of a ballot's total cost: VOTE_OPTIONS votes of at most (2^VOTE_VALUE_BITS)^2 each. */
export const VOTE_TOTAL_BITS = 2 * VOTE_VALUE_BITS + Math.ceil(Math.log2(VOTE_OPTIONS));

/** Revisions of one nullifier's ballot run from 1 to 2^REVISION_BITS (range-checked in the circuit). */
export const REVISION_BITS = 32;

/** Largest revision a ballot can carry. */
export const MAX_REVISION = 2 ** REVISION_BITS;

/** Cost exponents the circuit accepts: 1 = linear (plain, approval, cumulative), 2 = quadratic. */
export const COST_EXPONENTS = [1, 2] as const;

/** Name of the ballot circuit's artifact set for a census depth (circuits/artifacts/<name>). */
export function ballotCircuitName(depth: number): string {
  return `vote_d${depth}_k${VOTE_OPTIONS}`;
}

/** Name of the default ballot circuit's artifact set. */
export const BALLOT_CIRCUIT = ballotCircuitName(CENSUS_DEPTH);

/**
 * Version of the ballot statement; bump it with any change to the circuit or the layout.
 * 2 = DESIGN.md's protocol v1.1 (the revision is a public signal the proof binds).
 */
export const PROTOCOL_VERSION = 2;

/** Names of the ballot circuit's public inputs, in circuit order (array inputs expanded). */
export const BALLOT_PUBLIC_INPUTS = [
  "censusRoot",
  "referendumId",
  "nullifier",
  "revision",
  "vote",
  "maxValue",
  "minTotal",
  "maxTotal",
  "costExponent",
] as const;

/** Index of each public signal in a ballot's `publicSignals` array. */
export const SIGNAL = {
  censusRoot: 0,
  referendumId: 1,
  nullifier: 2,
  revision: 3,
  vote: 4,
  maxValue: 4 + VOTE_OPTIONS,
  minTotal: 5 + VOTE_OPTIONS,
  maxTotal: 6 + VOTE_OPTIONS,
  costExponent: 7 + VOTE_OPTIONS,
} as const;

/** Length of a ballot's `publicSignals`. */
export const PUBLIC_SIGNAL_COUNT = 8 + VOTE_OPTIONS;

/** Public signal names with arrays expanded, e.g. `vote[3]`, as the manifest lists them. */
export const PUBLIC_SIGNAL_NAMES: readonly string[] = BALLOT_PUBLIC_INPUTS.flatMap((name) =>
  name === "vote" ? Array.from({ length: VOTE_OPTIONS }, (_, i) => `vote[${i}]`) : [name],
);

/**
 * Version of the sealed ballot statement (protocol v2, protocol/SECRET-BALLOT.md). It becomes
 * PROTOCOL_VERSION when the service switches to sealed ballots.
 */
export const SEALED_PROTOCOL_VERSION = 3;

/** Vote slots of the sealed ballot circuits: 2 for yes/no and two-option ballots, 8 for everything else. */
export const SEALED_OPTION_COUNTS = [2, 8] as const;

/** A slot count there is a sealed ballot circuit for. */
export type SealedOptionCount = (typeof SEALED_OPTION_COUNTS)[number];

/** Field elements per ciphertext in the public signals: C1.x, C1.y, C2.x, C2.y. */
export const CIPHERTEXT_SIGNALS = 4;

/** Name of a sealed ballot circuit's artifact set for a census depth and slot count (circuits/artifacts/<name>). */
export function sealedCircuitName(depth: number, k: number): string {
  return `sealed_d${depth}_k${k}`;
}

/**
 * The slot count of the sealed circuit a referendum with `options` options uses.
 * @throws TypeError when options is not an integer from 1 to the largest slot count.
 */
export function sealedCircuitFor(options: number): SealedOptionCount {
  if (Number.isSafeInteger(options) && options >= 1) {
    for (const k of SEALED_OPTION_COUNTS) if (options <= k) return k;
  }
  throw new TypeError(`options must be an integer from 1 to ${VOTE_OPTIONS}`);
}

/** Names of the sealed ballot circuit's public inputs, in circuit order (array inputs unexpanded). */
export const SEALED_PUBLIC_INPUTS = [
  "censusRoot",
  "referendumId",
  "nullifier",
  "revision",
  "electionKey",
  "options",
  "maxValue",
  "minTotal",
  "maxTotal",
  "costExponent",
  "ciphertext",
] as const;

/** Where each public signal of a sealed ballot sits in its `publicSignals`. */
export interface SealedSignalLayout {
  readonly censusRoot: 0;
  readonly referendumId: 1;
  readonly nullifier: 2;
  readonly revision: 3;
  /** electionKey x at 4, y at 5. */
  readonly electionKey: 4;
  readonly options: 6;
  readonly maxValue: 7;
  readonly minTotal: 8;
  readonly maxTotal: 9;
  readonly costExponent: 10;
  /** Slot i's ciphertext at ciphertext + CIPHERTEXT_SIGNALS·i, ..., + 3. */
  readonly ciphertext: 11;
  /** Length of `publicSignals`: 11 + CIPHERTEXT_SIGNALS·k. */
  readonly count: number;
}

/**
 * The public-signal layout of the sealed ballot circuit with k slots.
 * @throws TypeError when k is not a positive integer.
 */
export function sealedSignalLayout(k: number): SealedSignalLayout {
  if (!Number.isSafeInteger(k) || k < 1) throw new TypeError("k must be a positive integer");
  return {
    censusRoot: 0,
    referendumId: 1,
    nullifier: 2,
    revision: 3,
    electionKey: 4,
    options: 6,
    maxValue: 7,
    minTotal: 8,
    maxTotal: 9,
    costExponent: 10,
    ciphertext: 11,
    count: 11 + CIPHERTEXT_SIGNALS * k,
  };
}

/** A sealed ballot's public signal names with arrays expanded (`electionKey[1]`, `ciphertext[2][3]`), as the manifest lists them. */
export function sealedPublicSignalNames(k: number): string[] {
  sealedSignalLayout(k);
  return SEALED_PUBLIC_INPUTS.flatMap((name) => {
    if (name === "electionKey") return ["electionKey[0]", "electionKey[1]"];
    if (name === "ciphertext") {
      return Array.from({ length: k }, (_, i) =>
        Array.from({ length: CIPHERTEXT_SIGNALS }, (_, j) => `ciphertext[${i}][${j}]`),
      ).flat();
    }
    return [name];
  });
}
