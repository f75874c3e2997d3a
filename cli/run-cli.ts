/**
 * The `bling` command's dispatcher: picks the subcommand, and turns every failure into a message
 * and an exit code (2: the command line or the sources; 1: a failed audit or unreadable data),
 * never a stack trace.
 */
import { BundleError, SourceError } from "../audit/bundle";
import { CEREMONY_USAGE, runCeremony } from "./ceremony";
import { UsageError, type CliIo } from "./cli-io";
import { EXPORT_USAGE, runExport } from "./export";
import { ADMIN_USAGE, runAddCouncil, runDeployRegistry, runSignerAddress } from "./registry-admin";
import { runTrustee, TRUSTEE_USAGE } from "./trustee";
import { runVerify, VERIFY_USAGE } from "./verify";

export const USAGE = `bling: audit BLING referenda from public data, and set up a deployment's registry on a chain.

Commands:
  bling verify   audit a referendum (from the API and the chain, or from a dump)
  bling export   write a referendum's public data into a folder
  bling trustee  a trustee's key generation (join, step, status)
  bling ceremony the circuit's trusted setup (keygen, init, contribute, verify, finalize)
  bling deploy-registry, add-council, signer-address
                 set up the registry on a chain for a deployment
  bling help     this text

${VERIFY_USAGE}
${EXPORT_USAGE}
${TRUSTEE_USAGE}
${CEREMONY_USAGE}
${ADMIN_USAGE}`;

const COMMANDS: Record<string, (args: string[], io: CliIo) => Promise<number>> = {
  verify: runVerify,
  export: runExport,
  trustee: runTrustee,
  ceremony: runCeremony,
  "deploy-registry": runDeployRegistry,
  "add-council": runAddCouncil,
  "signer-address": (args, io) => runSignerAddress(args, io),
};

export async function runCli(argv: string[], io: CliIo): Promise<number> {
  const [command, ...args] = argv;
  if (command === undefined || command === "help" || command === "--help" || command === "-h") {
    io.out(USAGE);
    return command === undefined ? 2 : 0;
  }
  const run = COMMANDS[command];
  if (!run) {
    io.err(`bling: unknown command "${command}"; try \`bling help\`\n`);
    return 2;
  }
  try {
    return await run(args, io);
  } catch (error) {
    if (error instanceof UsageError) {
      io.err(`bling ${command}: ${error.message}\nTry \`bling ${command} --help\`.\n`);
      return 2;
    }
    if (error instanceof SourceError) {
      io.err(`bling ${command}: ${error.message}\n`);
      return 2;
    }
    if (error instanceof BundleError) {
      io.err(`bling ${command}: cannot audit: ${error.message}\n`);
      return 1;
    }
    // Anything else is a bug or an environment failure: the message, and the stack only on request.
    io.err(`bling ${command}: ${(error as Error).message}\n`);
    if (process.env.BLING_DEBUG) io.err(`${(error as Error).stack ?? ""}\n`);
    return 1;
  }
}
