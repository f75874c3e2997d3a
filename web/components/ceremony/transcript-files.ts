/**
 * A ceremony transcript from loose files, named as the folder layout names them (cli/ceremony-
 * folder.ts): the participant picks them from disk, or the worker downloads them from the folder's
 * address. Only names decide where a file goes; every byte is then verified by the worker.
 */
import type { LocalPtauPins } from "../../../protocol/ceremony";
import {
  beaconEntry,
  ceremonyRecord,
  contributionEntry,
  type BeaconEntry,
  type CeremonyRecord,
  type ContributionEntry,
} from "../../../protocol/ceremony-record";
import type { CeremonyTranscript } from "../../../protocol/ceremony-verify";

export interface NamedFile {
  /** The file's name, or its path in the folder (only the last part counts). */
  name: string;
  bytes: Uint8Array;
}

/** A file the transcript needs is absent, or a file is not what its name says. */
export class TranscriptFilesError extends Error {
  constructor(
    readonly problem: "missing" | "invalid",
    readonly file: string,
  ) {
    super(`${file} is ${problem}`);
    this.name = "TranscriptFilesError";
  }
}

const pad = (index: number): string => String(index).padStart(4, "0");
export const zkeyName = (index: number): string => `${pad(index)}.zkey`;
export const entryName = (index: number): string => `${pad(index)}.json`;

const ZKEY = /^(\d{4})\.zkey$/;
const ENTRY = /^(\d{4})\.json$/;

function json<T>(file: NamedFile, parse: (value: unknown) => T): T {
  try {
    return parse(JSON.parse(new TextDecoder().decode(file.bytes)));
  } catch {
    throw new TranscriptFilesError("invalid", file.name);
  }
}

function localPinsOf(value: unknown): LocalPtauPins | undefined {
  const pins = value as Partial<LocalPtauPins> | null;
  if (typeof pins?.label !== "string" || pins.label === "" || !Array.isArray(pins.pins)) return undefined;
  return { label: pins.label, pins: pins.pins };
}

function only(found: NamedFile[], what: string): NamedFile {
  const [file, second] = found;
  if (!file) throw new TranscriptFilesError("missing", what);
  if (second) throw new TranscriptFilesError("invalid", second.name);
  return file;
}

/**
 * Sorts the files into a transcript: ceremony.json, the .r1cs, the phase 1 .ptau, zkeys 0000.zkey…,
 * entries 0001.json…, and beacon.json / final.zkey if finalized. A labelled local pin list (tests and
 * rehearsals only) is any other JSON file of that shape; other files are ignored.
 * @throws TranscriptFilesError
 */
export function transcriptFromFiles(files: readonly NamedFile[]): {
  transcript: CeremonyTranscript;
  localPins?: LocalPtauPins;
} {
  const named = files.map((file) => ({ ...file, name: file.name.split("/").pop() ?? file.name }));
  const byName = (test: (name: string) => boolean): NamedFile[] => named.filter((file) => test(file.name));
  const record: CeremonyRecord = json(
    only(
      byName((name) => name === "ceremony.json"),
      "ceremony.json",
    ),
    (v) => ceremonyRecord.parse(v),
  );
  const r1cs = only(
    byName((name) => name.endsWith(".r1cs")),
    "circuit.r1cs",
  ).bytes;
  const ptau = only(
    byName((name) => name.endsWith(".ptau")),
    ".ptau",
  ).bytes;
  const numbered = (pattern: RegExp): NamedFile[] =>
    byName((name) => pattern.test(name)).sort((a, b) => a.name.localeCompare(b.name));
  const zkeys = numbered(ZKEY).map((file) => file.bytes);
  if (zkeys.length === 0) throw new TranscriptFilesError("missing", zkeyName(0));
  const entries: ContributionEntry[] = numbered(ENTRY).map((file) => json(file, (v) => contributionEntry.parse(v)));
  const beaconFile = byName((name) => name === "beacon.json")[0];
  const beacon: BeaconEntry | undefined = beaconFile ? json(beaconFile, (v) => beaconEntry.parse(v)) : undefined;
  const finalZkey = byName((name) => name === "final.zkey")[0]?.bytes;
  let localPins: LocalPtauPins | undefined;
  for (const file of byName((name) => name.endsWith(".json") && name !== "ceremony.json")) {
    if (ENTRY.test(file.name) || file.name === "beacon.json") continue;
    localPins ??= json(file, localPinsOf);
  }
  return { transcript: { record, r1cs, ptau, zkeys, entries, beacon, finalZkey }, localPins };
}
