/**
 * Secret ballots of more than two options end to end on the local stack, on the 8-slot circuit
 * (sealed_d20_k8), one referendum per preset: real dynalite, anvil, HTTP, proofs and the `bling`
 * CLI. Three trustees (two needed) generate each key; after the close two decrypt the anchored
 * aggregate (the third stays away); the council counts; the chain anchors the tally; `bling
 * verify` re-checks everything from the API and the chain. Cumulative and quadratic slots carry
 * values above 1, so their counts come out of the baby-step giant-step decoding, not a bit.
 */
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { CENSUS_DEPTH, sealedCircuitName, sealedSignalLayout } from "../../../protocol/constants";
import { releaseProverThreads } from "../../../protocol/verify";
import { createCouncilClient, createPublicClient } from "../../../functions/api/client";
import type { RulesChoice } from "../../../functions/api/schemas";
import { SEAL_SETTLE_MS } from "../../../functions/core/closing";
import { apiClient, councilCensus } from "../../fixtures/api-client";
import { identityFromSeed } from "../../fixtures/ballot-fixtures";
import { cli, trusteeKeyGeneration } from "../../fixtures/cli-run";
import { castSealedBallots } from "../../fixtures/sealed-ballots";
import { testStack, type TestStack } from "../../fixtures/test-stack";

const HOUR_MS = 3_600_000;
const VOTING_SECONDS = 600;
const voters = [0, 1, 2].map((i) => identityFromSeed(`sealed-k8-voter-${i}`));

interface Case {
  rules: RulesChoice;
  options: string[];
  /** Each voter's votes per option (one ballot each). */
  votes: number[][];
  /** The published counts: one per slot, as for public ballots; unused slots are proved 0. */
  counts: number[];
}

const CASES: [string, Case][] = [
  [
    "single choice",
    {
      rules: { preset: "single-choice" },
      options: ["Ferry", "Bus", "Bikes"],
      votes: [
        [0, 1, 0],
        [0, 1, 0],
        [1, 0, 0],
      ],
      counts: [1, 2, 0],
    },
  ],
  [
    "approval of at most two",
    {
      rules: { preset: "approval", maxApprovals: 2 },
      options: ["A", "B", "C", "D"],
      votes: [
        [1, 0, 1, 0],
        [0, 0, 1, 1],
      ],
      counts: [1, 0, 2, 1],
    },
  ],
  [
    "cumulative, a budget of 3",
    {
      rules: { preset: "cumulative", budget: 3 },
      options: ["Ferry", "Bus", "Bikes"],
      votes: [
        [2, 1, 0],
        [0, 0, 3],
        [1, 1, 1],
      ],
      counts: [3, 2, 4],
    },
  ],
  [
    "quadratic, 9 credits",
    {
      rules: { preset: "quadratic", credits: 9 },
      options: ["Ferry", "Bus", "Bikes"],
      votes: [
        [2, 2, 0],
        [0, 1, 2],
      ],
      counts: [2, 3, 2],
    },
  ],
];

let stack: TestStack;
let dir: string;
let token: string;
let censusId: string;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), "bling-sealed-k8-"));
  stack = await testStack({ sequencerIntervalMs: HOUR_MS, anchorIntervalMs: HOUR_MS, log: () => undefined });
  token = await stack.councilToken("council-k8");
  censusId = (await councilCensus(apiClient(stack.apiUrl), token, voters)).censusId;
}, 300_000);

afterAll(async () => {
  await stack.stop();
  await releaseProverThreads();
  await rm(dir, { recursive: true, force: true });
});

describe.each(CASES)("# a secret ballot, %s (sealed_d20_k8)", (name, { rules, options, votes, counts }) => {
  let referendumId = "";
  const keyOf = (i: number): string => join(dir, `${name.replace(/\W+/g, "-")}-trustee-${i}.json`);

  it("should open on the 8-slot circuit once the trustees' key generation completes", async () => {
    const council = createCouncilClient({ baseUrl: stack.apiUrl, token });
    const now = Math.floor(stack.now() / 1000);
    referendumId = (
      await council.createDraft({
        title: `Which transport project first? (${name})`,
        options,
        rules,
        revoting: true,
        censusId,
        opensAt: now,
        closesAt: now + VOTING_SECONDS,
        trustees: { names: ["Ada", "Noor", "Olaf"], threshold: 2 },
      })
    ).id;
    const invitations = await council.inviteTrustees(referendumId);
    await trusteeKeyGeneration(
      stack.apiUrl,
      referendumId,
      invitations.map(({ code }) => code),
      keyOf,
    );
    const opened = await council.open(referendumId);
    expect(opened.spec?.circuit.name).toBe(sealedCircuitName(CENSUS_DEPTH, 8));
  });

  it("should take sealed ballots of eight slots", async () => {
    await castSealedBallots(stack.apiUrl, referendumId, voters.slice(0, votes.length), votes);
    await stack.tick();
    const entries = await createPublicClient({ baseUrl: stack.apiUrl }).logEntries(referendumId, 0, 10);
    expect(entries.map(({ entry }) => entry.ballot.publicSignals.length)).toEqual(
      votes.map(() => sealedSignalLayout(8).count),
    );
  });

  it(`should count [${counts.join(", ")}] from two trustees' decryptions, anchor it, and pass \`bling verify\``, async () => {
    const council = createCouncilClient({ baseUrl: stack.apiUrl, token });
    const client = createPublicClient({ baseUrl: stack.apiUrl });
    await stack.advance(VOTING_SECONDS + SEAL_SETTLE_MS / 1000 + 1);
    await stack.tick();
    await stack.tick();
    for (const i of [2, 3]) {
      const run = await cli(
        "trustee",
        "decrypt",
        "--api",
        stack.apiUrl,
        "--rpc",
        stack.chain.rpcUrl,
        "--key",
        keyOf(i),
      );
      expect(run).toMatchObject({ code: 0, err: "" });
    }
    await council.tally(referendumId);
    const slots = [...counts, ...Array.from({ length: 8 - counts.length }, () => 0)].map(String);
    expect(await client.tally(referendumId)).toMatchObject({ counts: slots, voters: votes.length });
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
      // The committed artifacts come from the dev ceremony.
      "--allow-dev-ceremony",
    );
    expect(verified.out).toMatch(new RegExp(`give counts \\[${counts.join(", ")}\\] = the anchor`));
    expect([verified.code, verified.out]).toEqual([0, expect.stringMatching(/Verdict: PASS/)]);
  });
});
