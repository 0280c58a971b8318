import type { CloudWatchClient, Metric } from '@aws-sdk/client-cloudwatch';
import { describe, expect, it } from 'vitest';
import { buildSourceQueries, discoverSourceDimensions } from './metric-queries';

const sources = [
  { name: 'main', sourceArn: 'arn:aws:mediaconnect:us-east-1:111122223333:source:1-a:main' },
  { name: 'backup', sourceArn: 'arn:aws:mediaconnect:us-east-1:111122223333:source:1-b:backup' },
];
const flowArn = 'arn:aws:mediaconnect:us-east-1:111122223333:flow:1-f:booth';
const listing = (metrics: Metric[]) => ({ send: async () => ({ Metrics: metrics }) }) as unknown as CloudWatchClient;
const dims = (...pairs: Array<[string, string]>) => pairs.map(([Name, Value]) => ({ Name, Value }));

describe('which dimension set the source metrics have', () => {
  it('takes {SourceARN} when ListMetrics shows it', async () => {
    const cw = listing([{ MetricName: 'SourceBitRate', Dimensions: dims(['SourceARN', sources[0]!.sourceArn]) }]);
    expect(await discoverSourceDimensions(cw, sources)).toEqual({ dimensions: 'SourceARN', listed: true });
  });

  it('falls back to {FlowARN, SourceARN} when only that set exists for these sources', async () => {
    const cw = listing([
      { MetricName: 'SourceBitRate', Dimensions: dims(['FlowARN', flowArn], ['SourceARN', sources[1]!.sourceArn]) },
      { MetricName: 'SourceBitRate', Dimensions: dims(['SourceARN', 'arn:aws:mediaconnect:other-source']) },
    ]);
    expect(await discoverSourceDimensions(cw, sources)).toEqual({ dimensions: 'FlowARN+SourceARN', listed: true });
  });

  it('queries the documented {SourceARN} when nothing is listed yet, and says so', async () => {
    expect(await discoverSourceDimensions(listing([]), sources)).toEqual({ dimensions: 'SourceARN', listed: false });
  });

  it('builds the queries with the set chosen', () => {
    const bySource = buildSourceQueries(flowArn, sources, 5);
    const both = buildSourceQueries(flowArn, sources, 5, 'FlowARN+SourceARN');
    expect(bySource[0]?.MetricStat?.Metric?.Dimensions).toEqual(dims(['SourceARN', sources[0]!.sourceArn]));
    expect(both[0]?.MetricStat?.Metric?.Dimensions).toEqual(
      dims(['FlowARN', flowArn], ['SourceARN', sources[0]!.sourceArn]),
    );
  });
});
