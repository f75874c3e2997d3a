/**
 * The committed artifacts are what the sources compile to, and the compiled
 * circuit has the soundness properties DESIGN.md asks of it.
 */
import { cp, mkdtemp, readFile, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { sha256Hex } from "../../../protocol/artifact-check";
import { loadArtifacts, readManifest } from "../../../protocol/artifacts.node";
import { ballotInputs } from "../../../protocol/ballot";
import { generateCensusProof } from "../../../protocol/census";
import {
  BALLOT_CIRCUIT,
  CENSUS_DEPTH,
  PROTOCOL_VERSION,
  SEALED_OPTION_COUNTS,
  sealedCircuitName,
  sealedPublicSignalNames,
  PUBLIC_SIGNAL_COUNT,
  PUBLIC_SIGNAL_NAMES,
} from "../../../protocol/constants";
import type { ArtifactManifest } from "../../../protocol/manifest";
import { padVotes, yesNo } from "../../../protocol/rules";
import { CIRCUITS, type CircuitEntry } from "../../../circuits/scripts/circuit-matrix";
import { circomVersion, compileCircuit, REPO_ROOT, type CompiledCircuit } from "../../../circuits/scripts/compile";
import { readSymbols } from "../../../circuits/scripts/sym";
import { censusOf, REFERENDUM_ID } from "../../fixtures/ballot-fixtures";
import { aliasesOf, computeWitness, isSatisfied, readConstraints, wiresOf, type Constraint } from "../../fixtures/r1cs";
import { releaseProverThreads } from "../../../protocol/verify";

const BUILD = join(REPO_ROOT, ".build", "test");
const ballotEntry = CIRCUITS[BALLOT_CIRCUIT]!;

let compiled: CompiledCircuit;
let manifest: ArtifactManifest;

beforeAll(async () => {
  compiled = await compileCircuit(ballotEntry, join(BUILD, BALLOT_CIRCUIT));
  manifest = (await loadArtifacts(BALLOT_CIRCUIT)).manifest;
});

afterAll(releaseProverThreads);

/** Every committed ballot circuit and the public-signal names its manifest must list. */
const committed: [string, readonly string[]][] = [
  [BALLOT_CIRCUIT, PUBLIC_SIGNAL_NAMES],
  ...SEALED_OPTION_COUNTS.map((k): [string, string[]] => [
    sealedCircuitName(CENSUS_DEPTH, k),
    sealedPublicSignalNames(k),
  ]),
];

// Each recompiles its circuit (circom2 in WebAssembly): about 10 s for the v1.1 ballot, 25 s for
// sealed K = 2 and 45 s for sealed K = 8 on a shared 2-core machine.
describe.each(committed)("# committed artifacts of %s", (name, signalNames) => {
  const entry = CIRCUITS[name]!;
  let build: CompiledCircuit;
  let pinned: ArtifactManifest;

  beforeAll(async () => {
    build = name === BALLOT_CIRCUIT ? compiled : await compileCircuit(entry, join(BUILD, name));
    pinned = await readManifest(name);
  });

  it("should be what the current sources compile to (rebuild with npm run build:circuits if not)", async () => {
    expect(await sha256Hex(await readFile(build.r1cs))).toBe(pinned.r1cs.sha256);
    expect(await sha256Hex(await readFile(join(REPO_ROOT, entry.source)))).toBe(pinned.circuit.sourceSha256);
    expect(await sha256Hex(await readFile(build.wasm))).toBe(pinned.files.wasm.sha256);
  });

  it("should carry the protocol's layout, parameters and the dev-insecure label", () => {
    expect(pinned.publicSignals).toEqual(signalNames);
    expect(pinned.circuit.params).toEqual(entry.params);
    expect(pinned.protocolVersion).toBe(entry.protocolVersion);
    expect(pinned.ceremony).toBe("dev-insecure");
    expect(pinned.compiler.flags).toEqual(["--O2"]);
  });

  it("should name the compiler and snarkjs that are installed", async () => {
    const installed = async (pkg: string) =>
      (JSON.parse(await readFile(join(REPO_ROOT, "node_modules", pkg, "package.json"), "utf8")) as { version: string })
        .version;
    expect(pinned.compiler.circom).toBe(await circomVersion());
    expect(pinned.compiler.circom2).toBe(await installed("circom2"));
    expect(pinned.snarkjs).toBe(await installed("snarkjs"));
  });
});

describe("# loading committed artifacts", () => {
  it("should pin the v1.1 ballot to PROTOCOL_VERSION", () => {
    expect(manifest.protocolVersion).toBe(PROTOCOL_VERSION);
  });

  it("should refuse to load a file that does not match its manifest", async () => {
    const dir = await mkdtemp(join(tmpdir(), "bling-artifacts-"));
    await cp(join(REPO_ROOT, "circuits", "artifacts", BALLOT_CIRCUIT), join(dir, BALLOT_CIRCUIT), { recursive: true });
    const vkeyPath = join(dir, BALLOT_CIRCUIT, manifest.files.vkey.path);
    await writeFile(
      vkeyPath,
      (await readFile(vkeyPath, "utf8")).replace(`"nPublic": ${PUBLIC_SIGNAL_COUNT}`, '"nPublic": 14'),
    );
    await expect(loadArtifacts(BALLOT_CIRCUIT, dir)).rejects.toThrow("does not match its manifest");
  });
});

/**
 * For each Merkle path selector: give it (and its copies) the value 2 and look
 * at the constraints over those wires alone. A bit check breaks; a circuit
 * that never constrains the selector has none to break. The honest witness
 * must satisfy every constraint.
 */
async function selectorCheck(
  circuit: CompiledCircuit,
  selectorPattern: RegExp,
  inputs: Parameters<typeof computeWitness>[1],
) {
  const constraints = await readConstraints(circuit.r1cs);
  const witness = await computeWitness(circuit.wasm, inputs);
  const selectors = [...(await readSymbols(circuit.sym))].filter(([name]) => selectorPattern.test(name));
  const honest = constraints.every((c) => isSatisfied(c, witness));
  const caught = selectors.map(([, wire]) => {
    const copies = aliasesOf(wire, constraints);
    const forged = witness.map((value, i) => (copies.has(i) ? 2n : value));
    const own: Constraint[] = constraints.filter((c) => [...wiresOf(c)].every((w) => copies.has(w)));
    return own.some((c) => !isSatisfied(c, forged));
  });
  return { honest, selectors: selectors.length, caught };
}

// Compiled at --O0 so every selector keeps its own wire: --O2 may substitute
// one bit by a linear expression of the index and the others, which keeps the
// constraint but hides it from a per-wire check.
describe("# Merkle path selectors", () => {
  it("should be constrained to bits: a selector of 2 fails", async () => {
    const unoptimised = await compileCircuit(ballotEntry, join(BUILD, `${BALLOT_CIRCUIT}_O0`), ["--O0"]);
    const { voters, census } = censusOf(6);
    const proof = generateCensusProof(census, voters[5]!.commitment);
    const inputs = ballotInputs(voters[5]!, proof, REFERENDUM_ID, padVotes([1, 0]), yesNo());
    const result = await selectorCheck(unoptimised, /BinaryMerkleRoot[^.]*\.indices\[\d+\]$/, inputs);
    expect(result.honest).toBe(true);
    expect(result.selectors).toBe(ballotEntry.params[0]);
    expect(result.caught.every(Boolean)).toBe(true);
  });

  it("should catch the unconstrained selectors of @zk-kit/circuits 0.4 (the check can fail)", async () => {
    const vulnerable: CircuitEntry = {
      name: "vulnerable_merkle_root",
      source: "node_modules/@zk-kit/circuits/circom/binary-merkle-root.circom",
      template: "BinaryMerkleRoot",
      params: [2],
      publicInputs: [],
      includes: ["node_modules/circomlib/circuits"],
      purpose: "test control",
      protocolVersion: PROTOCOL_VERSION,
    };
    const circuit = await compileCircuit(vulnerable, join(BUILD, vulnerable.name), ["--O0"]);
    const inputs = { leaf: "5", depth: "2", indices: ["1", "0"], siblings: ["7", "9"] };
    const result = await selectorCheck(circuit, /^main\.indices\[\d+\]$/, inputs);
    expect(result.honest).toBe(true);
    expect(result.selectors).toBe(2);
    expect(result.caught.some(Boolean)).toBe(false);
  });
});
