/**
 * Everything an observer audits a referendum from, as plain JSON: what the service serves (spec,
 * census leaves, log entries, signed heads, tally) and what the registry anchors. `bling verify`
 * fetches it or reads it from a dump; `bling export` writes it. Parsed with zod, so a malformed
 * dump or answer is a clear error, never a crash deep inside a check.
 */
import { z } from "../protocol/zod";
import { ballotEntry, signedTreeHead, type SignedTreeHead } from "../protocol/log-objects";
import { referendumSpec, type ReferendumSpec } from "../protocol/spec";
import { tallyResult, type TallyResult } from "../protocol/tally-rules";
import { canonicalDecimal, firstIssue, hex32, hex32Prefixed, lenient } from "../protocol/wire";

export const BUNDLE_FORMAT = "bling.audit.v1";

const size = z.int().min(0);

// A log entry's ballot with as many public signals as it has: a public vote has 16, a sealed ballot
// 11 + 4k. The ballots check decodes them for the spec's circuit, and names a ballot that does not fit.
const loggedBallotEntry = ballotEntry.extend({
  ballot: ballotEntry.shape.ballot.extend({ publicSignals: z.array(z.string()) }),
});

/** One log entry as `GET /log/entries` serves it. */
export const auditEntry = z.object({ sequence: size, entryHash: hex32, entry: loggedBallotEntry });
export type AuditEntry = z.infer<typeof auditEntry>;

// The registry's record as the chain reads it back: its own shapes (bytes32 as 0x hex, rules as
// the contract stores them), which the checks hold against the spec and the log.
const anchoredRules = z.object({
  options: z.int(),
  maxValue: z.int(),
  minTotal: z.int(),
  maxTotal: z.int(),
  costExponent: z.int(),
});

export const auditAnchors = z.object({
  registry: z.string(),
  referendum: z
    .object({
      council: z.string(),
      specHash: hex32Prefixed,
      censusRoot: canonicalDecimal,
      rules: anchoredRules,
      /** A sealed referendum's anchored election key (x, y); null for a public-vote one. */
      electionKey: z.tuple([canonicalDecimal, canonicalDecimal]).nullable().default(null),
      opensAt: z.number(),
      closesAt: z.number(),
    })
    .nullable(),
  checkpoints: z.array(z.object({ index: size, logSize: size, logRoot: hex32Prefixed, anchoredAt: z.number() })),
  /** The closing head (absent in dumps made before the hard close: read as not anchored). */
  closing: z
    .object({ closedAt: z.number(), logSize: size, logRoot: hex32Prefixed, anchoredAt: z.number() })
    .nullable()
    .default(null),
  /** The chain's latest block time when the anchors were read: whether a missing closing is late. */
  chainTime: z.number().nullable().default(null),
  tally: z
    .object({
      counts: z.array(canonicalDecimal),
      logSize: size,
      logRoot: hex32Prefixed,
      nullifierSetRoot: hex32Prefixed,
      publishedAt: z.number(),
    })
    .nullable(),
});
export type AuditAnchors = z.infer<typeof auditAnchors>;

// The frame of a bundle: without it there is nothing to audit. The service's items (entries,
// heads, tally) are read one by one below, so a bad one fails its check rather than the whole audit.
const bundleFrame = z.object({
  format: z.literal(BUNDLE_FORMAT),
  referendumId: canonicalDecimal,
  /** What the service says about itself (`GET /config`); informative, the anchors decide. */
  config: z.looseObject({ chainId: z.string(), registry: z.string(), logPublicKey: z.string() }),
  referendum: z.object({ state: z.string(), spec: z.unknown(), specHash: hex32.nullable() }),
  census: z.object({ leaves: z.array(z.string()) }),
  entries: z.array(z.unknown()),
  heads: z.array(z.unknown()),
  tally: z.unknown(),
  anchors: auditAnchors,
});

// Lenient: keys the schemas do not name are kept, as the spec's hash, an entry's leaf hash and a
// head's signature cover them.
const readSpec = lenient(referendumSpec);
const readEntry = lenient(auditEntry);
const readHead = lenient(signedTreeHead);
const readTally = lenient(tallyResult);

/** An item of the bundle that does not parse: its check fails with `problem`; `value` is kept for an export. */
export interface MalformedItem {
  part: "entries" | "heads" | "tally";
  /** Its position in its part as served (0 for the tally). */
  index: number;
  /** The first thing wrong with it: `path: message`. */
  problem: string;
  value: unknown;
}

/** The typed bundle: the parsed JSON, with the protocol's own types for the service's items. */
export type AuditBundle = Omit<z.infer<typeof bundleFrame>, "referendum" | "entries" | "heads" | "tally"> & {
  referendum: { state: string; spec: ReferendumSpec; specHash: string | null };
  /** The entries that parse, in log order (a malformed one is left out and listed in `malformed`). */
  entries: AuditEntry[];
  heads: SignedTreeHead[];
  tally: TallyResult | null;
  malformed: MalformedItem[];
};

/** The sources could not be read (unreachable, unknown referendum, no dump there): nothing was audited. */
export class SourceError extends Error {
  override name = "SourceError";
}

/** An input the audit cannot read (a malformed dump or answer): the CLI reports it without a stack trace. */
export class BundleError extends Error {
  override name = "BundleError";
}

/**
 * Checks the shape of a bundle (from a dump or the network): its frame and spec strictly, the
 * service's items one by one (a malformed one is set aside in `malformed` for its check to fail).
 * @throws BundleError naming the first bad field of the frame or the spec.
 */
export function parseBundle(value: unknown, source: string): AuditBundle {
  const frame = bundleFrame.safeParse(value);
  if (!frame.success) throw new BundleError(`${source}: ${firstIssue(frame.error)}`);
  const { referendum, entries, heads, tally, ...rest } = frame.data;
  const spec = parseSpec(referendum.spec, source);
  const malformed: MalformedItem[] = [];
  function read<T>(part: MalformedItem["part"], items: readonly unknown[], schema: z.ZodType<T>): T[] {
    const parsed: T[] = [];
    items.forEach((item, index) => {
      const result = schema.safeParse(item);
      if (result.success) parsed.push(result.data);
      else malformed.push({ part, index, problem: firstIssue(result.error), value: item });
    });
    return parsed;
  }
  return {
    ...rest,
    referendum: { state: referendum.state, spec, specHash: referendum.specHash },
    entries: read("entries", entries, readEntry),
    heads: read("heads", heads, readHead),
    tally: tally === null ? null : (read("tally", [tally], readTally)[0] ?? null),
    malformed,
  };
}

/**
 * Reads a referendum's spec (leniently: keys it does not name stay, the spec hash covers them).
 * @throws BundleError naming the first bad field: every check reads the spec, so there is nothing to audit without it.
 */
export function parseSpec(value: unknown, source: string): ReferendumSpec {
  const spec = readSpec.safeParse(value);
  if (!spec.success) throw new BundleError(`${source}: ${firstIssue(spec.error, ["referendum", "spec"])}`);
  return spec.data;
}

/** The malformed items of one part of a bundle. */
export function malformedIn(bundle: AuditBundle, part: MalformedItem["part"]): MalformedItem[] {
  return bundle.malformed.filter((item) => item.part === part);
}

/** A part's items as they were served, the malformed ones back in their places: what an export writes. */
export function servedItems(bundle: AuditBundle, part: "entries" | "heads"): unknown[] {
  const items: unknown[] = [...bundle[part]];
  // In served order, each goes back where it was: every item before it is already in place.
  for (const { index, value } of malformedIn(bundle, part)) items.splice(index, 0, value);
  return items;
}

/** The tally as it was served, malformed or not. */
export function servedTally(bundle: AuditBundle): unknown {
  return bundle.tally ?? malformedIn(bundle, "tally")[0]?.value ?? null;
}
