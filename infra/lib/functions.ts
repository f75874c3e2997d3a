/**
 * The three Lambda families: public API, council API and the scheduled log worker. Each is bundled
 * locally by esbuild (no Docker), with the circuit's manifest and verification key copied beside it.
 */
import { Duration } from "aws-cdk-lib";
import type { Table } from "aws-cdk-lib/aws-dynamodb";
import { Role, ServicePrincipal } from "aws-cdk-lib/aws-iam";
import { Architecture, LoggingFormat, Runtime, Tracing } from "aws-cdk-lib/aws-lambda";
import { NodejsFunction, OutputFormat } from "aws-cdk-lib/aws-lambda-nodejs";
import { LogGroup } from "aws-cdk-lib/aws-logs";
import type { Secret } from "aws-cdk-lib/aws-secretsmanager";
import { Construct } from "constructs";
import { join } from "node:path";
import type { StageSettings } from "./settings";

export interface BlingFunctionsProps {
  settings: StageSettings;
  table: Table;
  logKey: Secret;
  codeKey: Secret;
  anchorKey: Secret;
  /** The repository root (package-lock.json, functions/, circuits/). */
  projectRoot: string;
  /** Folder holding `<circuitName>/manifest.json` and the verification key of each circuit. */
  artifactsDir: string;
  /** The ballot circuits the service verifies: each one's manifest and verification key go into the bundle. */
  circuitNames: readonly string[];
}

/** What the DynamoDB store does, and nothing more (no scans, updates or streams). */
export const TABLE_ACTIONS = [
  "dynamodb:GetItem",
  "dynamodb:BatchGetItem",
  "dynamodb:PutItem",
  "dynamodb:BatchWriteItem",
  "dynamodb:DeleteItem",
  "dynamodb:Query",
];

/** Reserved concurrency of the worker: one at a time, so anchors are never written twice at once. */
export const WORKER_CONCURRENCY = 1;

export class BlingFunctions extends Construct {
  readonly publicApi: NodejsFunction;
  readonly councilApi: NodejsFunction;
  readonly logWorker: NodejsFunction;

  constructor(scope: Construct, id: string, props: BlingFunctionsProps) {
    super(scope, id);
    const { settings, table, logKey, codeKey, anchorKey } = props;
    const environment = {
      TABLE_NAME: table.tableName,
      LOG_KEY_SECRET_ARN: logKey.secretArn,
      CODE_KEY_SECRET_ARN: codeKey.secretArn,
      CHAIN_ID: String(settings.chainId),
      REGISTRY_ADDRESS: settings.registryAddress,
      DEPLOY_BLOCK: String(settings.registryDeployBlock),
      CIRCUIT_NAMES: props.circuitNames.join(","),
      NODE_OPTIONS: "--enable-source-maps",
    };
    const make = (
      name: string,
      entry: string,
      extra: { timeout: Duration; env?: Record<string, string>; reserved?: number },
    ) => {
      const logGroup = new LogGroup(this, `${name}Logs`, {
        retention: settings.logRetentionDays,
        removalPolicy: settings.removalPolicy,
      });
      // An own role instead of AWSLambdaBasicExecutionRole: logs only to this function's group.
      const role = new Role(this, `${name}Role`, { assumedBy: new ServicePrincipal("lambda.amazonaws.com") });
      logGroup.grantWrite(role);
      return new NodejsFunction(this, name, {
        role,
        entry: join(props.projectRoot, "functions", "lambda", entry),
        projectRoot: props.projectRoot,
        depsLockFilePath: join(props.projectRoot, "package-lock.json"),
        runtime: Runtime.NODEJS_22_X,
        architecture: Architecture.ARM_64,
        // Proof verification is CPU bound: memory buys the CPU share.
        memorySize: 1536,
        timeout: extra.timeout,
        reservedConcurrentExecutions: extra.reserved,
        tracing: Tracing.ACTIVE,
        loggingFormat: LoggingFormat.JSON,
        logGroup,
        environment: { ...environment, ...extra.env },
        bundling: {
          format: OutputFormat.CJS,
          target: "node22",
          minify: true,
          sourceMap: true,
          // One pinned SDK in the bundle, the version the tests ran, not whatever the runtime ships.
          bundleAwsSDK: true,
          commandHooks: {
            beforeBundling: () => [],
            beforeInstall: () => [],
            afterBundling: (_input: string, output: string) =>
              props.circuitNames.flatMap((circuit) => {
                const artifacts = join(props.artifactsDir, circuit);
                return [
                  `mkdir -p "${output}/artifacts/${circuit}"`,
                  `cp "${artifacts}/manifest.json" "${artifacts}/verification_key.json" "${output}/artifacts/${circuit}/"`,
                ];
              }),
          },
        },
      });
    };
    this.publicApi = make("PublicApi", "public-api.ts", { timeout: Duration.seconds(10) });
    this.councilApi = make("CouncilApi", "council-api.ts", { timeout: Duration.seconds(29) });
    this.logWorker = make("LogWorker", "log-worker.ts", {
      timeout: Duration.seconds(90),
      reserved: WORKER_CONCURRENCY,
      env: {
        ANCHOR_KEY_SECRET_ARN: anchorKey.secretArn,
        CHAIN_RPC_URL: settings.chainRpcUrl,
        CHAIN_CONFIRMATIONS: String(settings.chainConfirmations),
        STAGE: settings.stage,
      },
    });

    for (const fn of [this.publicApi, this.councilApi, this.logWorker]) {
      table.grant(fn, ...TABLE_ACTIONS);
      logKey.grantRead(fn);
      codeKey.grantRead(fn);
    }
    // Only the worker writes to the chain.
    anchorKey.grantRead(this.logWorker);
  }
}
