/**
 * The aggregate a trustee may decrypt: the sum of the counted ballots of exactly the log the
 * registry anchored at close, recomputed from the fetched entries. The trustee tool and page
 * decrypt nothing else, so the service cannot use trustees to open a single ballot or a partial
 * sum by showing them a log of its choosing: any other log has another root than the anchored one.
 */
import { bytesToHex } from "@noble/hashes/utils.js";
import { rootOf } from "../protocol/transparency-log";
import { sealedAggregate, type SealedAggregate } from "../protocol/sealed-tally";
import { sealedSlotsOf } from "../protocol/sealed-statement";
import { BundleError, malformedIn, type AuditBundle } from "./bundle";
import { entryLeafHashes } from "./log-checks";

/**
 * @throws BundleError when the referendum has no sealed ballots, no closing head is anchored yet,
 * or the fetched log is not the anchored one.
 */
export function anchoredAggregate(bundle: AuditBundle): SealedAggregate & { logSize: number } {
  const { spec } = bundle.referendum;
  const slots = sealedSlotsOf(spec.circuit.name);
  if (!spec.trustees || slots === null) throw new BundleError("this referendum's votes are not sealed");
  const { closing } = bundle.anchors;
  if (!closing) throw new BundleError("the closing log is not anchored yet: decrypt after it is");
  if (malformedIn(bundle, "entries").length > 0)
    throw new BundleError("the service's log has entries that do not read");
  if (bundle.entries.length < closing.logSize)
    throw new BundleError(
      `the service served ${bundle.entries.length} entries, the anchored log has ${closing.logSize}`,
    );
  const counted = bundle.entries.slice(0, closing.logSize);
  const root = `0x${bytesToHex(rootOf(entryLeafHashes({ ...bundle, entries: counted })))}`;
  if (root !== closing.logRoot)
    throw new BundleError(`the served log's root ${root} is not the anchored closing root ${closing.logRoot}`);
  return { ...sealedAggregate(counted, slots), logSize: closing.logSize };
}
