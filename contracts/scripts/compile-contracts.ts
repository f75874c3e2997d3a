/** Compiles contracts/**.sol with the pinned solc from npm, reproducibly (same sources, same bytes). */
import { readdir, readFile } from "node:fs/promises";
import { join, relative } from "node:path";
import solc from "solc";
import { REPO_ROOT } from "../../circuits/scripts/compile";

export const CONTRACTS_DIR = join(REPO_ROOT, "contracts");

/** Contracts that get a deployable artifact (interfaces and constants files have no bytecode). */
export const DEPLOYABLE = [
  "BallotVerifier",
  "SealedBallotVerifierK2",
  "SealedBallotVerifierK8",
  "BlingRegistry",
  "PerVoteBallotBox",
] as const;
export type DeployableName = (typeof DEPLOYABLE)[number];

// Cancun is what the public EVM chains we would anchor to all run; pinning it keeps the bytecode
// independent of solc's moving default.
export const SOLC_SETTINGS = {
  optimizer: { enabled: true, runs: 200 },
  evmVersion: "cancun",
  outputSelection: { "*": { "*": ["abi", "evm.bytecode.object", "evm.deployedBytecode.object"] } },
} as const;

export interface CompiledContract {
  contractName: DeployableName;
  sourceName: string;
  abi: unknown[];
  bytecode: string;
  deployedBytecode: string;
}

interface SolcOutput {
  errors?: { severity: "error" | "warning" | "info"; formattedMessage: string }[];
  contracts?: Record<
    string,
    Record<string, { abi: unknown[]; evm: { bytecode: { object: string }; deployedBytecode: { object: string } } }>
  >;
}

/** Every .sol file under contracts/, keyed by its path relative to contracts/ (solc's source unit names). */
export async function readSoliditySources(dir = CONTRACTS_DIR): Promise<Record<string, string>> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  const files = entries
    .filter((entry) => entry.isFile() && entry.name.endsWith(".sol"))
    .map((entry) => relative(dir, join(entry.parentPath, entry.name)))
    .sort();
  const sources: Record<string, string> = {};
  for (const file of files) sources[file] = await readFile(join(dir, file), "utf8");
  return sources;
}

export function solcVersion(): string {
  return (solc as { version(): string }).version();
}

/**
 * @throws Error with solc's messages when any source fails to compile.
 */
export function compileContracts(sources: Record<string, string>): CompiledContract[] {
  const input = {
    language: "Solidity",
    sources: Object.fromEntries(Object.entries(sources).map(([name, content]) => [name, { content }])),
    settings: SOLC_SETTINGS,
  };
  const compiler = solc as { compile(input: string): string };
  const output = JSON.parse(compiler.compile(JSON.stringify(input))) as SolcOutput;
  const errors = (output.errors ?? []).filter((error) => error.severity === "error");
  if (errors.length > 0) throw new Error(errors.map((error) => error.formattedMessage).join("\n"));
  return DEPLOYABLE.map((contractName) => {
    const found = Object.entries(output.contracts ?? {}).find(([, byName]) => contractName in byName);
    const compiled = found?.[1][contractName];
    if (!found || !compiled) throw new Error(`solc produced no ${contractName}`);
    return {
      contractName,
      sourceName: found[0],
      abi: compiled.abi,
      bytecode: `0x${compiled.evm.bytecode.object}`,
      deployedBytecode: `0x${compiled.evm.deployedBytecode.object}`,
    };
  });
}
