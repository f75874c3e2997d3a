/**
 * BLING on AWS: table and keys, the three Lambdas, the HTTP API with council sign-in, the log
 * worker's schedule, the site behind CloudFront with its runtime config, alarms, and an output for
 * every URL a deployer or user needs.
 */
import { CfnOutput, Duration, Stack, type StackProps } from "aws-cdk-lib";
import { Rule, Schedule } from "aws-cdk-lib/aws-events";
import { LambdaFunction } from "aws-cdk-lib/aws-events-targets";
import type { Construct } from "constructs";
import { join } from "node:path";
import { SERVICE_CIRCUITS } from "../../protocol/service-circuits";
import { BlingApi } from "./api";
import {
  readCircuitManifest,
  readContractsManifest,
  requireContractsFromCircuits,
  requireTrustedCeremony,
} from "./ceremony-guard";
import { BlingData } from "./data";
import { BlingFunctions } from "./functions";
import { BlingMonitoring } from "./monitoring";
import { acknowledgeFindings } from "./nag-suppressions";
import type { StageSettings } from "./settings";
import { BlingSite } from "./site";

export interface BlingStackProps extends StackProps {
  settings: StageSettings;
  /** The repository root. */
  projectRoot: string;
  /** Where the circuit artifacts are (default `circuits/artifacts` under the root). */
  artifactsDir?: string;
}

/** How often EventBridge starts the log worker (its minimum). */
export const WORKER_SCHEDULE = Duration.minutes(1);

export class BlingStack extends Stack {
  constructor(scope: Construct, id: string, props: BlingStackProps) {
    super(scope, id, props);
    const { settings, projectRoot } = props;
    const artifactsDir = props.artifactsDir ?? join(projectRoot, "circuits", "artifacts");
    // Every circuit the service accepts ballots of must come from a trusted ceremony.
    const policy = {
      stage: settings.stage,
      allowInsecure: settings.allowInsecureCeremony,
      minContributions: settings.minCeremonyContributions,
    };
    const circuits = SERVICE_CIRCUITS.map((circuit) => readCircuitManifest(artifactsDir, circuit));
    for (const manifest of circuits) requireTrustedCeremony(manifest, policy);
    // The verifier contracts must embed the keys of these zkeys (regenerated after a ceremony).
    requireContractsFromCircuits(readContractsManifest(projectRoot), circuits);

    const data = new BlingData(this, "Data");
    const functions = new BlingFunctions(this, "Functions", {
      settings,
      table: data.table,
      logKey: data.logKey,
      codeKey: data.codeKey,
      anchorKey: data.anchorKey,
      projectRoot,
      artifactsDir,
      circuitNames: SERVICE_CIRCUITS,
    });
    new Rule(this, "LogWorkerSchedule", {
      description: "Sequences queued ballots and anchors log heads",
      schedule: Schedule.rate(WORKER_SCHEDULE),
      // A missed run is simply the next one: no retries piling up behind reserved concurrency.
      targets: [new LambdaFunction(functions.logWorker, { retryAttempts: 0 })],
    });

    const site = new BlingSite(this, "Site", {
      settings,
      placeholderDir: join(projectRoot, "infra", "site-placeholder"),
    });
    const api = new BlingApi(this, "Api", {
      settings,
      publicApi: functions.publicApi,
      councilApi: functions.councilApi,
      siteOrigin: site.origin,
    });
    site.deploy({
      apiUrl: `${api.url}/v1`,
      chainId: settings.chainId,
      chainRpcUrl: settings.chainRpcUrl,
      registryAddress: settings.registryAddress,
      registryDeployBlock: settings.registryDeployBlock,
      stage: settings.stage,
      // Only a non-prod stage that consented to the dev ceremony tells its verify page it is a test.
      ...(settings.stage !== "prod" && settings.allowInsecureCeremony && { testDeployment: true }),
      auth: { signInUrl: api.signInUrl, clientId: api.client.userPoolClientId, userPoolId: api.userPool.userPoolId },
      ...(settings.municipality && { municipality: settings.municipality }),
    });
    const monitoring = new BlingMonitoring(this, "Monitoring", {
      settings,
      api: api.api,
      functions: { PublicApi: functions.publicApi, CouncilApi: functions.councilApi, LogWorker: functions.logWorker },
    });

    const outputs: Record<string, [string, string]> = {
      SiteUrl: [site.origin, "The website for citizens, councils and observers"],
      ApiUrl: [`${api.url}/v1`, "The referendum API (GET /config tells the rest)"],
      CouncilSignInUrl: [api.signInUrl, "Cognito hosted sign-in for council admins"],
      UserPoolId: [api.userPool.userPoolId, "Council admins' user pool (create admins here)"],
      UserPoolClientId: [api.client.userPoolClientId, "The site's user pool client"],
      TableName: [data.table.tableName, "The DynamoDB table"],
      AnchorKeySecretArn: [data.anchorKey.secretArn, "Anchor signer key: register its address as a council"],
      LogKeySecretArn: [data.logKey.secretArn, "Ballot log signing key"],
      AlarmTopicArn: [monitoring.topic.topicArn, "Alarm notifications"],
    };
    for (const [name, [value, description]] of Object.entries(outputs))
      new CfnOutput(this, name, { value, description });

    acknowledgeFindings(this, { settings, data, functions, api, site });
  }
}
