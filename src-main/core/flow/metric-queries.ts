import {
  ListMetricsCommand,
  type CloudWatchClient,
  type MetricDataQuery,
  type MetricDataResult,
} from '@aws-sdk/client-cloudwatch';
import type { SourceDimensionSet } from '../../../shared/domain/flow';
import type { MetricKey } from '../../../shared/domain/flow';

const MEDIACONNECT_NAMESPACE = 'AWS/MediaConnect';

/**
 * One row per source metric the console reads: its CloudWatch name, the statistic that answers
 * the operator's question for one period, and the console's key. Counters are summed (packets
 * per period); SourceConnected takes the Minimum so that one disconnected sample in a period
 * shows as disconnected; SourceUptime the Maximum (the latest value in the period).
 */
export const SOURCE_METRIC_TABLE: ReadonlyArray<{
  key: MetricKey;
  metricName: string;
  stat: 'Average' | 'Sum' | 'Minimum' | 'Maximum';
}> = [
  { key: 'connected', metricName: 'SourceConnected', stat: 'Minimum' },
  { key: 'bitrateBps', metricName: 'SourceBitRate', stat: 'Average' },
  { key: 'packetLossPercent', metricName: 'SourcePacketLossPercent', stat: 'Average' },
  { key: 'notRecoveredPackets', metricName: 'SourceNotRecoveredPackets', stat: 'Sum' },
  { key: 'recoveredPackets', metricName: 'SourceRecoveredPackets', stat: 'Sum' },
  { key: 'arqRequests', metricName: 'SourceARQRequests', stat: 'Sum' },
  { key: 'jitterMs', metricName: 'SourceJitter', stat: 'Average' },
  { key: 'latencyMs', metricName: 'SourceLatency', stat: 'Average' },
  { key: 'disconnections', metricName: 'SourceDisconnections', stat: 'Sum' },
  // Not in the list, but the only honest source of "time connected".
  { key: 'uptimeSec', metricName: 'SourceUptime', stat: 'Maximum' },
];

export interface MetricSourceRef {
  name: string;
  sourceArn: string;
}

/** Query ids must start with a lower-case letter; `s<index>_<key>` maps each answer back. */
const queryId = (sourceIndex: number, key: MetricKey): string => `s${sourceIndex}_${key}`;

/**
 * Every metric of every source in ONE GetMetricData request. MediaConnect publishes each source metric per Source
 * ARN, and separately per Flow ARN for the source that feeds (which cannot tell main from backup); in CloudWatch the
 * dimension set is part of the metric's identity, so a set that is not published returns no data. The set is the one
 * ListMetrics found (see discoverSourceDimensions), {SourceARN} alone as documented:
 * https://docs.aws.amazon.com/mediaconnect/latest/ug/monitor-with-cloudwatch-metrics-source-health.html
 */
export function buildSourceQueries(
  flowArn: string,
  sources: MetricSourceRef[],
  periodSec: number,
  dimensions: SourceDimensionSet = 'SourceARN',
): MetricDataQuery[] {
  const queries: MetricDataQuery[] = [];
  sources.forEach((source, index) => {
    for (const row of SOURCE_METRIC_TABLE) {
      queries.push({
        Id: queryId(index, row.key),
        MetricStat: {
          Metric: {
            Namespace: MEDIACONNECT_NAMESPACE,
            MetricName: row.metricName,
            Dimensions: [
              ...(dimensions === 'FlowARN+SourceARN' ? [{ Name: 'FlowARN', Value: flowArn }] : []),
              { Name: 'SourceARN', Value: source.sourceArn },
            ],
          },
          Period: periodSec,
          Stat: row.stat,
        },
        ReturnData: true,
      });
    }
  });
  return queries;
}

export interface ParsedSeries {
  source: string;
  metric: MetricKey;
  points: Array<[number, number]>;
  /** CloudWatch said the answer is partial (PartialData): more pages exist. */
  partial: boolean;
}

/** Maps GetMetricData results back to (source, metric) series, oldest point first. */
export function parseSourceResults(sources: MetricSourceRef[], results: MetricDataResult[]): ParsedSeries[] {
  const byId = new Map(results.map((r) => [r.Id ?? '', r]));
  const out: ParsedSeries[] = [];
  sources.forEach((source, index) => {
    for (const row of SOURCE_METRIC_TABLE) {
      const result = byId.get(queryId(index, row.key));
      const times = result?.Timestamps ?? [];
      const values = result?.Values ?? [];
      const points: Array<[number, number]> = [];
      for (let i = 0; i < Math.min(times.length, values.length); i++) {
        const t = times[i];
        const v = values[i];
        if (t instanceof Date && typeof v === 'number' && Number.isFinite(v)) points.push([t.getTime(), v]);
      }
      points.sort((a, b) => a[0] - b[0]);
      out.push({ source: source.name, metric: row.key, points, partial: result?.StatusCode === 'PartialData' });
    }
  });
  return out;
}

/**
 * Which dimension set the account really has for these sources' metrics: ListMetrics for one source metric of the
 * sources, {SourceARN} alone when it is there (what AWS documents), {FlowARN, SourceARN} when only that is, and the
 * documented {SourceARN} when neither is listed yet (ListMetrics shows a metric only once it has data).
 */
export async function discoverSourceDimensions(
  cloudwatch: CloudWatchClient,
  sources: MetricSourceRef[],
): Promise<{ dimensions: SourceDimensionSet; listed: boolean }> {
  const arns = new Set(sources.map((s) => s.sourceArn));
  const out = await cloudwatch.send(
    new ListMetricsCommand({
      Namespace: MEDIACONNECT_NAMESPACE,
      MetricName: 'SourceBitRate',
      Dimensions: [{ Name: 'SourceARN' }],
    }),
  );
  const sets = (out.Metrics ?? [])
    .filter((m) => m.Dimensions?.some((d) => d.Name === 'SourceARN' && arns.has(d.Value ?? '')))
    .map((m) =>
      (m.Dimensions ?? [])
        .map((d) => d.Name ?? '')
        .sort()
        .join('+'),
    );
  if (sets.includes('SourceARN')) return { dimensions: 'SourceARN', listed: true };
  if (sets.includes('FlowARN+SourceARN')) return { dimensions: 'FlowARN+SourceARN', listed: true };
  return { dimensions: 'SourceARN', listed: false };
}

const MERGE_ACTIVE_ID = 'flow_mergeActive';

/**
 * MergeActive, published per Flow ARN: 1 when every source is merged, 0 when at least one is not ("AWS Elemental
 * MediaConnect metrics to monitor flow health",
 * https://docs.aws.amazon.com/mediaconnect/latest/ug/monitor-with-cloudwatch-metrics-flow-health.html). Minimum, so
 * that one unmerged sample in a period shows as 0. Only asked for in MERGE mode, where it applies.
 */
export function buildMergeActiveQuery(flowArn: string, periodSec: number): MetricDataQuery {
  return {
    Id: MERGE_ACTIVE_ID,
    MetricStat: {
      Metric: {
        Namespace: MEDIACONNECT_NAMESPACE,
        MetricName: 'MergeActive',
        Dimensions: [{ Name: 'FlowARN', Value: flowArn }],
      },
      Period: periodSec,
      Stat: 'Minimum',
    },
    ReturnData: true,
  };
}

/** The newest MergeActive value of an answer, or null when CloudWatch had none. */
export function parseMergeActive(results: MetricDataResult[]): { at: number; value: number } | null {
  const result = results.find((r) => r.Id === MERGE_ACTIVE_ID);
  let newest: { at: number; value: number } | null = null;
  const times = result?.Timestamps ?? [];
  const values = result?.Values ?? [];
  for (let i = 0; i < Math.min(times.length, values.length); i++) {
    const t = times[i];
    const v = values[i];
    if (t instanceof Date && typeof v === 'number' && Number.isFinite(v) && (!newest || t.getTime() > newest.at))
      newest = { at: t.getTime(), value: v };
  }
  return newest;
}
