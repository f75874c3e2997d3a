/** Censuses: creation by a council, code issue, anonymous-friendly registration, and public reads. */
import { bytesToHex } from "@noble/hashes/utils.js";
import {
  appendToCensusFrontier,
  CENSUS_DEPTH,
  decodeCensusFrontier,
  EMPTY_CENSUS_FRONTIER,
  type CensusFrontier,
} from "../../protocol";
import { BlingError } from "../api/errors";
import { idOfKey, indexOfKey, tableKeys } from "./table-keys";
import type { CoreDeps, TableItem } from "./ports";
import { CODE_RANDOM_BYTES, formatCode, hashCode, normalizeCode } from "./registration-codes";
import { numberField, stringField } from "./item-fields";
import type { CensusInfo } from "../api/views";

export type { CensusInfo };

const MAX_APPEND_ATTEMPTS = 1000;
const PAGE = 1000;

async function censusMeta(deps: CoreDeps, censusId: string): Promise<TableItem> {
  const meta = await deps.store.get(tableKeys.census(censusId), tableKeys.censusMeta);
  if (!meta) throw new BlingError("CENSUS_NOT_FOUND");
  return meta;
}

/** The census meta, refusing any council but its owner. */
export async function ownedCensus(deps: CoreDeps, councilId: string, censusId: string): Promise<TableItem> {
  const meta = await censusMeta(deps, censusId);
  if (meta.councilId !== councilId) throw new BlingError("FORBIDDEN");
  return meta;
}

export async function createCensus(deps: CoreDeps, councilId: string, name: string): Promise<CensusInfo> {
  const id = bytesToHex(deps.random.bytes(16));
  const createdAt = deps.clock.now();
  const meta: TableItem = {
    pk: tableKeys.census(id),
    sk: tableKeys.censusMeta,
    councilId,
    name,
    createdAt,
    size: 0,
    root: "0",
    sideNodes: [],
  };
  if (!(await deps.store.put(meta, { absent: true }))) throw new BlingError("BUSY");
  await deps.store.put({ pk: tableKeys.council(councilId), sk: tableKeys.census(id), name, createdAt });
  return { id, councilId, name, createdAt, size: 0, depth: CENSUS_DEPTH, root: "0" };
}

export async function listCensuses(deps: CoreDeps, councilId: string): Promise<{ id: string; name: string }[]> {
  const items = await deps.store.query(tableKeys.council(councilId), { prefix: tableKeys.censusPrefix, limit: PAGE });
  return items.map((item) => ({ id: idOfKey(item.sk, tableKeys.censusPrefix), name: stringField(item, "name") }));
}

/** Issues `count` fresh codes; returns them once (only their keyed hashes are stored). */
export async function issueCodes(
  deps: CoreDeps,
  councilId: string,
  censusId: string,
  count: number,
): Promise<string[]> {
  await ownedCensus(deps, councilId, censusId);
  const codes = Array.from({ length: count }, () => formatCode(deps.random.bytes(CODE_RANDOM_BYTES)));
  const issuedAt = deps.clock.now();
  await deps.store.putMany(
    codes.map((code) => ({
      pk: tableKeys.census(censusId),
      sk: tableKeys.code(hashCode(deps.codeKey, censusId, normalizeCode(code) as string)),
      state: "unused",
      issuedAt,
    })),
  );
  return codes;
}

/**
 * The tree as the meta holds it. A census from before the meta kept its frontier has none: it is
 * folded once from its first leaf.
 */
function frontierOf(meta: TableItem): CensusFrontier {
  const { sideNodes } = meta;
  if (!Array.isArray(sideNodes)) return EMPTY_CENSUS_FRONTIER;
  return decodeCensusFrontier({
    size: numberField(meta, "size"),
    root: stringField(meta, "root"),
    sideNodes: sideNodes.map((node) => (typeof node === "string" ? node : "")),
  });
}

/**
 * Finishes the registration that wrote `leaf`, if a crash stopped it: the code becomes "used" (and
 * forgets the commitment), then the claim keeps only the index (and forgets the code). A leaf is
 * never taken back, so once it exists the registration has happened and only this is left to do.
 */
async function settleRegistration(deps: CoreDeps, leaf: TableItem): Promise<void> {
  const commitment = stringField(leaf, "commitment");
  const claim = await deps.store.get(leaf.pk, tableKeys.commitment(commitment));
  const codeKey = claim?.codeKey;
  if (!claim || (codeKey === undefined && typeof claim.index === "number")) return;
  if (typeof codeKey === "string") {
    const code = await deps.store.get(leaf.pk, codeKey);
    // Pending: a crashed registration. Used with a commitment: written before codes forgot theirs
    // (a legacy census's one-time fold from its first leaf scrubs them).
    if ((code?.state === "pending" || code?.state === "used") && code.commitment === commitment)
      await deps.store.put(usedCode(code), { match: { state: code.state, commitment } });
  }
  await deps.store.put(
    { pk: claim.pk, sk: claim.sk, index: indexOfKey(leaf.sk) },
    { match: { codeKey: codeKey ?? null } },
  );
}

/** A code item that only says it was used: no commitment, no index, no time (which would order it among the leaves). */
function usedCode(code: TableItem): TableItem {
  const used: TableItem = { pk: code.pk, sk: code.sk, state: "used" };
  if (code.issuedAt !== undefined) used.issuedAt = code.issuedAt;
  return used;
}

function unusedCode(code: TableItem): TableItem {
  return { ...usedCode(code), state: "unused" };
}

/**
 * Folds the leaves past the meta's size into its frontier (settling the registrations that wrote
 * them first), a page per conditional write on the size, until no leaf is left past it, or only
 * until the meta covers leaf `through`. Any number of callers may fold at once: a write that loses
 * the race is dropped and the fold goes on from the winner's meta. Returns the meta it ended on.
 */
async function foldCensus(deps: CoreDeps, censusId: string, through?: number): Promise<TableItem> {
  for (;;) {
    const meta = await censusMeta(deps, censusId);
    const frontier = frontierOf(meta);
    if (through !== undefined && frontier.size > through) return meta;
    const after = frontier.size > 0 ? tableKeys.leaf(frontier.size - 1) : undefined;
    const found = await deps.store.query(meta.pk, { prefix: tableKeys.leafPrefix, after, limit: PAGE });
    const leaves = found.filter((item, i) => indexOfKey(item.sk) === frontier.size + i);
    if (leaves.length < found.length)
      throw new Error(`census ${censusId} has a gap at ${frontier.size + leaves.length}`);
    if (leaves.length === 0) return meta;
    for (const leaf of leaves) await settleRegistration(deps, leaf);
    const next = appendToCensusFrontier(
      frontier,
      leaves.map((leaf) => BigInt(stringField(leaf, "commitment"))),
    );
    const folded = { ...meta, size: next.size, root: String(next.root), sideNodes: next.sideNodes.map(String) };
    await deps.store.put(folded, { match: { size: meta.size ?? null, root: meta.root ?? null } });
  }
}

/** Appends a commitment at the first free index from `hint`: conditional puts keep the leaves contiguous. */
async function appendLeaf(deps: CoreDeps, censusId: string, commitment: string, hint: number): Promise<number> {
  let index = hint;
  for (let attempt = 0; attempt < MAX_APPEND_ATTEMPTS; attempt++, index++) {
    if (index >= 2 ** CENSUS_DEPTH) throw new BlingError("CENSUS_FULL");
    const leaf = { pk: tableKeys.census(censusId), sk: tableKeys.leaf(index), commitment };
    if (await deps.store.put(leaf, { absent: true })) return index;
    const taken = await deps.store.get(leaf.pk, leaf.sk);
    if (taken?.commitment === commitment) return index;
  }
  throw new BlingError("BUSY");
}

/**
 * A used code with a commitment: the table no longer knows which commitment the code registered,
 * so any commitment already in the census answers its index (its leaf is public anyway, so this
 * tells nothing), which keeps a retried registration idempotent; a new commitment is refused.
 */
async function answerUsedCode(deps: CoreDeps, censusId: string, codeKey: string, commitment: string): Promise<number> {
  const pk = tableKeys.census(censusId);
  let claim = await deps.store.get(pk, tableKeys.commitment(commitment));
  // Still linked to this code: its registration crashed after the leaf; settle it now.
  if (claim?.codeKey === codeKey) {
    await foldCensus(deps, censusId);
    claim = await deps.store.get(pk, tableKeys.commitment(commitment));
  }
  if (typeof claim?.index === "number" && claim.codeKey === undefined) return claim.index;
  throw new BlingError("REGISTRATION_CODE_USED");
}

/** The code item, reserved ("pending") for `commitment`; or the index to answer for a used code. */
async function reserveCode(
  deps: CoreDeps,
  censusId: string,
  codeKey: string,
  commitment: string,
): Promise<TableItem | number> {
  const pk = tableKeys.census(censusId);
  // A lost race for the code reads it again: it is then pending or used.
  for (let attempt = 0; attempt < 3; attempt++) {
    const codeItem = await deps.store.get(pk, codeKey);
    if (!codeItem) throw new BlingError("REGISTRATION_CODE_UNKNOWN");
    if (codeItem.state === "used") return answerUsedCode(deps, censusId, codeKey, commitment);
    if (codeItem.state === "pending") {
      if (codeItem.commitment !== commitment) throw new BlingError("REGISTRATION_CODE_USED");
      return codeItem;
    }
    if (await deps.store.put({ ...codeItem, state: "pending", commitment }, { match: { state: "unused" } }))
      return codeItem;
  }
  throw new BlingError("BUSY");
}

/**
 * Registers a commitment with a single-use code and returns its leaf index.
 *
 * Writes, each conditional and resumed by a retry with the same code and commitment: (1) the code
 * is reserved for the commitment ("pending"); (2) the commitment is claimed for the code; (3) the
 * leaf is appended; then the fold (4) marks the code "used", (5) strips the code from the claim
 * and (6) advances the meta. Only (1)-(5) hold the code-commitment link, and a crash after (3) is
 * settled by the next registration or open too. When it completes the table keeps that the code
 * was used and that the commitment has a leaf, never which code brought which commitment. A
 * refused registration leaves the census as it was.
 */
export async function register(deps: CoreDeps, censusId: string, code: string, commitment: string): Promise<number> {
  const meta = await censusMeta(deps, censusId);
  const normalized = normalizeCode(code);
  if (normalized === null) throw new BlingError("REGISTRATION_CODE_UNKNOWN");
  const pk = tableKeys.census(censusId);
  const codeKey = tableKeys.code(hashCode(deps.codeKey, censusId, normalized));

  // 1. Reserve the code for this commitment.
  const codeItem = await reserveCode(deps, censusId, codeKey, commitment);
  if (typeof codeItem === "number") return codeItem;

  // 2. Claim the commitment; if another code holds it, release the reservation and refuse.
  const claimKey = tableKeys.commitment(commitment);
  let hint = numberField(meta, "size");
  if (!(await deps.store.put({ pk, sk: claimKey, codeKey }, { absent: true }))) {
    const holder = await deps.store.get(pk, claimKey);
    if (holder?.codeKey !== codeKey) {
      if (await deps.store.put(unusedCode(codeItem), { match: { state: "pending", commitment } }))
        throw new BlingError("COMMITMENT_REGISTERED");
      // The reservation was gone: a concurrent retry of this very registration finished it.
      return answerUsedCode(deps, censusId, codeKey, commitment);
    }
    // A retry: settle whatever the crashed attempt left, its own leaf included, before appending.
    hint = numberField(await foldCensus(deps, censusId), "size");
    const claim = await deps.store.get(pk, claimKey);
    if (typeof claim?.index === "number") return claim.index;
  }

  // 3. Append the leaf; the fold then settles the registration and advances the meta.
  const index = await appendLeaf(deps, censusId, commitment, hint);
  await foldCensus(deps, censusId, index);
  return index;
}

/** Commitments [from, from + limit), in leaf order. */
export async function censusLeaves(deps: CoreDeps, censusId: string, from: number, limit: number): Promise<string[]> {
  await censusMeta(deps, censusId);
  const after = from > 0 ? tableKeys.leaf(from - 1) : undefined;
  const items = await deps.store.query(tableKeys.census(censusId), { prefix: tableKeys.leafPrefix, after, limit });
  return items.map((item) => stringField(item, "commitment"));
}

/** Every commitment of a census, in leaf order (O(size): for exports and benchmarks, never a request). */
export async function allCommitments(deps: CoreDeps, censusId: string): Promise<bigint[]> {
  const commitments: bigint[] = [];
  for (;;) {
    const after = commitments.length > 0 ? tableKeys.leaf(commitments.length - 1) : undefined;
    const items = await deps.store.query(tableKeys.census(censusId), {
      prefix: tableKeys.leafPrefix,
      after,
      limit: PAGE,
    });
    for (const item of items) {
      if (indexOfKey(item.sk) !== commitments.length)
        throw new Error(`census ${censusId} has a gap at ${commitments.length}`);
      commitments.push(BigInt(stringField(item, "commitment")));
    }
    if (items.length < PAGE) return commitments;
  }
}

function infoOf(meta: TableItem, censusId: string): CensusInfo {
  const frontier = frontierOf(meta);
  return {
    id: censusId,
    councilId: stringField(meta, "councilId"),
    name: stringField(meta, "name"),
    createdAt: numberField(meta, "createdAt"),
    size: frontier.size,
    depth: CENSUS_DEPTH,
    root: String(frontier.root),
  };
}

/**
 * Size, depth and root (LeanIMT, as circuits/ builds it) from the meta alone: O(1). A leaf whose
 * registration crashed before the fold is not in it until the next registration or open folds it.
 */
export async function censusInfo(deps: CoreDeps, censusId: string): Promise<CensusInfo> {
  const meta = await censusMeta(deps, censusId);
  return infoOf(Array.isArray(meta.sideNodes) ? meta : await foldCensus(deps, censusId), censusId);
}

/** As censusInfo, with every leaf written so far folded in: the exact tree, for freezing it. */
export async function exactCensusInfo(deps: CoreDeps, censusId: string): Promise<CensusInfo> {
  return infoOf(await foldCensus(deps, censusId), censusId);
}
