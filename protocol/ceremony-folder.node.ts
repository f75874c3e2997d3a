/**
 * Reading a ceremony's transcript folder from disk (its layout is in cli/ceremony-folder.ts, which
 * writes it): shared by `bling ceremony` and the deploy guard, which both re-verify it.
 */
import { existsSync } from "node:fs";
import { readdir, readFile } from "node:fs/promises";
import { join } from "node:path";
import {
  beaconEntry,
  ceremonyRecord,
  contributionEntry,
  type BeaconEntry,
  type ContributionEntry,
} from "./ceremony-record";
import type { CeremonyTranscript } from "./ceremony-verify";

/** A file of the folder is missing, unreadable or not what its name says. */
export class TranscriptReadError extends Error {}

const pad = (index: number): string => String(index).padStart(4, "0");
export const zkeyPath = (dir: string, index: number): string => join(dir, "zkeys", `${pad(index)}.zkey`);
export const entryPath = (dir: string, index: number): string => join(dir, "contributions", `${pad(index)}.json`);

export async function readBytes(file: string): Promise<Uint8Array> {
  try {
    return new Uint8Array(await readFile(file));
  } catch {
    throw new TranscriptReadError(`cannot read ${file}`);
  }
}

export async function readJson<T>(file: string, parse: (value: unknown) => T): Promise<T> {
  const text = await readFile(file, "utf8").catch(() => {
    throw new TranscriptReadError(`cannot read ${file}`);
  });
  try {
    return parse(JSON.parse(text));
  } catch (error) {
    throw new TranscriptReadError(`${file} is not valid: ${(error as Error).message.split("\n")[0] ?? ""}`);
  }
}

/** Reads a whole transcript folder (every zkey and entry present, in index order). */
export async function readTranscript(dir: string, ptau: Uint8Array): Promise<CeremonyTranscript> {
  const record = await readJson(join(dir, "ceremony.json"), (value) => ceremonyRecord.parse(value));
  const zkeyNames = (await readdir(join(dir, "zkeys"))).filter((name) => name.endsWith(".zkey")).sort();
  const entryNames = (await readdir(join(dir, "contributions"))).filter((name) => name.endsWith(".json")).sort();
  const zkeys = await Promise.all(zkeyNames.map((name) => readBytes(join(dir, "zkeys", name))));
  const entries: ContributionEntry[] = [];
  for (const name of entryNames) {
    entries.push(await readJson(join(dir, "contributions", name), (value) => contributionEntry.parse(value)));
  }
  const hasBeacon = existsSync(join(dir, "beacon.json"));
  const beacon: BeaconEntry | undefined = hasBeacon
    ? await readJson(join(dir, "beacon.json"), (value) => beaconEntry.parse(value))
    : undefined;
  const finalZkey = existsSync(join(dir, "final.zkey")) ? await readBytes(join(dir, "final.zkey")) : undefined;
  return { record, r1cs: await readBytes(join(dir, "circuit.r1cs")), ptau, zkeys, entries, beacon, finalZkey };
}
