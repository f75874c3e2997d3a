import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { DynamoStore, dynamoClient, ensureTable } from "../../../functions/adapters/dynamo-store";
import { startDynalite, type LocalDynalite } from "../../../local/dynalite";
import { MemoryStore } from "../../../functions/adapters/memory-store";
import type { TableStore } from "../../../functions/core/ports";

let dir: string;
let dynalite: LocalDynalite;
let dynamo: DynamoStore;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), "bling-dynalite-"));
  dynalite = await startDynalite(join(dir, "db"));
  const client = dynamoClient(dynalite.endpoint);
  await ensureTable(client, "bling");
  dynamo = new DynamoStore(client, "bling");
});

afterAll(async () => {
  await dynalite.stop();
  await rm(dir, { recursive: true, force: true });
});

// The same contract for both stores: the core's tests on memory hold on DynamoDB only if this does.
describe.each([
  ["MemoryStore", () => new MemoryStore() as TableStore],
  ["DynamoStore (dynalite)", () => dynamo as TableStore],
])("# TableStore contract: %s", (_name, storeOf) => {
  const pk = (label: string) => `TEST#${label}#${Math.random().toString(36).slice(2)}`;

  it("should put, get and overwrite items with nested JSON", async () => {
    const store = storeOf();
    const key = pk("put");
    const item = { pk: key, sk: "A", text: "", n: 3, nested: { list: [1, "x", null, true], empty: "" } };
    expect(await store.put(item)).toBe(true);
    expect(await store.get(key, "A")).toEqual(item);
    expect(await store.get(key, "B")).toBeNull();
  });

  it("should read many items in one call, in the order asked, with nulls for the missing", async () => {
    const store = storeOf();
    const key = pk("many");
    await store.putMany(Array.from({ length: 130 }, (_, i) => ({ pk: key, sk: `I#${i}`, i })));
    const asked = [
      { pk: key, sk: "I#7" },
      { pk: key, sk: "missing" },
      { pk: key, sk: "I#0" },
      { pk: key, sk: "I#7" },
      ...Array.from({ length: 120 }, (_, i) => ({ pk: key, sk: `I#${129 - i}` })),
    ];
    const answers = await store.getMany(asked);
    expect(answers.map((item) => item?.i ?? null)).toEqual([
      7,
      null,
      0,
      7,
      ...Array.from({ length: 120 }, (_, i) => 129 - i),
    ]);
    expect(await store.getMany([])).toEqual([]);
  });

  it("should put many items, the last write of a repeated key winning", async () => {
    const store = storeOf();
    const key = pk("putmany");
    await store.putMany([
      { pk: key, sk: "A", v: 1 },
      { pk: key, sk: "B", v: 1 },
      { pk: key, sk: "A", v: 2 },
    ]);
    expect(
      (
        await store.getMany([
          { pk: key, sk: "A" },
          { pk: key, sk: "B" },
        ])
      ).map((item) => item?.v),
    ).toEqual([2, 1]);
    await store.putMany([]);
  });

  it("should write only when the condition holds", async () => {
    const store = storeOf();
    const key = pk("cond");
    expect(await store.put({ pk: key, sk: "A", v: 1 }, { absent: true })).toBe(true);
    expect(await store.put({ pk: key, sk: "A", v: 2 }, { absent: true })).toBe(false);
    expect(await store.put({ pk: key, sk: "A", v: 3 }, { match: { v: 2 } })).toBe(false);
    expect(await store.put({ pk: key, sk: "A", v: 3, w: "x" }, { match: { v: 1, w: null } })).toBe(true);
    expect(await store.put({ pk: key, sk: "A", v: 4 }, { match: { v: 3, w: null } })).toBe(false);
    expect(await store.put({ pk: key, sk: "B", v: 1 }, { match: { v: 1 } })).toBe(false);
    expect(await store.get(key, "A")).toEqual({ pk: key, sk: "A", v: 3, w: "x" });
    expect(await store.delete(key, "A", { match: { v: 9 } })).toBe(false);
    expect(await store.delete(key, "A", { match: { v: 3 } })).toBe(true);
    expect(await store.get(key, "A")).toBeNull();
  });

  it("should let exactly one of many concurrent conditional puts win", async () => {
    const store = storeOf();
    const key = pk("race");
    const wins = await Promise.all(
      Array.from({ length: 20 }, (_, i) => store.put({ pk: key, sk: "X", i }, { absent: true })),
    );
    expect(wins.filter(Boolean)).toHaveLength(1);
  });

  it("should query by prefix in sort-key order, after a key, with a limit, across pages", async () => {
    const store = storeOf();
    const key = pk("query");
    await store.putMany(Array.from({ length: 60 }, (_, i) => ({ pk: key, sk: `E#${String(i).padStart(4, "0")}`, i })));
    await store.put({ pk: key, sk: "F#0", i: -1 });
    const all = await store.query(key, { prefix: "E#", limit: 100 });
    expect(all.map((item) => item.i)).toEqual(Array.from({ length: 60 }, (_, i) => i));
    const page = await store.query(key, { prefix: "E#", after: "E#0041", limit: 5 });
    expect(page.map((item) => item.i)).toEqual([42, 43, 44, 45, 46]);
    expect(await store.query(key, { prefix: "E#", after: "E#0059", limit: 5 })).toEqual([]);
  });
});

describe("# dynalite on disk", () => {
  it("should keep every acknowledged write across a kill -9 and restart", async () => {
    const path = join(dir, "crash");
    let server = await startDynalite(path);
    let client = dynamoClient(server.endpoint);
    await ensureTable(client, "bling");
    const store = new DynamoStore(client, "bling");
    await Promise.all(
      Array.from({ length: 50 }, (_, i) => store.put({ pk: "CRASH", sk: String(i).padStart(3, "0"), i })),
    );
    await server.kill();
    client.destroy();
    server = await startDynalite(path);
    client = dynamoClient(server.endpoint);
    const again = new DynamoStore(client, "bling");
    expect((await again.query("CRASH", { prefix: "", limit: 100 })).map((item) => item.i)).toEqual(
      Array.from({ length: 50 }, (_, i) => i),
    );
    client.destroy();
    await server.stop();
  });

  it("should report a table it cannot reach as STORE_UNAVAILABLE, after the SDK's retries", async () => {
    const server = await startDynalite(join(dir, "gone"));
    const client = dynamoClient(server.endpoint);
    await ensureTable(client, "bling");
    const store = new DynamoStore(client, "bling");
    await server.kill();
    const unavailable: unknown = expect.objectContaining({ code: "STORE_UNAVAILABLE" });
    await expect(store.get("X", "Y")).rejects.toEqual(unavailable);
    await expect(store.put({ pk: "X", sk: "Y" }, { absent: true })).rejects.toEqual(unavailable);
    await expect(store.getMany([{ pk: "X", sk: "Y" }])).rejects.toEqual(unavailable);
    await expect(store.query("X", { prefix: "", limit: 1 })).rejects.toEqual(unavailable);
    client.destroy();
  });

  it("should pass on errors that are bugs, not outages", async () => {
    const client = dynamoClient(dynalite.endpoint);
    const store = new DynamoStore(client, "no-such-table");
    await expect(store.get("X", "Y")).rejects.toThrow(/not found|non-existent|ResourceNotFound/i);
    client.destroy();
  });
});
