/**
 * What every BLING Lambda builds once per cold start: the table, the keys from Secrets Manager, the
 * verification key bundled beside the handler (checked against its manifest), and the core's ports.
 */
import { join } from "node:path";
import { loadVerificationKey } from "../../protocol/artifacts.node";
import { DynamoStore, dynamoClient } from "../adapters/dynamo-store";
import { inProcessVerifier } from "../adapters/proof-verifier";
import type { SecretReader } from "../adapters/secrets";
import { serviceDeps } from "../adapters/service-deps";
import type { CoreDeps } from "../core/ports";
import type { PublicConfig } from "../api/public-config";
import type { ApiEnvironment } from "./environment";

/** Where the bundling step copies the artifact manifest and verification key. */
export const BUNDLED_ARTIFACTS = join(__dirname, "artifacts");

export async function lambdaService(
  env: ApiEnvironment,
  readSecret: SecretReader,
): Promise<{ deps: CoreDeps; config: PublicConfig }> {
  const [circuits, logKey, codeKey] = await Promise.all([
    Promise.all(env.CIRCUIT_NAMES.split(",").map((name) => loadVerificationKey(name, BUNDLED_ARTIFACTS))),
    readSecret(env.LOG_KEY_SECRET_ARN),
    readSecret(env.CODE_KEY_SECRET_ARN),
  ]);
  return serviceDeps({
    // The SDK takes region, credentials and any endpoint override from the Lambda environment.
    store: new DynamoStore(dynamoClient(), env.TABLE_NAME),
    verifier: await inProcessVerifier(Object.fromEntries(circuits.map(({ manifest, vkey }) => [manifest.name, vkey]))),
    keys: { logKey, codeKey },
    manifests: circuits.map(({ manifest }) => manifest),
    chain: { chainId: env.CHAIN_ID, registry: env.REGISTRY_ADDRESS, deployBlock: env.DEPLOY_BLOCK },
  });
}

/**
 * Runs `init` on first use and keeps its result for the life of the execution environment; a failed
 * start is forgotten, so the next invocation tries again instead of failing forever.
 */
export function once<T>(init: () => Promise<T>): () => Promise<T> {
  let started: Promise<T> | undefined;
  return () => {
    started ??= init().catch((error: unknown) => {
      started = undefined;
      throw error;
    });
    return started;
  };
}

/** One structured log line (Lambda's JSON log format adds time, level and request id). */
export function logError(message: string, error: unknown): void {
  console.error(
    JSON.stringify({
      message,
      error: error instanceof Error ? { name: error.name, message: error.message, stack: error.stack } : String(error),
    }),
  );
}
