import { execFile } from "node:child_process";
import { mkdir, writeFile } from "node:fs/promises";
import { basename, dirname, join, relative } from "node:path";
import { promisify } from "node:util";
import { CIRCOM_FLAGS, type CircuitEntry } from "./circuit-matrix";

const run = promisify(execFile);

export const REPO_ROOT = join(__dirname, "..", "..");

/** Where a compile put its outputs (absolute paths). */
export interface CompiledCircuit {
  r1cs: string;
  wasm: string;
  sym: string;
}

/**
 * Compiles a circuit of the matrix with circom 2 (npm circom2, WebAssembly)
 * into `outDir`. circom2 sees only the working tree, so paths are passed
 * relative to the repository root.
 */
export async function compileCircuit(
  entry: CircuitEntry,
  outDir: string,
  flags: readonly string[] = CIRCOM_FLAGS,
): Promise<CompiledCircuit> {
  await mkdir(outDir, { recursive: true });
  const main = join(outDir, `${entry.name}.circom`);
  await writeFile(
    main,
    [
      "pragma circom 2.1.5;",
      `include "${basename(entry.source)}";`,
      `component main ${publicClause(entry)}= ${entry.template}(${entry.params.join(", ")});`,
      "",
    ].join("\n"),
  );
  const rel = (path: string): string => relative(REPO_ROOT, join(REPO_ROOT, path));
  const includes = [dirname(entry.source), ...entry.includes].flatMap((dir) => ["-l", rel(dir)]);
  const cli = require.resolve("circom2/cli.js");
  await run(
    process.execPath,
    [
      cli,
      relative(REPO_ROOT, main),
      "--r1cs",
      "--wasm",
      "--sym",
      ...flags,
      ...includes,
      "-o",
      relative(REPO_ROOT, outDir),
    ],
    { cwd: REPO_ROOT, maxBuffer: 16 * 1024 * 1024 },
  );
  return {
    r1cs: join(outDir, `${entry.name}.r1cs`),
    wasm: join(outDir, `${entry.name}_js`, `${entry.name}.wasm`),
    sym: join(outDir, `${entry.name}.sym`),
  };
}

function publicClause(entry: CircuitEntry): string {
  return entry.publicInputs.length > 0 ? `{public [${entry.publicInputs.join(", ")}]} ` : "";
}

/** circom's own version, as the compiler prints it (e.g. "2.2.3"). */
export async function circomVersion(): Promise<string> {
  const { stdout } = await run(process.execPath, [require.resolve("circom2/cli.js"), "--version"], { cwd: REPO_ROOT });
  const match = /circom compiler (\S+)/.exec(stdout);
  if (!match?.[1]) throw new Error(`cannot read circom version from: ${stdout}`);
  return match[1];
}
