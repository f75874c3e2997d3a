/**
 * A secret-ballot referendum end to end on the local stack (real dynalite, anvil, HTTP, proofs and
 * the `bling trustee` CLI): three trustees (threshold 2) generate the key, citizens vote sealed
 * ballots, nothing public reveals a vote or a running total before the close, one trustee stays
 * away, two decrypt the aggregate of the anchored closing log, and the council's tally matches.
 * Attacks on the way: a ballot encrypted to another key, a ciphertext changed after proving, a
 * partial decryption of something else or under another trustee's index, counting with fewer
 * than t partials.
 */
import { mkdtemp, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { loadArtifacts, type LoadedArtifacts } from "../../../protocol/artifacts.node";
import { mulG, pointFromWire, randomScalar } from "../../../protocol/babyjub";
import { buildCensus, generateCensusProof } from "../../../protocol/census";
import { proveSealedBallot } from "../../../protocol/sealed-ballot";
import { sealedCircuitName, CENSUS_DEPTH, sealedSignalLayout } from "../../../protocol/constants";
import { releaseProverThreads } from "../../../protocol/verify";
import { aggregateFromWire } from "../../../protocol/sealed-tally";
import { partialDecrypt } from "../../../protocol/threshold";
import { shareOf, trusteeSecret, type TrusteeSecret } from "../../../protocol/trustee-steps";
import { decodeSealedStatement } from "../../../protocol/sealed-statement";
import { cli, trusteeKeyGeneration } from "../../fixtures/cli-run";
import { createCouncilClient, createPublicClient } from "../../../functions/api/client";
import { ApiError } from "../../../functions/api/api-error";
import { SEAL_SETTLE_MS } from "../../../functions/core/closing";
import { apiClient, councilCensus, fetchLeaves, type ApiCall } from "../../fixtures/api-client";
import { identityFromSeed } from "../../fixtures/ballot-fixtures";
import { testStack, type TestStack } from "../../fixtures/test-stack";
import type { Identity } from "../../../protocol/identity";
import type { Ballot } from "../../../protocol/statement";

const HOUR_MS = 3_600_000;
const VOTING_SECONDS = 600;
const TRUSTEES = ["Alderman Ada", "Notary Noor", "Observer Org"];
const voters = [0, 1, 2].map((i) => identityFromSeed(`sealed-voter-${i}`));
/** Yes, No, Yes; the first voter then changes to No: the count is 1 yes, 2 no. */
const CHOICES = [
  [1, 0],
  [0, 1],
  [1, 0],
];

let stack: TestStack;
let api: ApiCall;
let dir: string;
let referendumId: string;
let artifacts: LoadedArtifacts;
/** Every public answer the scenario read before the close, to hold against the secrecy rule. */
const publicBodies: string[] = [];

const publicClient = () =>
  createPublicClient({
    baseUrl: stack.apiUrl,
    fetch: async (input, init) => {
      const response = await fetch(input, init);
      const text = await response.text();
      publicBodies.push(text);
      return new Response(text, { status: response.status, headers: response.headers });
    },
  });

const codeOf = (promise: Promise<unknown>): Promise<string | undefined> =>
  promise.then(
    () => undefined,
    (error: unknown) => (error instanceof ApiError ? error.code : String(error)),
  );

async function secretOf(i: number): Promise<TrusteeSecret> {
  return trusteeSecret.parse(JSON.parse(await readFile(join(dir, `trustee-${i}.json`), "utf8")));
}

async function prove(
  voter: Identity,
  votes: number[],
  revision = 1,
  electionKey?: ReturnType<typeof mulG>,
): Promise<Ballot> {
  const { spec } = await publicClient().referendum(referendumId);
  const tree = buildCensus((await fetchLeaves(api, spec.census.id)).slice(0, spec.census.size));
  const key = electionKey ?? pointFromWire(spec.trustees?.electionKey, "electionKey");
  const { ballot } = await proveSealedBallot(
    voter,
    generateCensusProof(tree, voter.commitment),
    BigInt(spec.id),
    votes,
    spec.rules,
    key,
    artifacts,
    { revision },
  );
  return ballot;
}

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), "bling-sealed-"));
  stack = await testStack({
    sequencerIntervalMs: HOUR_MS,
    anchorIntervalMs: HOUR_MS,
    log: () => undefined,
  });
  api = apiClient(stack.apiUrl);
  artifacts = await loadArtifacts(sealedCircuitName(CENSUS_DEPTH, 2));
  const token = await stack.councilToken("council-s");
  const { censusId } = await councilCensus(api, token, voters);
  const council = createCouncilClient({ baseUrl: stack.apiUrl, token });
  const now = Math.floor(stack.now() / 1000);
  const draft = await council.createDraft({
    title: "Should the harbour get a night ferry?",
    options: ["Yes", "No"],
    rules: { preset: "yes-no" },
    revoting: true,
    censusId,
    opensAt: now,
    closesAt: now + VOTING_SECONDS,
    trustees: { names: TRUSTEES, threshold: 2 },
  });
  referendumId = draft.id;
});

afterAll(async () => {
  await stack.stop();
  await releaseProverThreads();
  await rm(dir, { recursive: true, force: true });
});

describe("# a secret-ballot referendum", () => {
  it("should not open before the trustees' key generation completes", async () => {
    const token = await stack.councilToken("council-s");
    const council = createCouncilClient({ baseUrl: stack.apiUrl, token });
    expect(await codeOf(council.open(referendumId))).toBe("DKG_INCOMPLETE");
  });

  it("should run the key generation through `bling trustee` and open with the key in the spec", async () => {
    const token = await stack.councilToken("council-s");
    const council = createCouncilClient({ baseUrl: stack.apiUrl, token });
    const invitations = await council.inviteTrustees(referendumId);
    expect(invitations.map((i) => i.name)).toEqual(TRUSTEES);
    const wrong = await cli(
      "trustee",
      "join",
      "--api",
      stack.apiUrl,
      "--referendum",
      referendumId,
      "--code",
      "0000-0000-0000-0000",
      "--key",
      join(dir, "nobody.json"),
    );
    expect(wrong.code).toBe(1);
    expect(wrong.err).toMatch(/invitation code is not valid/);
    await trusteeKeyGeneration(
      stack.apiUrl,
      referendumId,
      invitations.map(({ code }) => code),
      (i) => join(dir, `trustee-${i}.json`),
    );
    const status = await cli("trustee", "status", "--api", stack.apiUrl, "--referendum", referendumId);
    expect(status.out).toMatch(/status: complete/);

    const opened = await council.open(referendumId);
    expect(opened.spec?.circuit.name).toBe(sealedCircuitName(CENSUS_DEPTH, 2));
    expect(opened.spec?.trustees?.threshold).toBe(2);
    expect(opened.spec?.trustees?.members.map((m) => m.name)).toEqual(TRUSTEES);
  });

  it("should take sealed ballots and refuse one for another key or with a changed ciphertext", async () => {
    const client = publicClient();
    for (const [i, voter] of voters.entries())
      await client.submitBallot(referendumId, (await prove(voter, CHOICES[i]!)) as never);
    // The first voter changes its mind: revision 2.
    await client.submitBallot(referendumId, (await prove(voters[0]!, [0, 1], 2)) as never);

    const otherKey = mulG(randomScalar());
    const foreign = await prove(voters[1]!, [1, 0], 2, otherKey);
    expect(await codeOf(client.submitBallot(referendumId, foreign as never))).toBe("BALLOT_KEY_MISMATCH");

    const honest = await prove(voters[2]!, [0, 1], 2);
    const at = sealedSignalLayout(2).ciphertext + 2;
    const changed = honest.publicSignals.map((s, i) => (i === at ? String(mulG(3n).toAffine().x) : s));
    // The changed slot may not even be a point; either way the ballot is refused before it counts.
    expect(["BALLOT_PROOF_INVALID", "BALLOT_MALFORMED"]).toContain(
      await codeOf(client.submitBallot(referendumId, { ...honest, publicSignals: changed } as never)),
    );
    await stack.tick();
  });

  it("should publish nothing that reveals a vote or a running total before the close", async () => {
    const client = publicClient();
    const { spec, turnout } = await client.referendum(referendumId);
    expect(turnout).toMatchObject({ ballots: 4, voters: 3 });
    expect(await codeOf(client.tally(referendumId))).toBe("TALLY_NOT_READY");
    expect(await codeOf(client.aggregate(referendumId))).toBe("REFERENDUM_STATE");
    const entries = await client.logEntries(referendumId, 0, 100);
    expect(entries).toHaveLength(4);
    // Every ballot holds only the statement and ciphertexts: no vote in the clear, slot by slot.
    for (const { entry } of entries) {
      expect(entry.ballot.publicSignals).toHaveLength(sealedSignalLayout(2).count);
      expect(JSON.stringify(entry)).not.toMatch(/"votes?"/);
    }
    // No public answer so far carried counts, and no two ballots with the same vote share a ciphertext.
    expect(publicBodies.join("\n")).not.toMatch(/"counts"/);
    const ciphertexts = entries.map(({ entry }) => entry.ballot.publicSignals.slice(11).join());
    expect(new Set(ciphertexts).size).toBe(ciphertexts.length);
    expect(spec.trustees?.electionKey).toBeDefined();
  });

  it("should count from two trustees' decryptions of the anchored aggregate, with the third away", async () => {
    const token = await stack.councilToken("council-s");
    const council = createCouncilClient({ baseUrl: stack.apiUrl, token });
    const client = publicClient();
    await stack.advance(VOTING_SECONDS + SEAL_SETTLE_MS / 1000 + 1);
    await stack.tick();
    await stack.tick();
    const view = await client.aggregate(referendumId);
    expect(view).toMatchObject({ voters: 3, ballots: 4, decryptedBy: [], threshold: 2 });
    expect(await codeOf(council.tally(referendumId))).toBe("TALLY_NEEDS_TRUSTEES");

    // A partial of one ballot's ciphertext (not the aggregate) is refused.
    const secret1 = await secretOf(1);
    const { transcript } = await client.dkg(referendumId);

    const share = shareOf(transcript, secret1);
    const [first] = await client.logEntries(referendumId, 0, 1);
    const single = decodeSealedStatement(first!.entry.ballot.publicSignals, 2)!.ciphertexts;
    expect(
      await codeOf(client.postPartial(referendumId, partialDecrypt({ referendumId, index: 1, share }, single))),
    ).toBe("PARTIAL_INVALID");
    // Trustee 1's honest partial claimed under trustee 2's index is refused.
    const aggregate = aggregateFromWire(view.aggregate);
    const mine = partialDecrypt({ referendumId, index: 1, share }, aggregate);
    expect(await codeOf(client.postPartial(referendumId, { ...mine, trustee: 2 }))).toBe("PARTIAL_INVALID");

    const rpc = ["--rpc", stack.chain.rpcUrl];
    const one = await cli("trustee", "decrypt", "--api", stack.apiUrl, ...rpc, "--key", join(dir, "trustee-1.json"));
    expect(one).toMatchObject({ code: 0, err: "" });
    expect(one.out).toMatch(/aggregate of 3 counted ballots/);
    expect(await codeOf(council.tally(referendumId))).toBe("TALLY_NEEDS_TRUSTEES");
    const three = await cli("trustee", "decrypt", "--api", stack.apiUrl, ...rpc, "--key", join(dir, "trustee-3.json"));
    expect(three.code).toBe(0);

    await council.tally(referendumId);
    const tally = await client.tally(referendumId);
    expect(tally).toMatchObject({ counts: ["1", "2"], ballots: 4, voters: 3 });
    expect(tally.sealed?.partials.map((p) => p.trustee).sort()).toEqual([1, 3]);
    await stack.tick();
    await stack.tick();
    const { anchors } = await client.referendum(referendumId);
    expect(anchors.tallied).toBe(true);
  });
});
