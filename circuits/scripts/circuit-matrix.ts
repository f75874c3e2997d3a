import {
  BALLOT_CIRCUIT,
  BALLOT_PUBLIC_INPUTS,
  ballotCircuitName,
  CENSUS_DEPTH,
  REVISION_BITS,
  VOTE_OPTIONS,
  VOTE_VALUE_BITS,
} from "../../protocol/constants";

/** One circuit the build compiles and puts through the dev ceremony. */
export interface CircuitEntry {
  readonly name: string;
  /** Path of the .circom file, relative to the repository root. */
  readonly source: string;
  readonly template: string;
  readonly params: readonly number[];
  /** Public inputs, in declaration order. */
  readonly publicInputs: readonly string[];
  /** Folders searched for `include`s besides the source's own. */
  readonly includes: readonly string[];
  readonly purpose: string;
}

const LIBRARIES = ["node_modules/circomlib/circuits", "node_modules/@zk-kit/binary-merkle-root.circom/src"];

/**
 * The ballot circuit for a census depth: the default depth is committed,
 * others (24, 32: 16M and 4G voters) are a build option, `npm run build:circuits vote_d24_k8`.
 */
export function ballotCircuit(depth: number): CircuitEntry {
  if (!Number.isInteger(depth) || depth < 1 || depth > 32) throw new TypeError("census depth must be from 1 to 32");
  const name = ballotCircuitName(depth);
  return {
    name,
    source: "circuits/vote.circom",
    template: "Vote",
    params: [depth, VOTE_OPTIONS, VOTE_VALUE_BITS, REVISION_BITS],
    publicInputs: BALLOT_PUBLIC_INPUTS,
    includes: LIBRARIES,
    purpose: depth === CENSUS_DEPTH ? "BLING v1.1 ballot" : `BLING v1.1 ballot, census depth ${depth}`,
  };
}

/** Semaphore v4's own circuit at the census depth: the benchmark anchor. */
export const SEMAPHORE_CIRCUIT = `semaphore_d${CENSUS_DEPTH}`;

/** The committed build matrix: what `npm run build:circuits` produces by default, by artifact name. */
export const CIRCUITS: Record<string, CircuitEntry> = {
  [BALLOT_CIRCUIT]: ballotCircuit(CENSUS_DEPTH),
  [SEMAPHORE_CIRCUIT]: {
    name: SEMAPHORE_CIRCUIT,
    source: "node_modules/@semaphore-protocol/circuits/src/semaphore.circom",
    template: "Semaphore",
    params: [CENSUS_DEPTH],
    publicInputs: ["message", "scope"],
    includes: LIBRARIES,
    purpose: "benchmark anchor: Semaphore v4's own circuit under the same dev ceremony",
  },
};

/** The matrix entry of an artifact name: a committed one, or a ballot circuit of another depth (`vote_d24_k8`). */
export function resolveCircuit(name: string): CircuitEntry | undefined {
  const depth = new RegExp(`^vote_d(\\d+)_k${VOTE_OPTIONS}$`).exec(name)?.[1];
  return CIRCUITS[name] ?? (depth === undefined ? undefined : ballotCircuit(Number(depth)));
}

/** circom's flags for every build; the r1cs check in the tests uses the same. */
export const CIRCOM_FLAGS = ["--O2"] as const;
