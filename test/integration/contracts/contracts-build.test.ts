import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { Interface } from "ethers";
import { readManifest } from "../../../protocol/artifacts.node";
import {
  BALLOT_CIRCUIT,
  PUBLIC_SIGNAL_COUNT,
  SEALED_OPTION_COUNTS,
  sealedSignalLayout,
  VOTE_OPTIONS,
} from "../../../protocol/constants";
import { releaseProverThreads } from "../../../protocol/verify";
import {
  compileContracts,
  CONTRACTS_DIR,
  DEPLOYABLE,
  readSoliditySources,
  solcVersion,
  type CompiledContract,
} from "../../../contracts/scripts/compile-contracts";
import {
  GENERATED_VERIFIERS,
  renderConstants,
  renderVerifier,
  sealedVerifierName,
} from "../../../contracts/scripts/generate-solidity";
import {
  BALLOT_VERIFIER,
  BLING_REGISTRY,
  SEALED_BALLOT_VERIFIER_K2,
  SEALED_BALLOT_VERIFIER_K8,
} from "../../../contracts/src/artifacts";

const committed = (path: string) => readFile(join(CONTRACTS_DIR, path), "utf8");

afterAll(releaseProverThreads);

describe("# npm run build:contracts", () => {
  it("should have generated the constants from protocol/constants.ts", async () => {
    expect(await committed("generated/BlingConstants.sol")).toBe(renderConstants());
  });

  it("should have generated each verifier from its circuit's committed zkey", async () => {
    expect(GENERATED_VERIFIERS.map((v) => v.contractName)).toEqual([
      "BallotVerifier",
      ...SEALED_OPTION_COUNTS.map(sealedVerifierName),
    ]);
    for (const verifier of GENERATED_VERIFIERS) {
      expect(await committed(`generated/${verifier.contractName}.sol`)).toBe(await renderVerifier(verifier));
    }
  });

  it("should reproduce every committed artifact byte for byte with the pinned solc", async () => {
    const manifest = JSON.parse(await committed("artifacts/manifest.json")) as {
      solc: string;
      ballotCircuit: { zkeySha256: string };
      verifiers: Record<string, { name: string; zkeySha256: string }>;
      sources: Record<string, string>;
    };
    expect(manifest.solc).toBe(solcVersion());
    expect(manifest.ballotCircuit.zkeySha256).toBe((await readManifest(BALLOT_CIRCUIT)).files.zkey.sha256);
    for (const { contractName, circuit } of GENERATED_VERIFIERS) {
      expect(manifest.verifiers[contractName]).toEqual({
        name: circuit,
        zkeySha256: (await readManifest(circuit)).files.zkey.sha256,
        ceremony: (await readManifest(circuit)).ceremony,
      });
    }
    const sources = await readSoliditySources();
    expect(Object.keys(manifest.sources).sort()).toEqual(Object.keys(sources).sort());
    for (const compiled of compileContracts(sources)) {
      const artifact = JSON.parse(await committed(`artifacts/${compiled.contractName}.json`)) as CompiledContract;
      expect(artifact).toEqual(compiled);
    }
    expect(DEPLOYABLE).toContain("BlingRegistry");
  });

  it("should size the Solidity arrays by the protocol's constants", () => {
    const verifier = Interface.from(BALLOT_VERIFIER.abi).getFunction("verifyProof")!;
    expect(verifier.inputs[3]!.type).toBe(`uint256[${PUBLIC_SIGNAL_COUNT}]`);
    const registry = Interface.from(BLING_REGISTRY.abi);
    expect(registry.getFunction("verifyBallot")!.inputs[4]!.type).toBe(`uint256[${PUBLIC_SIGNAL_COUNT}]`);
    expect(registry.getFunction("publishTally")!.inputs[1]!.type).toBe(`uint64[${VOTE_OPTIONS}]`);
    const sealed = [SEALED_BALLOT_VERIFIER_K2, SEALED_BALLOT_VERIFIER_K8].map(
      (artifact) => Interface.from(artifact.abi).getFunction("verifyProof")!.inputs[3]!.type,
    );
    expect(sealed).toEqual(SEALED_OPTION_COUNTS.map((k) => `uint256[${sealedSignalLayout(k).count}]`));
    expect(registry.getFunction("verifySealedBallot")!.inputs[4]!.type).toBe("uint256[]");
    expect(registry.getFunction("openReferendum")!.inputs[4]!.type).toBe("uint256[2]");
  });
});
