/**
 * The CDK app (`npx cdk synth` / `npx cdk deploy`): settings from context, every resource checked
 * by cdk-nag's AwsSolutions rules.
 */
import { App, Validations } from "aws-cdk-lib";
import { AwsSolutionsChecks } from "cdk-nag";
import { join } from "node:path";
import { BlingStack } from "../lib/bling-stack";
import { readSettings } from "../lib/settings";

const app = new App();
const settings = readSettings((key) => app.node.tryGetContext(key));
new BlingStack(app, `Bling-${settings.stage}`, {
  settings,
  projectRoot: join(__dirname, "..", ".."),
  description: `BLING e-voting service (${settings.stage})`,
  env: { account: process.env.CDK_DEFAULT_ACCOUNT, region: process.env.CDK_DEFAULT_REGION },
});
Validations.of(app).addPlugins(new AwsSolutionsChecks(app, { verbose: true }));
