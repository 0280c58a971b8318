import type { MetricDataQuery, MetricDataResult } from '@aws-sdk/client-cloudwatch';
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
 * Every metric of every source in ONE GetMetricData request, with the dimensions MediaConnect
 * publishes per source: {FlowARN, SourceARN}. (FlowARN alone is the flow-level series of
 * whichever source feeds, which cannot tell main from backup.)
 */
export function buildSourceQueries(flowArn: string, sources: MetricSourceRef[], periodSec: number): MetricDataQuery[] {
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
              { Name: 'FlowARN', Value: flowArn },
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
