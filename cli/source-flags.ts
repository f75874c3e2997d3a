/**
 * The flags `verify` and `export` share: where a referendum's public data comes from. Parsed with
 * node's parseArgs; anything wrong is a UsageError naming the flag.
 */
import { parseArgs } from "node:util";
import { UsageError } from "./cli-io";

export const SOURCE_OPTIONS = {
  api: { type: "string" },
  rpc: { type: "string" },
  registry: { type: "string" },
  referendum: { type: "string" },
  help: { type: "boolean", short: "h" },
} as const;

type FlagOptions = Record<string, { type: "string" | "boolean"; short?: string }>;

/** The parsed flags: a string or a boolean per option, each possibly absent. */
export type FlagValues<T extends FlagOptions> = { [K in keyof T]?: T[K]["type"] extends "boolean" ? boolean : string };

/** Parses a command's flags; unknown flags and stray arguments are usage errors. */
export function parseFlags<T extends FlagOptions>(args: string[], options: T): FlagValues<T> {
  try {
    return parseArgs({ args, options, strict: true, allowPositionals: false }).values;
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
}

const isUrl = (value: string): boolean => {
  try {
    return ["http:", "https:"].includes(new URL(value).protocol);
  } catch {
    return false;
  }
};

/** The network source from flags, each required one checked. */
export function networkSource(values: { api?: string; rpc?: string; registry?: string; referendum?: string }): {
  api: string;
  rpc: string;
  registry?: string;
  referendumId: string;
} {
  const { api, rpc, registry, referendum } = values;
  if (api === undefined || !isUrl(api))
    throw new UsageError("--api URL is required (the service, e.g. http://127.0.0.1:8787)");
  if (rpc === undefined || !isUrl(rpc))
    throw new UsageError("--rpc URL is required (a JSON-RPC endpoint of the chain)");
  if (registry !== undefined && !/^0x[0-9a-fA-F]{40}$/.test(registry))
    throw new UsageError("--registry must be a 0x-prefixed 20-byte address");
  if (referendum === undefined || !/^[1-9][0-9]*$/.test(referendum))
    throw new UsageError("--referendum ID is required (the referendum's decimal id)");
  return { api, rpc, registry, referendumId: referendum };
}
