/** The ballot circuits a BLING service verifies and a deployment bundles, from the constants. */
import { BALLOT_CIRCUIT, CENSUS_DEPTH, SEALED_OPTION_COUNTS, sealedCircuitName } from "./constants";

/** The public-vote circuit (v1.1) and one sealed circuit per slot count (v2), at the default census depth. */
export const SERVICE_CIRCUITS: readonly string[] = [
  BALLOT_CIRCUIT,
  ...SEALED_OPTION_COUNTS.map((k) => sealedCircuitName(CENSUS_DEPTH, k)),
];
