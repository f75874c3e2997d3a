/** Censuses: creation by a council, code issue, anonymous-friendly registration, and public reads. */
import { bytesToHex } from "@noble/hashes/utils";
import { buildCensus, censusRoot, CENSUS_DEPTH } from "../../circuits/src";
import { BlingError } from "../api/errors";
import { keys, indexOfKey } from "./keys";
import type { CoreDeps, TableItem } from "./ports";
import { CODE_RANDOM_BYTES, formatCode, hashCode, normalizeCode } from "./registration-codes";
import { count, text } from "./item-fields";
import type { CensusInfo } from "../api/views";

export type { CensusInfo };

const MAX_APPEND_ATTEMPTS = 1000;
const PAGE = 1000;

async function censusMeta(deps: CoreDeps, censusId: string): Promise<TableItem> {
  const meta = await deps.store.get(keys.census(censusId), keys.censusMeta);
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
  const meta: TableItem = { pk: keys.census(id), sk: keys.censusMeta, councilId, name, createdAt, size: 0 };
  if (!(await deps.store.put(meta, { absent: true }))) throw new BlingError("BUSY");
  await deps.store.put({ pk: keys.council(councilId), sk: keys.census(id), name, createdAt });
  return { id, councilId, name, createdAt, size: 0, depth: CENSUS_DEPTH, root: "0" };
}

export async function listCensuses(deps: CoreDeps, councilId: string): Promise<{ id: string; name: string }[]> {
  const items = await deps.store.query(keys.council(councilId), { prefix: "CENSUS#", limit: PAGE });
  return items.map((item) => ({ id: item.sk.slice("CENSUS#".length), name: text(item, "name") }));
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
      pk: keys.census(censusId),
      sk: keys.code(hashCode(deps.codeKey, censusId, normalizeCode(code) as string)),
      state: "unused",
      issuedAt,
    })),
  );
  return codes;
}

/** Number of leaves: the meta's hint, then any leaves written past it (a crash may leave the hint behind). */
async function countLeaves(deps: CoreDeps, censusId: string, hint: number): Promise<number> {
  let size = hint;
  for (;;) {
    const after = size > 0 ? keys.leaf(size - 1) : undefined;
    const found = await deps.store.query(keys.census(censusId), { prefix: keys.leafPrefix, after, limit: PAGE });
    size += found.length;
    if (found.length < PAGE) return size;
  }
}

/** Appends a commitment at the first free index: conditional puts keep the leaves contiguous. */
async function appendLeaf(deps: CoreDeps, censusId: string, commitment: string, hint: number): Promise<number> {
  let index = await countLeaves(deps, censusId, hint);
  for (let attempt = 0; attempt < MAX_APPEND_ATTEMPTS; attempt++, index++) {
    if (index >= 2 ** CENSUS_DEPTH) throw new BlingError("CENSUS_FULL");
    const leaf = { pk: keys.census(censusId), sk: keys.leaf(index), commitment };
    if (await deps.store.put(leaf, { absent: true })) return index;
    const taken = await deps.store.get(leaf.pk, leaf.sk);
    if (taken?.commitment === commitment) return index;
  }
  throw new BlingError("BUSY");
}

/**
 * Registers a commitment with a single-use code and returns its leaf index. Each step is a
 * conditional write that a retry with the same code and commitment resumes, so a crash never
 * loses a registration; a refused registration leaves the census as it was.
 */
export async function register(deps: CoreDeps, censusId: string, code: string, commitment: string): Promise<number> {
  const meta = await censusMeta(deps, censusId);
  const normalized = normalizeCode(code);
  if (normalized === null) throw new BlingError("REGISTRATION_CODE_UNKNOWN");
  const pk = keys.census(censusId);
  const codeKey = keys.code(hashCode(deps.codeKey, censusId, normalized));
  const codeItem = await deps.store.get(pk, codeKey);
  if (!codeItem) throw new BlingError("REGISTRATION_CODE_UNKNOWN");
  if (codeItem.commitment !== undefined && codeItem.commitment !== commitment)
    throw new BlingError("REGISTRATION_CODE_USED");
  if (codeItem.state === "used") return count(codeItem, "index");

  // 1. Reserve the code for this commitment.
  if (codeItem.state === "unused") {
    const reserved = { ...codeItem, state: "pending", commitment };
    if (!(await deps.store.put(reserved, { match: { state: "unused" } })))
      throw new BlingError("REGISTRATION_CODE_USED");
  }
  // 2. Claim the commitment; if another code holds it, release the reservation and refuse.
  const claim = { pk, sk: keys.commitment(commitment), codeKey };
  if (!(await deps.store.put(claim, { absent: true }))) {
    const holder = await deps.store.get(pk, claim.sk);
    if (holder?.codeKey !== codeKey) {
      await deps.store.put({ ...codeItem, state: "unused" }, { match: { state: "pending", commitment } });
      throw new BlingError("COMMITMENT_REGISTERED");
    }
  }
  // 3. Append the leaf, then record where it went.
  const index = await appendLeaf(deps, censusId, commitment, count(meta, "size"));
  await deps.store.put({ ...claim, index });
  await deps.store.put({ ...codeItem, state: "used", commitment, index });
  await deps.store.put({ ...meta, size: index + 1 }, { match: { size: meta.size ?? null } });
  return index;
}

/** Commitments [from, from + limit), in leaf order. */
export async function censusLeaves(deps: CoreDeps, censusId: string, from: number, limit: number): Promise<string[]> {
  await censusMeta(deps, censusId);
  const after = from > 0 ? keys.leaf(from - 1) : undefined;
  const items = await deps.store.query(keys.census(censusId), { prefix: keys.leafPrefix, after, limit });
  return items.map((item) => text(item, "commitment"));
}

/** Every commitment of a census, in leaf order. */
export async function allCommitments(deps: CoreDeps, censusId: string): Promise<bigint[]> {
  const commitments: bigint[] = [];
  for (;;) {
    const after = commitments.length > 0 ? keys.leaf(commitments.length - 1) : undefined;
    const items = await deps.store.query(keys.census(censusId), { prefix: keys.leafPrefix, after, limit: PAGE });
    for (const item of items) {
      if (indexOfKey(item.sk) !== commitments.length)
        throw new Error(`census ${censusId} has a gap at ${commitments.length}`);
      commitments.push(BigInt(text(item, "commitment")));
    }
    if (items.length < PAGE) return commitments;
  }
}

/** Size, depth and current root (LeanIMT, as circuits/ builds it). */
export async function censusInfo(deps: CoreDeps, censusId: string): Promise<CensusInfo> {
  const meta = await censusMeta(deps, censusId);
  const commitments = await allCommitments(deps, censusId);
  return {
    id: censusId,
    councilId: text(meta, "councilId"),
    name: text(meta, "name"),
    createdAt: count(meta, "createdAt"),
    size: commitments.length,
    depth: CENSUS_DEPTH,
    root: String(censusRoot(buildCensus(commitments))),
  };
}
