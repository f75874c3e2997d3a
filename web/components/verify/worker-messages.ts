/**
 * The messages between the verify page and its Web Worker (web/workers/verify.worker.ts): the page
 * asks for one referendum's audit, the worker answers with progress, then a report or a failure.
 */
import type { AuditReport } from "../../../audit/report";

export interface VerifyRequest {
  api: string;
  rpc: string;
  registry: string;
  /** The block the registry was deployed in: its events are searched from there. */
  deployBlock: number;
  referendumId: string;
  /** The site declares a test deployment (config.json): the dev ceremony's key is accepted, visibly. */
  testDeployment: boolean;
  /** Receipt files the observer dropped in, held against the log (the `receipts` check). */
  receipts?: { source: string; content: unknown }[];
}

/** What the worker is doing: downloading (config, census, log, circuit), verifying proofs, or the checks. */
export type VerifyPhase = "start" | "circuit" | "census" | "log" | "proofs" | "checks";

/** What the page shows beside the report: the referendum's options and the numbers behind the chart. */
export interface VerifyFacts {
  title: string;
  options: string[];
  state: string;
  electorate: number;
  /** Log entries, re-votes included. */
  ballots: number;
  /** Distinct nullifiers: the voters counted. */
  voters: number;
  /** Whether the registry holds a tally yet. */
  tallyAnchored: boolean;
  /** The recount per option, as decimal strings (the counts can exceed 2^53 only in theory). */
  recount: string[];
  /** The trusted setup the key came from, as its manifest summarises it (null: the dev ceremony). */
  ceremony: { id: string; participants: string[]; beaconBlock: number } | null;
  /** How the proofs were checked and how long it took, for the page's note and for measuring. */
  proofs: { verifier: "mcl-batch"; count: number; ms: number };
}

/** Why the audit could not run: which source failed, so the page explains it in the reader's language. */
export type VerifyFailureKind = "api" | "rpc" | "notFound" | "notOpen" | "artifacts" | "other";

export type VerifyEvent =
  | { type: "progress"; phase: VerifyPhase; done: number; total: number }
  | { type: "done"; report: AuditReport; facts: VerifyFacts }
  | { type: "failed"; kind: VerifyFailureKind; detail: string };
