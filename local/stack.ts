/**
 * The whole service on one machine with no cloud: dynalite (persisting under the data folder),
 * anvil with the contracts deployed (state dumped on stop), the API handlers behind a local HTTP
 * server, and the sequencer and anchor loops. `npm start` runs it; the integration tests too.
 */
import { randomBytes, randomUUID } from "node:crypto";
import { existsSync } from "node:fs";
import { mkdir, readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { loadVerificationKey } from "../protocol/artifacts.node";
import { SERVICE_CIRCUITS } from "../protocol/service-circuits";
import { startLocalBling, startLocalChain, type LocalChain } from "./anvil";
import { RegistryClient } from "../contracts/src/registry-client";
import type { BlingDeployment } from "../contracts/src/deploy";
import { issueCouncilToken, localAuthenticator } from "../functions/adapters/auth";
import { registryAnchor } from "../functions/adapters/chain-anchor";
import { DynamoStore, dynamoClient, ensureTable } from "../functions/adapters/dynamo-store";
import { startDynalite, type LocalDynalite } from "./dynalite";
import { createVerifierPool } from "../functions/adapters/proof-verifier";
import { serviceDeps } from "../functions/adapters/service-deps";
import { anchorAll, sequenceAll } from "../functions/core/sequence-and-anchor";
import type { Clock, CoreDeps } from "../functions/core/ports";
import { createApiHandler } from "../functions/handlers/api-handler";
import type { SiteConfig } from "../web/lib/site-config";
import { startHttp, type LocalHttp } from "./http-server";
import { siteHandler } from "./site-server";

export const TABLE = "bling";
/** The anvil account that signs anchors for local councils. */
const COUNCIL_ACCOUNT = 1;
/** The local stack's stand-in municipality (a deployment names its own in `/config.json`). */
export const LOCAL_MUNICIPALITY = { name: "Demo town", email: "referenda@demo-town.example" } as const;

export interface LocalStackOptions {
  /** Folder for the table, chain state and keys; omitted = everything in memory, gone on stop. */
  dataDir?: string;
  /** The API port (0 = any free port). */
  port?: number;
  clock?: Clock;
  sequencerIntervalMs?: number;
  anchorIntervalMs?: number;
  log?: (message: string, error?: unknown) => void;
  /** The static site (web/out) to serve beside the API, with a `/config.json` for this stack. */
  siteDir?: string;
  /** Blocks on top of an anchoring write before it counts as anchored (default 0: anvil does not reorganise). */
  confirmations?: number;
  /** The site's sign-in settings; default none (councils paste a token). Tests point it at a stand-in hosted UI. */
  auth?: SiteConfig["auth"];
  /** Who runs the site, as `/config.json` names it; default the demo municipality. */
  municipality?: SiteConfig["municipality"];
}

export interface LocalStack {
  apiUrl: string;
  rpcUrl: string;
  deployment: BlingDeployment;
  chain: LocalChain;
  dynalite: LocalDynalite;
  deps: CoreDeps;
  /** Issues a council admin token (HS256, checked by the API with the local key). */
  /** A token for the council (12 hours by default; a negative lifetime makes one already expired). */
  councilToken(councilId: string, ttlSeconds?: number): Promise<string>;
  /** Runs the sequencer and the anchor loop once for every referendum, now. */
  tick(): Promise<void>;
  stop(): Promise<void>;
}

interface LocalSecrets {
  logKey: string;
  codeKey: string;
  jwtKey: string;
}

async function loadJson<T>(path: string | undefined, create: () => T): Promise<T> {
  if (path && existsSync(path)) return JSON.parse(await readFile(path, "utf8")) as T;
  const value = create();
  if (path) await writeFile(path, JSON.stringify(value, null, 2), { mode: 0o600 });
  return value;
}

async function startChain(dataDir: string | undefined): Promise<{ chain: LocalChain; deployment: BlingDeployment }> {
  const statePath = dataDir && join(dataDir, "anvil-state.json");
  const deploymentPath = dataDir && join(dataDir, "deployment.json");
  if (statePath && deploymentPath && existsSync(deploymentPath) && existsSync(statePath)) {
    const chain = await startLocalChain({ statePath });
    const saved = JSON.parse(await readFile(deploymentPath, "utf8")) as BlingDeployment & { chainId: string };
    if ((await chain.provider.getCode(saved.registry)) !== "0x") {
      return { chain, deployment: { ...saved, chainId: BigInt(saved.chainId) } };
    }
    await chain.stop();
  }
  const bling = await startLocalBling([COUNCIL_ACCOUNT], { statePath });
  if (deploymentPath) {
    await writeFile(
      deploymentPath,
      JSON.stringify({ ...bling.deployment, chainId: String(bling.deployment.chainId) }, null, 2),
    );
  }
  return { chain: bling.chain, deployment: bling.deployment };
}

/** `run`, queued behind any call still running, so calls never overlap. */
function oneAtATime(run: () => Promise<void>): () => Promise<void> {
  let last: Promise<void> = Promise.resolve();
  return () => {
    const next = last.then(run, run);
    last = next.catch(() => undefined);
    return next;
  };
}

/** Runs `step` every `ms`, never overlapping itself, until stopped. */
function every(ms: number, step: () => Promise<void>): () => Promise<void> {
  let stopped = false;
  let running: Promise<void> = Promise.resolve();
  let timer: NodeJS.Timeout | undefined;
  const loop = (): void => {
    if (stopped) return;
    running = step().finally(() => {
      if (!stopped) timer = setTimeout(loop, ms);
    });
  };
  timer = setTimeout(loop, ms);
  return async () => {
    stopped = true;
    clearTimeout(timer);
    await running;
  };
}

export async function startLocalStack(options: LocalStackOptions = {}): Promise<LocalStack> {
  const { dataDir } = options;
  const log =
    options.log ??
    ((message: string, error?: unknown) => {
      console.error(message, error ?? "");
    });
  if (dataDir) await mkdir(dataDir, { recursive: true });
  const secrets = await loadJson<LocalSecrets>(dataDir && join(dataDir, "secrets.json"), () => ({
    logKey: randomBytes(32).toString("hex"),
    codeKey: randomBytes(32).toString("hex"),
    jwtKey: randomBytes(32).toString("hex"),
  }));

  const dynalite = await startDynalite(dataDir && join(dataDir, "dynamo"));
  const stops: (() => Promise<void>)[] = [() => dynalite.stop()];
  let stopped: Promise<void> | undefined;
  // Last started, first stopped; a second call waits for the first.
  const stopAll = (): Promise<void> =>
    (stopped ??= (async () => {
      for (const stop of [...stops].reverse()) {
        await stop().catch((error: unknown) => {
          log("stopping failed", error);
        });
      }
    })());
  try {
    const client = dynamoClient(dynalite.endpoint);
    await ensureTable(client, TABLE);
    stops.push(() => {
      client.destroy();
      return Promise.resolve();
    });
    const { chain, deployment } = await startChain(dataDir);
    stops.push(() => chain.stop());

    const circuits = await Promise.all(SERVICE_CIRCUITS.map((name) => loadVerificationKey(name)));
    const verifier = createVerifierPool(
      Object.fromEntries(circuits.map(({ manifest, vkey }) => [manifest.name, vkey])),
    );
    stops.push(() => verifier.close());
    const { deps, config } = serviceDeps({
      store: new DynamoStore(client, TABLE),
      verifier,
      keys: secrets,
      manifests: circuits.map(({ manifest }) => manifest),
      chain: {
        chainId: String(deployment.chainId),
        registry: deployment.registry,
        deployBlock: deployment.deployBlock,
      },
      clock: options.clock,
    });
    const jwtKey = Buffer.from(secrets.jwtKey, "hex");
    const handler = createApiHandler({ deps, authenticate: localAuthenticator(jwtKey), config, log });
    let apiUrl = "";
    const siteConfig = (): SiteConfig => ({
      apiUrl,
      chainId: Number(deployment.chainId),
      chainRpcUrl: chain.rpcUrl,
      registryAddress: deployment.registry,
      registryDeployBlock: deployment.deployBlock,
      stage: "local",
      // The local stack runs the committed dev-ceremony circuits: its verify page accepts them, visibly.
      testDeployment: true,
      // No hosted sign-in locally: councils paste the token `npm start` prints.
      auth: options.auth ?? { signInUrl: "", clientId: "", userPoolId: "" },
      municipality: options.municipality ?? LOCAL_MUNICIPALITY,
    });
    const site = options.siteDir === undefined ? undefined : siteHandler(options.siteDir, siteConfig);
    const http: LocalHttp = await startHttp(handler, options.port ?? 0, site);
    apiUrl = http.url;
    stops.push(() => http.close());

    const chainAnchor = registryAnchor(
      new RegistryClient(deployment.registry, chain.wallet(COUNCIL_ACCOUNT), deployment.deployBlock),
      { confirmations: options.confirmations ?? 0 },
    );
    const owner = `local-${randomUUID()}`;
    const sequence = async (): Promise<void> => {
      await sequenceAll(deps, owner);
    };
    // One anchoring run at a time: a tick() during the loop's run would send transactions from the
    // same account at once, and the second would reuse the first's nonce.
    const anchor = oneAtATime(async (): Promise<void> => {
      // Every referendum was tried; the first failure is reported (and retried next time).
      const [failure] = (await anchorAll(deps, chainAnchor)).failed;
      if (failure) throw failure.error;
    });
    const guarded = (name: string, step: () => Promise<void>) => () =>
      step().catch((error: unknown) => {
        log(`${name} failed; retrying`, error);
      });
    stops.push(every(options.sequencerIntervalMs ?? 250, guarded("sequencer", sequence)));
    stops.push(every(options.anchorIntervalMs ?? 2000, guarded("anchoring", anchor)));

    return {
      apiUrl: http.url,
      rpcUrl: chain.rpcUrl,
      deployment,
      chain,
      dynalite,
      deps,
      councilToken: (councilId, ttlSeconds) => issueCouncilToken(jwtKey, councilId, ttlSeconds),
      tick: async () => {
        await sequence();
        await anchor();
      },
      stop: stopAll,
    };
  } catch (error) {
    await stopAll();
    throw error;
  }
}
