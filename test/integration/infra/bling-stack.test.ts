import { Match, Template } from "aws-cdk-lib/assertions";
import { Bucket } from "aws-cdk-lib/aws-s3";
import { TABLE_ACTIONS } from "../../../infra/lib/functions";
import { readSettings } from "../../../infra/lib/settings";
import { COUNCIL_CLAIM } from "../../../functions/adapters/auth";
import {
  artifactsWithCeremony,
  BASE_CONTEXT,
  buildBling,
  PROJECT_ROOT,
  synthBling,
} from "../../fixtures/infra-fixtures";
import { join } from "node:path";
import { ARTIFACT_CACHE_FUNCTION_CODE, SITE_PATH_FUNCTION_CODE } from "../../../web/lib/routes";

type Resource = { Type: string; Properties: Record<string, unknown>; DeletionPolicy?: string };

let dev: Template;
let prod: Template;

beforeAll(() => {
  dev = synthBling().template;
  prod = synthBling({ context: { stage: "prod", alarmEmail: "ops@council.example" } }).template;
});

const resources = (template: Template, type: string): [string, Resource][] =>
  Object.entries(template.findResources(type) as Record<string, Resource>);

const json = (value: unknown): string => JSON.stringify(value);

/** The logical id of the one function whose handler entry is `name`. */
function functionId(template: Template, name: string): string {
  const found = resources(template, "AWS::Lambda::Function").filter(([id]) => id.startsWith(`Functions${name}`));
  expect(found).toHaveLength(1);
  return found[0]![0];
}

/** Every statement of the inline policies attached to a function's role. */
function statementsOf(template: Template, fnId: string): { Action: string | string[]; Resource: unknown }[] {
  const fn = template.findResources("AWS::Lambda::Function")[fnId] as Resource;
  const roleId = (fn.Properties.Role as { "Fn::GetAtt": [string, string] })["Fn::GetAtt"][0];
  return resources(template, "AWS::IAM::Policy")
    .filter(([, policy]) => json(policy.Properties.Roles) === json([{ Ref: roleId }]))
    .flatMap(([, policy]) => (policy.Properties.PolicyDocument as { Statement: [] }).Statement);
}

describe("# BlingStack", () => {
  it("should keep the table on demand, point-in-time recoverable, deletion protected and retained", () => {
    dev.resourceCountIs("AWS::DynamoDB::Table", 1);
    dev.hasResource("AWS::DynamoDB::Table", {
      DeletionPolicy: "Retain",
      UpdateReplacePolicy: "Retain",
      Properties: {
        BillingMode: "PAY_PER_REQUEST",
        PointInTimeRecoverySpecification: { PointInTimeRecoveryEnabled: true },
        DeletionProtectionEnabled: true,
        KeySchema: [
          { AttributeName: "pk", KeyType: "HASH" },
          { AttributeName: "sk", KeyType: "RANGE" },
        ],
        SSESpecification: { SSEEnabled: true },
      },
    });
  });

  it("should run three Lambda families on Node 22, arm64, traced, with JSON logs and the worker alone", () => {
    const functions = resources(dev, "AWS::Lambda::Function").filter(([id]) => id.startsWith("Functions"));
    expect(functions.map(([id]) => id.replace(/[0-9A-F]{8}$/, "")).sort()).toEqual([
      "FunctionsCouncilApi",
      "FunctionsLogWorker",
      "FunctionsPublicApi",
    ]);
    for (const [, fn] of functions) {
      expect(fn.Properties).toMatchObject({
        Runtime: "nodejs22.x",
        Architectures: ["arm64"],
        TracingConfig: { Mode: "Active" },
        LoggingConfig: { LogFormat: "JSON" },
      });
    }
    const worker = dev.findResources("AWS::Lambda::Function")[functionId(dev, "LogWorker")] as Resource;
    expect(worker.Properties.ReservedConcurrentExecutions).toBe(1);
    const variables = (worker.Properties.Environment as { Variables: Record<string, unknown> }).Variables;
    expect(variables.CHAIN_CONFIRMATIONS).toBe("0");
    const prodWorker = prod.findResources("AWS::Lambda::Function")[functionId(prod, "LogWorker")] as Resource;
    const prodVariables = (prodWorker.Properties.Environment as { Variables: Record<string, unknown> }).Variables;
    expect(prodVariables.CHAIN_CONFIRMATIONS).toBe("2");
    dev.hasResourceProperties("AWS::Events::Rule", {
      ScheduleExpression: "rate(1 minute)",
      Targets: [
        Match.objectLike({
          Arn: { "Fn::GetAtt": [functionId(dev, "LogWorker"), "Arn"] },
          RetryPolicy: { MaximumRetryAttempts: 0 },
        }),
      ],
    });
  });

  it("should give each function exactly the table actions and secrets it needs, and no managed policy", () => {
    const secretRefs = (statements: { Action: string | string[]; Resource: unknown }[]) =>
      statements
        .filter((s) => json(s.Action).includes("secretsmanager"))
        .map((s) => (s.Resource as { Ref: string }).Ref.replace(/[0-9A-F]{8}$/, ""))
        .sort();
    for (const name of ["PublicApi", "CouncilApi", "LogWorker"]) {
      const statements = statementsOf(dev, functionId(dev, name));
      const table = statements.filter((s) => json(s.Action).includes("dynamodb"));
      expect(table).toHaveLength(1);
      expect([...(table[0]!.Action as string[])].sort()).toEqual([...TABLE_ACTIONS].sort());
      expect(json(table[0]!.Resource)).toMatch(/^\[\{"Fn::GetAtt":\["DataTable[0-9A-F]{8}","Arn"\]\}\]$/);
      // Wildcard resources only for X-Ray, which has no resource-level permissions.
      for (const s of statements.filter((s) => s.Resource === "*"))
        expect(json(s.Action)).toMatch(/^\["xray:[^"]+"(,"xray:[^"]+")*\]$/);
      expect(secretRefs(statements)).toEqual(
        name === "LogWorker" ? ["DataAnchorKey", "DataCodeKey", "DataLogKey"] : ["DataCodeKey", "DataLogKey"],
      );
    }
    const roles = resources(dev, "AWS::IAM::Role").filter(([id]) => id.startsWith("Functions"));
    expect(roles).toHaveLength(3);
    for (const [, role] of roles) expect(role.Properties.ManagedPolicyArns).toBeUndefined();
  });

  it("should let Secrets Manager generate every key, retained, with none in the template or the environment", () => {
    const secrets = resources(dev, "AWS::SecretsManager::Secret");
    expect(secrets).toHaveLength(3);
    for (const [, secret] of secrets) {
      expect(secret.DeletionPolicy).toBe("Retain");
      expect(secret.Properties.SecretString).toBeUndefined();
      expect(secret.Properties.GenerateSecretString).toMatchObject({ PasswordLength: 64, ExcludeUppercase: true });
    }
    const text = json(dev.toJSON());
    // No 32-byte hex value anywhere but the content hashes naming asset files.
    expect(text.match(/[0-9a-f]{64}(?!\.(zip|json)")/g)).toBeNull();
    for (const [, fn] of resources(dev, "AWS::Lambda::Function")) {
      const variables =
        (fn.Properties.Environment as { Variables?: Record<string, unknown> } | undefined)?.Variables ?? {};
      for (const [name, value] of Object.entries(variables)) {
        if (/KEY/.test(name)) {
          expect(name).toMatch(/_SECRET_ARN$/);
          expect(json(value)).toMatch(/^\{"Ref":"Data(Log|Code|Anchor)Key[0-9A-F]{8}"\}$/);
        }
      }
    }
  });

  it("should log API requests without the caller's address or user agent, and times only to the second", () => {
    for (const template of [dev, prod]) {
      const stages = resources(template, "AWS::ApiGatewayV2::Stage");
      expect(stages).toHaveLength(1);
      const settings = stages[0]![1].Properties.AccessLogSettings as { Format?: unknown };
      expect(typeof settings.Format).toBe("string");
      const format = JSON.parse(settings.Format as string) as Record<string, string>;
      expect(Object.values(format).join(" ")).not.toMatch(
        /sourceIp|userAgent|identity|requestTimeEpoch|caller|user\b/i,
      );
      expect(format).toMatchObject({
        requestId: "$context.requestId",
        routeKey: "$context.routeKey",
        status: "$context.status",
        responseLatency: "$context.responseLatency",
        requestTime: "$context.requestTime",
      });
    }
  });

  it("should serve the API with stage throttling, CORS for the site only and a Cognito JWT authorizer on council routes", () => {
    dev.hasResourceProperties("AWS::ApiGatewayV2::Stage", {
      StageName: "$default",
      AutoDeploy: true,
      DefaultRouteSettings: { ThrottlingRateLimit: 100, ThrottlingBurstLimit: 200 },
      AccessLogSettings: Match.objectLike({ DestinationArn: Match.anyValue() }),
    });
    prod.hasResourceProperties("AWS::ApiGatewayV2::Stage", {
      DefaultRouteSettings: { ThrottlingRateLimit: 500, ThrottlingBurstLimit: 1000 },
    });
    const [[, api]] = resources(dev, "AWS::ApiGatewayV2::Api") as [[string, Resource]];
    const cors = api.Properties.CorsConfiguration as { AllowOrigins: unknown[]; AllowHeaders: string[] };
    expect(json(cors.AllowOrigins)).toMatch(
      /^\[\{"Fn::Join":\["",\["https:\/\/",\{"Fn::GetAtt":\["SiteDistribution[0-9A-F]{8}","DomainName"\]\}\]\]\}\]$/,
    );
    expect(cors.AllowHeaders).toEqual(["authorization", "content-type"]);
    dev.hasResourceProperties("AWS::ApiGatewayV2::Authorizer", {
      AuthorizerType: "JWT",
      IdentitySource: ["$request.header.Authorization"],
      JwtConfiguration: { Audience: [Match.objectLike({ Ref: Match.stringLikeRegexp("^ApiCouncilAdminsSite") })] },
    });
    const routes = resources(dev, "AWS::ApiGatewayV2::Route").map(([, r]) => r.Properties);
    const council = routes.filter((r) => String(r.RouteKey).includes("/v1/council/"));
    const open = routes.filter((r) => !String(r.RouteKey).includes("/v1/council/"));
    expect(council.map((r) => r.RouteKey).sort()).toEqual([
      "GET /v1/council/{proxy+}",
      "POST /v1/council/{proxy+}",
      "PUT /v1/council/{proxy+}",
    ]);
    for (const route of council) expect(route.AuthorizationType).toBe("JWT");
    expect(open.map((r) => r.RouteKey).sort()).toEqual(["GET /v1/{proxy+}", "POST /v1/{proxy+}"]);
    for (const route of open) expect(route.AuthorizationType).toBe("NONE");
  });

  it("should keep council admins invitation-only, with an unwritable council claim and MFA required in prod", () => {
    const attribute = COUNCIL_CLAIM.replace("custom:", "");
    for (const template of [dev, prod]) {
      template.hasResourceProperties("AWS::Cognito::UserPool", {
        AdminCreateUserConfig: { AllowAdminCreateUserOnly: true },
        Schema: Match.arrayWith([Match.objectLike({ Name: attribute, AttributeDataType: "String" })]),
        Policies: { PasswordPolicy: Match.objectLike({ MinimumLength: 14, RequireSymbols: true }) },
      });
      const [[, client]] = resources(template, "AWS::Cognito::UserPoolClient") as [[string, Resource]];
      expect(client.Properties.ReadAttributes).toBeUndefined();
      expect(client.Properties.WriteAttributes).not.toContain(COUNCIL_CLAIM);
      expect(client.Properties).toMatchObject({ GenerateSecret: false, AllowedOAuthFlows: ["code"] });
    }
    dev.hasResourceProperties("AWS::Cognito::UserPool", {
      MfaConfiguration: "OPTIONAL",
      UserPoolAddOns: { AdvancedSecurityMode: "AUDIT" },
    });
    prod.hasResourceProperties("AWS::Cognito::UserPool", {
      MfaConfiguration: "ON",
      DeletionProtection: "ACTIVE",
      UserPoolAddOns: { AdvancedSecurityMode: "ENFORCED" },
    });
  });

  it("should serve the site from a private bucket through CloudFront with HTTPS, OAC and a strict CSP", () => {
    const buckets = resources(dev, "AWS::S3::Bucket").map(([, b]) => b.Properties);
    for (const bucket of buckets) {
      expect(bucket.PublicAccessBlockConfiguration).toEqual({
        BlockPublicAcls: true,
        BlockPublicPolicy: true,
        IgnorePublicAcls: true,
        RestrictPublicBuckets: true,
      });
      expect(json(bucket.BucketEncryption)).toContain("AES256");
    }
    for (const [, policy] of resources(dev, "AWS::S3::BucketPolicy")) {
      expect(json(policy.Properties.PolicyDocument)).toContain('"aws:SecureTransport":"false"');
    }
    dev.resourceCountIs("AWS::CloudFront::OriginAccessControl", 1);
    dev.hasResourceProperties("AWS::CloudFront::Distribution", {
      DistributionConfig: Match.objectLike({
        DefaultRootObject: "index.html",
        DefaultCacheBehavior: Match.objectLike({
          ViewerProtocolPolicy: "redirect-to-https",
          FunctionAssociations: [
            { EventType: "viewer-request", FunctionARN: Match.anyValue() },
            { EventType: "viewer-response", FunctionARN: Match.anyValue() },
          ],
        }),
        Logging: Match.objectLike({ Bucket: Match.anyValue() }),
      }),
    });
    // Page paths reach their files (S3 has no index documents behind CloudFront): web/lib/routes.ts.
    dev.hasResourceProperties("AWS::CloudFront::Function", {
      FunctionCode: SITE_PATH_FUNCTION_CODE,
      FunctionConfig: Match.objectLike({ Runtime: "cloudfront-js-2.0" }),
    });
    // Artifact files asked for by their hash are kept for a year by browsers (a re-vote downloads nothing).
    dev.hasResourceProperties("AWS::CloudFront::Function", {
      FunctionCode: ARTIFACT_CACHE_FUNCTION_CODE,
      FunctionConfig: Match.objectLike({ Runtime: "cloudfront-js-2.0" }),
    });
    const [[, headers]] = resources(dev, "AWS::CloudFront::ResponseHeadersPolicy") as [[string, Resource]];
    const security = (
      headers.Properties.ResponseHeadersPolicyConfig as { SecurityHeadersConfig: Record<string, unknown> }
    ).SecurityHeadersConfig;
    const csp = json((security.ContentSecurityPolicy as { ContentSecurityPolicy: unknown }).ContentSecurityPolicy);
    for (const directive of [
      "default-src 'self'",
      "script-src 'self' 'wasm-unsafe-eval'",
      "object-src 'none'",
      "frame-ancestors 'none'",
      "https://rpc.testnet.example",
    ]) {
      expect(csp).toContain(directive);
    }
    expect(csp).not.toContain("unsafe-inline");
    expect(security).toMatchObject({
      FrameOptions: { FrameOption: "DENY", Override: true },
      ContentTypeOptions: { Override: true },
      ReferrerPolicy: { ReferrerPolicy: "no-referrer", Override: true },
    });
    expect(security.StrictTransportSecurity).toMatchObject({
      AccessControlMaxAgeSec: 730 * 86400,
      IncludeSubdomains: true,
    });
  });

  it("should write the site's config.json at deploy time with the API, chain, registry and sign-in", () => {
    const [[, deployment]] = resources(dev, "Custom::CDKBucketDeployment") as [[string, Resource]];
    expect(deployment.Properties.SourceObjectKeys).toHaveLength(2);
    const markers = json(deployment.Properties.SourceMarkers);
    for (const ref of ["ApiHttpApi", "ApiCouncilAdminsSite", "ApiCouncilAdmins"]) expect(markers).toContain(ref);
    expect(json(deployment.Properties.DistributionPaths)).toBe('["/*"]');
  });

  it("should alarm on errors and throttles of each function, API 5xx and anchoring lag, to an encrypted topic", () => {
    const alarms = resources(dev, "AWS::CloudWatch::Alarm").map(([, a]) => a.Properties);
    const named = (metric: string) => alarms.filter((a) => a.MetricName === metric);
    expect(named("Errors")).toHaveLength(3);
    expect(named("Throttles")).toHaveLength(3);
    expect(named("5xx")).toHaveLength(1);
    const lag = named("AnchorLagSeconds");
    expect(lag).toEqual([
      expect.objectContaining({
        Namespace: "Bling",
        Statistic: "Maximum",
        Threshold: 1800,
        TreatMissingData: "breaching",
        Dimensions: [{ Name: "Stage", Value: "dev" }],
      }),
    ]);
    for (const alarm of alarms) expect(json(alarm.AlarmActions)).toMatch(/MonitoringAlarms[0-9A-F]{8}/);
    dev.hasResourceProperties("AWS::SNS::Topic", { KmsMasterKeyId: Match.anyValue() });
    prod.hasResourceProperties("AWS::CloudWatch::Alarm", { MetricName: "AnchorLagSeconds", Threshold: 600 });
    prod.hasResourceProperties("AWS::SNS::Subscription", { Protocol: "email", Endpoint: "ops@council.example" });
  });

  it("should output every URL and id a deployer needs", () => {
    const outputs = Object.keys(dev.findOutputs("*"));
    for (const name of [
      "SiteUrl",
      "ApiUrl",
      "CouncilSignInUrl",
      "UserPoolId",
      "UserPoolClientId",
      "TableName",
      "AnchorKeySecretArn",
      "AlarmTopicArn",
    ]) {
      expect(outputs).toContain(name);
    }
  });

  it("should be stricter in prod: retained logs and user pool, a versioned site bucket, a year of logs", () => {
    for (const [, group] of resources(prod, "AWS::Logs::LogGroup")) {
      expect(group.DeletionPolicy).toBe("Retain");
      expect(group.Properties.RetentionInDays).toBe(365);
    }
    for (const [, group] of resources(dev, "AWS::Logs::LogGroup")) expect(group.Properties.RetentionInDays).toBe(30);
    prod.hasResource("AWS::Cognito::UserPool", { DeletionPolicy: "Retain" });
    prod.hasResourceProperties("AWS::S3::Bucket", { VersioningConfiguration: { Status: "Enabled" } });
  });

  it("should pass cdk-nag's AwsSolutions checks in both stages, and fail on a finding nobody acknowledged", () => {
    expect(() => buildBling().app.synth()).not.toThrow();
    expect(() =>
      buildBling({ context: { stage: "prod", alarmEmail: "ops@council.example" } }).app.synth(),
    ).not.toThrow();
    const { app, stack } = buildBling();
    new Bucket(stack, "Unlogged");
    expect(() => app.synth()).toThrow(/AwsSolutions-S1/);
  });

  it("should refuse dev-ceremony artifacts unless the deployer allows them, and take production ones", () => {
    expect(() => buildBling({ context: { allowInsecureCeremony: "false" } })).toThrow(
      /"dev-insecure" ceremony.*allowInsecureCeremony=true/,
    );
    const production = artifactsWithCeremony("ceremony-council-2027");
    expect(() => buildBling({ context: { allowInsecureCeremony: "false" }, artifactsDir: production })).not.toThrow();
  });

  it("should refuse the dev ceremony in prod even when allowed, and a ceremony with too few contributions anywhere", () => {
    const prod = { stage: "prod", alarmEmail: "ops@council.example", allowInsecureCeremony: "true" };
    const committed = join(PROJECT_ROOT, "circuits", "artifacts");
    expect(() => buildBling({ context: prod, artifactsDir: committed })).toThrow(
      /stage=prod refuses it even with allowInsecureCeremony/,
    );
    const two = artifactsWithCeremony("ceremony-short", 2);
    expect(() => buildBling({ artifactsDir: two })).toThrow(
      /ceremony-short has 2 contributions; this deployment requires at least 3/,
    );
    expect(() => buildBling({ context: { minCeremonyContributions: "2" }, artifactsDir: two })).not.toThrow();
    const local = artifactsWithCeremony("ceremony-local", 3, "local:rehearsal");
    expect(() => buildBling({ context: prod, artifactsDir: local })).toThrow(
      /phase 1 "local:rehearsal", not a published one/,
    );
  });
});

describe("# readSettings", () => {
  const context = (values: Record<string, string>) => (key: string) => values[key];

  it("should name every missing or malformed setting at once", () => {
    expect(() => readSettings(context({}))).toThrow(/chainId.*chainRpcUrl.*registryAddress/);
    expect(() => readSettings(context({ ...BASE_CONTEXT, registryAddress: "0x12" }))).toThrow(/registryAddress/);
    expect(() => readSettings(context({ ...BASE_CONTEXT, stage: "staging" }))).toThrow(/stage/);
  });

  it("should require an alarm address in prod and allow the dev ceremony only when told", () => {
    expect(() => readSettings(context({ ...BASE_CONTEXT, stage: "prod" }))).toThrow(/alarmEmail/);
    expect(readSettings(context({ ...BASE_CONTEXT, allowInsecureCeremony: "false" })).allowInsecureCeremony).toBe(
      false,
    );
    const { allowInsecureCeremony: _unset, ...withoutFlag } = BASE_CONTEXT;
    expect(readSettings(context(withoutFlag)).allowInsecureCeremony).toBe(false);
    expect(readSettings(context(BASE_CONTEXT))).toMatchObject({
      stage: "dev",
      chainId: 11155420,
      registryDeployBlock: 1234,
    });
  });

  it("should wait for 2 confirmations of an anchor on prod and none on dev, unless told otherwise", () => {
    expect(readSettings(context(BASE_CONTEXT)).chainConfirmations).toBe(0);
    const prod = { ...BASE_CONTEXT, stage: "prod", alarmEmail: "ops@example.org" };
    expect(readSettings(context(prod)).chainConfirmations).toBe(2);
    expect(readSettings(context({ ...prod, chainConfirmations: "12" })).chainConfirmations).toBe(12);
    expect(() => readSettings(context({ ...BASE_CONTEXT, chainConfirmations: "-1" }))).toThrow(/chainConfirmations/);
  });
});
