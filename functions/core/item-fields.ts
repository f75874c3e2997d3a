/** Typed reads of table item attributes: a missing or mistyped attribute is a corrupt table, never bad input. */
import type { JsonValue } from "../../protocol/canonical-json";
import type { TableItem } from "./ports";

/** A string attribute of a table item. */
export function stringField(item: TableItem, name: string): string {
  const value = item[name];
  if (typeof value !== "string") throw new Error(`${item.pk}/${item.sk}: ${name} is not a string`);
  return value;
}

/** A number attribute of a table item. */
export function numberField(item: TableItem, name: string): number {
  const value = item[name];
  if (typeof value !== "number") throw new Error(`${item.pk}/${item.sk}: ${name} is not a number`);
  return value;
}

/** The attributes of an item without its keys. */
export function attributes(item: TableItem): Record<string, JsonValue> {
  const { pk: _pk, sk: _sk, ...rest } = item;
  return rest;
}
