/**
 * For `npm run bench contracts`: whether to hash a sealed ballot's public inputs into one signal. A
 * Groth16 verifier pays about one scalar multiplication per public signal; a contract that takes one
 * hashed signal must still compute the hash over the same values on chain. Compares the two.
 */
import { createRequire } from "node:module";
import { join } from "node:path";
import { Contract, type HDNodeWallet, type InterfaceAbi } from "ethers";
import { poseidon2 } from "poseidon-lite";
import solc from "solc";
import { SNARK_FIELD_SIZE } from "../protocol/constants";
import { REPO_ROOT } from "../circuits/scripts/compile";
import { SOLC_SETTINGS } from "../contracts/scripts/compile-contracts";
import { SEALED_SIGNAL_COUNTS } from "../contracts/src/calldata";
import { deployContract } from "../contracts/src/deploy";
import { printTable } from "./table";

const fmt = (gas: number): string => Math.round(gas).toLocaleString("en-US");

/** Calldata gas of 32-byte words (EIP-2028: 4 per zero byte, 16 per other). */
export function calldataGas(words: readonly bigint[]): number {
  const bytes = words.flatMap((w) => w.toString(16).padStart(64, "0").match(/../g)!);
  return bytes.reduce((sum, byte) => sum + (byte === "00" ? 4 : 16), 0);
}

/** circomlib's Poseidon constants for t = 3 (2 inputs), as poseidon-lite ships them (base64 big-endian). */
function poseidonT3Constants(): { c: bigint[]; m: bigint[][] } {
  // poseidon-lite exports no constants entry point: read its data file by path.
  const file = join(REPO_ROOT, "node_modules", "poseidon-lite", "constants", "2.js");
  const { C, M } = (createRequire(__filename)(file) as { default: { C: string[]; M: string[][] } }).default;
  const big = (b64: string): bigint => BigInt(`0x${Buffer.from(b64, "base64").toString("hex") || "0"}`);
  return { c: C.map(big), m: M.map((row) => row.map(big)) };
}

/**
 * A plain Solidity Poseidon (t = 3, 8 full + 57 partial rounds, circomlib's constants): one loop over
 * the rounds in inline assembly, state on the stack, the round constants copied from code once, the
 * dense MDS matrix every round (no sparse-matrix optimisation). Benchmark only; checked against
 * poseidon-lite before it is measured.
 */
function poseidonT3Source(): string {
  const { c, m } = poseidonT3Constants();
  const hex = c.map((v) => v.toString(16).padStart(64, "0")).join("");
  const mix = (row: bigint[]) =>
    `addmod(addmod(mulmod(${row[0]}, s0, p), mulmod(${row[1]}, s1, p), p), mulmod(${row[2]}, s2, p), p)`;
  return `// SPDX-License-Identifier: AGPL-3.0-or-later
pragma solidity ^0.8.28;
contract BenchPoseidonT3 {
    bytes private constant C = hex"${hex}";
    function hash(uint256 a, uint256 b) external pure returns (uint256 r) {
        bytes memory c = C;
        assembly {
            let p := ${SNARK_FIELD_SIZE}
            let s0 := 0
            let s1 := a
            let s2 := b
            let k := add(c, 32)
            for { let round := 0 } lt(round, 65) { round := add(round, 1) } {
                s0 := addmod(s0, mload(k), p)
                s1 := addmod(s1, mload(add(k, 32)), p)
                s2 := addmod(s2, mload(add(k, 64)), p)
                k := add(k, 96)
                let t := mulmod(s0, s0, p)
                s0 := mulmod(mulmod(t, t, p), s0, p)
                if or(lt(round, 4), gt(round, 60)) {
                    t := mulmod(s1, s1, p)
                    s1 := mulmod(mulmod(t, t, p), s1, p)
                    t := mulmod(s2, s2, p)
                    s2 := mulmod(mulmod(t, t, p), s2, p)
                }
                let n0 := ${mix(m[0]!)}
                let n1 := ${mix(m[1]!)}
                s2 := ${mix(m[2]!)}
                s0 := n0
                s1 := n1
            }
            r := s0
        }
    }
}
`;
}

/** Gas of one Poseidon(a, b) of the benchmark contract, as a transaction less the 21,000 base and calldata. */
export async function poseidonT3Gas(
  sender: HDNodeWallet,
  txGas: (to: string, data: string) => Promise<number>,
): Promise<number> {
  const sources = { "BenchPoseidonT3.sol": { content: poseidonT3Source() } };
  const input = { language: "Solidity", sources, settings: SOLC_SETTINGS };
  const output = JSON.parse((solc as { compile(input: string): string }).compile(JSON.stringify(input))) as {
    contracts: Record<string, Record<string, { abi: InterfaceAbi; evm: { bytecode: { object: string } } }>>;
  };
  const compiled = output.contracts["BenchPoseidonT3.sol"]!.BenchPoseidonT3!;
  const artifact = { ...compiled, contractName: "BenchPoseidonT3", sourceName: "", deployedBytecode: "" };
  const { address } = await deployContract({ ...artifact, bytecode: `0x${compiled.evm.bytecode.object}` }, sender);
  const poseidon = new Contract(address, compiled.abi, sender);
  const [a, b] = [123n, 456n];
  const onChain = (await poseidon.getFunction("hash").staticCall(a, b)) as bigint;
  if (onChain !== poseidon2([a, b])) throw new Error("the benchmark Poseidon disagrees with poseidon-lite");
  const data = poseidon.interface.encodeFunctionData("hash", [a, b]);
  return (await txGas(address, data)) - 21_000 - calldataGas([BigInt(data.slice(0, 10)) << 224n, a, b]);
}

/** The arithmetic opcodes alone (MULMOD/ADDMOD, 8 gas each) of one Poseidon permutation: a floor no implementation beats. */
function poseidonArithmeticFloor(t: number, partialRounds: number, sparse: boolean): number {
  const fullRounds = 8;
  const sboxes = (fullRounds * t + partialRounds) * 3;
  const constants = (fullRounds + partialRounds) * t;
  // Dense MDS: t^2 MULMOD + ADDMOD a round; a sparse partial round (the optimised form) about 2t - 1 of each.
  const mix = fullRounds * t * t * 2 + partialRounds * (sparse ? (2 * t - 1) * 2 : t * t * 2);
  return (sboxes + constants + mix) * 8;
}

/** Least-squares line gas = fixed + perSignal·n through the measured verifiers. */
function fitPerSignal(bare: Record<number, number>): { fixed: number; perSignal: number } {
  const points = Object.entries(bare).map(([n, gas]) => [Number(n), gas] as const);
  const mean = (f: (p: readonly [number, number]) => number) => points.reduce((s, p) => s + f(p), 0) / points.length;
  const [mn, mg] = [mean(([n]) => n), mean(([, g]) => g)];
  const perSignal = mean(([n, g]) => (n - mn) * (g - mg)) / mean(([n]) => (n - mn) ** 2);
  return { fixed: mg - perSignal * mn, perSignal };
}

/**
 * Whether to hash all public inputs into one: the verifier's cost per public signal (a line through
 * the measured verifiers: 16, 19 and 43 signals) against the on-chain hash the contract would then
 * compute over the same values, which it still needs in calldata. A signal count with no measured
 * verifier is read off the line (marked "fit").
 */
export function printHashingTable(
  bare: Record<number, number>,
  signalCalldata: Record<number, number>,
  poseidon: number,
): void {
  const { fixed, perSignal } = fitPerSignal(bare);
  const gasAt = (n: number) => bare[n] ?? fixed + n * perSignal;
  const one = fixed + perSignal;
  // Calldata of one signal word, on average over the measured ballots' signals.
  const measured = Object.entries(signalCalldata).map(([n, gas]) => gas / Number(n));
  const calldataPerSignal = measured.reduce((a, b) => a + b, 0) / measured.length;
  const sha = (n: number) => 60 + 12 * n + 100 + 6 * n; // precompile (60 + 12/word), STATICCALL, copying the words
  const t3Floor = poseidonArithmeticFloor(3, 57, false);
  // The T3 code measured pays this much over its arithmetic; assume a T17 implementation pays the same.
  const overhead = poseidon / t3Floor;
  const t17Floor = poseidonArithmeticFloor(17, 68, true);
  const rows = SEALED_SIGNAL_COUNTS.map((n) => {
    // One signal left, computed on chain: its calldata goes, the n values' calldata stays.
    const hashed = one - calldataPerSignal + (signalCalldata[n] ?? n * calldataPerSignal);
    const t3Tree = (n - 1) * poseidon;
    const t17Sponge = Math.ceil(n / 16) * t17Floor * overhead;
    return [
      `${n}`,
      `${fmt(gasAt(n))}${bare[n] === undefined ? " (fit)" : ""}`,
      fmt(hashed + sha(n)),
      fmt(hashed + t3Tree),
      fmt(hashed + t17Sponge),
      fmt(gasAt(n) - hashed),
    ];
  });
  printTable(
    "Public inputs of the sealed verifiers: n signals as today vs 1 signal = hash of all n (bare verifier, as a transaction)",
    [
      "signals n",
      "today",
      "1 + SHA-256 on chain",
      "1 + Poseidon T3 tree (measured)",
      "1 + Poseidon T17 sponge (est.)",
      "saved before hash",
    ],
    rows,
  );
  const fitted = Object.entries(bare).map(
    ([n, gas]) => `${n}: ${fmt(gas)} (line ${fmt(fixed + Number(n) * perSignal)})`,
  );
  console.log(
    [
      `\nPer public signal: ${fmt(perSignal)} gas; a 1-signal verifier: ${fmt(one)} gas. Measured bare verifiers ${fitted.join(", ")}.`,
      `Poseidon T3 (plain assembly loop, dense MDS, measured): ${fmt(poseidon)} gas a hash (${overhead.toFixed(1)}x its`,
      `MULMOD/ADDMOD floor of ${fmt(t3Floor)}), n - 1 hashes for a tree. Poseidon T17 (16 inputs a permutation,`,
      `sparse partial rounds): floor ${fmt(t17Floor)} a permutation x the same ${overhead.toFixed(1)}, ceil(n / 16) permutations.`,
      "SHA-256: the precompile's 60 + 12/word plus copying (formula). In-circuit cost of each hash: the circuits bench.",
    ].join("\n"),
  );
}
