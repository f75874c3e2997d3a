/**
 * `bling export`: writes a referendum's public data (spec, census, log, signed heads, anchors,
 * tally) into a folder, so third parties can archive it and audit it offline with
 * `bling verify --from-dump`.
 */
import { writeDump } from "./dump";
import { fetchBundle } from "../audit/fetch-bundle";
import { UsageError, type CliIo } from "./cli-io";
import { createProgress } from "./progress";
import { networkSource, parseFlags, SOURCE_OPTIONS } from "./source-flags";

export const EXPORT_USAGE = `Usage:
  bling export --api URL --rpc URL [--registry ADDR] --referendum ID --out DIR

Writes the referendum's public data (spec, census, log, signed heads, anchors, tally) into DIR.

  --api URL         the service's public API
  --rpc URL         a JSON-RPC endpoint of the chain the registry is on
  --registry ADDR   the BlingRegistry address (default: the one the service's /v1/config names)
  --referendum ID   the referendum's id
  --out DIR         the folder to write (created if need be)
  --progress        show the progress bar even when stderr is not a terminal
`;

const OPTIONS = { ...SOURCE_OPTIONS, out: { type: "string" }, progress: { type: "boolean" } } as const;

export async function runExport(args: string[], io: CliIo): Promise<number> {
  const values = parseFlags(args, OPTIONS);
  if (values.help) {
    io.out(EXPORT_USAGE);
    return 0;
  }
  const source = networkSource(values);
  if (values.out === undefined) throw new UsageError("--out DIR is required");
  const progress = createProgress(io.err, values.progress === true || io.errIsTty);
  const bundle = await fetchBundle({
    ...source,
    onProgress: (phase, done, total) => {
      progress.update(`fetching ${phase}`, done, total);
    },
  });
  progress.finish();
  const files = await writeDump(values.out, bundle);
  io.out(
    `Exported referendum ${bundle.referendumId}: ${bundle.entries.length} ballots, ${bundle.heads.length} signed heads, ` +
      `${bundle.anchors.checkpoints.length} checkpoints, tally ${bundle.anchors.tally ? "anchored" : "not anchored yet"}.\n` +
      files.map((file) => `  ${file}\n`).join(""),
  );
  return 0;
}
