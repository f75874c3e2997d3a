/**
 * `bling verify` and `bling export` against a whole referendum on the local stack (real dynalite,
 * anvil, HTTP, proofs): an honest one passes over the network, through the real entry point, and
 * offline from its export; tampered exports fail with exit code 1 and the check that caught them.
 */
import { execFile } from "node:child_process";
import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { loadArtifacts, type LoadedArtifacts } from "../../../protocol/artifacts.node";
import { releaseProverThreads } from "../../../protocol/verify";
import { cli } from "../../fixtures/cli-run";
import type { AuditReport } from "../../../audit/report";
import { SEAL_SETTLE_MS } from "../../../functions/core/closing";
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
import { testStack, type TestStack } from "../../fixtures/test-stack";

const HOUR_MS = 3_600_000;
const VOTING_SECONDS = 600;
const voters = [0, 1, 2].map((i) => identityFromSeed(`verify-voter-${i}`));

let stack: TestStack;
let api: ApiCall;
let artifacts: LoadedArtifacts;
let dir: string;
let referendumId: string;
let flags: string[];
/** The committed circuits come from the dev ceremony: these referenda are tests. */
const dev = ["--allow-dev-ceremony"];

/** Runs the CLI in process, capturing what it prints. */
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), "bling-verify-"));
  stack = await testStack({
    sequencerIntervalMs: HOUR_MS,
    anchorIntervalMs: HOUR_MS,
    log: () => undefined,
  });
  api = apiClient(stack.apiUrl);
  artifacts = await loadArtifacts();
  const token = await stack.councilToken("council-v");
  const { censusId } = await councilCensus(api, token, voters);
  const now = Math.floor(stack.now() / 1000);
  const { id } = expectStatus(
    await api<{ id: string }>("POST", "/v1/council/referenda", {
      token,
      body: {
        title: "Should the square get trees?",
        options: ["Yes", "No"],
        rules: { preset: "yes-no" },
        revoting: true,
        censusId,
        opensAt: now,
        closesAt: now + VOTING_SECONDS,
      },
    }),
    201,
  );
  referendumId = id;
  expectStatus(await api("POST", `/v1/council/referenda/${id}/open`, { token }), 200);
  await stack.tick();
  const rerandomize = await rerandomizer(artifacts.vkey);
  // Ticks between ballots: several signed heads and checkpoints of different sizes.
  const first = await proveFromApi(api, id, voters[0]!, [1, 0], artifacts);
  expectStatus(await submitBallot(api, id, first), 202);
  expectStatus(await submitBallot(api, id, await proveFromApi(api, id, voters[1]!, [0, 1], artifacts)), 202);
  await stack.tick();
  expectStatus(await submitBallot(api, id, await proveFromApi(api, id, voters[0]!, [0, 1], artifacts)), 202);
  await stack.tick();
  // A re-randomised copy of a proof is that same ballot, never a re-vote; only the key holder re-votes.
  const copy = expectStatus(await submitBallot(api, id, rerandomize(first, 1)), 202);
  expect(copy.entry.revision).toBe(1);
  expectStatus(await submitBallot(api, id, await proveFromApi(api, id, voters[0]!, [1, 0], artifacts)), 202);
  await stack.tick();
  flags = ["--api", stack.apiUrl, "--rpc", stack.rpcUrl, "--registry", stack.deployment.registry, "--referendum", id];
}, 180_000);

afterAll(async () => {
  await stack.stop();
  await releaseProverThreads();
  await rm(dir, { recursive: true, force: true });
});

/** Past the close (it closes by itself), the log sealed and its closing anchored, then the tally. */
async function closeAndTally(): Promise<void> {
  await stack.advance(VOTING_SECONDS + 1 + SEAL_SETTLE_MS / 1000);
  const token = await stack.councilToken("council-v");
  await stack.tick();
  expectStatus(await api("POST", `/v1/council/referenda/${referendumId}/tally`, { token }), 200);
  await stack.tick();
}

describe("# bling verify and bling export", () => {
  it("should pass every check but the close and the tally while the referendum is open", async () => {
    const { code, out } = await cli("verify", ...flags, ...dev);
    expect(code).toBe(1);
    expect(out).toMatch(/PASS {2}The log entries rebuild every signed tree head/);
    expect(out).toMatch(/FAIL {2}Nothing was stamped after the close.*\n {6}- not finished yet: no closing checkpoint/);
    expect(out).toMatch(/FAIL {2}The recount .*\n {6}- no tally is anchored yet \(state "open"\)/);
    expect(out).toMatch(/Verdict: FAIL \(2 of 10 checks failed\)/);
  });

  it("should pass an honest, tallied referendum through the real entry point, over HTTP and the chain", async () => {
    await closeAndTally();
    const { code, out } = await cli("verify", ...flags, "--json", ...dev);
    const report = JSON.parse(out) as AuditReport;
    expect([code, report.checks.filter((c) => !c.ok)]).toEqual([0, []]);
    expect(report.checks.find((c) => c.id === "ballots")?.numbers).toMatchObject({ ballots: 4, proofsVerified: 4 });
    expect(report.checks.find((c) => c.id === "nullifiers")?.numbers).toMatchObject({ voters: 2, revotes: 2 });
    expect(report.checks.find((c) => c.id === "tally")?.numbers).toMatchObject({ counts: "1, 1" });
    expect(report.checks.find((c) => c.id === "checkpoints")?.numbers.checkpoints).toBeGreaterThanOrEqual(3);

    // `npx bling` runs this shim: a real process, its exit code, no registry flag (taken from /v1/config).
    const { stdout } = await promisify(execFile)(
      process.execPath,
      [
        join(__dirname, "../../../cli/bin/bling.cjs"),
        "verify",
        ...flags.slice(0, 4),
        "--referendum",
        referendumId,
        ...dev,
      ],
      { env: { ...process.env, NODE_OPTIONS: "" } },
    );
    expect(stdout).toMatch(/Verdict: PASS \(10 checks\)/);
    expect(stdout).toMatch(/as the service's \/v1\/config names it/);
  });

  it("should export a bundle that passes offline, and fail tampered copies with exit code 1", async () => {
    const out = join(dir, "export");
    const exported = await cli("export", ...flags, "--out", out);
    expect(exported.code).toBe(0);
    expect(exported.out).toMatch(/4 ballots, \d+ signed heads, \d+ checkpoints, tally anchored/);
    expect((await cli("verify", "--from-dump", out, ...dev)).out).toMatch(/Verdict: PASS/);
    const undeclared = await cli("verify", "--from-dump", out);
    expect([undeclared.code, undeclared.out]).toEqual([
      1,
      expect.stringMatching(
        /FAIL {2}Circuit ceremony[^\n]*\n\s+- circuit \w+ comes from the single-party dev ceremony/,
      ),
    ]);

    const tampered = async (file: string, edit: (text: string) => string): Promise<string> => {
      const copy = join(dir, `tampered-${file}-${Math.random().toString(36).slice(2)}`);
      expect((await cli("export", ...flags, "--out", copy)).code).toBe(0);
      await writeFile(join(copy, file), edit(await readFile(join(copy, file), "utf8")));
      return copy;
    };
    const dropped = await tampered("log.jsonl", (text) => text.split("\n").slice(1).join("\n"));
    const droppedRun = await cli("verify", "--from-dump", dropped, ...dev);
    expect(droppedRun.code).toBe(1);
    expect(droppedRun.out).toMatch(/FAIL {2}The log entries rebuild every signed tree head/);

    const respecced = await tampered("spec.json", (text) => text.replace("Should the square get trees?", "Trees?"));
    const respeccedRun = await cli("verify", "--from-dump", respecced, ...dev);
    expect([respeccedRun.code, respeccedRun.out]).toEqual([
      1,
      expect.stringMatching(/registry anchors [0-9a-f]+: it changed/),
    ]);

    const stuffed = await tampered("census.json", (text) => text.replace('"leaves": [', '"leaves": [\n    "12345",'));
    const stuffedRun = await cli("verify", "--from-dump", stuffed, ...dev);
    expect([stuffedRun.code, stuffedRun.out]).toEqual([
      1,
      expect.stringMatching(/the census has 4 members but the spec froze 3/),
    ]);

    // A dump's own anchors are only as good as its source; with --rpc, the chain's replace them.
    const reanchored = await tampered("anchors.json", (text) => text.replace(/"counts": \[\s*"1"/, '"counts": ["2"'));
    const offline = await cli("verify", "--from-dump", reanchored, ...dev);
    expect([offline.code, offline.out]).toEqual([
      1,
      expect.stringMatching(/the log counts \[1, 1, .*\] but the registry anchors \[2, 1/),
    ]);
    const online = await cli(
      "verify",
      "--from-dump",
      reanchored,
      "--rpc",
      stack.rpcUrl,
      "--registry",
      stack.deployment.registry,
      ...dev,
    );
    expect([online.code, online.out]).toEqual([0, expect.stringMatching(/anchors from http/)]);

    const broken = await tampered("heads.json", () => "{ not json");
    const brokenRun = await cli("verify", "--from-dump", broken, ...dev);
    expect([brokenRun.code, brokenRun.err]).toEqual([
      1,
      expect.stringMatching(/cannot audit: .*heads.json is not valid JSON/),
    ]);
  });

  it("should answer usage and source errors with exit code 2 and a message, never a stack trace", async () => {
    const missing = await cli("verify", "--api", stack.apiUrl);
    expect([missing.code, missing.err]).toEqual([2, expect.stringMatching(/--rpc URL is required/)]);
    const unknown = await cli("verify", "--frobnicate");
    expect([unknown.code, unknown.err]).toEqual([2, expect.stringMatching(/Unknown option '--frobnicate'/)]);
    const noSuch = await cli("verify", ...flags.slice(0, 6), "--referendum", "999", ...dev);
    expect([noSuch.code, noSuch.err]).toEqual([2, expect.stringMatching(/answered 404 REFERENDUM_NOT_FOUND/)]);
    const down = await cli(
      "export",
      "--api",
      "http://127.0.0.1:9",
      "--rpc",
      stack.rpcUrl,
      "--referendum",
      "1",
      "--out",
      dir,
    );
    expect([down.code, down.err]).toEqual([2, expect.stringMatching(/cannot reach the API/)]);
    const help = await cli("help");
    expect([help.code, help.out]).toEqual([0, expect.stringMatching(/bling verify --from-dump DIR/)]);
  });
});
