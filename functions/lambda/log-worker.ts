/**
 * Lambda entry: the scheduled log worker. EventBridge starts it every minute and reserved
 * concurrency 1 keeps it alone (the sequencer lease guards the log even if two ever overlap). It
 * anchors, keeps moving queued ballots into the logs for WORK_SECONDS so receipts gain their
 * inclusion proofs within seconds, anchors again, and reports the anchoring lag as a metric.
 */
import { randomUUID } from "node:crypto";
import { Wallet } from "ethers";
import { RegistryClient } from "../../contracts/src/registry-client";
import { rpcProvider } from "../../contracts/src/rpc-provider";
import { registryAnchor } from "../adapters/chain-anchor";
import { secretsManagerReader } from "../adapters/secrets";
import { anchorAll, sequenceAll } from "../core/sequence-and-anchor";
import { loadEnvironment, workerEnvironment } from "./environment";
import { emitMetrics, type WorkerRun } from "./metrics";
import { lambdaService, logError, once } from "./runtime";

const SEQUENCE_EVERY_MS = 1000;

const worker = once(async () => {
  const env = loadEnvironment(workerEnvironment, process.env);
  const readSecret = secretsManagerReader();
  const [{ deps }, anchorKey] = await Promise.all([
    lambdaService(env, readSecret),
    readSecret(env.ANCHOR_KEY_SECRET_ARN),
  ]);
  const provider = rpcProvider(env.CHAIN_RPC_URL, BigInt(env.CHAIN_ID));
  const registry = new RegistryClient(env.REGISTRY_ADDRESS, new Wallet(`0x${anchorKey}`, provider), env.DEPLOY_BLOCK);
  return {
    env,
    deps,
    chain: registryAnchor(registry, { confirmations: env.CHAIN_CONFIRMATIONS }),
    owner: `lambda-${randomUUID()}`,
  };
});

export async function handler(): Promise<WorkerRun> {
  const { env, deps, chain, owner } = await worker();
  const deadline = Date.now() + env.WORK_SECONDS * 1000;
  const report = (failed: { id: string; error: unknown }[]): void => {
    for (const { id, error } of failed) logError(`anchoring referendum ${id} failed; the next run retries`, error);
  };
  const first = await anchorAll(deps, chain);
  report(first.failed);
  let integrated = await sequenceAll(deps, owner);
  while (Date.now() + SEQUENCE_EVERY_MS < deadline) {
    await new Promise((resolve) => setTimeout(resolve, SEQUENCE_EVERY_MS));
    integrated += await sequenceAll(deps, owner);
  }
  const last = await anchorAll(deps, chain);
  report(last.failed);
  const run = { integrated, anchorFailures: first.failed.length + last.failed.length, lagSeconds: last.lagSeconds };
  emitMetrics(env.STAGE, run);
  return run;
}
