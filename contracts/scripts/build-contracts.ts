/**
 * `npm run build:contracts`: regenerates contracts/generated/ (protocol constants and one verifier per
 * ballot circuit: the public-vote one and the sealed ones), compiles every contract with solc and
 * writes contracts/artifacts/ (ABI + bytecode, and a manifest pinning the compiler, settings,
 * sources and the zkey each verifier came from).
 */
import { mkdir, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { sha256Hex } from "../../protocol/artifact-check";
import { readManifest } from "../../protocol/artifacts.node";
import { BALLOT_CIRCUIT } from "../../protocol/constants";
import { releaseProverThreads } from "../../protocol/verify";
import { compileContracts, CONTRACTS_DIR, readSoliditySources, SOLC_SETTINGS, solcVersion } from "./compile-contracts";
import { GENERATED_VERIFIERS, renderConstants, renderVerifier } from "./generate-solidity";

const encoder = new TextEncoder();

async function main(): Promise<void> {
  const generated = join(CONTRACTS_DIR, "generated");
  await mkdir(generated, { recursive: true });
  await writeFile(join(generated, "BlingConstants.sol"), renderConstants());
  for (const verifier of GENERATED_VERIFIERS) {
    await writeFile(join(generated, `${verifier.contractName}.sol`), await renderVerifier(verifier));
  }
  await releaseProverThreads();

  const sources = await readSoliditySources();
  const contracts = compileContracts(sources);
  const out = join(CONTRACTS_DIR, "artifacts");
  await mkdir(out, { recursive: true });
  for (const contract of contracts) {
    await writeFile(join(out, `${contract.contractName}.json`), `${JSON.stringify(contract, null, 2)}\n`);
  }
  const circuit = await readManifest(BALLOT_CIRCUIT);
  const pinned = async (name: string) => {
    const { files, ceremony } = await readManifest(name);
    return { name, zkeySha256: files.zkey.sha256, ceremony };
  };
  const manifest = {
    solc: solcVersion(),
    settings: SOLC_SETTINGS,
    ballotCircuit: { name: circuit.name, zkeySha256: circuit.files.zkey.sha256, ceremony: circuit.ceremony },
    // The verifier contract each circuit's zkey became, so a deployment names the circuits it accepts.
    verifiers: Object.fromEntries(
      await Promise.all(GENERATED_VERIFIERS.map(async (v) => [v.contractName, await pinned(v.circuit)])),
    ) as Record<string, { name: string; zkeySha256: string; ceremony: string }>,
    sources: Object.fromEntries(
      await Promise.all(
        Object.entries(sources).map(async ([name, text]) => [name, await sha256Hex(encoder.encode(text))]),
      ),
    ) as Record<string, string>,
    contracts: Object.fromEntries(
      await Promise.all(
        contracts.map(async (c) => [c.contractName, { bytecodeSha256: await sha256Hex(encoder.encode(c.bytecode)) }]),
      ),
    ) as Record<string, { bytecodeSha256: string }>,
  };
  await writeFile(join(out, "manifest.json"), `${JSON.stringify(manifest, null, 2)}\n`);
  for (const c of contracts) console.log(`${c.contractName}: ${(c.bytecode.length - 2) / 2} bytes of initcode`);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
