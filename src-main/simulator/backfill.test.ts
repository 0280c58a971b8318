import { CloudWatchClient, GetMetricDataCommand } from '@aws-sdk/client-cloudwatch';
import { afterEach, describe, expect, it } from 'vitest';
import { startSimulator, type RunningSimulator } from './index';

let sim: RunningSimulator | null = null;
afterEach(async () => {
  await sim?.close();
  sim = null;
});

async function bitratePoints(s: RunningSimulator, minutes: number): Promise<number> {
  const cw = new CloudWatchClient({
    region: s.region,
    endpoint: s.endpoint,
    credentials: { accessKeyId: 'sim', secretAccessKey: 'sim' },
  });
  const now = new Date();
  const out = await cw.send(
    new GetMetricDataCommand({
      StartTime: new Date(now.getTime() - minutes * 60_000),
      EndTime: now,
      MetricDataQueries: [
        {
          Id: 'b',
          MetricStat: {
            Metric: {
              Namespace: 'AWS/MediaConnect',
              MetricName: 'SourceBitRate',
              Dimensions: [{ Name: 'FlowARN', Value: s.topology.flowArn }],
            },
            Period: 60,
            Stat: 'Average',
          },
        },
      ],
    }),
  );
  cw.destroy();
  return out.MetricDataResults?.[0]?.Values?.length ?? 0;
}

describe('rehearsal history', () => {
  it('starts with fifteen minutes of SRT signal when asked, and empty otherwise', async () => {
    sim = await startSimulator({ backfillHistoryMs: 15 * 60_000, withDynamo: false });
    expect(await bitratePoints(sim, 15)).toBeGreaterThanOrEqual(14);
    await sim.close();
    sim = await startSimulator({ withDynamo: false });
    expect(await bitratePoints(sim, 15)).toBeLessThanOrEqual(1);
  });

  it('does not invent history for a flow that is in STANDBY', async () => {
    sim = await startSimulator({ backfillHistoryMs: 15 * 60_000, withDynamo: false, flowInitiallyActive: false });
    expect(await bitratePoints(sim, 15)).toBe(0);
  });
});
