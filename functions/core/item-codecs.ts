/**
 * The stored item kinds and their codecs: each turns a domain value into its table item and back,
 * in one place, so no other module casts attributes. The attribute names and shapes are what
 * existing tables hold: a codec may never rename or reshape one.
 *
 * Reads trust the nested protocol objects (entries, signed heads, records): only these codecs
 * write them, each a plain JSON value by construction (canonical JSON signs most of them).
 */
import type { JsonValue } from "../../protocol/canonical-json";
import type { BallotEntry, SignedTreeHead } from "../../protocol/log-objects";
import type { TallyResult } from "../../protocol/tally-rules";
import type { ReferendumRecord } from "../api/views";
import { attributes, numberField, stringField } from "./item-fields";
import type { TableItem } from "./ports";
import { tableKeys } from "./table-keys";

type Attributes = Record<string, JsonValue>;

/** A plain-JSON domain object as item attributes: the one widening every codec shares. */
function asAttributes(value: object): Attributes {
  return value as Attributes;
}

/** A stored attribute, to be read back as the plain-JSON domain value its codec wrote. */
function stored(value: JsonValue | undefined): unknown {
  return value;
}

/** A referendum's record: its meta item, every field an attribute. */
export const referendumCodec = {
  toItem: (record: ReferendumRecord): TableItem => ({
    pk: tableKeys.referendum(record.id),
    sk: tableKeys.referendumMeta,
    ...asAttributes(record),
  }),
  fromItem: (item: TableItem): ReferendumRecord => stored(attributes(item)) as ReferendumRecord,
};

/** Revision r of a nullifier's ballot, as acceptance claims it; `sequence` once the log holds it. */
export interface BallotSlot {
  ballotId: string;
  nullifier: string;
  revision: number;
  receivedAt: number;
  entryHash: string;
  entry: BallotEntry;
  promiseSignature: string;
  sequence?: number;
}

export const ballotSlotCodec = {
  toItem: (id: string, slot: BallotSlot): TableItem => ({
    pk: tableKeys.referendum(id),
    sk: tableKeys.revision(slot.nullifier, slot.revision),
    ballotId: slot.ballotId,
    nullifier: slot.nullifier,
    revision: slot.revision,
    receivedAt: slot.receivedAt,
    entryHash: slot.entryHash,
    entry: asAttributes(slot.entry),
    promiseSignature: slot.promiseSignature,
    ...(slot.sequence === undefined ? {} : { sequence: slot.sequence }),
  }),
  fromItem: (item: TableItem): BallotSlot => ({
    ballotId: stringField(item, "ballotId"),
    nullifier: stringField(item, "nullifier"),
    revision: numberField(item, "revision"),
    receivedAt: numberField(item, "receivedAt"),
    entryHash: stringField(item, "entryHash"),
    entry: stored(item.entry) as BallotEntry,
    promiseSignature: stringField(item, "promiseSignature"),
    ...(typeof item.sequence === "number" ? { sequence: item.sequence } : {}),
  }),
};

/** One entry of a referendum's log, at its sequence number. */
export interface LogEntryRecord {
  sequence: number;
  ballotId: string;
  entryHash: string;
  entry: BallotEntry;
}

export const logEntryCodec = {
  toItem: (id: string, record: LogEntryRecord): TableItem => ({
    pk: tableKeys.log(id),
    sk: tableKeys.logEntry(record.sequence),
    ...asAttributes(record),
  }),
  fromItem: (item: TableItem): LogEntryRecord => ({
    sequence: numberField(item, "sequence"),
    ballotId: stringField(item, "ballotId"),
    entryHash: stringField(item, "entryHash"),
    entry: stored(item.entry) as BallotEntry,
  }),
};

/** A perfect subtree on the right edge of the tree: 2^level leaves. */
export interface FrontierNode {
  level: number;
  hash: string;
}

export interface LogHead {
  size: number;
  /** Entries that are a nullifier's first ballot (revision 1): the number of distinct voters. */
  voters: number;
  frontier: FrontierNode[];
  sth: SignedTreeHead | null;
}

/** The log's head item: its size, voters, right-edge frontier and the signed head over them. */
export const logHeadCodec = {
  toItem: (id: string, head: LogHead): TableItem => ({
    pk: tableKeys.log(id),
    sk: tableKeys.logHead,
    size: head.size,
    voters: head.voters,
    frontier: head.frontier.map(asAttributes),
    sth: head.sth === null ? null : asAttributes(head.sth),
  }),
  fromItem: (item: TableItem): LogHead => ({
    size: numberField(item, "size"),
    // A head from before the voter count was kept has none.
    voters: typeof item.voters === "number" ? item.voters : 0,
    frontier: stored(item.frontier) as FrontierNode[],
    sth: stored(item.sth) as SignedTreeHead,
  }),
};

/** Every signed tree head, at its size (`STH#<size>`): the signed head's fields are the attributes. */
export const treeHeadCodec = {
  toItem: (id: string, size: number, sth: SignedTreeHead): TableItem => ({
    pk: tableKeys.log(id),
    sk: tableKeys.treeHead(size),
    ...asAttributes(sth),
  }),
  fromItem: (item: TableItem): SignedTreeHead => stored(attributes(item)) as SignedTreeHead,
};

/** A referendum's tally: the result's fields are the attributes. */
export const tallyCodec = {
  toItem: (id: string, tally: TallyResult): TableItem => ({
    pk: tableKeys.referendum(id),
    sk: tableKeys.tally,
    ...asAttributes(tally),
  }),
  fromItem: (item: TableItem): TallyResult => stored(attributes(item)) as TallyResult,
};
