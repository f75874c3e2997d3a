/**
 * Whether a voting key may vote in a referendum, known before any ballot is filled in: the
 * referendum's frozen census (its first `size` leaves) is public, so the check runs in the browser
 * and tells the service nothing about who is asking.
 */
import type { Identity } from "../../../protocol/identity";
import type { ReferendumSpec } from "../../../protocol/spec";
import { fetchCensusLeaves } from "../../../functions/api/census-pager";
import type { PublicApi } from "../../lib/api-client";

/** The frozen census leaves of a referendum, each census and size fetched once per page. */
const cache = new Map<string, Promise<string[]>>();

export function frozenCensus(
  api: PublicApi,
  spec: ReferendumSpec,
  onProgress?: (loaded: number) => void,
): Promise<string[]> {
  const key = `${spec.census.id}:${spec.census.size}`;
  let leaves = cache.get(key);
  if (!leaves) {
    leaves = fetchCensusLeaves(api, spec.census.id, spec.census.size, onProgress ? { onProgress } : {});
    cache.set(key, leaves);
    // A failed download is not remembered: the next try asks again.
    leaves.catch(() => cache.delete(key));
  }
  return leaves;
}

/** True when the key is one of the referendum's frozen census leaves. */
export async function isInFrozenCensus(api: PublicApi, spec: ReferendumSpec, identity: Identity): Promise<boolean> {
  const leaves = await frozenCensus(api, spec);
  return leaves.includes(identity.commitment.toString());
}
