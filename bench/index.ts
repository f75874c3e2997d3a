/**
 * `npm run bench [browser-ceremony|browser-prove|census|ceremony|circuits|contracts|crypto|service|verify|web ...]`: the named benchmarks (all by default) in turn, each
 * printing its table. Not a test: no assertions on time or gas.
 */
import { curves } from "snarkjs";
import { benchBrowserCeremony } from "./browser-ceremony";
import { benchBrowserProve } from "./browser-prove";
import { benchCensus } from "./census";
import { benchCeremony } from "./ceremony";
import { benchCircuits } from "./circuits";
import { benchContracts } from "./contracts";
import { benchCrypto } from "./crypto";
import { benchService } from "./service";
import { benchVerify } from "./verify";
import { benchWeb } from "./web";

const BENCHMARKS: Record<string, () => Promise<void>> = {
  "browser-ceremony": benchBrowserCeremony,
  "browser-prove": benchBrowserProve,
  census: benchCensus,
  ceremony: benchCeremony,
  circuits: benchCircuits,
  contracts: benchContracts,
  crypto: benchCrypto,
  service: benchService,
  verify: benchVerify,
  web: benchWeb,
};

async function main(): Promise<void> {
  const names = process.argv.slice(2);
  const unknown = names.filter((name) => !(name in BENCHMARKS));
  if (unknown.length > 0)
    throw new Error(`unknown benchmark ${unknown.join(", ")}; known: ${Object.keys(BENCHMARKS).join(", ")}`);
  for (const name of names.length > 0 ? names : Object.keys(BENCHMARKS)) await BENCHMARKS[name]!();
  await (await curves.getCurveFromName("bn128")).terminate();
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
