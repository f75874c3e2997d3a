/**
 * `npm run bench census`: a census of 1,000,000 members. Registration, opening a referendum on it
 * and reading it (GET /v1/censuses/{id}) cost what one change costs, not what the census holds; the
 * old read (every leaf, then the whole tree) is measured on a smaller census for comparison.
 */
import { performance } from "node:perf_hooks";
import { poseidon2 } from "poseidon-lite/poseidon2";
import { appendToCensusFrontier, buildCensus, censusRoot, EMPTY_CENSUS_FRONTIER, type PairHash } from "../protocol";
import type { MemoryStore } from "../functions/adapters/memory-store";
import { allCommitments, censusInfo, createCensus, issueCodes, register } from "../functions/core/census-service";
import { tableKeys } from "../functions/core/table-keys";
import type { CoreDeps, TableItem, TableStore } from "../functions/core/ports";
import { createReferendum, openReferendum } from "../functions/core/referendum-service";
import { coreDeps, draftOf } from "../test/fixtures/core-fixtures";
import { median, printTable } from "./table";

const MEMBERS = 1_000_000;
const DISTINCT = 1024;
const REGISTRATIONS = 200;
const CRASHED = 100;
const READS = 1000;
const OLD_AT = 10_000;
const COUNCIL = "bench";

const p99 = (values: number[]): number => [...values].sort((a, b) => a - b)[Math.ceil(values.length * 0.99) - 1] ?? 0;
const ms = (value: number): string => value.toFixed(value < 10 ? 2 : 0);

async function timed(run: () => Promise<unknown>): Promise<number> {
  const start = performance.now();
  await run();
  return performance.now() - start;
}

/** Poseidon2 with a memo: a census of repeated commitments has few distinct subtrees. */
function memoizedPoseidon(): PairHash {
  const memo = new Map<string, bigint>();
  return (left, right) => {
    const key = `${left}:${right}`;
    let value = memo.get(key);
    if (value === undefined) memo.set(key, (value = poseidon2([left, right])));
    return value;
  };
}

/**
 * A census of `members` leaves written straight into the store (as many registrations would have
 * left them) with its meta folded: `DISTINCT` commitments repeated, so the fold can memoize.
 */
async function bulkCensus(deps: CoreDeps & { store: MemoryStore }, members: number): Promise<string> {
  const { id } = await createCensus(deps, COUNCIL, `${members} members`);
  const pk = tableKeys.census(id);
  const distinct = Array.from({ length: DISTINCT }, (_, i) => poseidon2([BigInt(members), BigInt(i)]));
  const leaves = Array.from({ length: members }, (_, i) => distinct[i % DISTINCT] as bigint);
  for (let from = 0; from < members; from += 10_000) {
    const items: TableItem[] = [];
    for (let i = from; i < Math.min(from + 10_000, members); i++)
      items.push({ pk, sk: tableKeys.leaf(i), commitment: String(leaves[i]) });
    await deps.store.putMany(items);
  }
  const frontier = appendToCensusFrontier(EMPTY_CENSUS_FRONTIER, leaves, memoizedPoseidon());
  const meta = (await deps.store.get(pk, tableKeys.censusMeta)) as TableItem;
  await deps.store.put({
    ...meta,
    size: frontier.size,
    root: String(frontier.root),
    sideNodes: frontier.sideNodes.map(String),
  });
  return id;
}

/** The store of a registration that dies at its first write after its leaf. */
function crashingAfterLeaf(store: TableStore): TableStore {
  let leafWritten = false;
  return {
    get: (pk, sk) => store.get(pk, sk),
    getMany: (keys) => store.getMany(keys),
    query: (pk, options) => store.query(pk, options),
    put: async (item, condition) => {
      if (leafWritten) throw new Error("crash");
      const written = await store.put(item, condition);
      leafWritten = written && item.sk.startsWith(tableKeys.leafPrefix);
      return written;
    },
    putMany: (items) => store.putMany(items),
    delete: (pk, sk, condition) => store.delete(pk, sk, condition),
  };
}

export async function benchCensus(): Promise<void> {
  const rows: (string | number)[][] = [];
  const deps = coreDeps();

  let id = "";
  const loadMs = await timed(async () => {
    id = await bulkCensus(deps, MEMBERS);
  });
  rows.push(["bulk load + fold (memoized, setup)", MEMBERS, ms(loadMs), "", 1]);

  const reads: number[] = [];
  for (let i = 0; i < READS; i++) reads.push(await timed(() => censusInfo(deps, id)));
  rows.push(["GET census (meta only)", MEMBERS, ms(median(reads)), ms(p99(reads)), READS]);

  const codes = await issueCodes(deps, COUNCIL, id, REGISTRATIONS + CRASHED);
  const registrations: number[] = [];
  for (let i = 0; i < REGISTRATIONS; i++)
    registrations.push(await timed(() => register(deps, id, codes[i] as string, String(10n ** 40n + BigInt(i)))));
  rows.push(["register", MEMBERS, ms(median(registrations)), ms(p99(registrations)), REGISTRATIONS]);

  const draft = await createReferendum(deps, COUNCIL, draftOf(id, deps.clock.now()));
  rows.push([
    "open (fold: nothing left + freeze)",
    MEMBERS + REGISTRATIONS,
    ms(await timed(() => openReferendum(deps, COUNCIL, draft.id))),
    "",
    1,
  ]);

  // Registrations that died after their leaf: the open folds them in and settles them.
  for (let i = 0; i < CRASHED; i++) {
    const crashing = { ...deps, store: crashingAfterLeaf(deps.store) };
    await register(crashing, id, codes[REGISTRATIONS + i] as string, String(10n ** 41n + BigInt(i))).catch(
      () => undefined,
    );
  }
  const late = await createReferendum(deps, COUNCIL, draftOf(id, deps.clock.now()));
  let frozen = 0;
  const openMs = await timed(async () => {
    frozen = (await openReferendum(deps, COUNCIL, late.id)).spec?.census.size ?? 0;
  });
  rows.push([`open (fold ${CRASHED} crashed registrations + freeze)`, frozen, ms(openMs), "", 1]);

  const readAll = await timed(() => allCommitments(deps, id));
  rows.push(["old GET, part 1: read every leaf", frozen, ms(readAll), "", 1]);

  // The old GET hashed the whole tree on every call: measured on a smaller census, scaled linearly.
  const small = coreDeps();
  const smallId = await bulkCensus(small, OLD_AT);
  const oldMs = await timed(async () => censusRoot(buildCensus(await allCommitments(small, smallId))));
  rows.push(["old GET (read all + rebuild LeanIMT)", OLD_AT, ms(oldMs), "", 1]);
  rows.push(["old GET, scaled linearly (estimate)", MEMBERS, ms((oldMs * MEMBERS) / OLD_AT), "", "est."]);

  printTable(
    `census of ${MEMBERS.toLocaleString("en")} members (MemoryStore in this process; the bulk-loaded leaves repeat ` +
      `${DISTINCT} commitments so the one-time setup fold can memoize; every measured step hashes for real)`,
    ["operation", "census size", "median ms", "p99 ms", "runs"],
    rows,
  );
}
