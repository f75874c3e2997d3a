import { acceptBallot } from "../../../../functions/core/ballot-service";
import { createCensus, issueCodes, register } from "../../../../functions/core/census-service";
import { tableKeys } from "../../../../functions/core/table-keys";
import { anchorAll, liveReferenda, sequenceAll } from "../../../../functions/core/sequence-and-anchor";
import {
  createReferendum,
  getReferendum,
  listReferendumIds,
  openReferendum,
  saveReferendum,
} from "../../../../functions/core/referendum-service";
import { readHead } from "../../../../functions/core/ballot-log-table";
import type { ReferendumSpec } from "../../../../protocol/spec";
import { coreDeps, draftOf, fakeBallot, FakeChain } from "../../../fixtures/core-fixtures";

const COUNCIL = "council-a";
const TOTAL = 1_060;
// Positions in id order: the old scan read only the first 1,000.
const LIVE_AT = [3, 999, 1000, 1001, 1040, TOTAL - 1];
const DONE_AT = 1020;
const STALE_DRAFT_AT = 1030;

async function manyReferenda() {
  const deps = coreDeps();
  const census = await createCensus(deps, COUNCIL, "Town");
  const [code] = await issueCodes(deps, COUNCIL, census.id, 1);
  await register(deps, census.id, code!, "501");
  const other = await createCensus(deps, "council-b", "Other");
  const [otherCode] = await issueCodes(deps, "council-b", other.id, 1);
  await register(deps, other.id, otherCode!, "502");
  const ids: string[] = [];
  const councilOf = new Map<string, string>();
  for (let i = 0; i < TOTAL; i++) {
    const [council, censusId] = i % 3 === 0 ? ["council-b", other.id] : [COUNCIL, census.id];
    const { id } = await createReferendum(deps, council, draftOf(censusId, deps.clock.now()));
    ids.push(id);
    councilOf.set(id, council);
  }
  ids.sort((a, b) => (tableKeys.referendum(a) < tableKeys.referendum(b) ? -1 : 1));
  const live = LIVE_AT.map((at) => ids[at]!);
  for (const [n, id] of live.entries()) {
    const { spec } = await openReferendum(deps, councilOf.get(id)!, id);
    await acceptBallot(deps, id, fakeBallot(spec as ReferendumSpec, BigInt(n + 1), [1, 0]));
  }
  // Tallied with its tally anchored: work done, so not live.
  const done = await openReferendum(deps, councilOf.get(ids[DONE_AT]!)!, ids[DONE_AT]!);
  await saveReferendum(deps, {
    ...done,
    state: "tallied",
    anchors: { opened: true, checkpointSize: 0, tallied: true },
  });
  // An open that crashed after indexing: still a draft.
  await deps.store.put({ pk: tableKeys.liveIndex, sk: tableKeys.referendum(ids[STALE_DRAFT_AT]!) });
  return { deps, ids, live };
}

describe("# live referenda index", () => {
  it("should sequence and anchor every live referendum among more than 1,000, and no other", async () => {
    const { deps, ids, live } = await manyReferenda();
    expect(await listReferendumIds(deps)).toHaveLength(TOTAL);
    expect(await listReferendumIds(deps, COUNCIL)).toHaveLength(TOTAL - Math.ceil(TOTAL / 3));
    expect(await listReferendumIds(deps, "council-b")).toHaveLength(Math.ceil(TOTAL / 3));

    expect(await sequenceAll(deps, "worker")).toBe(live.length);
    const chain = new FakeChain();
    expect((await anchorAll(deps, chain)).failed).toEqual([]);

    const sequenced = [];
    for (const id of ids) if ((await readHead(deps, id)).size > 0) sequenced.push(id);
    expect(sequenced.sort()).toEqual([...live].sort());
    const anchored = new Set(chain.writes.map((write) => write.split(" ")[1]));
    expect([...anchored].sort()).toEqual(live.map((id) => String(BigInt(id))).sort());
    for (const id of live)
      expect((await getReferendum(deps, id)).anchors).toMatchObject({ opened: true, checkpointSize: 1 });

    // The finished referendum left the index; the stale draft's entry stays (an open may still follow it).
    const entries = await deps.store.query(tableKeys.liveIndex, { prefix: "REF#", limit: 100 });
    expect(entries.map((entry) => entry.sk).sort()).toEqual(
      [...live, ids[STALE_DRAFT_AT]!].map((id) => tableKeys.referendum(id)).sort(),
    );
  });

  it("should index, once, the live referenda of a table written before the index", async () => {
    const { deps, live } = await manyReferenda();
    await liveReferenda(deps);
    for (const entry of await deps.store.query(tableKeys.liveIndex, { prefix: "", limit: 100 }))
      await deps.store.delete(entry.pk, entry.sk);
    expect((await liveReferenda(deps)).map((record) => record.id).sort()).toEqual([...live].sort());
    const marker = await deps.store.get(tableKeys.liveIndex, tableKeys.liveIndexBackfilled);
    expect(marker).not.toBeNull();
  });
});
