/**
 * `npm run build:circuits [name...]`: compile each circuit of the matrix,
 * run the dev ceremony and write circuits/artifacts/<name>/ with a manifest.
 * The outputs are committed, so nobody else waits for this.
 */
import { copyFile, mkdir, readFile, rm, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { curves, r1cs as r1csInfo, zKey } from "snarkjs";
import { sha256Hex } from "../../protocol/artifact-check";
import { ARTIFACTS_DIR } from "../../protocol/artifacts.node";
import type { ArtifactFile, ArtifactManifest } from "../../protocol/manifest";
import { devPtau, devZkey, ptauPowerFor } from "./ceremony";
import { CIRCOM_FLAGS, CIRCUITS, resolveCircuit, type CircuitEntry } from "./circuit-matrix";
import { circomVersion, compileCircuit, REPO_ROOT } from "./compile";
import { publicSignalNames } from "./sym";

const BUILD_DIR = join(REPO_ROOT, ".build", "circuits");
const PTAU_DIR = join(REPO_ROOT, ".cache", "ptau");

async function pin(dir: string, path: string): Promise<ArtifactFile> {
  const data = await readFile(join(dir, path));
  return { path, sha256: await sha256Hex(data), bytes: data.length };
}

async function packageVersion(name: string): Promise<string> {
  const json = JSON.parse(await readFile(join(REPO_ROOT, "node_modules", name, "package.json"), "utf8")) as {
    version: string;
  };
  return json.version;
}

async function build(entry: CircuitEntry): Promise<ArtifactManifest> {
  const started = Date.now();
  const log = (step: string): void => {
    console.log(`[${entry.name}] ${step} (${((Date.now() - started) / 1000).toFixed(1)} s)`);
  };
  const work = join(BUILD_DIR, entry.name);
  await rm(work, { recursive: true, force: true });
  const compiled = await compileCircuit(entry, work);
  const info = await r1csInfo.info(compiled.r1cs);
  log(`compiled: ${info.nConstraints} constraints`);
  const power = ptauPowerFor(info.nConstraints, info.nPubInputs + info.nOutputs);
  const ptau = await devPtau(power, PTAU_DIR, {
    info: (message) => {
      log(`phase 1: ${message}`);
    },
    debug: () => undefined,
    error: (message) => {
      log(`phase 1 error: ${message}`);
    },
  });
  log(`phase 1 ready: 2^${power}`);

  const out = join(ARTIFACTS_DIR, entry.name);
  await rm(out, { recursive: true, force: true });
  await mkdir(out, { recursive: true });
  const zkeyPath = join(out, `${entry.name}.zkey`);
  await devZkey(compiled.r1cs, ptau, zkeyPath);
  await rm(`${zkeyPath}.0`);
  const vkey = (await zKey.exportVerificationKey(zkeyPath)) as unknown;
  await writeFile(join(out, "verification_key.json"), `${JSON.stringify(vkey, null, 2)}\n`);
  await copyFile(compiled.wasm, join(out, `${entry.name}.wasm`));
  log("phase 2 done");

  const r1csBytes = await readFile(compiled.r1cs);
  const manifest: ArtifactManifest = {
    name: entry.name,
    protocolVersion: entry.protocolVersion,
    purpose: entry.purpose,
    circuit: {
      source: entry.source,
      sourceSha256: await sha256Hex(await readFile(join(REPO_ROOT, entry.source))),
      template: entry.template,
      params: [...entry.params],
    },
    compiler: { circom: await circomVersion(), circom2: await packageVersion("circom2"), flags: [...CIRCOM_FLAGS] },
    snarkjs: await packageVersion("snarkjs"),
    constraints: info.nConstraints,
    wires: info.nVars,
    privateInputs: info.nPrvInputs,
    publicSignals: await publicSignalNames(compiled.sym, info.nOutputs + info.nPubInputs),
    ptauPower: power,
    ceremony: "dev-insecure",
    r1cs: { sha256: await sha256Hex(r1csBytes), bytes: r1csBytes.length },
    files: {
      wasm: await pin(out, `${entry.name}.wasm`),
      zkey: await pin(out, `${entry.name}.zkey`),
      vkey: await pin(out, "verification_key.json"),
    },
    builtAt: new Date().toISOString(),
  };
  await writeFile(join(out, "manifest.json"), `${JSON.stringify(manifest, null, 2)}\n`);
  log("manifest written");
  return manifest;
}

async function main(): Promise<void> {
  const names = process.argv.slice(2);
  const entries = names.length > 0 ? names.map(resolveCircuit) : Object.values(CIRCUITS);
  const unknown = names.filter((_, i) => entries[i] === undefined);
  if (unknown.length > 0) {
    throw new Error(
      `unknown circuit(s): ${unknown.join(", ")}; known: ${Object.keys(CIRCUITS).join(", ")}, vote_d<depth>_k8, sealed_d<depth>_k<2|8>`,
    );
  }
  for (const entry of entries) if (entry) await build(entry);
  await (await curves.getCurveFromName("bn128")).terminate();
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
