/**
 * Gas of BLING's anchoring against a per-vote on-chain design, on a local anvil in the same run:
 * what each registry write costs, and what one ballot costs when a checkpoint covers many. Then the
 * sealed (v2) ballots: what their 19 / 43 public signals cost a verifier, against hashing them all
 * into one signal.
 */
import { Contract, Interface, type HDNodeWallet } from "ethers";
import { loadArtifacts } from "../protocol/artifacts.node";
import { proveBallot, type Ballot } from "../protocol/ballot";
import { mulG, randomScalar } from "../protocol/babyjub";
import { censusRoot, generateCensusProof, type CensusTree } from "../protocol/census";
import { CENSUS_DEPTH, PUBLIC_SIGNAL_COUNT, sealedCircuitName, sealedSignalLayout } from "../protocol/constants";
import type { Identity } from "../protocol/identity";
import { cumulative, padVotes, yesNo, type BallotRules } from "../protocol/rules";
import { proveSealedBallot } from "../protocol/sealed-ballot";
import {
  BALLOT_VERIFIER,
  PER_VOTE_BALLOT_BOX,
  SEALED_BALLOT_VERIFIER_K2,
  SEALED_BALLOT_VERIFIER_K8,
  type ContractArtifact,
} from "../contracts/src/artifacts";
import { SEALED_SIGNAL_COUNTS, toSolidityBallot } from "../contracts/src/calldata";
import { deployContract } from "../contracts/src/deploy";
import type { RegistryClient } from "../contracts/src/registry-client";
import { startLocalBling, type LocalBling } from "../local/anvil";
import type { ReferendumAnchor } from "../contracts/src/registry-types";
import { censusOf } from "../test/fixtures/ballot-fixtures";
import { anchorOf, hash32 } from "../test/fixtures/chain-fixtures";
import { calldataGas, poseidonT3Gas, printHashingTable } from "./public-input-hashing";
import { median, printTable } from "./table";

const SAMPLES = 5;
const BALLOTS_PER_CHECKPOINT = [1, 1_000, 100_000];

const fmt = (gas: number): string => Math.round(gas).toLocaleString("en-US");
const fmtPerBallot = (gas: number): string => (gas >= 100 ? fmt(gas) : gas.toFixed(2));
// Views measured as transactions need room; the verifiers return false (no revert) when short of gas.
const VIEW_GAS_LIMIT = 3_000_000;

/** Gas of a transaction sending `data` to `to`: a view's gas as a transaction pays it (incl. the 21,000 base). */
async function txGas(sender: HDNodeWallet, to: string, data: string): Promise<number> {
  const tx = await sender.sendTransaction({ to, data, gasLimit: VIEW_GAS_LIMIT });
  return Number((await tx.wait())!.gasUsed);
}

/** Gas of the bare generated verifier on a ballot (no registry checks), as a transaction. */
async function verifierGas(sender: HDNodeWallet, artifact: ContractArtifact, at: string, ballot: Ballot) {
  const { a, b, c, signals } = toSolidityBallot(ballot, [PUBLIC_SIGNAL_COUNT, ...SEALED_SIGNAL_COUNTS])!;
  return txGas(sender, at, new Interface(artifact.abi).encodeFunctionData("verifyProof", [a, b, c, signals]));
}

interface SealedGas {
  open: number;
  /** By slot count k. */
  verify: Record<number, number>;
  /** By signal count n. */
  bareVerifier: Record<number, number>;
  /** Calldata gas of a ballot's n signals (4 per zero byte, 16 per other), by signal count n. */
  signalCalldata: Record<number, number>;
}

/**
 * Opens sealed referenda (yes/no: 2 slots; cumulative over 5: 8 slots) and measures verifySealedBallot
 * and the bare sealed verifiers on real sealed ballots.
 */
async function benchSealed(
  bling: LocalBling,
  council: RegistryClient,
  voters: Identity[],
  census: CensusTree,
): Promise<SealedGas> {
  const root = censusRoot(census);
  const electionKey = mulG(randomScalar());
  const { x, y } = electionKey.toAffine();
  const sender = bling.chain.wallet(0);
  const registry = council.contract.interface;
  const gas: SealedGas = { open: 0, verify: {}, bareVerifier: {}, signalCalldata: {} };
  const opens: number[] = [];
  const cases: [number, BallotRules, number[], ContractArtifact, string][] = [
    [2, yesNo(), [0, 1], SEALED_BALLOT_VERIFIER_K2, bling.deployment.sealedVerifiers.k2],
    [8, cumulative(5, 6), [1, 0, 2, 0, 3], SEALED_BALLOT_VERIFIER_K8, bling.deployment.sealedVerifiers.k8],
  ];
  for (const [k, rules, votes, verifier, at] of cases) {
    const artifacts = await loadArtifacts(sealedCircuitName(CENSUS_DEPTH, k));
    const verify: number[] = [];
    const bare: number[] = [];
    const calldata: number[] = [];
    for (const voter of voters) {
      const anchor = anchorOf(await bling.chain.now(), rules, root, { electionKey: [x, y] });
      opens.push(Number((await council.openReferendum(anchor)).gasUsed));
      const path = generateCensusProof(census, voter.commitment);
      const { ballot } = await proveSealedBallot(voter, path, anchor.id, votes, rules, electionKey, artifacts);
      if (!(await council.verifySealedBallot(anchor.id, ballot))) throw new Error(`K=${k}: sealed ballot refused`);
      const { a, b, c, signals } = toSolidityBallot(ballot, SEALED_SIGNAL_COUNTS)!;
      const data = registry.encodeFunctionData("verifySealedBallot", [anchor.id, a, b, c, signals]);
      verify.push(await txGas(sender, bling.deployment.registry, data));
      bare.push(await verifierGas(sender, verifier, at, ballot));
      calldata.push(calldataGas(signals));
    }
    const n = sealedSignalLayout(k).count;
    gas.verify[k] = median(verify);
    gas.bareVerifier[n] = median(bare);
    gas.signalCalldata[n] = median(calldata);
  }
  gas.open = median(opens);
  return gas;
}

export async function benchContracts(): Promise<void> {
  const bling = await startLocalBling([1]);
  try {
    const council = bling.registry.connect(bling.chain.wallet(1));
    const { voters, census } = censusOf(SAMPLES, "bench-chain");
    const root = censusRoot(census);

    const referenda: ReferendumAnchor[] = [];
    const open: number[] = [];
    for (let i = 0; i < SAMPLES; i++) {
      const anchor = anchorOf(await bling.chain.now(), yesNo(), root);
      referenda.push(anchor);
      open.push(Number((await council.openReferendum(anchor)).gasUsed));
    }

    // The first checkpoint of a referendum allocates its list; later ones only append.
    const firstCheckpoint: number[] = [];
    const laterCheckpoint: number[] = [];
    for (const { id } of referenda) {
      firstCheckpoint.push(Number((await council.checkpoint(id, 1000, hash32(`${id}-1000`))).gasUsed));
      for (let size = 2000; size <= 4000; size += 1000) {
        laterCheckpoint.push(Number((await council.checkpoint(id, size, hash32(`${id}-${size}`))).gasUsed));
      }
    }

    const deployer = bling.chain.wallet(0);
    const artifacts = await loadArtifacts();
    const target = referenda[0]!;
    const ballots: Ballot[] = [];
    for (const voter of voters) {
      const path = generateCensusProof(census, voter.commitment);
      ballots.push(await proveBallot(voter, path, target.id, padVotes([1, 0]), target.rules, artifacts));
    }

    // verifyBallot is a view: its gas is what a transaction calling it uses. Not eth_estimateGas: the
    // snarkjs verifier returns false (no revert) when a precompile runs out of gas, so the estimate's
    // search settles on a gas limit at which the proof "fails" cheaply.
    const verify: number[] = [];
    const registry = council.contract.interface;
    for (const ballot of ballots) {
      const { a, b, c, signals } = toSolidityBallot(ballot)!;
      const data = registry.encodeFunctionData("verifyBallot", [target.id, a, b, c, signals]);
      verify.push(await txGas(deployer, bling.deployment.registry, data));
    }
    const bare: number[] = [];
    for (const b of ballots) bare.push(await verifierGas(deployer, BALLOT_VERIFIER, bling.deployment.verifier, b));

    const { address } = await deployContract(PER_VOTE_BALLOT_BOX, deployer, bling.deployment.registry);
    const box = new Contract(address, PER_VOTE_BALLOT_BOX.abi, deployer);
    const perVote: number[] = [];
    for (const ballot of ballots) {
      const { a, b, c, signals } = toSolidityBallot(ballot)!;
      const receipt = await (await box.getFunction("castBallot").send(target.id, a, b, c, signals)).wait();
      perVote.push(Number(receipt!.gasUsed));
    }
    const sealed = await benchSealed(bling, council, voters, census);

    await bling.chain.increaseTime(3601);
    const closing: number[] = [];
    const tally: number[] = [];
    for (const { id, closesAt } of referenda) {
      const head = { id, closedAt: closesAt, logSize: 4000, logRoot: hash32(`${id}-4000`) };
      closing.push(Number((await council.closeLog(head)).gasUsed));
      const counts = [612n, 388n, 0n, 0n, 0n, 0n, 0n, 0n];
      const final = { id, counts, logSize: 4000, logRoot: hash32(`${id}-4000`), nullifierSetRoot: hash32(`n-${id}`) };
      tally.push(Number((await council.publishTally(final)).gasUsed));
    }

    const [o, f, l, v, c, t, p] = [open, firstCheckpoint, laterCheckpoint, verify, closing, tally, perVote].map(
      median,
    ) as [number, number, number, number, number, number, number];
    printTable(
      `Registry gas (anvil, solc optimizer 200 runs, cancun; median of ${SAMPLES}+ transactions, whole-transaction gas incl. 21,000 base)`,
      ["operation", "gas"],
      [
        ["openReferendum (public vote, v1.1)", fmt(o)],
        ["openReferendum (sealed, v2: + election key)", fmt(sealed.open)],
        ["checkpoint (first of a referendum)", fmt(f)],
        ["checkpoint (later)", fmt(l)],
        ["closeLog", fmt(c)],
        ["publishTally", fmt(t)],
        ["verifyBallot (view, as a transaction)", fmt(v)],
        ...Object.entries(sealed.verify).map(([k, gas]) => [
          `verifySealedBallot K=${k}, ${sealedSignalLayout(Number(k)).count} signals (view, as a transaction)`,
          fmt(gas),
        ]),
        ["per-vote design: castBallot (verify + nullifier)", fmt(p)],
      ],
    );
    printTable(
      "Gas per ballot: one BLING checkpoint covering N ballots vs a per-vote on-chain design (each ballot a transaction)",
      [
        "ballots per checkpoint",
        "BLING checkpoint / ballot",
        "BLING open+checkpoint+tally / ballot",
        "per-vote / ballot",
        "per-vote / BLING checkpoint",
      ],
      BALLOTS_PER_CHECKPOINT.map((n) => [
        n.toLocaleString("en-US"),
        fmtPerBallot(l / n),
        fmtPerBallot((o + f + t) / n),
        fmt(p),
        `${fmt(p / (l / n))}x`,
      ]),
    );
    const poseidon = await poseidonT3Gas(deployer, (to, data) => txGas(deployer, to, data));
    printHashingTable({ [PUBLIC_SIGNAL_COUNT]: median(bare), ...sealed.bareVerifier }, sealed.signalCalldata, poseidon);
  } finally {
    await bling.chain.stop();
  }
}
