/** The ballot circuits a BLING service verifies and a deployment bundles, from the constants. */
import { BALLOT_CIRCUIT, CENSUS_DEPTH, sealedCircuitName } from "./constants";

/**
 * Slot counts whose sealed circuit is built and committed in circuits/artifacts. K = 8 (every
 * ballot of more than two options) waits for its dev ceremony: `npm run build:circuits
 * sealed_d20_k8` needs a 2^15 phase 1, which did not finish on the shared build machine. Until it
 * is committed and added here, a secret ballot has at most two options.
 */
export const BUILT_SEALED_COUNTS: readonly number[] = [2];

/** The public-vote circuit (v1.1) and the built sealed circuits (v2), at the default census depth. */
export const SERVICE_CIRCUITS: readonly string[] = [
  BALLOT_CIRCUIT,
  ...BUILT_SEALED_COUNTS.map((k) => sealedCircuitName(CENSUS_DEPTH, k)),
];
