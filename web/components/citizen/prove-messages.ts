/**
 * The messages between the vote page and the proving worker (web/workers/prove.worker.ts). The page
 * downloads; the worker builds the census proof and proves, so the page stays responsive.
 */
import type { PointWire } from "../../../protocol/babyjub";
import type { BallotRules } from "../../../protocol/rules";
import type { Ballot } from "../../../protocol/statement";

/** What the page asks: a ballot for these votes, with the frozen census's leaves and the artifacts. */
export interface ProveRequest {
  type: "prove";
  /** The identity's 32-byte private key. */
  privateKey: Uint8Array;
  /** The first `spec.census.size` leaves of the census, decimal. */
  leaves: string[];
  referendumId: string;
  /** Which ballot of this voter it is: the service's next revision for the voter's nullifier. */
  revision: number;
  votes: number[];
  rules: BallotRules;
  wasm: Uint8Array;
  zkey: Uint8Array;
  /**
   * A secret-ballot referendum's election key: the worker then encrypts the votes to it and proves
   * the sealed statement (the artifacts are then the sealed circuit's), so the votes never leave it in clear.
   */
  electionKey?: PointWire;
}

/** What the worker answers, in order: the census proof is ready (proving starts), then the ballot or a failure. */
export type ProveResponse =
  | { type: "census-ready" }
  | { type: "proved"; ballot: Ballot }
  | { type: "failed"; reason: "not-in-census" | "prove-failed"; detail: string };
