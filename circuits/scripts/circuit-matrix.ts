import { BALLOT_CIRCUIT, BALLOT_PUBLIC_INPUTS, CENSUS_DEPTH, VOTE_OPTIONS, VOTE_VALUE_BITS } from "../src/constants";

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

/** The build matrix: everything `npm run build:circuits` produces, by artifact name. */
export const CIRCUITS: Record<string, CircuitEntry> = {
  [BALLOT_CIRCUIT]: {
    name: BALLOT_CIRCUIT,
    source: "circuits/vote.circom",
    template: "Vote",
    params: [CENSUS_DEPTH, VOTE_OPTIONS, VOTE_VALUE_BITS],
    publicInputs: BALLOT_PUBLIC_INPUTS,
    includes: LIBRARIES,
    purpose: "BLING v1 ballot",
  },
  [`semaphore_d${CENSUS_DEPTH}`]: {
    name: `semaphore_d${CENSUS_DEPTH}`,
    source: "node_modules/@semaphore-protocol/circuits/src/semaphore.circom",
    template: "Semaphore",
    params: [CENSUS_DEPTH],
    publicInputs: ["message", "scope"],
    includes: LIBRARIES,
    purpose: "benchmark anchor: Semaphore v4's own circuit under the same dev ceremony",
  },
};

/** circom's flags for every build; the r1cs check in the tests uses the same. */
export const CIRCOM_FLAGS = ["--O2"] as const;
