import { groth16 } from "snarkjs";
import { loadArtifacts, type LoadedArtifacts } from "../../../protocol/artifacts.node";
import { IDENTITY, mulG, pointToWire, randomScalar, type Point } from "../../../protocol/babyjub";
import { censusRoot, generateCensusProof } from "../../../protocol/census";
import { CENSUS_DEPTH, sealedCircuitName, sealedSignalLayout, SNARK_FIELD_SIZE } from "../../../protocol/constants";
import { cumulative, padVotes, singleChoice, yesNo, type BallotRules } from "../../../protocol/rules";
import { proveSealedBallot, proveSealedBallotInputs, sealedBallotInputs } from "../../../protocol/sealed-ballot";
import type { Ballot } from "../../../protocol/statement";
import { proveBallot } from "../../../protocol/ballot";
import { releaseProverThreads, verifyBallot as verifyPublicBallot } from "../../../protocol/verify";
import { startLocalBling, type LocalBling } from "../../../local/anvil";
import { registryAnchor } from "../../../functions/adapters/chain-anchor";
import type { RegistryClient } from "../../../contracts/src/registry-client";
import { RegistryError } from "../../../contracts/src/registry-errors";
import type { ElectionKeyAnchor, ReferendumAnchor } from "../../../contracts/src/registry-types";
import { censusOf } from "../../fixtures/ballot-fixtures";
import { anchorOf } from "../../fixtures/chain-fixtures";

const { voters, census } = censusOf(6, "sealed-chain-voter");
const root = censusRoot(census);
const K2 = sealedSignalLayout(2);
const K8 = sealedSignalLayout(8);

let k2: LoadedArtifacts;
let k8: Promise<LoadedArtifacts> | undefined;
/** The 8-slot artifacts, loaded by the first test that needs them. */
const loadK8 = (): Promise<LoadedArtifacts> => (k8 ??= loadArtifacts(sealedCircuitName(CENSUS_DEPTH, 8)));
let bling: LocalBling;
let council: RegistryClient;
let electionKey: Point;
/** A sealed yes/no referendum (2 options: the 2-slot circuit) and one valid ballot for it. */
let yesNoAnchor: ReferendumAnchor;
let yesNoBallot: Ballot;

const keyOf = (point: Point): ElectionKeyAnchor => {
  const { x, y } = point.toAffine();
  return [x, y];
};

async function openSealed(rules: BallotRules, key: ElectionKeyAnchor = keyOf(electionKey)): Promise<ReferendumAnchor> {
  const anchor = anchorOf(await bling.chain.now(), rules, root, { electionKey: key });
  await council.openReferendum(anchor);
  return anchor;
}

/** A sealed ballot of voter `index` for referendum `id`, proved with the artifacts `sealedCircuitFor(rules.options)` names. */
async function sealedBallot(
  index: number,
  id: bigint,
  votes: number[],
  rules: BallotRules,
  key: Point = electionKey,
  tree = census,
): Promise<Ballot> {
  const voter = voters[index]!;
  const artifacts = rules.options <= 2 ? k2 : await loadK8();
  const proof = generateCensusProof(tree, voter.commitment);
  return (await proveSealedBallot(voter, proof, id, votes, rules, key, artifacts)).ballot;
}

const tamper = (b: Ballot, index: number, value: string): Ballot => ({
  proof: b.proof,
  publicSignals: b.publicSignals.map((signal, i) => (i === index ? value : signal)),
});

beforeAll(async () => {
  k2 = await loadArtifacts(sealedCircuitName(CENSUS_DEPTH, 2));
  bling = await startLocalBling([1]);
  council = bling.registry.connect(bling.chain.wallet(1));
  electionKey = mulG(randomScalar());
  yesNoAnchor = await openSealed(yesNo());
  yesNoBallot = await sealedBallot(0, yesNoAnchor.id, [0, 1], yesNo());
});

afterAll(async () => {
  await bling.chain.stop();
  await releaseProverThreads();
});

describe("# BlingRegistry.openReferendum (sealed)", () => {
  it("should anchor the election key, readable by anyone, and none for a public-vote referendum", async () => {
    const anchored = await bling.registry.getReferendum(yesNoAnchor.id);
    expect(anchored?.electionKey).toEqual(keyOf(electionKey));
    const events = await bling.registry.referendumEvents(yesNoAnchor.id);
    expect(events[0]).toMatchObject({ kind: "ReferendumOpened", referendum: { electionKey: keyOf(electionKey) } });

    const plain = anchorOf(await bling.chain.now(), yesNo(), root);
    await council.openReferendum(plain);
    expect((await bling.registry.getReferendum(plain.id))?.electionKey).toBeNull();
  });

  it("should anchor the key the service's ChainAnchor passes, and none when it passes none", async () => {
    const anchor = registryAnchor(council);
    const [sealed, plain] = [
      anchorOf(await bling.chain.now(), yesNo(), root),
      anchorOf(await bling.chain.now(), yesNo(), root),
    ];
    await anchor.open({ ...sealed, electionKey: keyOf(electionKey) });
    await anchor.open({ ...plain, electionKey: undefined });
    expect((await bling.registry.getReferendum(sealed.id))?.electionKey).toEqual(keyOf(electionKey));
    expect((await bling.registry.getReferendum(plain.id))?.electionKey).toBeNull();
    expect(await anchor.openedSpecHash(sealed.id, "latest")).toBe(sealed.specHash);
  });

  it("should refuse the identity point, the other point with x = 0, points off the curve and non-field values", async () => {
    const { x, y } = electionKey.toAffine();
    const invalid: ElectionKeyAnchor[] = [
      keyOf(IDENTITY),
      [0n, SNARK_FIELD_SIZE - 1n],
      [0n, 5n],
      [x, y + 1n],
      [1n, 1n],
      [x + SNARK_FIELD_SIZE, y],
      [x, y + SNARK_FIELD_SIZE],
    ];
    expect(pointToWire(IDENTITY)).toEqual(["0", "1"]);
    for (const key of invalid) {
      const refused = await openSealed(yesNo(), key).then(
        () => null,
        (error: unknown) => error,
      );
      expect(refused).toBeInstanceOf(RegistryError);
      expect((refused as RegistryError).errorName).toBe("InvalidElectionKey");
      expect((refused as RegistryError).args).toEqual([...key]);
    }
  });
});

describe("# BlingRegistry.verifySealedBallot", () => {
  it("should accept a real 2-slot sealed ballot, as the off-chain verifier does", async () => {
    expect(yesNoBallot.publicSignals).toHaveLength(K2.count);
    expect(await groth16.verify(k2.vkey, yesNoBallot.publicSignals, yesNoBallot.proof)).toBe(true);
    expect(await bling.registry.verifySealedBallot(yesNoAnchor.id, yesNoBallot)).toBe(true);
  });

  it("should accept a real 8-slot sealed ballot for a referendum of more than 2 options", async () => {
    const anchor = await openSealed(cumulative(5, 6));
    const ballot = await sealedBallot(1, anchor.id, [1, 0, 2, 0, 3], cumulative(5, 6));
    expect(ballot.publicSignals).toHaveLength(K8.count);
    expect(await bling.registry.verifySealedBallot(anchor.id, ballot)).toBe(true);
    expect(await bling.registry.verifySealedBallot(yesNoAnchor.id, ballot)).toBe(false);
  });

  it("should reject a valid ballot encrypted to another key", async () => {
    const other = mulG(randomScalar());
    const ballot = await sealedBallot(2, yesNoAnchor.id, [1, 0], yesNo(), other);
    expect(await groth16.verify(k2.vkey, ballot.publicSignals, ballot.proof)).toBe(true);
    expect(await bling.registry.verifySealedBallot(yesNoAnchor.id, ballot)).toBe(false);
  });

  it("should reject a valid ballot made for another option count", async () => {
    // Single choice of 1 option: the yes/no rules but for `options`, the same 2-slot circuit.
    const ballot = await sealedBallot(3, yesNoAnchor.id, [1], singleChoice(1));
    expect(ballot.publicSignals[K2.options]).toBe("1");
    expect(await groth16.verify(k2.vkey, ballot.publicSignals, ballot.proof)).toBe(true);
    expect(await bling.registry.verifySealedBallot(yesNoAnchor.id, ballot)).toBe(false);
  });

  it("should reject a valid ballot under another census root", async () => {
    const other = censusOf(3, "sealed-chain-other");
    const voter = other.voters[0]!;
    const proof = generateCensusProof(other.census, voter.commitment);
    const { ballot } = await proveSealedBallot(voter, proof, yesNoAnchor.id, [1, 0], yesNo(), electionKey, k2);
    expect(await groth16.verify(k2.vkey, ballot.publicSignals, ballot.proof)).toBe(true);
    expect(await bling.registry.verifySealedBallot(yesNoAnchor.id, ballot)).toBe(false);
  });

  it("should reject the ballot once a ciphertext, the nullifier or a proof point is tampered with", async () => {
    const verify = (ballot: Ballot) => bling.registry.verifySealedBallot(yesNoAnchor.id, ballot);
    const c2x = K2.ciphertext + 2;
    expect(await verify(tamper(yesNoBallot, c2x, yesNoBallot.publicSignals[K2.ciphertext + 6]!))).toBe(false);
    expect(await verify(tamper(yesNoBallot, K2.ciphertext, "1"))).toBe(false);
    expect(await verify(tamper(yesNoBallot, K2.nullifier, "12345"))).toBe(false);
    const pi = yesNoBallot.proof;
    expect(await verify({ ...yesNoBallot, proof: { ...pi, pi_c: pi.pi_a } })).toBe(false);
  });

  it("should reject an 8-slot ballot against a 2-slot referendum even when every anchored value matches", async () => {
    // The 8-slot circuit proves yes/no rules too: only the signal count tells it from the referendum's circuit.
    const voter = voters[4]!;
    const inputs = sealedBallotInputs(
      voter,
      generateCensusProof(census, voter.commitment),
      yesNoAnchor.id,
      [1, 0],
      yesNo(),
      electionKey,
      randomScalar(),
      1,
      8,
    );
    const artifacts = await loadK8();
    const ballot = await proveSealedBallotInputs(inputs, artifacts);
    expect(await groth16.verify(artifacts.vkey, ballot.publicSignals, ballot.proof)).toBe(true);
    // Root, id, key, options and rules: the same values at the same places as the 2-slot ballot's.
    const anchored = (b: Ballot) => b.publicSignals.slice(0, K8.ciphertext).filter((_, i) => i !== K8.nullifier);
    expect(anchored(ballot)).toEqual(anchored(yesNoBallot));
    expect(await bling.registry.verifySealedBallot(yesNoAnchor.id, ballot)).toBe(false);
  });

  it("should keep sealed and public-vote ballots and referenda apart", async () => {
    const plain = anchorOf(await bling.chain.now(), yesNo(), root);
    await council.openReferendum(plain);
    const forPlain = await sealedBallot(5, plain.id, [1, 0], yesNo());
    expect(await bling.registry.verifySealedBallot(plain.id, forPlain)).toBe(false);
    // A valid public-vote ballot for the sealed referendum's id, root and rules: it would show the vote.
    const voter = voters[5]!;
    const path = generateCensusProof(census, voter.commitment);
    const publicArtifacts = await loadArtifacts();
    const publicVote = await proveBallot(voter, path, yesNoAnchor.id, padVotes([1, 0]), yesNo(), publicArtifacts);
    expect(await verifyPublicBallot(publicArtifacts.vkey, publicVote)).toBe(true);
    expect(await bling.registry.verifyBallot(yesNoAnchor.id, publicVote)).toBe(false);
    expect(await bling.registry.verifySealedBallot(yesNoAnchor.id + 1000n, yesNoBallot)).toBe(false);
    expect(await bling.registry.verifySealedBallot(yesNoAnchor.id, null)).toBe(false);
  });
});
