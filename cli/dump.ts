/**
 * An exported referendum on disk, so third parties can archive it and audit it offline
 * (`bling export`, `bling verify --from-dump`): one JSON file per part, the log as JSON lines.
 */
import { once } from "node:events";
import { createWriteStream } from "node:fs";
import { mkdir, readdir, readFile, stat, writeFile } from "node:fs/promises";
import { basename, dirname, join } from "node:path";
import {
  BUNDLE_FORMAT,
  BundleError,
  parseBundle,
  servedItems,
  servedTally,
  SourceError,
  type AuditBundle,
} from "../audit/bundle";
import type { ReceiptFile } from "../audit/receipt-checks";

const FILES = {
  index: "bundle.json",
  referendum: "spec.json",
  census: "census.json",
  log: "log.jsonl",
  heads: "heads.json",
  anchors: "anchors.json",
  tally: "tally.json",
} as const;

const pretty = (value: unknown): string => `${JSON.stringify(value, null, 2)}\n`;

/** Writes a bundle into `dir` (created if need be); returns the files written. */
export async function writeDump(dir: string, bundle: AuditBundle): Promise<string[]> {
  await mkdir(dir, { recursive: true });
  const { format, referendumId, config } = bundle;
  await writeFile(join(dir, FILES.index), pretty({ format, referendumId, config, files: FILES }));
  await writeFile(join(dir, FILES.referendum), pretty(bundle.referendum));
  await writeFile(join(dir, FILES.census), pretty(bundle.census));
  // As served, malformed items included: an export keeps the evidence, the audit of the dump fails on it again.
  await writeFile(join(dir, FILES.heads), pretty(servedItems(bundle, "heads")));
  await writeFile(join(dir, FILES.anchors), pretty(bundle.anchors));
  await writeFile(join(dir, FILES.tally), pretty(servedTally(bundle)));
  // Streamed: a large referendum's log does not fit one string.
  const log = createWriteStream(join(dir, FILES.log));
  for (const entry of servedItems(bundle, "entries")) {
    if (!log.write(`${JSON.stringify(entry)}\n`)) await once(log, "drain");
  }
  log.end();
  await once(log, "finish");
  return Object.values(FILES).map((file) => join(dir, file));
}

async function readText(dir: string, file: string): Promise<string> {
  try {
    return await readFile(join(dir, file), "utf8");
  } catch (error) {
    throw new SourceError(`cannot read ${join(dir, file)}: ${(error as NodeJS.ErrnoException).code ?? String(error)}`);
  }
}

function parseJson(text: string, where: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    throw new BundleError(`${where} is not valid JSON`);
  }
}

/**
 * Reads a dump written by `writeDump`.
 * @throws SourceError when a file is missing; BundleError when one is malformed.
 */
export async function readDump(dir: string): Promise<AuditBundle> {
  const part = async (file: string): Promise<unknown> => parseJson(await readText(dir, file), join(dir, file));
  const index = (await part(FILES.index)) as { format?: unknown; referendumId?: unknown; config?: unknown };
  if (index.format !== BUNDLE_FORMAT) throw new BundleError(`${join(dir, FILES.index)} is not a ${BUNDLE_FORMAT} dump`);
  const lines = (await readText(dir, FILES.log)).split("\n").filter((line) => line.trim() !== "");
  const entries = lines.map((line, i) => parseJson(line, `${join(dir, FILES.log)} line ${i + 1}`));
  return parseBundle(
    {
      format: index.format,
      referendumId: index.referendumId,
      config: index.config,
      referendum: await part(FILES.referendum),
      census: await part(FILES.census),
      entries,
      heads: await part(FILES.heads),
      tally: await part(FILES.tally),
      anchors: await part(FILES.anchors),
    },
    `the dump in ${dir}`,
  );
}

/**
 * Receipt files for `bling verify --receipts`: one JSON file (a receipt, a promise, or an array of
 * them), or every `.json` file of a folder.
 * @throws SourceError when the path cannot be read; BundleError when a file is not JSON.
 */
export async function readReceipts(path: string): Promise<ReceiptFile[]> {
  let files: string[];
  try {
    files = (await stat(path)).isDirectory()
      ? (await readdir(path)).filter((name) => name.endsWith(".json")).map((name) => join(path, name))
      : [path];
  } catch (error) {
    throw new SourceError(`cannot read ${path}: ${(error as NodeJS.ErrnoException).code ?? String(error)}`);
  }
  const receipts: ReceiptFile[] = [];
  for (const file of files.sort()) {
    const content = parseJson(await readText(dirname(file), basename(file)), file);
    if (Array.isArray(content)) content.forEach((item, i) => receipts.push({ source: `${file}[${i}]`, content: item }));
    else receipts.push({ source: file, content });
  }
  return receipts;
}
