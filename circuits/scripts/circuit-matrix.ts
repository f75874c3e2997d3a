import {
  BALLOT_CIRCUIT,
  BALLOT_PUBLIC_INPUTS,
  ballotCircuitName,
  CENSUS_DEPTH,
  PROTOCOL_VERSION,
  REVISION_BITS,
  SEALED_OPTION_COUNTS,
  SEALED_PROTOCOL_VERSION,
  SEALED_PUBLIC_INPUTS,
  sealedCircuitName,
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
  /** The protocol version its manifest carries. */
  readonly protocolVersion: number;
}

const LIBRARIES = ["node_modules/circomlib/circuits", "node_modules/@zk-kit/binary-merkle-root.circom/src"];

/**
 * The ballot circuit for a census depth: the default depth is committed,
 * others (24, 32: 16M and 4G voters) are a build option, `npm run build:circuits vote_d24_k8`.
 */
export function ballotCircuit(depth: number): CircuitEntry {
  requireDepth(depth);
  const name = ballotCircuitName(depth);
  return {
    name,
    source: "circuits/vote.circom",
    template: "Vote",
    params: [depth, VOTE_OPTIONS, VOTE_VALUE_BITS, REVISION_BITS],
    publicInputs: BALLOT_PUBLIC_INPUTS,
    includes: LIBRARIES,
    purpose: depth === CENSUS_DEPTH ? "BLING v1.1 ballot" : `BLING v1.1 ballot, census depth ${depth}`,
    protocolVersion: PROTOCOL_VERSION,
  };
}

function requireDepth(depth: number): void {
  if (!Number.isInteger(depth) || depth < 1 || depth > 32) throw new TypeError("census depth must be from 1 to 32");
}

/**
 * The sealed ballot circuit (protocol v2) for a census depth and slot count: the default depth is
 * committed for every count in SEALED_OPTION_COUNTS, others are a build option (`sealed_d24_k8`).
 */
export function sealedCircuit(depth: number, k: number): CircuitEntry {
  requireDepth(depth);
  if (!(SEALED_OPTION_COUNTS as readonly number[]).includes(k)) {
    throw new TypeError(`sealed slot count must be one of ${SEALED_OPTION_COUNTS.join(", ")}`);
  }
  const census = depth === CENSUS_DEPTH ? "" : `, census depth ${depth}`;
  return {
    name: sealedCircuitName(depth, k),
    source: "circuits/sealed-vote.circom",
    template: "SealedVote",
    params: [depth, k, VOTE_VALUE_BITS, REVISION_BITS],
    publicInputs: SEALED_PUBLIC_INPUTS,
    includes: LIBRARIES,
    purpose: `BLING v2 sealed ballot, ${k} slots${census}`,
    protocolVersion: SEALED_PROTOCOL_VERSION,
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
    protocolVersion: PROTOCOL_VERSION,
  },
  ...Object.fromEntries(
    SEALED_OPTION_COUNTS.map((k) => [sealedCircuitName(CENSUS_DEPTH, k), sealedCircuit(CENSUS_DEPTH, k)]),
  ),
};

/**
 * The matrix entry of an artifact name: a committed one, or a ballot circuit of another depth
 * (`vote_d24_k8`, `sealed_d24_k2`).
 */
export function resolveCircuit(name: string): CircuitEntry | undefined {
  if (CIRCUITS[name]) return CIRCUITS[name];
  const depth = new RegExp(`^vote_d(\\d+)_k${VOTE_OPTIONS}$`).exec(name)?.[1];
  if (depth !== undefined) return ballotCircuit(Number(depth));
  const sealed = /^sealed_d(\d+)_k(\d+)$/.exec(name);
  if (!sealed || !(SEALED_OPTION_COUNTS as readonly number[]).includes(Number(sealed[2]))) return undefined;
  return sealedCircuit(Number(sealed[1]), Number(sealed[2]));
}

/** circom's flags for every build; the r1cs check in the tests uses the same. */
export const CIRCOM_FLAGS = ["--O2"] as const;
