/** The single table's keys, in one place: entity prefixes on PK/SK (STYLE.md), numbers zero-padded to sort. */
const pad = (n: number): string => String(n).padStart(12, "0");

export const keys = {
  council: (councilId: string) => `COUNCIL#${councilId}`,
  census: (censusId: string) => `CENSUS#${censusId}`,
  censusMeta: "META",
  code: (codeHash: string) => `CODE#${codeHash}`,
  commitment: (commitment: string) => `COMMIT#${commitment}`,
  leaf: (index: number) => `LEAF#${pad(index)}`,
  leafPrefix: "LEAF#",
  referendaIndex: "REFERENDA",
  /** Referenda with background work left (opened, tally not yet anchored): one item each. */
  liveIndex: "LIVE",
  liveIndexBackfilled: "BACKFILLED",
  referendum: (id: string) => `REF#${id}`,
  referendumMeta: "META",
  /** Revision r of a nullifier's ballot: the ballot itself, claimed by one conditional write. */
  revision: (nullifier: string, revision: number) => `NULL#${nullifier}#${String(revision).padStart(10, "0")}`,
  revisionsOf: (nullifier: string) => `NULL#${nullifier}#`,
  revisionPrefix: "NULL#",
  /** A ballot id → the revision slot holding it, for receipts. */
  ballot: (ballotId: string) => `BALLOT#${ballotId}`,
  sweep: "SWEEP",
  lease: "LEASE",
  queue: (id: string) => `REF#${id}#QUEUE`,
  queued: (receivedAt: number, ballotId: string) => `${pad(receivedAt)}#${ballotId}`,
  log: (id: string) => `REF#${id}#LOG`,
  logEntry: (sequence: number) => `E#${pad(sequence)}`,
  logEntryPrefix: "E#",
  logNode: (level: number, index: number) => `N#${String(level).padStart(2, "0")}#${pad(index)}`,
  logHead: "HEAD",
  treeHead: (size: number) => `STH#${pad(size)}`,
  treeHeadPrefix: "STH#",
} as const;

/** The index in a zero-padded sort key such as `LEAF#000000000042`. */
export function indexOfKey(sk: string): number {
  return Number(sk.slice(sk.lastIndexOf("#") + 1));
}
