/**
 * Alarms that page whoever runs the deployment: handler errors, throttles, API server errors, and
 * anchoring that lags (or a worker that stopped reporting, which is treated the same).
 */
import { Duration } from "aws-cdk-lib";
import type { HttpApi } from "aws-cdk-lib/aws-apigatewayv2";
import { Alarm, ComparisonOperator, Metric, TreatMissingData, type IMetric } from "aws-cdk-lib/aws-cloudwatch";
import { SnsAction } from "aws-cdk-lib/aws-cloudwatch-actions";
import type { IFunction } from "aws-cdk-lib/aws-lambda";
import { Topic } from "aws-cdk-lib/aws-sns";
import { EmailSubscription } from "aws-cdk-lib/aws-sns-subscriptions";
import { ServicePrincipal } from "aws-cdk-lib/aws-iam";
import { Key } from "aws-cdk-lib/aws-kms";
import { Construct } from "constructs";
import { ANCHOR_LAG_METRIC, METRIC_NAMESPACE } from "../../functions/lambda/metrics";
import type { StageSettings } from "./settings";

export interface BlingMonitoringProps {
  settings: StageSettings;
  functions: Record<string, IFunction>;
  api: HttpApi;
}

export class BlingMonitoring extends Construct {
  readonly topic: Topic;
  readonly alarms: Alarm[] = [];

  constructor(scope: Construct, id: string, props: BlingMonitoringProps) {
    super(scope, id);
    const { settings } = props;
    const key = new Key(this, "TopicKey", { enableKeyRotation: true, description: "BLING alarm topic" });
    this.topic = new Topic(this, "Alarms", {
      displayName: `BLING ${settings.stage} alarms`,
      masterKey: key,
      enforceSSL: true,
    });
    if (settings.alarmEmail) this.topic.addSubscription(new EmailSubscription(settings.alarmEmail));
    // CloudWatch publishes to the encrypted topic with this key.
    key.grantEncryptDecrypt(new ServicePrincipal("cloudwatch.amazonaws.com"));

    const alarm = (
      name: string,
      metric: IMetric,
      threshold: number,
      description: string,
      missing = TreatMissingData.NOT_BREACHING,
    ) => {
      const created = new Alarm(this, name, {
        metric,
        threshold,
        evaluationPeriods: 1,
        comparisonOperator: ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD,
        treatMissingData: missing,
        alarmDescription: description,
      });
      created.addAlarmAction(new SnsAction(this.topic));
      this.alarms.push(created);
      return created;
    };
    const fiveMinutes = { period: Duration.minutes(5) };
    for (const [name, fn] of Object.entries(props.functions)) {
      alarm(`${name}Errors`, fn.metricErrors(fiveMinutes), 1, `${name} Lambda failed (an unhandled error or timeout).`);
      alarm(`${name}Throttles`, fn.metricThrottles(fiveMinutes), 1, `${name} Lambda was throttled.`);
    }
    alarm("ApiServerErrors", props.api.metricServerError(fiveMinutes), 5, "The API answered 5xx.");
    alarm(
      "AnchoringLag",
      new Metric({
        namespace: METRIC_NAMESPACE,
        metricName: ANCHOR_LAG_METRIC,
        dimensionsMap: { Stage: settings.stage },
        statistic: "Maximum",
        period: Duration.minutes(5),
      }),
      settings.anchorLagAlarmSeconds,
      "Signed log heads wait for the chain too long, or the log worker stopped reporting.",
      TreatMissingData.BREACHING,
    );
  }
}
