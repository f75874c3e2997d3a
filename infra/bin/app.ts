/**
 * The CDK app (`npx cdk synth` / `npx cdk deploy`): settings from context, every non-dev ceremony's
 * transcript re-verified before anything is built (snarkjs is async; constructs are not), every
 * resource checked by cdk-nag's AwsSolutions rules.
 */
import { App, Validations } from "aws-cdk-lib";
import { AwsSolutionsChecks } from "cdk-nag";
import { join } from "node:path";
import { SERVICE_CIRCUITS } from "../../protocol/service-circuits";
import { BlingStack } from "../lib/bling-stack";
import { requireVerifiedCeremony } from "../lib/ceremony-transcript";
import { readSettings } from "../lib/settings";

async function main(): Promise<void> {
  const app = new App();
  const settings = readSettings((key) => app.node.tryGetContext(key));
  const projectRoot = join(__dirname, "..", "..");
  for (const circuit of SERVICE_CIRCUITS) {
    await requireVerifiedCeremony(join(projectRoot, "circuits", "artifacts"), circuit, {
      stage: settings.stage,
      allowInsecure: settings.allowInsecureCeremony,
      minContributions: settings.minCeremonyContributions,
      transcripts: settings.ceremonyTranscripts,
    });
  }
  new BlingStack(app, `Bling-${settings.stage}`, {
    settings,
    projectRoot,
    description: `BLING e-voting service (${settings.stage})`,
    env: { account: process.env.CDK_DEFAULT_ACCOUNT, region: process.env.CDK_DEFAULT_REGION },
  });
  Validations.of(app).addPlugins(new AwsSolutionsChecks(app, { verbose: true }));
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : String(error));
  process.exitCode = 1;
});
