/**
 * The CDK app through the real CLI, offline and without credentials, then the Lambda bundles it
 * produced, run as they would be in AWS against the local stack's dynalite and anvil: the council
 * sets up a referendum, a citizen registers and votes with a real proof, the worker logs and anchors.
 */
import { spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { existsSync, mkdtempSync, readFileSync } from "node:fs";
import { rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { loadArtifacts, type LoadedArtifacts } from "../../../protocol/artifacts.node";
import { SIGNAL } from "../../../protocol/constants";
import { SERVICE_CIRCUITS } from "../../../protocol/service-circuits";
import { releaseProverThreads } from "../../../protocol/verify";
import { startLocalStack, TABLE, type LocalStack } from "../../../local/stack";
import { RegistryClient } from "../../../contracts/src/registry-client";
import { createLogSigner } from "../../../functions/adapters/ed25519-signer";
import { verifyReceipt, type Receipt } from "../../../protocol/log-objects";
import type { WorkerRun } from "../../../functions/lambda/metrics";
import { councilCensus, expectStatus, proveFromApi, submitBallot } from "../../fixtures/api-client";
import { identityFromSeed } from "../../fixtures/ballot-fixtures";
import { BASE_CONTEXT, PROJECT_ROOT } from "../../fixtures/infra-fixtures";
import { lambdaApi, startLambdaHost, startSecretsManager, type LambdaHost } from "../../fixtures/lambda-bundles";

const SYNTH_TIMEOUT_MS = 240_000;

/** Runs the project's CDK CLI with no AWS credentials or profile in its environment. */
function cdk(args: string[]): Promise<{ code: number | null; output: string }> {
  const env = Object.fromEntries(Object.entries(process.env).filter(([name]) => !name.startsWith("AWS_")));
  return new Promise((resolve) => {
    const child = spawn(join(PROJECT_ROOT, "node_modules", ".bin", "cdk"), args, {
      cwd: PROJECT_ROOT,
      stdio: ["ignore", "pipe", "pipe"],
      env: {
        ...env,
        CDK_DISABLE_CLI_TELEMETRY: "true",
        AWS_CONFIG_FILE: "/nonexistent",
        AWS_SHARED_CREDENTIALS_FILE: "/nonexistent",
      },
    });
    let output = "";
    child.stdout.on("data", (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on("data", (chunk: Buffer) => (output += chunk.toString()));
    child.on("exit", (code) => {
      resolve({ code, output });
    });
  });
}

const contextArgs = (context: Record<string, string>): string[] =>
  Object.entries(context).flatMap(([key, value]) => ["-c", `${key}=${value}`]);

interface SynthTemplate {
  Resources: Record<string, { Type: string; Metadata?: Record<string, string> }>;
}

let outdir: string;
let template: SynthTemplate;

beforeAll(async () => {
  outdir = mkdtempSync(join(tmpdir(), "bling-synth-"));
  const { code, output } = await cdk(["synth", "--quiet", "--no-notices", "-o", outdir, ...contextArgs(BASE_CONTEXT)]);
  if (code !== 0) throw new Error(`cdk synth failed:\n${output}`);
  template = JSON.parse(readFileSync(join(outdir, "Bling-dev.template.json"), "utf8")) as SynthTemplate;
}, SYNTH_TIMEOUT_MS);

afterAll(async () => {
  await rm(outdir, { recursive: true, force: true });
});

/** The folder synth bundled a function into. */
function bundleOf(name: string): string {
  const entry = Object.entries(template.Resources).find(
    ([id, resource]) => resource.Type === "AWS::Lambda::Function" && id.startsWith(`Functions${name}`),
  );
  const path = entry?.[1].Metadata?.["aws:asset:path"];
  if (!path) throw new Error(`no bundle for ${name}`);
  return join(outdir, path);
}

describe("# the CDK app", () => {
  it("should synthesize with the CLI offline, bundling each Lambda with its checked verification key", () => {
    for (const name of ["PublicApi", "CouncilApi", "LogWorker"]) {
      const dir = bundleOf(name);
      expect(existsSync(join(dir, "index.js"))).toBe(true);
      for (const circuit of SERVICE_CIRCUITS) {
        expect(existsSync(join(dir, "artifacts", circuit, "verification_key.json"))).toBe(true);
        expect(existsSync(join(dir, "artifacts", circuit, "manifest.json"))).toBe(true);
      }
    }
  });

  it(
    "should refuse the dev ceremony's artifacts without the explicit flag",
    async () => {
      const { code, output } = await cdk([
        "synth",
        "--quiet",
        "--no-notices",
        "-o",
        mkdtempSync(join(tmpdir(), "bling-synth-")),
        ...contextArgs({ ...BASE_CONTEXT, allowInsecureCeremony: "false" }),
      ]);
      expect(code).not.toBe(0);
      expect(output).toContain('"dev-insecure" ceremony');
    },
    SYNTH_TIMEOUT_MS,
  );
});

describe("# the Lambda bundles on the local stack", () => {
  let stack: LocalStack;
  let secrets: Awaited<ReturnType<typeof startSecretsManager>>;
  let hosts: { publicApi: LambdaHost; councilApi: LambdaHost; logWorker: LambdaHost };
  let artifacts: LoadedArtifacts;
  const logKey = randomBytes(32).toString("hex");

  beforeAll(async () => {
    stack = await startLocalStack({
      sequencerIntervalMs: 3_600_000,
      anchorIntervalMs: 3_600_000,
      log: () => undefined,
    });
    artifacts = await loadArtifacts();
    const arn = (name: string) => `arn:aws:secretsmanager:eu-west-1:111111111111:secret:${name}`;
    // The local stack signs anchors with account 1, the council its registry knows.
    const anchorKey = stack.chain.wallet(1).privateKey.slice(2);
    secrets = await startSecretsManager({
      [arn("log")]: logKey,
      [arn("code")]: randomBytes(32).toString("hex"),
      [arn("anchor")]: anchorKey,
    });
    const env = {
      AWS_REGION: "eu-west-1",
      AWS_ACCESS_KEY_ID: "local",
      AWS_SECRET_ACCESS_KEY: "local",
      AWS_ENDPOINT_URL_DYNAMODB: stack.dynalite.endpoint,
      AWS_ENDPOINT_URL_SECRETS_MANAGER: secrets.url,
      TABLE_NAME: TABLE,
      LOG_KEY_SECRET_ARN: arn("log"),
      CODE_KEY_SECRET_ARN: arn("code"),
      CHAIN_ID: String(stack.deployment.chainId),
      REGISTRY_ADDRESS: stack.deployment.registry,
      DEPLOY_BLOCK: String(stack.deployment.deployBlock),
      CIRCUIT_NAMES: SERVICE_CIRCUITS.join(","),
    };
    hosts = {
      publicApi: startLambdaHost(bundleOf("PublicApi"), env),
      councilApi: startLambdaHost(bundleOf("CouncilApi"), env),
      logWorker: startLambdaHost(bundleOf("LogWorker"), {
        ...env,
        ANCHOR_KEY_SECRET_ARN: arn("anchor"),
        CHAIN_RPC_URL: stack.rpcUrl,
        WORK_SECONDS: "0",
        STAGE: "test",
      }),
    };
  }, SYNTH_TIMEOUT_MS);

  afterAll(async () => {
    await Promise.all(Object.values(hosts).map((host) => host.stop()));
    await secrets.close();
    await stack.stop();
    await releaseProverThreads();
  });

  it("should run a referendum through the bundled handlers: council, citizen, worker and chain", async () => {
    const api = lambdaApi(hosts.publicApi, hosts.councilApi);
    const council = "council-lambda";
    const voters = [identityFromSeed("lambda-voter-0"), identityFromSeed("lambda-voter-1")];

    const config = expectStatus(await api<{ logPublicKey: string; registry: string }>("GET", "/v1/config"), 200);
    expect(config).toMatchObject({
      registry: stack.deployment.registry,
      logPublicKey: createLogSigner(Buffer.from(logKey, "hex")).publicKeyHex,
    });
    expect((await api("GET", "/v1/council/censuses")).status).toBe(401);

    const { censusId } = await councilCensus(api, council, voters);
    const now = Math.floor(Date.now() / 1000);
    const { id } = expectStatus(
      await api<{ id: string }>("POST", "/v1/council/referenda", {
        token: council,
        body: {
          title: "Deployed bundles",
          options: ["Yes", "No"],
          rules: { preset: "yes-no" },
          censusId,
          opensAt: now - 60,
          closesAt: now + 3600,
        },
      }),
      201,
    );
    expectStatus(await api("POST", `/v1/council/referenda/${id}/open`, { token: council }), 200);

    const ballot = await proveFromApi(api, id, voters[1]!, [0, 1], artifacts);
    // A changed vote first: once the honest ballot holds revision 1, any other is refused before the pairing.
    expect(
      (
        await submitBallot(api, id, {
          ...ballot,
          publicSignals: ballot.publicSignals.map((s, i) => (i === SIGNAL.vote ? "1" : s)),
        })
      ).body,
    ).toMatchObject({
      error: { code: "BALLOT_PROOF_INVALID" },
    });
    const receipt = expectStatus(await submitBallot(api, id, ballot), 202);
    expect(verifyReceipt(receipt, config.logPublicKey)).toBe(true);

    const run = await hosts.logWorker.invoke<WorkerRun>({ source: "aws.events", "detail-type": "Scheduled Event" });
    expect(run).toEqual({ integrated: 1, anchorFailures: 0, lagSeconds: 0 });
    expect(hosts.logWorker.errors()).not.toMatch(/"message":/);
    const metrics = hosts.logWorker.output.map((line) => JSON.parse(line) as Record<string, unknown>);
    expect(metrics).toContainEqual(expect.objectContaining({ Stage: "test", BallotsIntegrated: 1 }));

    const integrated = expectStatus(await api<Receipt>("GET", `/v1/referenda/${id}/ballots/${receipt.ballotId}`), 200);
    expect(integrated).toMatchObject({ status: "integrated", sequence: 0 });
    expect(verifyReceipt(integrated, config.logPublicKey)).toBe(true);
    const registry = new RegistryClient(stack.deployment.registry, stack.chain.provider, stack.deployment.deployBlock);
    const anchored = await registry.getReferendum(BigInt(id));
    const { specHash } = expectStatus(await api<{ specHash: string }>("GET", `/v1/referenda/${id}`), 200);
    expect(anchored?.specHash).toBe(`0x${specHash}`);
    expect((await registry.getCheckpoints(BigInt(id))).map((c) => c.logSize)).toEqual([1]);
  });
});
