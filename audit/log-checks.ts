/**
 * Checks of the ballot log: the entries rebuild every signed tree head (RFC 6962) and every head is
 * signed by the spec's log key; every anchored checkpoint is a prefix of the final log, so the log
 * never rewrote what was anchored.
 */
import { bytesToHex } from "@noble/hashes/utils.js";
import { EMPTY_ROOT, nodeHash } from "../protocol";
import { entryLeafHash, verifyTreeHead } from "../protocol/log-objects";
import { malformedIn, type AuditBundle } from "./bundle";
import { CheckBuilder, type CheckResult } from "./report";

const hexToBytes = (hex: string): Uint8Array => Uint8Array.from(Buffer.from(hex, "hex"));

/**
 * The RFC 6962 root of the first `size` leaves for every size asked, in one pass: the right edge
 * of perfect subtrees is kept as leaves are added, and folded at each size. O(n + k log n) for k
 * sizes, where recomputing each prefix would be O(n k).
 */
export function prefixRoots(leafHashes: readonly Uint8Array[], sizes: Iterable<number>): Map<number, string> {
  const wanted = new Set([...sizes].filter((s) => s >= 0 && s <= leafHashes.length));
  const roots = new Map<number, string>();
  const frontier: { level: number; hash: Uint8Array }[] = [];
  const fold = (): string =>
    bytesToHex(
      frontier.reduceRight<Uint8Array | null>(
        (right, node) => (right ? nodeHash(node.hash, right) : node.hash),
        null,
      ) ?? EMPTY_ROOT,
    );
  if (wanted.has(0)) roots.set(0, fold());
  for (const [i, leaf] of leafHashes.entries()) {
    let right = { level: 0, hash: leaf };
    for (let left = frontier.at(-1); left?.level === right.level; left = frontier.at(-1)) {
      frontier.pop();
      right = { level: left.level + 1, hash: nodeHash(left.hash, right.hash) };
    }
    frontier.push(right);
    if (wanted.has(i + 1)) roots.set(i + 1, fold());
  }
  return roots;
}

/** The RFC 6962 leaf hash of every entry as recomputed from its canonical bytes (the costly part: once). */
export function entryLeafHashes(bundle: AuditBundle): Uint8Array[] {
  return bundle.entries.map(({ entry }) => hexToBytes(entryLeafHash(entry)));
}

/** The log's final head: the largest signed one (the tally's and the last checkpoint's size). */
export function finalHeadSize(bundle: AuditBundle): number {
  return bundle.heads.reduce((max, head) => Math.max(max, head.treeSize), 0);
}

export function checkLog(bundle: AuditBundle, leaves: readonly Uint8Array[]): CheckResult {
  const check = new CheckBuilder("log", "The log entries rebuild every signed tree head");
  const { logPublicKey, id } = bundle.referendum.spec;
  // Left out of the lists, so the log below is short of them: named first, as the cause.
  for (const { part, index, problem } of [...malformedIn(bundle, "entries"), ...malformedIn(bundle, "heads")])
    check.fail(
      `${part === "heads" ? "signed head" : "log entry"} at position ${index} cannot be read (${problem}): the log cannot be rebuilt from what was served`,
    );
  bundle.entries.forEach(({ sequence, entryHash }, i) => {
    if (sequence !== i)
      check.fail(`entry ${i} of the log says it is #${sequence}: the log is out of order or has gaps`);
    const computed = bytesToHex(leaves[i] ?? new Uint8Array());
    if (computed !== entryHash) check.fail(`entry #${sequence} hashes to ${computed}, the log states ${entryHash}`);
  });
  const roots = prefixRoots(
    leaves,
    bundle.heads.map((head) => head.treeSize),
  );
  const finalSize = finalHeadSize(bundle);
  if (bundle.heads.length === 0 && bundle.entries.length > 0) check.fail("the log has entries but no signed head");
  if (finalSize !== bundle.entries.length)
    check.fail(`the final signed head covers ${finalSize} ballots but the log has ${bundle.entries.length}`);
  for (const head of bundle.heads) {
    const name = `the signed head of size ${head.treeSize}`;
    if (head.referendumId !== id) check.fail(`${name} is not a head of this referendum's log`);
    if (!verifyTreeHead(head, logPublicKey))
      check.fail(`${name}: its signature does not verify under the spec's log key`);
    const root = roots.get(head.treeSize);
    if (root === undefined) check.fail(`${name} is past the end of the log (${leaves.length} entries)`);
    else if (root !== head.rootHash) check.fail(`${name} signs root ${head.rootHash}; the entries rebuild ${root}`);
  }
  check.numbers.entries = bundle.entries.length;
  check.numbers.signedHeads = bundle.heads.length;
  check.numbers.finalRoot = roots.get(finalSize) ?? "";
  return check.done(
    `${bundle.entries.length} entries rebuild all ${bundle.heads.length} signed heads; signatures verify under the spec's key`,
  );
}

export function checkCheckpoints(bundle: AuditBundle, leaves: readonly Uint8Array[]): CheckResult {
  const check = new CheckBuilder("checkpoints", "Every anchored checkpoint is consistent with the final head");
  const finalSize = finalHeadSize(bundle);
  const { checkpoints, closing, tally } = bundle.anchors;
  const anchored = [...checkpoints.map((c) => ({ name: `checkpoint #${c.index}`, size: c.logSize, root: c.logRoot }))];
  if (closing) anchored.push({ name: "the closing head", size: closing.logSize, root: closing.logRoot });
  if (tally) anchored.push({ name: "the tally's final head", size: tally.logSize, root: tally.logRoot });
  // A prefix of the final log rebuilds the anchored root exactly when the anchored tree is consistent with it.
  const roots = prefixRoots(
    leaves.slice(0, finalSize),
    anchored.map((a) => a.size),
  );
  for (const { name, size, root } of anchored) {
    const rebuilt = roots.get(size);
    if (rebuilt === undefined) check.fail(`${name} anchors ${size} ballots, more than the final head's ${finalSize}`);
    else if (`0x${rebuilt}` !== root)
      check.fail(
        `${name} anchors root ${root.slice(2)} at size ${size}, but the log's first ${size} entries rebuild ${rebuilt}: the log rewrote history`,
      );
  }
  check.numbers.checkpoints = checkpoints.length;
  check.numbers.finalSize = finalSize;
  return check.done(
    `${checkpoints.length} checkpoints${closing ? ", the closing head" : ""}${tally ? " and the tally's head" : ""} are prefixes of the final log of ${finalSize}`,
  );
}
