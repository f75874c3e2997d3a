/**
 * A secret ballot of more than two options end to end on the local stack, on the 8-slot circuit
 * (sealed_d20_k8): real dynalite, anvil, HTTP, proofs and the `bling` CLI. Three options, a
 * cumulative budget of 3: the slots carry values above 1, so the counts come out of the
 * baby-step giant-step decoding, not a yes/no bit. Three trustees (two needed) generate the key;
 * after the close two decrypt the anchored aggregate; the council counts; the chain anchors the
 * tally; `bling verify` re-checks everything from the API and the chain.
 */
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { CENSUS_DEPTH, sealedCircuitName, sealedSignalLayout } from "../../../protocol/constants";
import { releaseProverThreads } from "../../../protocol/verify";
import { createCouncilClient, createPublicClient } from "../../../functions/api/client";
import { SEAL_SETTLE_MS } from "../../../functions/core/closing";
import { apiClient, councilCensus } from "../../fixtures/api-client";
import { identityFromSeed } from "../../fixtures/ballot-fixtures";
import { cli } from "../../fixtures/cli-run";
import { castSealedBallots } from "../../fixtures/sealed-ballots";
import { testStack, type TestStack } from "../../fixtures/test-stack";

const HOUR_MS = 3_600_000;
const VOTING_SECONDS = 600;
const OPTIONS = ["Harbour ferry", "Night bus", "Bike lanes"];
const voters = [0, 1, 2].map((i) => identityFromSeed(`sealed-k8-voter-${i}`));
/** Each voter spends its budget of 3: the counts are [3, 2, 4]. */
const VOTES = [
  [2, 1, 0],
  [0, 0, 3],
  [1, 1, 1],
];

let stack: TestStack;
let dir: string;
let token: string;
let referendumId: string;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), "bling-sealed-k8-"));
  stack = await testStack({ sequencerIntervalMs: HOUR_MS, anchorIntervalMs: HOUR_MS, log: () => undefined });
  token = await stack.councilToken("council-k8");
  const { censusId } = await councilCensus(apiClient(stack.apiUrl), token, voters);
  const now = Math.floor(stack.now() / 1000);
  const draft = await createCouncilClient({ baseUrl: stack.apiUrl, token }).createDraft({
    title: "Which transport project first?",
    options: OPTIONS,
    rules: { preset: "cumulative", budget: 3 },
    revoting: true,
    censusId,
    opensAt: now,
    closesAt: now + VOTING_SECONDS,
    trustees: { names: ["Ada", "Noor", "Olaf"], threshold: 2 },
  });
  referendumId = draft.id;
}, 300_000);

afterAll(async () => {
  await stack.stop();
  await releaseProverThreads();
  await rm(dir, { recursive: true, force: true });
});

describe("# a secret ballot of three options (sealed_d20_k8)", () => {
  it("should open on the 8-slot circuit once the trustees' key generation completes", async () => {
    const council = createCouncilClient({ baseUrl: stack.apiUrl, token });
    const invitations = await council.inviteTrustees(referendumId);
    for (const [i, { code }] of invitations.entries()) {
      const key = join(dir, `trustee-${i + 1}.json`);
      const joined = await cli(
        "trustee",
        "join",
        "--api",
        stack.apiUrl,
        "--referendum",
        referendumId,
        "--code",
        code,
        "--key",
        key,
      );
      expect(joined).toMatchObject({ code: 0, err: "" });
    }
    for (let round = 0; round < 3; round++)
      for (const i of [1, 2, 3])
        expect(
          (await cli("trustee", "step", "--api", stack.apiUrl, "--key", join(dir, `trustee-${i}.json`))).code,
        ).toBe(0);
    const opened = await council.open(referendumId);
    expect(opened.spec?.circuit.name).toBe(sealedCircuitName(CENSUS_DEPTH, 8));
  });

  it("should take sealed ballots of eight slots, three of them used", async () => {
    await castSealedBallots(stack.apiUrl, referendumId, voters, VOTES);
    await stack.tick();
    const client = createPublicClient({ baseUrl: stack.apiUrl });
    const entries = await client.logEntries(referendumId, 0, 10);
    expect(entries.map(({ entry }) => entry.ballot.publicSignals.length)).toEqual(
      [1, 2, 3].map(() => sealedSignalLayout(8).count),
    );
  });

  it("should count [3, 2, 4] from two trustees' decryptions, anchor it, and pass `bling verify`", async () => {
    const council = createCouncilClient({ baseUrl: stack.apiUrl, token });
    const client = createPublicClient({ baseUrl: stack.apiUrl });
    await stack.advance(VOTING_SECONDS + SEAL_SETTLE_MS / 1000 + 1);
    await stack.tick();
    await stack.tick();
    const rpc = ["--rpc", stack.chain.rpcUrl];
    for (const i of [2, 3]) {
      const run = await cli(
        "trustee",
        "decrypt",
        "--api",
        stack.apiUrl,
        ...rpc,
        "--key",
        join(dir, `trustee-${i}.json`),
      );
      expect(run).toMatchObject({ code: 0, err: "" });
    }
    await council.tally(referendumId);
    // One count per slot, as for public ballots: the five unused slots are proved 0 and decrypt to 0.
    const counts = ["3", "2", "4", "0", "0", "0", "0", "0"];
    expect(await client.tally(referendumId)).toMatchObject({ counts, ballots: 3, voters: 3 });
    await stack.tick();
    await stack.tick();
    expect((await client.referendum(referendumId)).anchors.tallied).toBe(true);

    const verified = await cli(
      "verify",
      "--api",
      stack.apiUrl,
      "--rpc",
      stack.rpcUrl,
      "--registry",
      stack.deployment.registry,
      "--referendum",
      referendumId,
    );
    expect(verified.out).toMatch(/counts \[3, 2, 4\] = the anchor/);
    expect([verified.code, verified.out]).toEqual([0, expect.stringMatching(/Verdict: PASS/)]);
  });
});
