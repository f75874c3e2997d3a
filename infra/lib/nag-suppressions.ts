/**
 * cdk-nag findings that are deliberate, each acknowledged where it arises with the reason. Anything
 * not listed here fails synthesis.
 */
import { Stack, Token, Validations } from "aws-cdk-lib";
import type { IConstruct } from "constructs";
import type { BlingApi } from "./api";
import type { BlingData } from "./data";
import type { BlingFunctions } from "./functions";
import type { StageSettings } from "./settings";
import type { BlingSite } from "./site";

function acknowledge(scope: IConstruct, ids: string[], reason: string): void {
  for (const id of ids) Validations.of(scope).acknowledge({ id, reason });
}

export interface BlingParts {
  settings: StageSettings;
  data: BlingData;
  functions: BlingFunctions;
  api: BlingApi;
  site: BlingSite;
}

export function acknowledgeFindings(stack: Stack, parts: BlingParts): void {
  const { data, functions, api, site, settings } = parts;
  for (const fn of [functions.publicApi, functions.councilApi, functions.logWorker]) {
    acknowledge(
      fn,
      ["AwsSolutions-L1"],
      "Node.js 22 is the runtime BLING pins and tests its bundles against; it moves with the project, not with each release.",
    );
    acknowledge(
      fn.role ?? fn,
      ["AwsSolutions-IAM5[Resource::*]"],
      "X-Ray's PutTraceSegments and PutTelemetryRecords have no resource-level permissions; every other grant names its table or secret.",
    );
  }
  acknowledge(
    data,
    ["AwsSolutions-SMG4"],
    "The log key is pinned in every opened referendum's spec and the anchor key is registered on chain: rotating either is a planned procedure (README), never an automatic one.",
  );
  for (const route of api.api.node.findAll().filter((c) => /^(GET|POST)--v1--\{proxy\+\}$/.test(c.node.id))) {
    acknowledge(
      route,
      ["AwsSolutions-APIG4"],
      "The public API is public by design (citizens vote anonymously, observers read); council routes use the Cognito JWT authorizer.",
    );
  }
  if (settings.stage !== "prod") {
    acknowledge(api.userPool, ["AwsSolutions-COG2"], "MFA is optional in dev stacks; prod requires it.");
  }
  acknowledge(
    site.distribution,
    ["AwsSolutions-CFR4"],
    "The default *.cloudfront.net certificate is used until a custom domain with its own certificate (TLSv1.2_2021) is configured.",
  );
  acknowledge(
    site.distribution,
    ["AwsSolutions-CFR1"],
    "Citizens vote from wherever they are (abroad too): no geographic restriction.",
  );
  acknowledge(
    site.distribution,
    ["AwsSolutions-CFR2"],
    "The distribution serves only static files; the API has its own throttling. A WAF web ACL (us-east-1) can be attached by the operator.",
  );
  acknowledgeBucketDeployment(stack, site);
}

/** The CDK-managed Lambda that copies the site into its bucket: its role and runtime are CDK's. */
function acknowledgeBucketDeployment(stack: Stack, site: BlingSite): void {
  const region = Token.isUnresolved(stack.region) ? "<AWS::Region>" : stack.region;
  const account = Token.isUnresolved(stack.account) ? "<AWS::AccountId>" : stack.account;
  const bucketArn = `<${stack.getLogicalId(site.bucket.node.defaultChild as never)}.Arn>`;
  for (const handler of stack.node.children.filter((c) => c.node.id.startsWith("Custom::CDKBucketDeployment"))) {
    const reason =
      "CDK's own BucketDeployment handler: its runtime, managed policy and asset-bucket grants are set by aws-cdk-lib.";
    acknowledge(handler, ["AwsSolutions-L1"], reason);
    acknowledge(
      handler,
      ["AwsSolutions-IAM4[Policy::arn:<AWS::Partition>:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole]"],
      reason,
    );
    acknowledge(
      handler,
      [
        "AwsSolutions-IAM5[Action::s3:GetObject*]",
        "AwsSolutions-IAM5[Action::s3:GetBucket*]",
        "AwsSolutions-IAM5[Action::s3:List*]",
        "AwsSolutions-IAM5[Action::s3:DeleteObject*]",
        "AwsSolutions-IAM5[Action::s3:Abort*]",
        "AwsSolutions-IAM5[Resource::*]",
        `AwsSolutions-IAM5[Resource::${bucketArn}/*]`,
        `AwsSolutions-IAM5[Resource::arn:<AWS::Partition>:s3:::cdk-hnb659fds-assets-${account}-${region}/*]`,
      ],
      reason,
    );
  }
}
