/** The log worker's CloudWatch metrics (embedded metric format): the alarms in infra/ watch these names. */
export const METRIC_NAMESPACE = "Bling";
export const ANCHOR_LAG_METRIC = "AnchorLagSeconds";

export interface WorkerRun {
  integrated: number;
  anchorFailures: number;
  lagSeconds: number;
}

/** One embedded-metric line, written to stdout as is so Lambda's JSON log format keeps it whole. */
export function emitMetrics(stage: string, run: WorkerRun): void {
  const line = {
    _aws: {
      Timestamp: Date.now(),
      CloudWatchMetrics: [
        {
          Namespace: METRIC_NAMESPACE,
          Dimensions: [["Stage"]],
          Metrics: [
            { Name: ANCHOR_LAG_METRIC, Unit: "Seconds" },
            { Name: "AnchorFailures", Unit: "Count" },
            { Name: "BallotsIntegrated", Unit: "Count" },
          ],
        },
      ],
    },
    Stage: stage,
    [ANCHOR_LAG_METRIC]: run.lagSeconds,
    AnchorFailures: run.anchorFailures,
    BallotsIntegrated: run.integrated,
  };
  process.stdout.write(`${JSON.stringify(line)}\n`);
}
