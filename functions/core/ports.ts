/**
 * What the domain core needs from the world, passed in: the table, time, randomness, the log's
 * signing key, proof verification and the chain. Adapters implement these; the core does no I/O.
 */
import type { Ballot, BallotRules } from "../../protocol";
import type { JsonValue } from "../../protocol/canonical-json";

/** One item of the single table: partition key, sort key and JSON attributes. */
export interface TableItem {
  pk: string;
  sk: string;
  [attribute: string]: JsonValue;
}

export interface TableKey {
  pk: string;
  sk: string;
}

/**
 * A write condition: `absent` = no item with this key; `match` = every listed attribute equals the
 * given value (`null` = attribute missing). DynamoDB's conditional writes, nothing more.
 */
export type WriteCondition = { absent: true } | { match: Record<string, JsonValue> };

export interface QueryOptions {
  /** Sort keys starting with this. */
  prefix: string;
  /** Only sort keys strictly after (or, descending, before) this one. */
  after?: string;
  limit: number;
  /** Largest sort keys first. */
  descending?: boolean;
}

/** The single-table store, with conditional writes only (no transactions). */
export interface TableStore {
  get(pk: string, sk: string): Promise<TableItem | null>;
  /** Strongly consistent reads of several items in one round trip, answered in the order asked. */
  getMany(keys: readonly TableKey[]): Promise<(TableItem | null)[]>;
  /** Writes the whole item; false (and nothing written) when the condition does not hold. */
  put(item: TableItem, condition?: WriteCondition): Promise<boolean>;
  /** Unconditional writes of many items (for bulk issue of fresh random keys). */
  putMany(items: TableItem[]): Promise<void>;
  delete(pk: string, sk: string, condition?: WriteCondition): Promise<boolean>;
  /** Items of a partition by sort-key prefix, in sort-key order. */
  query(pk: string, options: QueryOptions): Promise<TableItem[]>;
}

export interface Clock {
  /** Milliseconds since the Unix epoch. */
  now(): number;
}

export interface Random {
  bytes(length: number): Uint8Array;
}

/** The log's Ed25519 key: signs promises and tree heads. */
export interface LogSigner {
  publicKeyHex: string;
  sign(message: Uint8Array): Uint8Array;
}

/** Groth16 verification of a ballot against the referendum's circuit, off the caller's event loop. */
export interface ProofVerifier {
  /** Whether the ballot's proof verifies under the named circuit's key (false for a circuit it does not know). */
  verify(ballot: Ballot, circuit: string): Promise<boolean>;
}

/** A ballot circuit as a spec names it: its artifact set, proving key hash and ceremony. */
export interface CircuitInfo {
  name: string;
  zkeySha256: string;
  ceremony: string;
}

/**
 * Which state of the chain a read sees: the latest block, or the newest block with the configured
 * number of confirmations on top of it (the same as latest when none are required).
 */
export type ChainView = "latest" | "confirmed";

/** The chain anchor as the core sees it: reads at a chain view, then idempotent-by-check writes. */
export interface ChainAnchor {
  /** The anchored spec hash of a referendum, or null when it is not on chain. */
  openedSpecHash(id: bigint, view: ChainView): Promise<string | null>;
  open(anchor: {
    id: bigint;
    specHash: string;
    censusRoot: bigint;
    rules: BallotRules;
    /** A sealed referendum's election key (affine x, y), from its spec; absent for a public-vote one. */
    electionKey?: readonly [bigint, bigint];
    opensAt: number;
    closesAt: number;
  }): Promise<void>;
  /** Size of the last anchored checkpoint (0 when none). */
  lastCheckpointSize(id: bigint, view: ChainView): Promise<number>;
  checkpoint(id: bigint, logSize: number, logRoot: string): Promise<void>;
  /** The anchored closing head (root 0x-prefixed), or null before the log is closed on chain. */
  closedLog(id: bigint, view: ChainView): Promise<{ closedAt: number; logSize: number; logRoot: string } | null>;
  closeLog(closing: { id: bigint; closedAt: number; logSize: number; logRoot: string }): Promise<void>;
  isTallied(id: bigint, view: ChainView): Promise<boolean>;
  publishTally(tally: {
    id: bigint;
    counts: bigint[];
    logSize: number;
    logRoot: string;
    nullifierSetRoot: string;
  }): Promise<void>;
}

/** Everything the core uses, in one place. */
export interface CoreDeps {
  store: TableStore;
  clock: Clock;
  random: Random;
  signer: LogSigner;
  verifier: ProofVerifier;
  /** Keyed hash of registration codes (HMAC key), so the table never holds a usable code. */
  codeKey: Uint8Array;
  /** The ballot circuits the service verifies, by name: the public-vote one and the sealed ones. */
  circuits: Readonly<Record<string, CircuitInfo>>;
}
