/**
 * The objects the API answers with (besides the spec and the log objects): the contract that web/
 * and cli/ read, defined here so neither imports the domain core.
 */
import type { ReferendumDraft } from "./schemas";
import type { BallotEntry } from "../../protocol/log-objects";
import type { ReferendumSpec } from "../../protocol/spec";
import type { DkgAssessment, DkgTranscript } from "../../protocol/trustee-transcript";

export type ReferendumState = "draft" | "open" | "closed" | "tallied";

/**
 * What the chain was last seen to hold (with enough confirmations) of a referendum: a report the
 * anchor loop refreshes after reading the chain, never a reason for it to skip a read.
 */
export interface AnchorProgress {
  opened: boolean;
  checkpointSize: number;
  /** The closing head is anchored (absent on records made before the hard close). */
  closed?: boolean;
  tallied: boolean;
}

/**
 * The log sealed at the effective close: the head the tally covers and the chain anchors with
 * `closeLog`. Sizes and roots as the log's signed head at that size (root: lowercase hex).
 */
export interface ClosingHead {
  size: number;
  root: string;
  /** The effective close, Unix seconds: min(spec.closesAt, the council's early close). */
  closedAt: number;
  /** When the service sealed the log (ms). */
  sealedAt: number;
}

/** Ballots in the log, distinct voters among them, and the frozen census size. */
export interface Turnout {
  ballots: number;
  voters: number;
  electorate: number;
}

/** `GET /v1/referenda/{id}`: what anyone may see of a published referendum. */
export interface PublicReferendum {
  id: string;
  state: Exclude<ReferendumState, "draft">;
  spec: ReferendumSpec;
  specHash: string;
  anchors: AnchorProgress;
  turnout: Turnout | null;
}

/** A referendum as the service keeps it, and as the council's writes answer with it. */
export interface ReferendumRecord {
  id: string;
  councilId: string;
  state: ReferendumState;
  draft: ReferendumDraft;
  spec: ReferendumSpec | null;
  specHash: string | null;
  anchors: AnchorProgress;
  createdAt: number;
  /** When the council opened it, and when it was tallied (ms): the anchoring lag is measured from these. */
  openedAt?: number;
  /** The council's early close, Unix seconds (the effective close is the earlier of this and closesAt). */
  closedAt?: number;
  /** Set once the log is sealed after the effective close; the tally covers exactly this head. */
  closing?: ClosingHead;
  talliedAt?: number;
  version: number;
}

/** `GET /v1/council/referenda/{id}`: the council's whole record, drafts included, with live turnout. */
export interface CouncilReferendum extends ReferendumRecord {
  turnout: Turnout | null;
}

/** `GET /v1/referenda/{id}/nullifiers/{nullifier}`: where a voter stands, so any device proves the right revision. */
export interface NullifierStatus {
  nullifier: string;
  /** The last accepted revision (0: none yet). */
  revision: number;
  /** The revision to prove next; null when re-voting is off and the voter has voted. */
  nextRevision: number | null;
}

/** A census as its council and the public see it. */
export interface CensusInfo {
  id: string;
  councilId: string;
  name: string;
  createdAt: number;
  size: number;
  depth: number;
  root: string;
}

/** `GET /v1/censuses/{id}`: what anyone may see of a census (its name is what citizens read, not its id). */
export type CensusSummary = Pick<CensusInfo, "id" | "name" | "size" | "depth" | "root">;

/** One entry of a referendum's log as `GET /v1/referenda/{id}/log/entries` serves it. */
export interface LoggedEntry {
  sequence: number;
  entryHash: string;
  entry: BallotEntry;
}

/** One trustee's invitation, returned once to the council for sending (only a keyed hash is kept). */
export interface TrusteeInvitation {
  index: number;
  name: string;
  code: string;
}

/** The public state of a referendum's key generation, as anyone (trustees first) reads it. */
export interface DkgView {
  referendumId: string;
  title: string;
  transcript: DkgTranscript;
  assessment: DkgAssessment;
  /** Whether the draft still names exactly the invited trustees (a changed list needs new invitations). */
  current: boolean;
}

/** The aggregate of a sealed log, as the service publishes it for trustees to compare with their own. */
export interface AggregateView {
  logSize: number;
  ballots: number;
  voters: number;
  nullifierSetRoot: string;
  bound: string;
  aggregate: string[][];
  /** Trustees whose partial decryption of it the service holds. */
  decryptedBy: number[];
  threshold: number;
}
