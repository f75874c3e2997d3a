/**
 * The objects the API answers with (besides the spec and the log objects): the contract that web/
 * and cli/ read, defined here so neither imports the domain core.
 */
import type { ReferendumDraft, ReferendumSpec } from "./schemas";

export type ReferendumState = "draft" | "open" | "closed" | "tallied";

/** What the chain holds of a referendum so far; the anchor loop fills it in. */
export interface AnchorProgress {
  opened: boolean;
  checkpointSize: number;
  tallied: boolean;
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
  talliedAt?: number;
  /** The sealed log at close: set once, after which nothing is appended (the closing checkpoint). */
  closing?: { size: number; root: string; closedAt: number; sealedAt: number };
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
