/**
 * The referendum service as citizens, councils and observers meet it: the local stack (real
 * dynalite, real anvil, real HTTP), real proofs from circuits/, and the chain read back.
 */
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { DynamoDBClient, ScanCommand } from "@aws-sdk/client-dynamodb";
import { hexToBytes } from "@noble/hashes/utils.js";
import {
  BASE_FIELD_SIZE,
  buildCensus,
  createIdentity,
  generateCensusProof,
  proveBallot,
  SIGNAL,
  SNARK_FIELD_SIZE,
  verifyConsistency,
  verifyInclusion,
  type Ballot,
  type Identity,
} from "../../../protocol";
import { loadArtifacts, type LoadedArtifacts } from "../../../protocol/artifacts.node";
import { releaseProverThreads } from "../../../protocol/verify";
import { RegistryClient } from "../../../contracts/src/registry-client";
import { issueCouncilToken } from "../../../functions/adapters/auth";
import { verifyReceipt, verifyTreeHead, type Receipt, type SignedTreeHead } from "../../../protocol/log-objects";
import type { ReferendumSpec } from "../../../protocol/spec";
import type { TallyResult } from "../../../functions/core/tally";
import { SEAL_SETTLE_MS } from "../../../functions/core/closing";
import type { PublicConfig } from "../../../functions/api/public-config";
import { TABLE } from "../../../local/stack";
import {
  apiClient,
  councilCensus,
  expectStatus,
  proveFromApi,
  submitBallot,
  type ApiCall,
} from "../../fixtures/api-client";
import { identityFromSeed } from "../../fixtures/ballot-fixtures";
import { rerandomizer } from "../../fixtures/rerandomize";
import { once, STEPS_MS } from "../../fixtures/steps";
import { testStack, type TestStack } from "../../fixtures/test-stack";

const HOUR_MS = 3_600_000;
const VOTING_SECONDS = 900;

let dataDir: string;
let stack: TestStack;
let api: ApiCall;
let config: PublicConfig;
let registry: RegistryClient;
let artifacts: LoadedArtifacts;
let rerandomize: (ballot: Ballot, i: number) => Ballot;
let token: string;
let otherToken: string;
let censusId: string;
let spareCodes: string[];
const voters: Identity[] = [0, 1, 2, 3].map((i) => identityFromSeed(`service-voter-${i}`));

interface Preset {
  name: string;
  options: string[];
  rules: Record<string, unknown>;
  revoting: boolean;
  /** Ballots in order: [voter, votes]; a voter's later ballot is a re-vote. */
  ballots: [number, number[]][];
  expected: number[];
}

const PRESETS: Preset[] = [
  {
    name: "yes-no with re-voting",
    options: ["Yes", "No"],
    rules: { preset: "yes-no" },
    revoting: true,
    ballots: [
      [0, [1, 0]],
      [1, [0, 1]],
      [2, [1, 0]],
      [0, [0, 1]],
    ],
    expected: [1, 2],
  },
  {
    name: "approval of at most 2 of 4",
    options: ["Park", "Library", "Pool", "Bus"],
    rules: { preset: "approval", maxApprovals: 2 },
    revoting: false,
    ballots: [
      [0, [1, 1, 0, 0]],
      [1, [0, 1, 1, 0]],
      [3, [0, 0, 0, 1]],
    ],
    expected: [1, 2, 1, 1],
  },
  {
    name: "quadratic with 9 credits and re-voting",
    options: ["A", "B", "C"],
    rules: { preset: "quadratic", credits: 9 },
    revoting: true,
    ballots: [
      [0, [3, 0, 0]],
      [1, [1, 2, 0]],
      [2, [0, 0, 2]],
      [2, [2, 2, 0]],
    ],
    expected: [6, 4, 0],
  },
];

interface Opened {
  id: string;
  spec: ReferendumSpec;
  /** As returned on submission. */
  receipts: Receipt[];
  /** Fetched while voting went on: their heads are older than the final one. */
  earlier: Receipt[];
}
const opened = new Map<string, Opened>();

async function draftAndOpen(
  name: string,
  body: Partial<{ options: string[]; rules: unknown; revoting: boolean; opensAt: number; closesAt: number }>,
): Promise<Opened> {
  const now = Math.floor(stack.now() / 1000);
  const fields = {
    title: name,
    description: "An integration test referendum.",
    options: ["Yes", "No"],
    rules: { preset: "yes-no" },
    revoting: false,
    censusId,
    opensAt: now,
    closesAt: now + VOTING_SECONDS,
    ...body,
  };
  // Drafted with a working title and options, then updated to the real ones.
  const draft = expectStatus(
    await api<{ id: string; state: string }>("POST", "/v1/council/referenda", {
      token,
      body: { ...fields, title: `${name} (working title)`, options: ["A", "B"] },
    }),
    201,
  );
  expect(draft.state).toBe("draft");
  expectStatus(await api("PUT", `/v1/council/referenda/${draft.id}`, { token, body: fields }), 200);
  const updated = expectStatus(
    await api<{ draft: { title: string; options: string[] } }>("GET", `/v1/council/referenda/${draft.id}`, { token }),
    200,
  );
  expect(updated.draft).toMatchObject({ title: name, options: fields.options });
  // The council's own list has its drafts too; another council's has none of them.
  const mine = expectStatus(
    await api<{ referenda: { id: string; state: string }[] }>("GET", "/v1/council/referenda", { token }),
    200,
  );
  expect(mine.referenda).toContainEqual(expect.objectContaining({ id: draft.id, state: "draft", turnout: null }));
  const theirs = expectStatus(
    await api<{ referenda: { id: string }[] }>("GET", "/v1/council/referenda", { token: otherToken }),
    200,
  );
  expect(theirs.referenda).not.toContainEqual(expect.objectContaining({ id: draft.id }));
  // Drafts stay with their council.
  expect((await api("GET", `/v1/referenda/${draft.id}`)).status).toBe(404);
  expect((await api<{ referenda: { id: string }[] }>("GET", "/v1/referenda")).body.referenda).not.toContainEqual(
    expect.objectContaining({ id: draft.id }),
  );
  expectStatus(await api("POST", `/v1/council/referenda/${draft.id}/open`, { token }), 200);
  // An open referendum's text and rules are frozen.
  expect((await api("PUT", `/v1/council/referenda/${draft.id}`, { token, body: fields })).body).toMatchObject({
    error: { code: "REFERENDUM_STATE" },
  });
  expect((await api<{ referenda: { id: string }[] }>("GET", "/v1/referenda")).body.referenda).toContainEqual(
    expect.objectContaining({ id: draft.id, state: "open" }),
  );
  const { spec } = expectStatus(await api<{ spec: ReferendumSpec }>("GET", `/v1/referenda/${draft.id}`), 200);
  const entry = { id: draft.id, spec, receipts: [], earlier: [] };
  opened.set(name, entry);
  return entry;
}

async function tableSnapshot(): Promise<string[]> {
  const client = new DynamoDBClient({
    endpoint: stack.dynalite.endpoint,
    region: "local",
    credentials: { accessKeyId: "local", secretAccessKey: "local" },
  });
  const items: string[] = [];
  let start: Record<string, unknown> | undefined;
  do {
    const page = await client.send(
      new ScanCommand({ TableName: TABLE, ExclusiveStartKey: start as never, ConsistentRead: true }),
    );
    items.push(...(page.Items ?? []).map((item) => JSON.stringify(item)));
    start = page.LastEvaluatedKey;
  } while (start);
  client.destroy();
  return items.sort();
}

const withSignal = (ballot: Ballot, index: number, value: string): Ballot => ({
  proof: ballot.proof,
  publicSignals: ballot.publicSignals.map((s, i) => (i === index ? value : s)),
});

beforeAll(async () => {
  dataDir = await mkdtemp(join(tmpdir(), "bling-service-"));
  // The loops are driven by tick() so every step is deterministic; the durability test runs them live.
  stack = await testStack({
    dataDir,
    sequencerIntervalMs: HOUR_MS,
    anchorIntervalMs: HOUR_MS,
    log: () => undefined,
  });
  api = apiClient(stack.apiUrl);
  config = expectStatus(await api<PublicConfig>("GET", "/v1/config"), 200);
  registry = new RegistryClient(stack.deployment.registry, stack.chain.provider, stack.deployment.deployBlock);
  artifacts = await loadArtifacts();
  rerandomize = await rerandomizer(artifacts.vkey);
  token = await stack.councilToken("council-a");
  otherToken = await stack.councilToken("council-b");
  ({ censusId, spare: spareCodes } = await councilCensus(api, token, voters, 3));
});

afterAll(async () => {
  await stack.stop();
  await releaseProverThreads();
  await rm(dataDir, { recursive: true, force: true });
});

// The service's life as steps (test/fixtures/steps.ts), so that every test below can run alone.

/** Refuses bad registrations, then registers a newcomer with a spare code: the census gains a member. */
const registration = once(async () => {
  const census = expectStatus(
    await api<{ size: number; root: string; depth: number }>("GET", `/v1/censuses/${censusId}`),
    200,
  );
  expect(census.size).toBe(voters.length);
  const root = buildCensus(voters.map((v) => v.commitment)).root;
  expect(census.root).toBe(String(root));
  const register = (code: string | undefined, commitment: bigint | string) =>
    api("POST", `/v1/censuses/${censusId}/registrations`, { body: { code, commitment: String(commitment) } });
  const before = await tableSnapshot();
  const newcomer = createIdentity();
  expect((await register("NOPE-NOPE-NOPE-NOPE", newcomer.commitment)).body).toMatchObject({
    error: { code: "REGISTRATION_CODE_UNKNOWN" },
  });
  expect((await register(spareCodes[0], voters[1]!.commitment)).body).toMatchObject({
    error: { code: "COMMITMENT_REGISTERED" },
  });
  expect((await register(spareCodes[0], "0123")).body).toMatchObject({ error: { code: "INPUT_INVALID" } });
  expect((await register(spareCodes[0], SNARK_FIELD_SIZE)).body).toMatchObject({
    error: { code: "INPUT_INVALID" },
  });
  expect(await tableSnapshot()).toEqual(before);

  const first = await register(spareCodes[0], newcomer.commitment);
  expect(first.status).toBe(201);
  expect(first.body).toEqual({ index: voters.length });
  const again = await register(spareCodes[0], createIdentity().commitment);
  expect(again.status).toBe(409);
  expect(again.body).toMatchObject({ error: { code: "REGISTRATION_CODE_USED" } });
  const page = expectStatus(
    await api<{ leaves: string[] }>("GET", `/v1/censuses/${censusId}/leaves?from=3&limit=2`),
    200,
  );
  expect(page.leaves).toEqual([String(voters[3]!.commitment), String(newcomer.commitment)]);
});

/** Drafts and opens the referenda (three presets, re-voting off and on, one opening later) and anchors them. */
const opening = once(async () => {
  await registration();
  for (const preset of PRESETS) {
    const { spec } = await draftAndOpen(preset.name, preset);
    expect(spec.census.size).toBe(voters.length + 1);
    expect(spec.logPublicKey).toBe(config.logPublicKey);
  }
  await draftAndOpen("no re-voting", { revoting: false });
  await draftAndOpen("re-voting", { revoting: true });
  const later = Math.floor(stack.now() / 1000) + 300;
  await draftAndOpen("opens later", { opensAt: later, closesAt: later + VOTING_SECONDS });
  await stack.tick();
  for (const { id } of opened.values()) {
    const record = expectStatus(
      await api<{ specHash: string; anchors: { opened: boolean } }>("GET", `/v1/referenda/${id}`),
      200,
    );
    expect(record.anchors.opened).toBe(true);
    expect((await registry.getReferendum(BigInt(id)))?.specHash).toBe(`0x${record.specHash}`);
  }
});

/** Votes each preset's ballots, with retries and re-votes, ticking between some so heads grow. */
const voting = once(async () => {
  await opening();
  for (const [p, preset] of PRESETS.entries()) {
    const referendum = opened.get(preset.name)!;
    const seen = new Set<number>();
    for (const [b, [voter, votes]] of preset.ballots.entries()) {
      const ballot = await proveFromApi(api, referendum.id, voters[voter]!, votes, artifacts);
      const answer = await submitBallot(api, referendum.id, ballot);
      if (seen.has(voter) && !preset.revoting) {
        expect(answer.status).toBe(409);
        expect(answer.body).toMatchObject({ error: { code: "BALLOT_NULLIFIER_USED" } });
        continue;
      }
      seen.add(voter);
      expect(answer.status).toBe(202);
      const receipt = answer.body;
      expect(receipt.status).toBe("queued");
      expect(verifyReceipt(receipt, config.logPublicKey)).toBe(true);
      expect(expectStatus(await submitBallot(api, referendum.id, ballot), 202)).toEqual(receipt);
      referendum.receipts.push(receipt);
      // Checkpoints at different sizes, so receipts meet heads that are older than the anchored ones.
      if ((b + p) % 2 === 1) {
        await stack.tick();
        for (const { ballotId } of referendum.receipts) {
          referendum.earlier.push(
            expectStatus(await api<Receipt>("GET", `/v1/referenda/${referendum.id}/ballots/${ballotId}`), 200),
          );
        }
      }
    }
  }
  // The approval preset refused its voter's second ballot; give it one re-vote attempt explicitly.
  const approval = opened.get(PRESETS[1]!.name)!;
  const again = await proveFromApi(api, approval.id, voters[0]!, [0, 0, 1, 1], artifacts);
  expect((await submitBallot(api, approval.id, again)).body).toMatchObject({
    error: { code: "BALLOT_NULLIFIER_USED" },
  });
  await stack.tick();
});

/** Sends 50 re-randomised copies of one ballot to the referenda with and without re-voting. */
const copies = once(async () => {
  await voting();
  for (const name of ["no re-voting", "re-voting"]) {
    const referendum = opened.get(name)!;
    const ballot = await proveFromApi(api, referendum.id, voters[3]!, [0, 1], artifacts);
    const copies = Array.from({ length: 50 }, (_, i) => rerandomize(ballot, i + 1));
    const answers = await Promise.all(copies.map((copy) => submitBallot(api, referendum.id, copy)));
    const receipts = answers.map((answer) => expectStatus(answer, 202));
    // The same ballot: one id, one entry, one revision, whatever its proof bytes.
    expect(new Set(receipts.map((r) => `${r.ballotId} ${r.entryHash} ${r.entry.revision}`))).toEqual(
      new Set([`${receipts[0]!.ballotId} ${receipts[0]!.entryHash} 1`]),
    );
    referendum.receipts.push(receipts[0]!);
  }
  const noRevoting = opened.get("no re-voting")!;
  const second = await proveFromApi(api, noRevoting.id, voters[3]!, [1, 0], artifacts);
  expect((await submitBallot(api, noRevoting.id, second)).body).toMatchObject({
    error: { code: "BALLOT_NULLIFIER_USED" },
  });
  await stack.tick();
});

/** Travels past the close, then tallies every referendum that opened and reads the anchors back. */
const closing = once(async () => {
  await copies();
  await stack.advance(VOTING_SECONDS + 1 + SEAL_SETTLE_MS / 1000);
  const yesNo = opened.get(PRESETS[0]!.name)!;
  const late = await proveFromApi(api, yesNo.id, voters[3]!, [1, 0], artifacts);
  expect((await submitBallot(api, yesNo.id, late)).body).toMatchObject({ error: { code: "REFERENDUM_NOT_OPEN" } });
  // Closed without a council action: every view says so, and an early close is too late now.
  expect(expectStatus(await api<{ state: string }>("GET", `/v1/referenda/${yesNo.id}`), 200).state).toBe("closed");
  expect(
    expectStatus(await api<{ state: string }>("GET", `/v1/council/referenda/${yesNo.id}`, { token }), 200).state,
  ).toBe("closed");
  expectStatus(await api("POST", `/v1/council/referenda/${yesNo.id}/close`, { token }), 409);

  await stack.tick();
  const expected = new Map<string, number[]>(PRESETS.map((p) => [p.name, p.expected]));
  expected.set("no re-voting", [0, 1]);
  expected.set("re-voting", [0, 1]);
  for (const [name, { id }] of opened) {
    if (name === "opens later") continue;
    expectStatus(await api("POST", `/v1/council/referenda/${id}/tally`, { token }), 200);
    await stack.tick();
    const tally = expectStatus(await api<TallyResult>("GET", `/v1/referenda/${id}/tally`), 200);
    const want = expected.get(name)!;
    expect([name, tally.counts.slice(0, want.length).map(Number)]).toEqual([name, want]);
    const anchored = await registry.getTally(BigInt(id));
    expect(anchored?.counts.map(Number).slice(0, want.length)).toEqual(want);
    expect(anchored?.logSize).toBe(tally.logSize);
    expect(anchored?.logRoot).toBe(`0x${tally.logRoot}`);
    expect(anchored?.nullifierSetRoot).toBe(`0x${tally.nullifierSetRoot}`);
    const closing = await registry.getClosing(BigInt(id));
    expect(closing).toMatchObject({ logSize: tally.logSize, logRoot: `0x${tally.logRoot}` });
    const record = expectStatus(
      await api<{
        state: string;
        spec: ReferendumSpec;
        turnout: { ballots: number; voters: number; electorate: number };
      }>("GET", `/v1/referenda/${id}`),
      200,
    );
    expect(record.state).toBe("tallied");
    // Live turnout, kept by the sequencer, ends where the tally does.
    expect([name, record.turnout]).toEqual([
      name,
      { ballots: tally.ballots, voters: tally.voters, electorate: record.spec.census.size },
    ]);
  }
  expect(
    expectStatus(await api<TallyResult>("GET", `/v1/referenda/${opened.get("re-voting")!.id}/tally`), 200),
  ).toMatchObject({ ballots: 1, voters: 1 });
});

/** What the bad-input cases are made of: real ballots for the yes/no referendum and its neighbours. */
interface BadInput {
  yesNo: Opened;
  later: Opened;
  valid: Ballot;
  forOther: Ballot;
  beforeOpen: Ballot;
  wrongRoot: Ballot;
  ax: string;
  ay: string;
  ballots: string;
}

async function badInput(): Promise<BadInput> {
  const yesNo = opened.get(PRESETS[0]!.name)!;
  const other = opened.get("no re-voting")!;
  const later = opened.get("opens later")!;
  const valid = await proveFromApi(api, yesNo.id, voters[1]!, [1, 0], artifacts);
  const forOther = await proveFromApi(api, other.id, voters[1]!, [1, 0], artifacts);
  const beforeOpen = await proveFromApi(api, later.id, voters[1]!, [1, 0], artifacts);
  const stranger = createIdentity();
  const otherCensus = buildCensus([...voters.map((v) => v.commitment), stranger.commitment]);
  const wrongRoot = await proveBallot(
    stranger,
    generateCensusProof(otherCensus, stranger.commitment),
    BigInt(yesNo.id),
    [1, 0],
    yesNo.spec.rules,
    artifacts,
  );
  const [ax, ay] = valid.proof.pi_a as [string, string];
  const ballots = `/v1/referenda/${yesNo.id}/ballots`;
  return { yesNo, later, valid, forOther, beforeOpen, wrongRoot, ax, ay, ballots };
}

/** Bad requests, each named by what is wrong with it, with the status and the code the service answers. */
const BAD_INPUT: [string, number, string, (b: BadInput) => ReturnType<ApiCall>][] = [
  ["malformed JSON", 400, "JSON_MALFORMED", (b) => api("POST", b.ballots, { raw: '{"proof": ' })],
  [
    "oversize body",
    413,
    "BODY_TOO_LARGE",
    (b) => api("POST", b.ballots, { raw: JSON.stringify({ pad: "x".repeat(70_000) }) }),
  ],
  ["not a ballot", 400, "BALLOT_MALFORMED", (b) => api("POST", b.ballots, { body: { proof: 1 } })],
  [
    "a signal missing",
    400,
    "BALLOT_MALFORMED",
    (b) => submitBallot(api, b.yesNo.id, { ...b.valid, publicSignals: b.valid.publicSignals.slice(1) }),
  ],
  [
    "non-canonical signal",
    400,
    "BALLOT_MALFORMED",
    (b) =>
      submitBallot(
        api,
        b.yesNo.id,
        withSignal(b.valid, SIGNAL.nullifier, `0${b.valid.publicSignals[SIGNAL.nullifier]}`),
      ),
  ],
  [
    "signal past the field",
    400,
    "BALLOT_MALFORMED",
    (b) => submitBallot(api, b.yesNo.id, withSignal(b.valid, SIGNAL.nullifier, String(SNARK_FIELD_SIZE))),
  ],
  [
    "vote past 16 bits",
    400,
    "BALLOT_MALFORMED",
    (b) => submitBallot(api, b.yesNo.id, withSignal(b.valid, SIGNAL.vote, String(1 << 16))),
  ],
  [
    "coordinate past the base field",
    400,
    "BALLOT_MALFORMED",
    (b) =>
      submitBallot(api, b.yesNo.id, {
        ...b.valid,
        proof: { ...b.valid.proof, pi_a: [String(BASE_FIELD_SIZE), b.ay, "1"] },
      }),
  ],
  ["wrong census root", 422, "BALLOT_CENSUS_ROOT_MISMATCH", (b) => submitBallot(api, b.yesNo.id, b.wrongRoot)],
  ["wrong referendum", 422, "BALLOT_REFERENDUM_MISMATCH", (b) => submitBallot(api, b.yesNo.id, b.forOther)],
  [
    "other rules",
    422,
    "BALLOT_RULES_MISMATCH",
    (b) => submitBallot(api, b.yesNo.id, withSignal(b.valid, SIGNAL.maxTotal, "2")),
  ],
  [
    "a vote for an option it lacks",
    422,
    "BALLOT_VOTES_INVALID",
    (b) => submitBallot(api, b.yesNo.id, withSignal(b.valid, SIGNAL.vote + 2, "1")),
  ],
  [
    "tampered vote",
    422,
    "BALLOT_PROOF_INVALID",
    (b) => submitBallot(api, b.yesNo.id, withSignal(withSignal(b.valid, SIGNAL.vote, "0"), SIGNAL.vote + 1, "1")),
  ],
  [
    "tampered proof point",
    422,
    "BALLOT_PROOF_INVALID",
    (b) =>
      submitBallot(api, b.yesNo.id, {
        ...b.valid,
        proof: { ...b.valid.proof, pi_a: [b.ax, String(BASE_FIELD_SIZE - BigInt(b.ay)), "1"] },
      }),
  ],
  ["before opening", 409, "REFERENDUM_NOT_OPEN", (b) => submitBallot(api, b.later.id, b.beforeOpen)],
  ["unknown referendum", 404, "REFERENDUM_NOT_FOUND", (b) => submitBallot(api, "12345", b.valid)],
  [
    "council call without a token",
    401,
    "UNAUTHENTICATED",
    (b) => api("POST", `/v1/council/referenda/${b.yesNo.id}/close`),
  ],
  [
    "council call with a forged token",
    401,
    "UNAUTHENTICATED",
    async (b) =>
      api("POST", `/v1/council/referenda/${b.yesNo.id}/close`, {
        token: await issueCouncilToken(new Uint8Array(32), "council-a"),
      }),
  ],
  [
    "council call with a garbage token",
    401,
    "UNAUTHENTICATED",
    () => api("GET", "/v1/council/censuses", { token: "not.a.jwt" }),
  ],
  [
    "oversize body without a token",
    401,
    "UNAUTHENTICATED",
    () => api("POST", "/v1/council/referenda", { raw: "x".repeat(70_000) }),
  ],
  [
    "another council closes",
    403,
    "FORBIDDEN",
    (b) => api("POST", `/v1/council/referenda/${b.yesNo.id}/close`, { token: otherToken }),
  ],
  [
    "another council tallies",
    403,
    "FORBIDDEN",
    (b) => api("POST", `/v1/council/referenda/${b.yesNo.id}/tally`, { token: otherToken }),
  ],
  [
    "another council reads a draft",
    403,
    "FORBIDDEN",
    (b) => api("GET", `/v1/council/referenda/${b.yesNo.id}`, { token: otherToken }),
  ],
  [
    "another council issues codes",
    403,
    "FORBIDDEN",
    () => api("POST", `/v1/council/censuses/${censusId}/codes`, { token: otherToken, body: { count: 5 } }),
  ],
  [
    "another council drafts on the census",
    403,
    "FORBIDDEN",
    () =>
      api("POST", "/v1/council/referenda", {
        token: otherToken,
        body: {
          title: "x",
          options: ["a", "b"],
          rules: { preset: "yes-no" },
          censusId,
          opensAt: 1,
          closesAt: 2 ** 33,
        },
      }),
  ],
  [
    "an invalid draft",
    400,
    "INPUT_INVALID",
    () =>
      api("POST", "/v1/council/referenda", {
        token,
        body: { title: "x", options: ["a"], rules: { preset: "yes-no" }, censusId, opensAt: 1, closesAt: 2 },
      }),
  ],
  ["reopening", 409, "REFERENDUM_STATE", (b) => api("POST", `/v1/council/referenda/${b.yesNo.id}/open`, { token })],
  [
    "tallying before closing time",
    409,
    "REFERENDUM_STATE",
    (b) => api("POST", `/v1/council/referenda/${b.yesNo.id}/tally`, { token }),
  ],
  ["a tally before tallying", 409, "TALLY_NOT_READY", (b) => api("GET", `/v1/referenda/${b.yesNo.id}/tally`)],
  [
    "a log range past the head",
    400,
    "LOG_RANGE_INVALID",
    (b) => api("GET", `/v1/referenda/${b.yesNo.id}/log/consistency?first=1&second=9999`),
  ],
  ["an unknown route", 404, "ROUTE_NOT_FOUND", () => api("GET", "/v1/nothing")],
];

describe("# the referendum service over HTTP", () => {
  it("should serve its deployment: chain, registry, circuit and log key", () => {
    expect(config.chainId).toBe(String(stack.deployment.chainId));
    expect(config.registry).toBe(stack.deployment.registry);
    expect(config.circuit.zkeySha256).toBe(artifacts.manifest.files.zkey.sha256);
    expect(config.logPublicKey).toMatch(/^[0-9a-f]{64}$/);
  });

  it(
    "should register each code once, each commitment once, and give clients the census to prove from",
    () => registration(),
    STEPS_MS,
  );

  it("should open referenda for three presets and anchor each spec on chain", () => opening(), STEPS_MS);

  it(
    "should accept proved ballots with signed receipts, the same receipt for a retry, and re-votes where allowed",
    () => voting(),
    STEPS_MS,
  );

  it(
    "should take 50 concurrent re-randomised copies of one ballot as that one ballot, with or without re-voting",
    () => copies(),
    STEPS_MS,
  );

  describe("## bad input", () => {
    let bad: BadInput;
    beforeAll(async () => {
      await copies();
      bad = await badInput();
    }, STEPS_MS);

    it.each(BAD_INPUT)("should answer %s with %i %s and write nothing", async (_name, status, code, call) => {
      const before = await tableSnapshot();
      const answer = await call(bad);
      expect([answer.status, answer.body]).toMatchObject([status, { error: { code } }]);
      expect(await tableSnapshot()).toEqual(before);
    });
  });

  it(
    "should close by itself, seal and anchor the closing log, tally it, and anchor counts, final head and nullifier set",
    () => closing(),
    STEPS_MS,
  );

  it(
    "should give every receipt an inclusion proof under a signed head that is anchored or consistent with an anchored one",
    async () => {
      await closing();
      let checked = 0;
      let consistencyChecks = 0;
      for (const [name, { id, receipts, earlier }] of opened) {
        if (receipts.length === 0) continue;
        const anchoredHeads = (await registry.getCheckpoints(BigInt(id))).map((c) => ({
          size: c.logSize,
          root: c.logRoot,
        }));
        const tally = await registry.getTally(BigInt(id));
        if (tally) anchoredHeads.push({ size: tally.logSize, root: tally.logRoot });
        const entries = expectStatus(
          await api<{ entries: { sequence: number; entryHash: string }[] }>(
            "GET",
            `/v1/referenda/${id}/log/entries?from=0&limit=1000`,
          ),
          200,
        ).entries;
        expect([name, entries.length]).toEqual([name, receipts.length]);
        const current = await Promise.all(
          receipts.map(async ({ ballotId }) =>
            expectStatus(await api<Receipt>("GET", `/v1/referenda/${id}/ballots/${ballotId}`), 200),
          ),
        );
        for (const receipt of [...current, ...earlier]) {
          expect(receipt.status).toBe("integrated");
          expect(verifyReceipt(receipt, config.logPublicKey)).toBe(true);
          const head: SignedTreeHead = receipt.inclusion!.treeHead;
          expect(entries[receipt.sequence!]?.entryHash).toBe(receipt.entryHash);
          // Every anchored head at or past the receipt's is the same tree or a consistent extension of it.
          const later = anchoredHeads.filter((a) => a.size >= head.treeSize);
          expect(later.length).toBeGreaterThan(0);
          for (const anchor of later) {
            if (anchor.size === head.treeSize) {
              expect(anchor.root).toBe(`0x${head.rootHash}`);
              continue;
            }
            const { proof } = expectStatus(
              await api<{ proof: string[] }>(
                "GET",
                `/v1/referenda/${id}/log/consistency?first=${head.treeSize}&second=${anchor.size}`,
              ),
              200,
            );
            const anchoredRoot = hexToBytes(anchor.root.slice(2));
            expect(
              verifyConsistency(
                head.treeSize,
                anchor.size,
                hexToBytes(head.rootHash),
                anchoredRoot,
                proof.map(hexToBytes),
              ),
            ).toBe(true);
            consistencyChecks++;
          }
          checked++;
        }
        // The final head: signed, and what the tally anchored.
        const { treeHead } = expectStatus(
          await api<{ treeHead: SignedTreeHead }>("GET", `/v1/referenda/${id}/log/head`),
          200,
        );
        expect(verifyTreeHead(treeHead, config.logPublicKey)).toBe(true);
        expect(`0x${treeHead.rootHash}`).toBe(tally?.logRoot);
        const last = receipts.at(-1)!;
        const byHash = expectStatus(
          await api<{ sequence: number; proof: string[] }>(
            "GET",
            `/v1/referenda/${id}/log/inclusion?hash=${last.entryHash}&size=${treeHead.treeSize}`,
          ),
          200,
        );
        expect(
          verifyInclusion(
            hexToBytes(last.entryHash),
            byHash.sequence,
            treeHead.treeSize,
            byHash.proof.map(hexToBytes),
            hexToBytes(treeHead.rootHash),
          ),
        ).toBe(true);
      }
      const earlierCount = [...opened.values()].reduce((n, o) => n + o.earlier.length, 0);
      expect(checked).toBe(PRESETS.reduce((n, p) => n + p.ballots.length, 0) + 2 + earlierCount);
      expect(earlierCount).toBeGreaterThan(5);
      expect(consistencyChecks).toBeGreaterThanOrEqual(PRESETS.length);
    },
    STEPS_MS,
  );
});
