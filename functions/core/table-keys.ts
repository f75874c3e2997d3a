/**
 * The single table's partition and sort keys, every spelling in one place: entity prefixes on
 * PK/SK (STYLE.md), numbers zero-padded so the sort order is the numeric order. These strings are
 * what the stored items are found by: changing one orphans every item written with it
 * (test/unit/functions/table-keys.test.ts pins them).
 */
const pad = (n: number): string => String(n).padStart(12, "0");

const COUNCIL = "COUNCIL#";
const CENSUS = "CENSUS#";
const REFERENDUM = "REF#";

export const tableKeys = {
  council: (councilId: string) => `${COUNCIL}${councilId}`,
  census: (censusId: string) => `${CENSUS}${censusId}`,
  /** A council's censuses: sort keys `CENSUS#<id>` under the council. */
  censusPrefix: CENSUS,
  censusMeta: "META",
  code: (codeHash: string) => `CODE#${codeHash}`,
  commitment: (commitment: string) => `COMMIT#${commitment}`,
  leaf: (index: number) => `LEAF#${pad(index)}`,
  leafPrefix: "LEAF#",
  referendaIndex: "REFERENDA",
  /** Referenda with background work left (opened, tally not yet anchored): one item each. */
  liveIndex: "LIVE",
  liveIndexBackfilled: "BACKFILLED",
  referendum: (id: string) => `${REFERENDUM}${id}`,
  /** The index partitions' sort keys are the referenda's partition keys: `REF#<id>`. */
  referendumPrefix: REFERENDUM,
  referendumMeta: "META",
  tally: "TALLY",
  /** Revision r of a nullifier's ballot: the ballot itself, claimed by one conditional write. */
  revision: (nullifier: string, revision: number) => `NULL#${nullifier}#${String(revision).padStart(10, "0")}`,
  revisionsOf: (nullifier: string) => `NULL#${nullifier}#`,
  revisionPrefix: "NULL#",
  /** A ballot id → the revision slot holding it, for receipts. */
  ballot: (ballotId: string) => `BALLOT#${ballotId}`,
  sweep: "SWEEP",
  lease: "LEASE",
  queue: (id: string) => `${REFERENDUM}${id}#QUEUE`,
  queued: (receivedAt: number, ballotId: string) => `${pad(receivedAt)}#${ballotId}`,
  log: (id: string) => `${REFERENDUM}${id}#LOG`,
  logEntry: (sequence: number) => `E#${pad(sequence)}`,
  logEntryPrefix: "E#",
  /** An entry hash → its sequence number, for RFC 6962 get-proof-by-hash. */
  entryHashIndex: (entryHash: string) => `H#${entryHash}`,
  logNode: (level: number, index: number) => `N#${String(level).padStart(2, "0")}#${pad(index)}`,
  logHead: "HEAD",
  treeHead: (size: number) => `STH#${pad(size)}`,
  treeHeadPrefix: "STH#",
  /** The trustees' key generation of a referendum: its current attempt and invitations. */
  dkg: "DKG",
  /** One message of trustee `index` in key-generation attempt `attempt`: `DKG#0001#DEAL#03`. */
  dkgMessage: (attempt: number, kind: DkgMessageKind, index: number) =>
    `DKG#${String(attempt).padStart(4, "0")}#${kind}#${String(index).padStart(2, "0")}`,
  dkgAttemptPrefix: (attempt: number) => `DKG#${String(attempt).padStart(4, "0")}#`,
  /** Trustee `index`'s partial decryption of the final aggregate. */
  partial: (index: number) => `PARTIAL#${String(index).padStart(2, "0")}`,
  partialPrefix: "PARTIAL#",
  /** The sum of a sealed log's counted ciphertexts, kept once computed. */
  aggregate: "AGGREGATE",
} as const;

/** The kinds of key-generation message a trustee posts, in the order of the rounds. */
export type DkgMessageKind = "MEMBER" | "DEAL" | "CHECK" | "DRY";

/** The index in a zero-padded sort key such as `LEAF#000000000042`. */
export function indexOfKey(sk: string): number {
  return Number(sk.slice(sk.lastIndexOf("#") + 1));
}

/** The id in a sort key of the form `<prefix><id>`, such as `CENSUS#<id>` or `REF#<id>`. */
export function idOfKey(sk: string, prefix: string): string {
  return sk.slice(prefix.length);
}
