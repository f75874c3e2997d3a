/**
 * Gas of BLING's anchoring against a per-vote on-chain design, on a local anvil in the same run:
 * what each registry write costs, and what one ballot costs when a checkpoint covers many.
 */
import { Contract } from "ethers";
import { loadArtifacts } from "../protocol/artifacts.node";
import { proveBallot, type Ballot } from "../protocol/ballot";
import { censusRoot, generateCensusProof } from "../protocol/census";
import { padVotes, yesNo } from "../protocol/rules";
import { PER_VOTE_BALLOT_BOX } from "../contracts/src/artifacts";
import { toSolidityBallot } from "../contracts/src/calldata";
import { deployContract } from "../contracts/src/deploy";
import { startLocalBling } from "../local/anvil";
import type { ReferendumAnchor } from "../contracts/src/registry-types";
import { censusOf } from "../test/fixtures/ballot-fixtures";
import { anchorOf, hash32 } from "../test/fixtures/chain-fixtures";
import { median, printTable } from "./table";

const SAMPLES = 5;
const BALLOTS_PER_CHECKPOINT = [1, 1_000, 100_000];

const fmt = (gas: number): string => Math.round(gas).toLocaleString("en-US");
const fmtPerBallot = (gas: number): string => (gas >= 100 ? fmt(gas) : gas.toFixed(2));

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
      const tx = await deployer.sendTransaction({ to: bling.deployment.registry, data, gasLimit: 2_000_000 });
      verify.push(Number((await tx.wait())!.gasUsed));
    }

    const { address } = await deployContract(PER_VOTE_BALLOT_BOX, deployer, bling.deployment.registry);
    const box = new Contract(address, PER_VOTE_BALLOT_BOX.abi, deployer);
    const perVote: number[] = [];
    for (const ballot of ballots) {
      const { a, b, c, signals } = toSolidityBallot(ballot)!;
      const receipt = await (await box.getFunction("castBallot").send(target.id, a, b, c, signals)).wait();
      perVote.push(Number(receipt!.gasUsed));
    }

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
        ["openReferendum", fmt(o)],
        ["checkpoint (first of a referendum)", fmt(f)],
        ["checkpoint (later)", fmt(l)],
        ["closeLog", fmt(c)],
        ["publishTally", fmt(t)],
        ["verifyBallot (view, as a transaction)", fmt(v)],
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
  } finally {
    await bling.chain.stop();
  }
}
