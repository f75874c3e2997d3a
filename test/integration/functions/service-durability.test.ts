/**
 * The local stack with its loops running live, through a crash: dynalite is killed with SIGKILL
 * while ballots arrive, the stack restarts on the same data folder, and every ballot that got a
 * receipt is still there, integrated into the log and anchored.
 */
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Ballot } from "../../../protocol";
import { loadArtifacts, type LoadedArtifacts } from "../../../protocol/artifacts.node";
import { releaseProverThreads } from "../../../protocol/verify";
import { RegistryClient } from "../../../contracts/src/registry-client";
import { verifyReceipt, type Receipt } from "../../../protocol/log-objects";
import type { PublicConfig } from "../../../functions/api/public-config";
import { startLocalStack, type LocalStack } from "../../../local/stack";
import {
  apiClient,
  councilCensus,
  expectStatus,
  proveFromApi,
  submitBallot,
  type ApiAnswer,
  type ApiCall,
} from "../../fixtures/api-client";
import { identityFromSeed } from "../../fixtures/ballot-fixtures";

// Distinct voters: a re-randomised copy of a ballot is the same ballot, so each ballot needs its own proof.
const voters = Array.from({ length: 16 }, (_, i) => identityFromSeed(`durable-voter-${i}`));
const LIVE = { sequencerIntervalMs: 50, anchorIntervalMs: 200, log: () => undefined };

let dataDir: string;
let artifacts: LoadedArtifacts;
let stack: LocalStack | undefined;

beforeAll(async () => {
  dataDir = await mkdtemp(join(tmpdir(), "bling-durable-"));
  artifacts = await loadArtifacts();
});

afterAll(async () => {
  await stack?.stop();
  await releaseProverThreads();
  await rm(dataDir, { recursive: true, force: true });
});

async function waitFor<T>(what: string, probe: () => Promise<T | null>, timeoutMs = 30_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== null) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

describe("# the local stack through a crash of its table", () => {
  it("should keep every receipted ballot across kill -9 of dynalite and a restart, then integrate and anchor it", async () => {
    stack = await startLocalStack({ dataDir, ...LIVE });
    let api: ApiCall = apiClient(stack.apiUrl);
    const token = await stack.councilToken("council-durable");
    const { censusId } = await councilCensus(api, token, voters);
    const now = Math.floor(Date.now() / 1000);
    const draft = expectStatus(
      await api<{ id: string }>("POST", "/v1/council/referenda", {
        token,
        body: {
          title: "Durability",
          options: ["Yes", "No"],
          rules: { preset: "yes-no" },
          revoting: true,
          censusId,
          opensAt: now,
          closesAt: now + 3600,
        },
      }),
      201,
    );
    const id = draft.id;
    expectStatus(await api("POST", `/v1/council/referenda/${id}/open`, { token }), 200);

    // The loops run on their own: the first receipts get integrated without any help.
    // One proof at a time: concurrent first proofs each start their own snarkjs curve threads.
    const ballots: Ballot[] = [];
    for (const [i, voter] of voters.entries()) {
      ballots.push(await proveFromApi(api, id, voter, i % 2 ? [1, 0] : [0, 1], artifacts));
    }
    const first = expectStatus(await submitBallot(api, id, ballots[0]!), 202);
    await waitFor("the loops to integrate a ballot", async () => {
      const receipt = expectStatus(await api<Receipt>("GET", `/v1/referenda/${id}/ballots/${first.ballotId}`), 200);
      return receipt.status === "integrated" ? receipt : null;
    });

    // Ballots keep arriving, 8 at a time, while the table process is killed.
    const answers: ApiAnswer<Receipt>[] = [];
    const dynalite = stack.dynalite;
    let killed = false;
    let next = 1;
    await Promise.all(
      Array.from({ length: 8 }, async () => {
        while (next < ballots.length) {
          const ballot = ballots[next++]!;
          const answer = await submitBallot(api, id, ballot);
          answers.push(answer);
          if (!killed && answers.filter((a) => a.status === 202).length >= 6) {
            killed = true;
            await dynalite.kill();
          }
        }
      }),
    );
    const receipted = [first, ...answers.filter((a) => a.status === 202).map((a) => a.body)];
    const failed = answers.filter((a) => a.status !== 202);
    expect(killed).toBe(true);
    expect(receipted.length).toBeGreaterThanOrEqual(7);
    expect(failed.length).toBeGreaterThan(0);
    // An outage is the service's failure, never blamed on the ballot: a 503 the client may retry.
    for (const answer of failed)
      expect([answer.status, answer.text]).toEqual([503, expect.stringContaining("STORE_UNAVAILABLE")]);
    await stack.stop();

    stack = await startLocalStack({ dataDir, ...LIVE });
    api = apiClient(stack.apiUrl);
    const config = expectStatus(await api<PublicConfig>("GET", "/v1/config"), 200);
    for (const receipt of receipted) {
      const now = await waitFor(`ballot ${receipt.ballotId} in the log`, async () => {
        const answer = expectStatus(await api<Receipt>("GET", `/v1/referenda/${id}/ballots/${receipt.ballotId}`), 200);
        return answer.status === "integrated" ? answer : null;
      });
      expect(now.entryHash).toBe(receipt.entryHash);
      expect(now.promise).toEqual(receipt.promise);
      expect(verifyReceipt(now, config.logPublicKey)).toBe(true);
    }

    // Voting goes on after the restart, and the chain (restored from its state file) gets the new head.
    const after = expectStatus(await submitBallot(api, id, ballots[ballots.length - 1]!), 202);
    const integrated = await waitFor("the new ballot in the log", async () => {
      const answer = expectStatus(await api<Receipt>("GET", `/v1/referenda/${id}/ballots/${after.ballotId}`), 200);
      return answer.status === "integrated" ? answer : null;
    });
    const registry = new RegistryClient(stack.deployment.registry, stack.chain.provider, stack.deployment.deployBlock);
    const anchored = await waitFor("the head anchored", async () => {
      const last = await registry.lastCheckpoint(BigInt(id));
      return last && last.logSize >= integrated.inclusion!.treeHead.treeSize ? last : null;
    });
    expect(anchored.logSize).toBeGreaterThanOrEqual(receipted.length + 1);
  }, 300_000);
});
