/** `npm run bench`: every benchmark in turn, each printing its table. Not a test: no assertions on time. */
import { curves } from "snarkjs";
import { benchCircuits } from "./circuits";

async function main(): Promise<void> {
  await benchCircuits();
  await (await curves.getCurveFromName("bn128")).terminate();
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
