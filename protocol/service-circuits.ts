/** The ballot circuits a BLING service verifies and a deployment bundles, from the constants. */
import { BALLOT_CIRCUIT, CENSUS_DEPTH, sealedCircuitName } from "./constants";

/**
 * Slot counts whose sealed circuit is built and committed in circuits/artifacts: K = 2 for ballots
 * of one or two options, K = 8 for up to eight (`sealedCircuitFor`). The service, the build
 * matrix, the deployment's bundles, the tests and the bench all read this one list.
 */
export const BUILT_SEALED_COUNTS: readonly number[] = [2, 8];

/** The public-vote circuit (v1.1) and the built sealed circuits (v2), at the default census depth. */
export const SERVICE_CIRCUITS: readonly string[] = [
  BALLOT_CIRCUIT,
  ...BUILT_SEALED_COUNTS.map((k) => sealedCircuitName(CENSUS_DEPTH, k)),
];
