import type { BallotRules } from "../../protocol";

/** A Baby Jubjub point as the registry stores it: affine (x, y), canonical field elements. */
export type ElectionKeyAnchor = readonly [x: bigint, y: bigint];

/** What `openReferendum` anchors. Hashes and roots are 0x-prefixed 32-byte hex; times are Unix seconds. */
export interface ReferendumAnchor {
  id: bigint;
  /** SHA-256 of the spec's canonical JSON (RFC 8785). */
  specHash: string;
  censusRoot: bigint;
  rules: BallotRules;
  /**
   * A sealed referendum's (protocol v2) election key, the spec's `trustees.electionKey`; absent or
   * null opens a public-vote (v1.1) referendum. The registry refuses the identity (0, 1).
   */
  electionKey?: ElectionKeyAnchor | null;
  opensAt: number;
  closesAt: number;
}

/** A referendum as the registry holds it: the anchor and the council (signer address) that wrote it. */
export interface AnchoredReferendum extends ReferendumAnchor {
  /** The anchored election key of a sealed referendum, null for a public-vote one: observers compare it with the spec. */
  electionKey: ElectionKeyAnchor | null;
  council: string;
}

/** A signed head of the ballot log (RFC 6962 tree size and SHA-256 root). */
export interface LogHead {
  logSize: number;
  logRoot: string;
}

/** A checkpoint as stored: its position in the referendum's list and the block time it was anchored at. */
export interface AnchoredCheckpoint extends LogHead {
  index: number;
  anchoredAt: number;
}

/** What `closeLog` anchors: the log head at the effective close (`closedAt`, Unix seconds). */
export interface ClosingAnchor extends LogHead {
  id: bigint;
  closedAt: number;
}

/** The closing as stored, with the block time it was anchored at. */
export interface AnchoredClosing extends ClosingAnchor {
  anchoredAt: number;
}

/** What `publishTally` anchors: counts per option (all VOTE_OPTIONS slots), the final head and the nullifier-set root. */
export interface TallyAnchor extends LogHead {
  id: bigint;
  counts: bigint[];
  nullifierSetRoot: string;
}

export interface AnchoredTally extends TallyAnchor {
  publishedAt: number;
}

/** Where a registry event was emitted. */
export interface EventOrigin {
  blockNumber: number;
  transactionHash: string;
  logIndex: number;
}

/** A referendum's events, in chain order. */
export type RegistryEvent =
  | ({ kind: "ReferendumOpened"; referendum: AnchoredReferendum } & EventOrigin)
  | ({ kind: "LogCheckpointed"; id: bigint; index: number; head: LogHead } & EventOrigin)
  | ({ kind: "LogClosed"; closing: ClosingAnchor } & EventOrigin)
  | ({ kind: "TallyPublished"; tally: TallyAnchor } & EventOrigin);

/** The mined transaction of a registry write. */
export interface AnchorReceipt {
  transactionHash: string;
  blockNumber: number;
  gasUsed: bigint;
}
