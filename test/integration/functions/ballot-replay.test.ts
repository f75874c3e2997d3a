/**
 * The replay attack on re-voting, over real HTTP with dynalite and anvil: anyone can malleate a
 * logged Groth16 proof (negate A and B, or shift B and C by δ and A), so a copy of a voter's
 * superseded ballot must never become the voter's newest revision. Only the key holder can add one.
 */
import { groth16 } from "snarkjs";
import type { Ballot } from "../../../protocol";
import { loadArtifacts, type LoadedArtifacts } from "../../../protocol/artifacts.node";
import { releaseProverThreads } from "../../../protocol/verify";
import { RegistryClient } from "../../../contracts/src/registry-client";
import type { Receipt } from "../../../protocol/log-objects";
import { computeTally } from "../../../protocol/tally-rules";
import type { NullifierStatus } from "../../../functions/api/views";
import { startLocalStack, type LocalStack } from "../../../local/stack";
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
import { negated, rerandomizer } from "../../fixtures/rerandomize";
import { computeNullifier } from "../../../protocol";
import type { AuditEntry } from "../../../audit/bundle";

const voters = [0, 1, 2].map((i) => identityFromSeed(`replay-voter-${i}`));
const HOUR_MS = 3_600_000;

let stack: LocalStack;
let api: ApiCall;
let artifacts: LoadedArtifacts;
let id: string;

beforeAll(async () => {
  artifacts = await loadArtifacts();
  stack = await startLocalStack({ sequencerIntervalMs: HOUR_MS, anchorIntervalMs: HOUR_MS, log: () => undefined });
  api = apiClient(stack.apiUrl);
  const token = await stack.councilToken("council-replay");
  const { censusId } = await councilCensus(api, token, voters);
  id = await openYesNo(api, token, censusId, "Replay", { opensAt: Math.floor(Date.now() / 1000), seconds: 3600 });
});

afterAll(async () => {
  await stack.stop();
  await releaseProverThreads();
});

const entries = async (): Promise<AuditEntry[]> =>
  expectStatus(await api<{ entries: AuditEntry[] }>("GET", `/v1/referenda/${id}/log/entries?from=0&limit=1000`), 200)
    .entries;

describe("# replaying a superseded ballot", () => {
  it("should answer negated and δ-shifted copies of a superseded revision with its old receipt, 100 at once, and change nothing", async () => {
    const voter = voters[0]!;
    const yes = await proveFromApi(api, id, voter, [1, 0], artifacts);
    const first = expectStatus(await submitBallot(api, id, yes), 202);
    const no = await proveFromApi(api, id, voter, [0, 1], artifacts);
    const second = expectStatus(await submitBallot(api, id, no), 202);
    expect([first.entry.revision, second.entry.revision]).toEqual([1, 2]);
    await stack.tick();
    const before = await entries();
    expect(computeTally(before).counts.slice(0, 2)).toEqual(["0", "1"]);

    // The attacker has only the public log: revision 1's entry.
    const logged: Ballot = before[0]!.entry.ballot;
    const rerandomize = await rerandomizer(artifacts.vkey);
    const copies = [
      ...Array.from({ length: 50 }, (_, i) => rerandomize(logged, i + 1)),
      ...(await Promise.all(
        Array.from({ length: 50 }, (_, i) => negated(artifacts.vkey, rerandomize(logged, i + 60))),
      )),
    ];
    // Every copy is a valid proof: a verifier alone cannot tell it from the original.
    expect(await groth16.verify(artifacts.vkey, copies[0]!.publicSignals, copies[0]!.proof)).toBe(true);
    expect(await groth16.verify(artifacts.vkey, copies[99]!.publicSignals, copies[99]!.proof)).toBe(true);
    const answers = await Promise.all(copies.map((copy) => submitBallot(api, id, copy)));
    for (const answer of answers) {
      const receipt = expectStatus(answer, 202);
      expect([receipt.ballotId, receipt.entryHash, receipt.entry.revision]).toEqual([
        first.ballotId,
        first.entryHash,
        1,
      ]);
    }
    await stack.tick();
    const after = await entries();
    expect(after.map((e) => e.entryHash)).toEqual(before.map((e) => e.entryHash));
    expect(computeTally(after).counts.slice(0, 2)).toEqual(["0", "1"]);
  });

  it("should let only the key holder add a revision: back to an earlier choice works, a stale or skipped revision is refused", async () => {
    const voter = voters[0]!;
    const nullifier = computeNullifier(BigInt(id), voter.secretScalar).toString();
    const status = expectStatus(await api<NullifierStatus>("GET", `/v1/referenda/${id}/nullifiers/${nullifier}`), 200);
    expect(status).toEqual({ nullifier, revision: 2, nextRevision: 3 });
    // A restored key on another device asks the service, and re-votes yes: A, B, A.
    const again = expectStatus(await submitBallot(api, id, await proveFromApi(api, id, voter, [1, 0], artifacts)), 202);
    expect(again.entry.revision).toBe(3);
    for (const revision of [2, 5]) {
      // Revision 2 with another choice than the logged one: a different ballot for a taken revision.
      const stale = await proveFromApi(api, id, voter, [1, 0], artifacts, revision);
      const answer = await submitBallot(api, id, stale);
      expect([answer.status, answer.body]).toMatchObject([409, { error: { code: "BALLOT_REVISION_CONFLICT" } }]);
    }
    await stack.tick();
    const log = await entries();
    expect(log.map((e) => e.entry.revision)).toEqual([1, 2, 3]);
    expect(computeTally(log).counts.slice(0, 2)).toEqual(["1", "0"]);
    const receipt = expectStatus(await api<Receipt>("GET", `/v1/referenda/${id}/ballots/${again.ballotId}`), 200);
    expect(receipt.status).toBe("integrated");
  });

  it("should keep every honest revision valid for snarkjs and for the registry's on-chain verifyBallot", async () => {
    const registry = new RegistryClient(stack.deployment.registry, stack.chain.provider, stack.deployment.deployBlock);
    for (const { entry } of await entries()) {
      const ballot = entry.ballot as Ballot;
      expect(await groth16.verify(artifacts.vkey, ballot.publicSignals, ballot.proof)).toBe(true);
      expect(await registry.verifyBallot(BigInt(id), ballot)).toBe(true);
    }
  });
});
