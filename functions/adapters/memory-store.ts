/** The TableStore in memory, with DynamoDB's conditional-write semantics: for unit tests and tools. */
import type { JsonValue } from "../../circuits/src/canonical-json";
import type { QueryOptions, TableItem, TableKey, TableStore, WriteCondition } from "../core/ports";

const keyOf = (pk: string, sk: string): string => `${pk}\u0000${sk}`;

function sameJson(a: JsonValue | undefined, b: JsonValue): boolean {
  if (b === null) return a === undefined || a === null;
  return JSON.stringify(a) === JSON.stringify(b);
}

function holds(existing: TableItem | undefined, condition: WriteCondition | undefined): boolean {
  if (!condition) return true;
  if ("absent" in condition) return existing === undefined;
  if (!existing) return false;
  return Object.entries(condition.match).every(([name, value]) => sameJson(existing[name], value));
}

export class MemoryStore implements TableStore {
  private readonly items = new Map<string, TableItem>();

  // Copies in and out, as a real table would: callers never share objects with the store.
  private static copy(item: TableItem): TableItem {
    return structuredClone(item);
  }

  get(pk: string, sk: string): Promise<TableItem | null> {
    const item = this.items.get(keyOf(pk, sk));
    return Promise.resolve(item ? MemoryStore.copy(item) : null);
  }

  getMany(keys: readonly TableKey[]): Promise<(TableItem | null)[]> {
    return Promise.all(keys.map(({ pk, sk }) => this.get(pk, sk)));
  }

  put(item: TableItem, condition?: WriteCondition): Promise<boolean> {
    const key = keyOf(item.pk, item.sk);
    if (!holds(this.items.get(key), condition)) return Promise.resolve(false);
    this.items.set(key, MemoryStore.copy(item));
    return Promise.resolve(true);
  }

  async putMany(items: TableItem[]): Promise<void> {
    for (const item of items) await this.put(item);
  }

  delete(pk: string, sk: string, condition?: WriteCondition): Promise<boolean> {
    const key = keyOf(pk, sk);
    if (!holds(this.items.get(key), condition)) return Promise.resolve(false);
    this.items.delete(key);
    return Promise.resolve(true);
  }

  query(pk: string, { prefix, after, limit, descending = false }: QueryOptions): Promise<TableItem[]> {
    const beyond = (sk: string): boolean => after === undefined || (descending ? sk < after : sk > after);
    const found = [...this.items.values()]
      .filter((item) => item.pk === pk && item.sk.startsWith(prefix) && beyond(item.sk))
      .sort((a, b) => (a.sk < b.sk ? -1 : a.sk > b.sk ? 1 : 0) * (descending ? -1 : 1))
      .slice(0, limit)
      .map((item) => MemoryStore.copy(item));
    return Promise.resolve(found);
  }

  /** How many items the store holds: tests use it to prove a refused request wrote nothing. */
  get size(): number {
    return this.items.size;
  }
}
