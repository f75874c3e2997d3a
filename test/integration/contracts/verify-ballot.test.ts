import { loadArtifacts, type LoadedArtifacts } from "../../../protocol/artifacts.node";
import { proveBallotInputs, ballotInputs, proveBallot, type Ballot } from "../../../protocol/ballot";
import { generateCensusProof, censusRoot } from "../../../protocol/census";
import { SIGNAL } from "../../../protocol/constants";
import { padVotes, quadratic, yesNo } from "../../../protocol/rules";
import { releaseProverThreads, verifyBallot } from "../../../protocol/verify";
import { PER_VOTE_BALLOT_BOX } from "../../../contracts/src/artifacts";
import { deployContract } from "../../../contracts/src/deploy";
import { startLocalBling, type LocalBling } from "../../../local/anvil";
import { toSolidityBallot } from "../../../contracts/src/calldata";
import type { ReferendumAnchor } from "../../../contracts/src/registry-types";
import { Contract } from "ethers";
import { censusOf } from "../../fixtures/ballot-fixtures";
import { anchorOf } from "../../fixtures/chain-fixtures";

const { voters, census } = censusOf(6, "chain-voter");
const root = censusRoot(census);
let artifacts: LoadedArtifacts;
let bling: LocalBling;
let referendum: ReferendumAnchor;
let ballot: Ballot;

const proveFor = (voterIndex: number, votes: number[], anchor: ReferendumAnchor): Promise<Ballot> => {
  const voter = voters[voterIndex]!;
  return proveBallot(voter, generateCensusProof(census, voter.commitment), anchor.id, votes, anchor.rules, artifacts);
};

const tamper = (b: Ballot, index: number, value: string): Ballot => ({
  proof: b.proof,
  publicSignals: b.publicSignals.map((signal, i) => (i === index ? value : signal)),
});

beforeAll(async () => {
  artifacts = await loadArtifacts();
  bling = await startLocalBling([1]);
  referendum = anchorOf(await bling.chain.now(), yesNo(), root);
  await bling.registry.connect(bling.chain.wallet(1)).openReferendum(referendum);
  ballot = await proveFor(2, padVotes([1, 0]), referendum);
});

afterAll(async () => {
  await bling.chain.stop();
  await releaseProverThreads();
});

describe("# BlingRegistry.verifyBallot", () => {
  it("should accept a real ballot proven by circuits/, as the off-chain verifier does", async () => {
    expect(await verifyBallot(artifacts.vkey, ballot)).toBe(true);
    expect(await bling.registry.verifyBallot(referendum.id, ballot)).toBe(true);
  });

  it("should reject the ballot once a vote, the nullifier or a proof point is tampered with", async () => {
    expect(await bling.registry.verifyBallot(referendum.id, tamper(ballot, SIGNAL.vote, "0"))).toBe(false);
    expect(await bling.registry.verifyBallot(referendum.id, tamper(ballot, SIGNAL.vote + 1, "1"))).toBe(false);
    expect(await bling.registry.verifyBallot(referendum.id, tamper(ballot, SIGNAL.nullifier, "12345"))).toBe(false);
    const [x, y] = ballot.proof.pi_a;
    const swapped = { ...ballot, proof: { ...ballot.proof, pi_a: [y!, x!, "1"] } };
    expect(await bling.registry.verifyBallot(referendum.id, swapped)).toBe(false);
    const otherPoint = { ...ballot, proof: { ...ballot.proof, pi_c: ballot.proof.pi_a } };
    expect(await bling.registry.verifyBallot(referendum.id, otherPoint)).toBe(false);
  });

  it("should reject a valid proof for another referendum, root or rules", async () => {
    const other = anchorOf(await bling.chain.now(), quadratic(2, 4), root);
    await bling.registry.connect(bling.chain.wallet(1)).openReferendum(other);
    const forOther = await proveFor(3, padVotes([1, 1]), other);
    expect(await bling.registry.verifyBallot(other.id, forOther)).toBe(true);
    expect(await bling.registry.verifyBallot(referendum.id, forOther)).toBe(false);
    expect(await bling.registry.verifyBallot(other.id, ballot)).toBe(false);
    // The same statement under an unknown referendum id.
    expect(await bling.registry.verifyBallot(other.id + 1000n, forOther)).toBe(false);
  });

  it("should reject a proof the circuit allows but the referendum does not: a vote past its options", async () => {
    // The circuit has no option count: with yes/no rules it proves a single vote in slot 5.
    const voter = voters[4]!;
    const inputs = ballotInputs(
      voter,
      generateCensusProof(census, voter.commitment),
      referendum.id,
      padVotes([0, 0, 0, 0, 0, 1]),
      referendum.rules,
    );
    const offOptions = await proveBallotInputs(inputs, artifacts);
    expect(await verifyBallot(artifacts.vkey, offOptions)).toBe(true);
    expect(await bling.registry.verifyBallot(referendum.id, offOptions)).toBe(false);
  });

  it("should reject malformed ballots without a call", async () => {
    expect(await bling.registry.verifyBallot(referendum.id, null)).toBe(false);
    expect(
      await bling.registry.verifyBallot(referendum.id, { ...ballot, publicSignals: ballot.publicSignals.slice(1) }),
    ).toBe(false);
    expect(await bling.registry.verifyBallot(referendum.id, tamper(ballot, 0, "0x01"))).toBe(false);
  });
});

describe("# PerVoteBallotBox (the benchmark's per-vote baseline)", () => {
  it("should take a valid ballot once and refuse its nullifier again, or an invalid ballot", async () => {
    const deployer = bling.chain.wallet(0);
    const { address } = await deployContract(PER_VOTE_BALLOT_BOX, deployer, bling.deployment.registry);
    const box = new Contract(address, PER_VOTE_BALLOT_BOX.abi, deployer);
    const { a, b, c, signals } = toSolidityBallot(ballot)!;
    const cast = (s: bigint[]) => box.getFunction("castBallot").send(referendum.id, a, b, c, s);
    await (await cast(signals)).wait();
    const nullifier = signals[SIGNAL.nullifier]!;
    expect(await box.getFunction("isNullifierUsed").staticCall(referendum.id, nullifier)).toBe(true);
    // A sent transaction's revert data comes back undecoded: decode it with the box's ABI.
    const revertOf = (s: bigint[]) =>
      cast(s).then(
        () => null,
        (error: unknown) => box.interface.parseError((error as { data: string }).data)?.name,
      );
    expect(await revertOf(signals)).toBe("Bling__NullifierUsed");
    expect(await revertOf(signals.map((s, i) => (i === SIGNAL.nullifier ? 7n : s)))).toBe("Bling__InvalidBallot");
  });
});
