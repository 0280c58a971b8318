import { CloudWatchClient, GetMetricDataCommand, ListMetricsCommand } from '@aws-sdk/client-cloudwatch';
import { describe, expect, it } from 'vitest';
import { countMetricsRequested } from './metrics-requested';

/** A client that answers every command itself, after the counter has seen it: nothing leaves the process. */
function offlineClient() {
  const client = new CloudWatchClient({
    region: 'us-east-1',
    credentials: { accessKeyId: 'test', secretAccessKey: 'test' },
  });
  client.middlewareStack.add(() => async () => ({ output: { $metadata: {} }, response: {} }), {
    step: 'initialize',
    priority: 'low',
    name: 'answerOffline',
  });
  return client;
}

const query = (id: string) => ({
  Id: id,
  MetricStat: {
    Metric: { Namespace: 'AWS/MediaConnect', MetricName: 'SourceBitRate' },
    Period: 5,
    Stat: 'Average',
  },
});

describe('metrics requested', () => {
  it('counts the metrics of every GetMetricData request, and nothing for other calls', async () => {
    const client = offlineClient();
    const counted: number[] = [];
    countMetricsRequested(client, (n) => counted.push(n));
    const window = { StartTime: new Date(0), EndTime: new Date(60_000) };
    await client.send(new GetMetricDataCommand({ ...window, MetricDataQueries: [query('a'), query('b'), query('c')] }));
    await client.send(new GetMetricDataCommand({ ...window, MetricDataQueries: [query('a')] }));
    await client.send(new ListMetricsCommand({ Namespace: 'AWS/MediaConnect' }));
    expect(counted).toEqual([3, 1]);
  });
});
