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
import { mkdir, writeFile } from "node:fs/promises";
import { join } from "node:path";
import type { CeremonyRecord } from "../protocol/ceremony-record";
import type { LocalPtauPins } from "../protocol/ceremony";
import type { CeremonyTranscript } from "../protocol/ceremony-verify";
import * as folder from "../protocol/ceremony-folder.node";
import { UsageError } from "./cli-io";

export { entryPath, zkeyPath } from "../protocol/ceremony-folder.node";
const { zkeyPath } = folder;

/** The folder's read errors as the CLI's usage errors (exit code 2, with the file named). */
async function asUsage<T>(read: () => Promise<T>): Promise<T> {
  try {
    return await read();
  } catch (error) {
    if (error instanceof folder.TranscriptReadError) throw new UsageError(error.message);
    throw error;
  }
}

export const readBytes = (file: string): Promise<Uint8Array> => asUsage(() => folder.readBytes(file));

const readJson = <T>(file: string, parse: (value: unknown) => T): Promise<T> =>
  asUsage(() => folder.readJson(file, parse));

export const readTranscript = (dir: string, ptau: Uint8Array): Promise<CeremonyTranscript> =>
  asUsage(() => folder.readTranscript(dir, ptau));

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
