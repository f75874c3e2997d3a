/**
 * [attack: lost anchor] The chain loses what the service anchored (a local chain restarted without
 * its state; in production, a reorg): the anchor loop reads the chain, re-sends the open and the
 * latest checkpoint, and an observer's audit passes. Then the council closes early, the closing
 * head is anchored and the tally follows at once.
 */
import { loadArtifacts, type LoadedArtifacts } from "../../../protocol/artifacts.node";
import { releaseProverThreads } from "../../../protocol/verify";
import type { CliIo } from "../../../cli/cli-io";
import { runCli } from "../../../cli/run-cli";
import type { AuditReport } from "../../../audit/report";
import { deployBling } from "../../../contracts/src/deploy";
import { RegistryClient } from "../../../contracts/src/registry-client";
import { SEAL_SETTLE_MS } from "../../../functions/core/closing";
import {
  apiClient,
  councilCensus,
  expectStatus,
  openYesNo,
  proveFromApi,
  submitBallot,
  type ApiCall,
} from "../../fixtures/api-client";
import { identityFromSeed } from "../../fixtures/ballot-fixtures";
import { testStack, type TestStack } from "../../fixtures/test-stack";

const HOUR_MS = 3_600_000;
const voters = [0, 1].map((i) => identityFromSeed(`recovery-voter-${i}`));

let stack: TestStack;
let api: ApiCall;
let artifacts: LoadedArtifacts;

async function verify(id: string): Promise<AuditReport> {
  let out = "";
  const io: CliIo = { out: (text) => (out += text) && undefined, err: () => undefined, errIsTty: false };
  const flags = ["--api", stack.apiUrl, "--rpc", stack.rpcUrl, "--registry", stack.deployment.registry];
  await runCli(["verify", ...flags, "--referendum", id, "--json", "--allow-dev-ceremony"], io);
  return JSON.parse(out) as AuditReport;
}

const failing = (report: AuditReport): string[] => report.checks.filter((c) => !c.ok).map((c) => c.id);

beforeAll(async () => {
  stack = await testStack({
    sequencerIntervalMs: HOUR_MS,
    anchorIntervalMs: HOUR_MS,
    log: () => undefined,
  });
  api = apiClient(stack.apiUrl);
  artifacts = await loadArtifacts();
}, 120_000);

afterAll(async () => {
  await stack.stop();
  await releaseProverThreads();
});

describe("# anchoring after the chain lost its state", () => {
  it("should re-send the open and the latest checkpoint, pass the audit, then close early and tally at once", async () => {
    const token = await stack.councilToken("council-r");
    const { censusId } = await councilCensus(api, token, voters);
    const id = await openYesNo(api, token, censusId, "Recovery", {
      opensAt: Math.floor(stack.now() / 1000),
      seconds: 3600,
    });
    expectStatus(await submitBallot(api, id, await proveFromApi(api, id, voters[0]!, [1, 0], artifacts)), 202);
    await stack.tick();
    const reader = new RegistryClient(stack.deployment.registry, stack.chain.provider);
    expect((await reader.lastCheckpoint(BigInt(id)))?.logSize).toBe(1);

    // The chain starts afresh: the registry is redeployed at the same address, empty.
    await stack.chain.provider.send("anvil_reset", []);
    // A reset chain's clock restarts behind real time (by however long the test has run so far, on
    // a loaded machine many seconds): bring it level again, as a real chain's would be.
    await stack.chain.increaseTime(0);
    const behind = Math.ceil(Date.now() / 1000) - (await stack.chain.now());
    if (behind > 0) await stack.chain.increaseTime(behind);
    const redeployed = await deployBling(stack.chain.wallet(0));
    expect(redeployed.registry).toBe(stack.deployment.registry);
    await new RegistryClient(redeployed.registry, stack.chain.wallet(0)).addCouncil(stack.chain.wallet(1).address);
    expect(await reader.getReferendum(BigInt(id))).toBeNull();
    expect(failing(await verify(id))).toContain("spec");

    expectStatus(await submitBallot(api, id, await proveFromApi(api, id, voters[1]!, [0, 1], artifacts)), 202);
    await stack.tick();
    expect(await reader.getReferendum(BigInt(id))).not.toBeNull();
    expect((await reader.getCheckpoints(BigInt(id))).map((c) => c.logSize)).toEqual([2]);
    const council = expectStatus(
      await api<{ anchors: { opened: boolean; checkpointSize: number } }>("GET", `/v1/council/referenda/${id}`, {
        token,
      }),
      200,
    );
    expect(council.anchors).toMatchObject({ opened: true, checkpointSize: 2 });
    expect(failing(await verify(id))).toEqual(["close", "tally"]);

    // An early close is anchored on chain and tallied at once, long before the scheduled close.
    expectStatus(await api("POST", `/v1/council/referenda/${id}/close`, { token }), 200);
    // The chain keeps its own clock: past the close, or closeLog refuses a close in its future (retried later).
    await stack.advance(1 + SEAL_SETTLE_MS / 1000, 10 + SEAL_SETTLE_MS / 1000);
    await stack.tick();
    const closing = await reader.getClosing(BigInt(id));
    expect(closing?.logSize).toBe(2);
    expectStatus(await api("POST", `/v1/council/referenda/${id}/tally`, { token }), 200);
    await stack.tick();
    expect((await reader.getTally(BigInt(id)))?.logSize).toBe(2);
    const report = await verify(id);
    expect([failing(report), report.ok]).toEqual([[], true]);
  }, 180_000);
});
