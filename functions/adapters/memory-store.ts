/** The TableStore in memory, with DynamoDB's conditional-write semantics: for unit tests and tools. */
import type { JsonValue } from "../../protocol/canonical-json";
import type { QueryOptions, TableItem, TableKey, TableStore, WriteCondition } from "../core/ports";

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

/** A partition: items by sort key, and the sort keys in order (so a query is a binary search, not a scan). */
class Partition {
  readonly items = new Map<string, TableItem>();
  readonly order: string[] = [];

  /** Index of the first sort key >= `sk`. */
  lowerBound(sk: string): number {
    let low = 0;
    let high = this.order.length;
    while (low < high) {
      const mid = (low + high) >>> 1;
      if ((this.order[mid] as string) < sk) low = mid + 1;
      else high = mid;
    }
    return low;
  }

  set(item: TableItem): void {
    if (!this.items.has(item.sk)) {
      // Appends in key order (leaves, log entries) are the common case: no search, no shift.
      const last = this.order[this.order.length - 1];
      if (last === undefined || last < item.sk) this.order.push(item.sk);
      else this.order.splice(this.lowerBound(item.sk), 0, item.sk);
    }
    this.items.set(item.sk, item);
  }

  remove(sk: string): void {
    if (this.items.delete(sk)) this.order.splice(this.lowerBound(sk), 1);
  }
}

export class MemoryStore implements TableStore {
  private readonly partitions = new Map<string, Partition>();
  private count = 0;

  // Copies in and out, as a real table would: callers never share objects with the store.
  private static copy(item: TableItem): TableItem {
    return structuredClone(item);
  }

  private existing(pk: string, sk: string): TableItem | undefined {
    return this.partitions.get(pk)?.items.get(sk);
  }

  get(pk: string, sk: string): Promise<TableItem | null> {
    const item = this.existing(pk, sk);
    return Promise.resolve(item ? MemoryStore.copy(item) : null);
  }

  getMany(keys: readonly TableKey[]): Promise<(TableItem | null)[]> {
    return Promise.all(keys.map(({ pk, sk }) => this.get(pk, sk)));
  }

  put(item: TableItem, condition?: WriteCondition): Promise<boolean> {
    const existing = this.existing(item.pk, item.sk);
    if (!holds(existing, condition)) return Promise.resolve(false);
    let partition = this.partitions.get(item.pk);
    if (!partition) this.partitions.set(item.pk, (partition = new Partition()));
    if (!existing) this.count++;
    partition.set(MemoryStore.copy(item));
    return Promise.resolve(true);
  }

  async putMany(items: TableItem[]): Promise<void> {
    for (const item of items) await this.put(item);
  }

  delete(pk: string, sk: string, condition?: WriteCondition): Promise<boolean> {
    const existing = this.existing(pk, sk);
    if (!holds(existing, condition)) return Promise.resolve(false);
    if (existing) {
      this.partitions.get(pk)?.remove(sk);
      this.count--;
    }
    return Promise.resolve(true);
  }

  query(pk: string, { prefix, after, limit, descending = false }: QueryOptions): Promise<TableItem[]> {
    const partition = this.partitions.get(pk);
    const found: TableItem[] = [];
    if (!partition) return Promise.resolve(found);
    if (descending) {
      // Rare (a voter's last revision): the prefix's range, read backwards.
      const keys: string[] = [];
      for (let i = partition.lowerBound(prefix); i < partition.order.length; i++) {
        const sk = partition.order[i] as string;
        if (!sk.startsWith(prefix)) break;
        if (after === undefined || sk < after) keys.push(sk);
      }
      const newest = keys.reverse().slice(0, limit);
      return Promise.resolve(newest.map((sk) => MemoryStore.copy(partition.items.get(sk) as TableItem)));
    }
    const start = after !== undefined && after >= prefix ? partition.lowerBound(after) : partition.lowerBound(prefix);
    for (let i = start; i < partition.order.length && found.length < limit; i++) {
      const sk = partition.order[i] as string;
      if (after !== undefined && sk <= after) continue;
      if (!sk.startsWith(prefix)) break;
      found.push(MemoryStore.copy(partition.items.get(sk) as TableItem));
    }
    return Promise.resolve(found);
  }

  /** How many items the store holds: tests use it to prove a refused request wrote nothing. */
  get size(): number {
    return this.count;
  }

  /** Copies of every item, partition by partition: tests use it to look for data the table must not keep. */
  *allItems(): IterableIterator<TableItem> {
    for (const partition of this.partitions.values())
      for (const item of partition.items.values()) yield MemoryStore.copy(item);
  }
}
