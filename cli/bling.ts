/** The `bling` command (`npx bling ...`, `npm run bling -- ...`): see `run-cli.ts`. */
import { processIo } from "./cli-io";
import { runCli } from "./run-cli";

void runCli(process.argv.slice(2), processIo()).then((code) => {
  process.exitCode = code;
});
