import { buildCensus, censusRoot } from "../../../../protocol";
import { MemoryStore } from "../../../../functions/adapters/memory-store";
import {
  censusInfo,
  censusLeaves,
  createCensus,
  exactCensusInfo,
  issueCodes,
  listCensuses,
  register,
} from "../../../../functions/core/census-service";
import type { QueryOptions, TableItem, TableKey, TableStore, WriteCondition } from "../../../../functions/core/ports";
import { createReferendum, openReferendum } from "../../../../functions/core/referendum-service";
import { codeOf, coreDeps, draftOf } from "../../../fixtures/core-fixtures";

describe("# census registration", () => {
  it("should register each code once, append commitments in order and build the circuits' root", async () => {
    const deps = coreDeps();
    const census = await createCensus(deps, "council-a", "Harbour district");
    expect(await listCensuses(deps, "council-a")).toEqual([{ id: census.id, name: "Harbour district" }]);
    const codes = await issueCodes(deps, "council-a", census.id, 5);
    expect(new Set(codes).size).toBe(5);
    const commitments = ["11", "22", "33"];
    for (const [i, commitment] of commitments.entries()) {
      expect(await register(deps, census.id, codes[i]!.toLowerCase(), commitment)).toBe(i);
    }
    const info = await censusInfo(deps, census.id);
    expect(info.size).toBe(3);
    expect(info.root).toBe(String(censusRoot(buildCensus(commitments.map(BigInt)))));
    expect(await censusLeaves(deps, census.id, 1, 10)).toEqual(["22", "33"]);
    // A retry of a registration that succeeded answers the same and changes nothing.
    const items = deps.store.size;
    expect(await register(deps, census.id, codes[1]!, "22")).toBe(1);
    expect(deps.store.size).toBe(items);
  });

  it("should refuse a used code, an unknown code and a registered commitment, writing nothing", async () => {
    const deps = coreDeps();
    const census = await createCensus(deps, "council-a", "North");
    const [first, second, third] = await issueCodes(deps, "council-a", census.id, 3);
    await register(deps, census.id, first!, "100");
    const before = deps.store.size;
    expect(await codeOf(register(deps, census.id, first!, "200"))).toBe("REGISTRATION_CODE_USED");
    expect(await codeOf(register(deps, census.id, "0000-0000-0000-0000", "200"))).toBe("REGISTRATION_CODE_UNKNOWN");
    expect(await codeOf(register(deps, census.id, "not a code", "200"))).toBe("REGISTRATION_CODE_UNKNOWN");
    expect(await codeOf(register(deps, census.id, second!, "100"))).toBe("COMMITMENT_REGISTERED");
    expect(deps.store.size).toBe(before);
    // The refused code is still usable for another identity.
    expect(await register(deps, census.id, second!, "200")).toBe(1);
    expect(await codeOf(register(deps, "nope", third!, "300"))).toBe("CENSUS_NOT_FOUND");
  });

  it("should give each of many concurrent registrations its own leaf", async () => {
    const deps = coreDeps();
    const census = await createCensus(deps, "council-a", "Concurrent");
    const codes = await issueCodes(deps, "council-a", census.id, 40);
    const indexes = await Promise.all(codes.map((code, i) => register(deps, census.id, code, String(1000 + i))));
    expect([...indexes].sort((a, b) => a - b)).toEqual(codes.map((_, i) => i));
    expect((await censusInfo(deps, census.id)).size).toBe(40);
  });

  it("should keep a census to its council", async () => {
    const deps = coreDeps();
    const census = await createCensus(deps, "council-a", "Mine");
    expect(await codeOf(issueCodes(deps, "council-b", census.id, 1))).toBe("FORBIDDEN");
    expect(await listCensuses(deps, "council-b")).toEqual([]);
  });
});

/** A store that dies just before its `k`-th write (k = 0: the first), as a crashed Lambda would. */
class CrashingStore implements TableStore {
  private writes = 0;
  constructor(
    readonly inner: MemoryStore,
    private readonly crashAt: number,
  ) {}
  private write(): void {
    if (this.writes++ === this.crashAt) throw new Error("crash");
  }
  get(pk: string, sk: string) {
    return this.inner.get(pk, sk);
  }
  getMany(keys: readonly TableKey[]) {
    return this.inner.getMany(keys);
  }
  put(item: TableItem, condition?: WriteCondition) {
    this.write();
    return this.inner.put(item, condition);
  }
  putMany(items: TableItem[]) {
    this.write();
    return this.inner.putMany(items);
  }
  delete(pk: string, sk: string, condition?: WriteCondition) {
    this.write();
    return this.inner.delete(pk, sk, condition);
  }
  query(pk: string, options: QueryOptions) {
    return this.inner.query(pk, options);
  }
}

/** Items that tie a registration code to a commitment: the link the table must not keep. */
function linkingItems(store: MemoryStore): TableItem[] {
  return [...store.allItems()].filter((item) => {
    const code = item.sk.startsWith("CODE#") || item.codeKey !== undefined;
    const commitment = item.sk.startsWith("COMMIT#") || item.commitment !== undefined || item.index !== undefined;
    return code && commitment && !item.sk.startsWith("LEAF#");
  });
}

const rootOf = (commitments: string[]): string => String(censusRoot(buildCensus(commitments.map(BigInt))));

describe("# census frontier in the meta", () => {
  it("should answer the census from its meta alone, with the root of every leaf", async () => {
    const deps = coreDeps();
    const census = await createCensus(deps, "council-a", "Meta");
    const codes = await issueCodes(deps, "council-a", census.id, 9);
    const commitments = codes.map((_, i) => String(9000 + i));
    for (const [i, code] of codes.entries()) {
      await register(deps, census.id, code, commitments[i]!);
      const info = await censusInfo(deps, census.id);
      expect([info.size, info.root]).toEqual([i + 1, rootOf(commitments.slice(0, i + 1))]);
    }
    // Reading the census reads one item, however many leaves it has.
    const reads = jest.spyOn(deps.store, "get");
    const query = jest.spyOn(deps.store, "query");
    await censusInfo(deps, census.id);
    expect([reads.mock.calls.length, query.mock.calls.length]).toEqual([1, 0]);
  });

  it("should fold a census written before the meta kept its frontier on first read, scrubbing old links", async () => {
    const deps = coreDeps();
    const census = await createCensus(deps, "council-a", "Legacy");
    const codes = await issueCodes(deps, "council-a", census.id, 3);
    for (const [i, code] of codes.entries()) await register(deps, census.id, code, String(40 + i));
    const meta = (await deps.store.get(`CENSUS#${census.id}`, "META"))!;
    const { root: _root, sideNodes: _sideNodes, ...legacy } = meta;
    await deps.store.put(legacy);
    // Registrations of then kept the code-commitment link in both items.
    const codeKey = [...deps.store.allItems()].find((item) => item.state === "used")!.sk;
    await deps.store.put({ pk: meta.pk, sk: codeKey, state: "used", commitment: "41", index: 1, issuedAt: 1 });
    await deps.store.put({ pk: meta.pk, sk: "COMMIT#41", codeKey, index: 1 });
    expect(linkingItems(deps.store)).toHaveLength(2);
    expect((await censusInfo(deps, census.id)).root).toBe(rootOf(["40", "41", "42"]));
    expect(linkingItems(deps.store)).toEqual([]);
    expect(await register(deps, census.id, codes[2]!, "41")).toBe(1);
  });

  it("should give the exact root after a registration crashed between its leaf and the meta", async () => {
    for (const next of ["read", "register", "open", "retry"] as const) {
      const deps = coreDeps();
      const census = await createCensus(deps, "council-a", "Crash");
      const [first, crashed, later] = await issueCodes(deps, "council-a", census.id, 3);
      await register(deps, census.id, first!, "501");
      // Writes of a registration: reserve, claim, leaf | code used, claim settled, meta. Die after the leaf.
      const crashing = { ...deps, store: new CrashingStore(deps.store, 3) };
      expect(await codeOf(register(crashing, census.id, crashed!, "502"))).toBe("Error: crash");
      expect(await censusLeaves(deps, census.id, 0, 10)).toEqual(["501", "502"]);
      // The meta still says one member: reads answer that consistent (earlier) tree.
      expect((await censusInfo(deps, census.id)).root).toBe(rootOf(["501"]));
      if (next === "register") {
        expect(await register(deps, census.id, later!, "503")).toBe(2);
        expect(await censusInfo(deps, census.id)).toMatchObject({ size: 3, root: rootOf(["501", "502", "503"]) });
      } else if (next === "open") {
        const draft = await createReferendum(deps, "council-a", draftOf(census.id, deps.clock.now()));
        const { spec } = await openReferendum(deps, "council-a", draft.id);
        expect(spec?.census).toMatchObject({ size: 2, root: rootOf(["501", "502"]) });
        expect(await censusInfo(deps, census.id)).toMatchObject({ size: 2, root: rootOf(["501", "502"]) });
      } else if (next === "retry") {
        expect(await register(deps, census.id, crashed!, "502")).toBe(1);
        expect(await censusInfo(deps, census.id)).toMatchObject({ size: 2, root: rootOf(["501", "502"]) });
      } else {
        expect(await exactCensusInfo(deps, census.id)).toMatchObject({ size: 2, root: rootOf(["501", "502"]) });
      }
      // Whatever came next, the crashed registration is settled: used code, no link left.
      expect(linkingItems(deps.store)).toEqual([]);
      expect(await codeOf(register(deps, census.id, crashed!, "599"))).toBe("REGISTRATION_CODE_USED");
    }
  });
});

describe("# registration keeps no code-commitment link", () => {
  it("should keep only that a code was used, and answer a retry by the commitment's public leaf", async () => {
    const deps = coreDeps();
    const census = await createCensus(deps, "council-a", "Unlinked");
    const codes = await issueCodes(deps, "council-a", census.id, 12);
    await Promise.all(codes.slice(0, 10).map((code, i) => register(deps, census.id, code, String(700 + i))));
    expect(await codeOf(register(deps, census.id, codes[10]!, "703"))).toBe("COMMITMENT_REGISTERED");
    expect(await register(deps, census.id, codes[10]!, "710")).toBe(10);
    expect(linkingItems(deps.store)).toEqual([]);
    const used = [...deps.store.allItems()].filter((item) => item.state === "used");
    expect(used).toHaveLength(11);
    for (const item of used) expect(Object.keys(item).sort()).toEqual(["issuedAt", "pk", "sk", "state"]);
    // Retried after completion: a registered commitment answers its index, a new one is refused.
    expect(await register(deps, census.id, codes[3]!, "703")).toBe(
      (await censusLeaves(deps, census.id, 0, 20)).indexOf("703"),
    );
    expect(await codeOf(register(deps, census.id, codes[3]!, "799"))).toBe("REGISTRATION_CODE_USED");
    expect(await register(deps, census.id, codes[11]!, "711")).toBe(11);
  });

  it("should complete a registration that crashed before any of its writes, whatever came between", async () => {
    // Crash before write k of the second registration, for every k until one completes untouched.
    for (let k = 0; ; k++) {
      const deps = coreDeps();
      const census = await createCensus(deps, "council-a", `Crash ${k}`);
      const [first, second, third] = await issueCodes(deps, "council-a", census.id, 3);
      await register(deps, census.id, first!, "61");
      const crashing = { ...deps, store: new CrashingStore(deps.store, k) };
      const outcome = await register(crashing, census.id, second!, "62").then(
        (index) => index,
        () => null,
      );
      if (outcome !== null) {
        expect(outcome).toBe(1);
        expect(k).toBeGreaterThanOrEqual(6);
        break;
      }
      // Another citizen registers meanwhile, then the crashed one retries.
      const thirdIndex = await register(deps, census.id, third!, "63");
      expect(await register(deps, census.id, second!, "62")).toBe(thirdIndex === 1 ? 2 : 1);
      const leaves = await censusLeaves(deps, census.id, 0, 10);
      expect([...leaves].sort()).toEqual(["61", "62", "63"]);
      expect(await censusInfo(deps, census.id)).toMatchObject({ size: 3, root: rootOf(leaves) });
      expect(linkingItems(deps.store)).toEqual([]);
      expect(await register(deps, census.id, second!, "62")).toBe(leaves.indexOf("62"));
      expect(await codeOf(register(deps, census.id, second!, "64"))).toBe("REGISTRATION_CODE_USED");
    }
  });
});
