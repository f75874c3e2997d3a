/**
 * Everything an observer audits a referendum from, as plain JSON: what the service serves (spec,
 * census leaves, log entries, signed heads, tally) and what the registry anchors. `bling verify`
 * fetches it or reads it from a dump; `bling export` writes it. Parsed with zod, so a malformed
 * dump or answer is a clear error, never a crash deep inside a check.
 */
import { z } from "zod";
import type { BallotEntry, SignedTreeHead } from "../protocol/log-objects";
import type { ReferendumSpec } from "../protocol/spec";
import type { TallyResult } from "../protocol/tally-rules";

export const BUNDLE_FORMAT = "bling.audit.v1";

const hex64 = z.string().regex(/^[0-9a-f]{64}$/, "must be 32 bytes of lowercase hex");
const hex0x = z.string().regex(/^0x[0-9a-f]{64}$/, "must be 0x and 32 bytes of lowercase hex");
const decimal = z.string().regex(/^(0|[1-9][0-9]*)$/, "must be a decimal integer");
const size = z.int().min(0);

const signedTreeHead = z.object({
  type: z.string(),
  referendumId: z.string(),
  treeSize: size,
  rootHash: z.string(),
  timestamp: z.number(),
  signature: z.string(),
});

// Loose on purpose where the audit itself judges the content: a ballot with a missing signal or
// a bad proof is a failed check with its sequence number, not an unreadable bundle.
const logEntry = z.object({
  sequence: size,
  entryHash: z.string(),
  entry: z.looseObject({
    type: z.string(),
    referendumId: z.string(),
    revision: z.int(),
    receivedAt: z.number(),
    ballot: z.looseObject({ proof: z.unknown(), publicSignals: z.unknown() }),
  }),
});

const rules = z.object({
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
      specHash: hex0x,
      censusRoot: decimal,
      rules,
      opensAt: z.number(),
      closesAt: z.number(),
    })
    .nullable(),
  checkpoints: z.array(z.object({ index: size, logSize: size, logRoot: hex0x, anchoredAt: z.number() })),
  /** The closing head (absent in dumps made before the hard close: read as not anchored). */
  closing: z
    .object({ closedAt: z.number(), logSize: size, logRoot: hex0x, anchoredAt: z.number() })
    .nullable()
    .default(null),
  /** The chain's latest block time when the anchors were read: whether a missing closing is late. */
  chainTime: z.number().nullable().default(null),
  tally: z
    .object({
      counts: z.array(decimal),
      logSize: size,
      logRoot: hex0x,
      nullifierSetRoot: hex0x,
      publishedAt: z.number(),
    })
    .nullable(),
});
export type AuditAnchors = z.infer<typeof auditAnchors>;

// The fields the checks read; the spec check then holds the whole spec to its anchored hash.
const spec = z.looseObject({
  id: z.string(),
  options: z.array(z.string()),
  rules: rules.loose(),
  revoting: z.boolean(),
  maxMergeDelay: z.int().min(0),
  opensAt: z.number(),
  closesAt: z.number(),
  census: z.looseObject({ id: z.string(), root: decimal, size }),
  circuit: z.looseObject({ name: z.string(), zkeySha256: z.string() }),
  logPublicKey: z.string(),
});

export const auditBundle = z.object({
  format: z.literal(BUNDLE_FORMAT),
  referendumId: decimal,
  /** What the service says about itself (`GET /config`); informative, the anchors decide. */
  config: z.looseObject({ chainId: z.string(), registry: z.string(), logPublicKey: z.string() }),
  referendum: z.object({ state: z.string(), spec, specHash: hex64.nullable() }),
  census: z.object({ leaves: z.array(z.string()) }),
  entries: z.array(logEntry),
  heads: z.array(signedTreeHead),
  tally: z
    .object({
      counts: z.array(z.string()),
      ballots: size,
      voters: size,
      logSize: size,
      logRoot: z.string(),
      nullifierSetRoot: z.string(),
    })
    .nullable(),
  anchors: auditAnchors,
});

/** One log entry as `GET /log/entries` serves it. */
export interface AuditEntry {
  sequence: number;
  entryHash: string;
  entry: BallotEntry;
}

/** The typed bundle: the parsed JSON with the protocol's own types where the checks rely on them. */
export type AuditBundle = Omit<z.infer<typeof auditBundle>, "referendum" | "entries" | "heads" | "tally"> & {
  referendum: { state: string; spec: ReferendumSpec; specHash: string | null };
  entries: AuditEntry[];
  heads: SignedTreeHead[];
  tally: TallyResult | null;
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
 * Checks the shape of a bundle (from a dump or the network).
 * @throws BundleError naming the first bad field.
 */
export function parseBundle(value: unknown, source: string): AuditBundle {
  const result = auditBundle.safeParse(value);
  if (!result.success) {
    const [issue] = result.error.issues;
    throw new BundleError(`${source}: ${issue ? `${issue.path.join(".") || "(root)"}: ${issue.message}` : "invalid"}`);
  }
  // The spec's inner fields are checked by the spec check (its hash must match the anchor).
  return result.data as unknown as AuditBundle;
}
