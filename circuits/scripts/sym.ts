import { readFile } from "node:fs/promises";

/** Witness index of every named signal in a circom .sym file (signals optimised away are left out). */
export async function readSymbols(symPath: string): Promise<Map<string, number>> {
  const symbols = new Map<string, number>();
  for (const line of (await readFile(symPath, "utf8")).split("\n")) {
    const [, witnessIndex, , name] = line.split(",");
    if (name && witnessIndex && Number(witnessIndex) >= 0) symbols.set(name, Number(witnessIndex));
  }
  return symbols;
}

/** Names of the public signals (witness 1..count), without the `main.` prefix, in order. */
export async function publicSignalNames(symPath: string, count: number): Promise<string[]> {
  const byIndex = new Map([...(await readSymbols(symPath))].map(([name, index]) => [index, name]));
  return Array.from({ length: count }, (_, i) => {
    const name = byIndex.get(i + 1);
    if (!name) throw new Error(`no symbol for public signal ${i + 1}`);
    return name.replace(/^main\./, "");
  });
}
