/**
 * The transcript folder of a ceremony, on disk: the thin Node side of protocol/ceremony.ts.
 *   ceremony.json            the record (fixed at init)
 *   circuit.r1cs             the circuit
 *   zkeys/0000.zkey …        zkey 0 and every contribution's zkey
 *   contributions/0001.json  each signed contribution entry
 *   beacon.json, final.zkey, verification_key.json   after finalize
 * The phase 1 file is not copied (it is large and public): verifiers pass it with --ptau.
 */
import { existsSync } from "node:fs";
import { mkdir, readdir, readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import {
  beaconEntry,
  ceremonyRecord,
  contributionEntry,
  type BeaconEntry,
  type CeremonyRecord,
  type ContributionEntry,
} from "../protocol/ceremony-record";
import type { LocalPtauPins } from "../protocol/ceremony";
import type { CeremonyTranscript } from "../protocol/ceremony-verify";
import { UsageError } from "./cli-io";

const pad = (index: number): string => String(index).padStart(4, "0");
export const zkeyPath = (dir: string, index: number): string => join(dir, "zkeys", `${pad(index)}.zkey`);
export const entryPath = (dir: string, index: number): string => join(dir, "contributions", `${pad(index)}.json`);

export async function readBytes(file: string): Promise<Uint8Array> {
  try {
    return new Uint8Array(await readFile(file));
  } catch {
    throw new UsageError(`cannot read ${file}`);
  }
}

async function readJson<T>(file: string, parse: (value: unknown) => T): Promise<T> {
  const text = await readFile(file, "utf8").catch(() => {
    throw new UsageError(`cannot read ${file}`);
  });
  try {
    return parse(JSON.parse(text));
  } catch (error) {
    throw new UsageError(`${file} is not valid: ${(error as Error).message.split("\n")[0] ?? ""}`);
  }
}

export const writeJson = (file: string, value: unknown): Promise<void> =>
  writeFile(file, `${JSON.stringify(value, null, 2)}\n`);

/** Reads a labelled local pin list (`{ "label": "...", "pins": [{ "file", "blake2b" }] }`). */
export async function readLocalPins(file: string | undefined): Promise<LocalPtauPins | undefined> {
  if (file === undefined) return undefined;
  return readJson(file, (value) => {
    const pins = value as LocalPtauPins;
    if (typeof pins.label !== "string" || pins.label === "" || !Array.isArray(pins.pins)) {
      throw new Error("expected { label, pins: [{ file, blake2b }] }");
    }
    return pins;
  });
}

/** Writes a new transcript folder: the record, the r1cs and zkey 0. */
export async function writeNewTranscript(
  dir: string,
  record: CeremonyRecord,
  r1cs: Uint8Array,
  zkey0: Uint8Array,
): Promise<void> {
  if (existsSync(join(dir, "ceremony.json"))) throw new UsageError(`${dir} already holds a ceremony`);
  await mkdir(join(dir, "zkeys"), { recursive: true });
  await mkdir(join(dir, "contributions"), { recursive: true });
  await writeFile(join(dir, "circuit.r1cs"), r1cs);
  await writeFile(zkeyPath(dir, 0), zkey0);
  await writeJson(join(dir, "ceremony.json"), record);
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
