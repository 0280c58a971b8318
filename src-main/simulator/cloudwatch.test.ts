import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CloudWatchClient, GetMetricDataCommand, type MetricDataQuery } from '@aws-sdk/client-cloudwatch';
import { startSimulator, type RunningSimulator } from './index';
import { clientConfig, sdkError, waitFor } from './test-support/helpers';

let sim: RunningSimulator;
let cw: CloudWatchClient;

beforeAll(async () => {
  sim = await startSimulator({ timings: { metricSampleMs: 20, failoverMs: 40 }, withDynamo: false, seed: 42 });
  cw = new CloudWatchClient(clientConfig(sim, { maxAttempts: 1 }));
});
afterAll(async () => {
  cw?.destroy();
  await sim?.close();
});

const q = (id: string, metric: string, stat: string, dims: Record<string, string>, period = 1): MetricDataQuery => ({
  Id: id,
  MetricStat: {
    Metric: {
      Namespace: 'AWS/MediaConnect',
      MetricName: metric,
      Dimensions: Object.entries(dims).map(([Name, Value]) => ({ Name, Value })),
    },
    Period: period,
    Stat: stat,
  },
});

const get = (queries: MetricDataQuery[], sinceMs = 120_000) =>
  cw.send(
    new GetMetricDataCommand({
      StartTime: new Date(Date.now() - sinceMs),
      EndTime: new Date(Date.now() + 1000),
      MetricDataQueries: queries,
    }),
  );

describe('CloudWatch GetMetricData (JSON 1.0, query-compatible)', () => {
  it('returns realistic source metrics, per source and per flow, newest first', async () => {
    const flow = sim.topology.flowArn;
    const [main, backup] = sim.control.state().sources;
    await waitFor(
      () => sim.control.state(),
      () => true,
    );
    await new Promise((r) => setTimeout(r, 1200));
    const res = await get([
      q('mainbr', 'SourceBitRate', 'Average', { FlowARN: flow, SourceARN: main!.sourceArn }),
      q('backupbr', 'SourceBitRate', 'Average', { FlowARN: flow, SourceARN: backup!.sourceArn }),
      q('flowconn', 'SourceConnected', 'Minimum', { FlowARN: flow }),
      q('loss', 'SourcePacketLossPercent', 'Average', { FlowARN: flow, SourceARN: main!.sourceArn }, 60),
      q('count', 'SourceTotalPackets', 'SampleCount', { FlowARN: flow }, 60),
      q('lat', 'SourceLatency', 'Maximum', { FlowARN: flow }, 60),
    ]);
    const byId = new Map(res.MetricDataResults?.map((r) => [r.Id, r]));
    const mainBr = byId.get('mainbr')!;
    expect(mainBr.StatusCode).toBe('Complete');
    expect(mainBr.Values!.length).toBeGreaterThan(0);
    for (const v of mainBr.Values!) expect(v).toBeGreaterThan(5_900_000);
    for (const v of mainBr.Values!) expect(v).toBeLessThan(6_500_000);
    const bAvg = byId.get('backupbr')!.Values!.reduce((a, b) => a + b, 0) / byId.get('backupbr')!.Values!.length;
    expect(bAvg).toBeGreaterThan(5_900_000);
    expect(bAvg).toBeLessThan(6_300_000);
    const ts = mainBr.Timestamps!.map((t) => t.getTime());
    expect([...ts].sort((a, b) => b - a)).toEqual(ts); // TimestampDescending
    expect(byId.get('flowconn')!.Values!.every((v) => v === 1)).toBe(true);
    const loss = byId.get('loss')!.Values![0]!;
    expect(loss).toBeGreaterThanOrEqual(0);
    expect(loss).toBeLessThan(0.1);
    expect(byId.get('count')!.Values![0]).toBeGreaterThan(10);
    expect(byId.get('lat')!.Values![0]).toBeGreaterThanOrEqual(200);
  });

  it('unknown metric and wrong dimensions give empty results, not errors', async () => {
    const res = await get([
      q('nohealth', 'SourceHealth', 'Average', { FlowARN: sim.topology.flowArn }),
      q('otherflow', 'SourceBitRate', 'Average', {
        FlowARN: 'arn:aws:mediaconnect:us-east-1:123456789012:flow:1-x:other',
      }),
    ]);
    for (const r of res.MetricDataResults!) expect([r.Values, r.Timestamps]).toEqual([[], []]);
  });

  it('a lost source reports SourceConnected 0 and bitrate 0; a stopped flow reports no data', async () => {
    const flow = sim.topology.flowArn;
    const backupArn = sim.control.state().sources[1]!.sourceArn;
    sim.control.loseSource('backup');
    const since = Date.now();
    await new Promise((r) => setTimeout(r, 200));
    const res = await cw.send(
      new GetMetricDataCommand({
        StartTime: new Date(since + 50),
        EndTime: new Date(Date.now() + 1000),
        MetricDataQueries: [
          q('conn', 'SourceConnected', 'Maximum', { FlowARN: flow, SourceARN: backupArn }),
          q('br', 'SourceBitRate', 'Maximum', { FlowARN: flow, SourceARN: backupArn }),
          q('disc', 'SourceDisconnections', 'Sum', { FlowARN: flow, SourceARN: backupArn }, 3600),
        ],
        ScanBy: 'TimestampAscending',
      }),
    );
    const [conn, br] = res.MetricDataResults!;
    expect(conn!.Values!.length).toBeGreaterThan(0);
    expect(conn!.Values!.every((v) => v === 0)).toBe(true);
    expect(br!.Values!.every((v) => v === 0)).toBe(true);
    sim.control.restoreSource('backup');

    // flow STANDBY: nothing is published -> empty Values (never zeros)
    sim.control.setTimings({ flowStopMs: 10, flowStartMs: 10 });
    sim.control.stopFlow();
    await waitFor(
      () => sim.control.state().flow.status,
      (s) => s === 'STANDBY',
    );
    const quietFrom = Date.now() + 30;
    await new Promise((r) => setTimeout(r, 150));
    const none = await cw.send(
      new GetMetricDataCommand({
        StartTime: new Date(quietFrom),
        EndTime: new Date(Date.now()),
        MetricDataQueries: [q('c', 'SourceConnected', 'Average', { FlowARN: flow })],
      }),
    );
    expect(none.MetricDataResults![0]!.Values).toEqual([]);
    sim.control.startFlow();
    await waitFor(
      () => sim.control.state().flow.status,
      (s) => s === 'ACTIVE',
    );
  });

  it('packet loss ramps and bitrate overrides show in the metrics', async () => {
    const flow = sim.topology.flowArn;
    const mainArn = sim.control.state().sources[0]!.sourceArn;
    sim.control.rampPacketLoss('main', { toPercent: 20, overMs: 0 });
    sim.control.setBitrate('main', 3_000_000);
    const from = Date.now();
    await new Promise((r) => setTimeout(r, 300));
    const res = await cw.send(
      new GetMetricDataCommand({
        StartTime: new Date(from + 30),
        EndTime: new Date(Date.now() + 1000),
        MetricDataQueries: [
          q('loss', 'SourcePacketLossPercent', 'Average', { FlowARN: flow, SourceARN: mainArn }, 3600),
          q('br', 'SourceBitRate', 'Average', { FlowARN: flow, SourceARN: mainArn }, 3600),
          q('nr', 'SourceNotRecoveredPackets', 'Sum', { FlowARN: flow, SourceARN: mainArn }, 3600),
        ],
      }),
    );
    const [loss, br, nr] = res.MetricDataResults!;
    expect(loss!.Values![0]).toBeGreaterThan(2);
    expect(br!.Values![0]).toBeGreaterThan(2_800_000);
    expect(br!.Values![0]).toBeLessThan(3_200_000);
    expect(nr!.Values![0]).toBeGreaterThan(0);
    sim.control.rampPacketLoss('main', { toPercent: 0.01, overMs: 0 });
    sim.control.setBitrate('main', null);
  });

  it('maps injected faults to the query-compatible error codes', async () => {
    sim.control.addFault({ service: 'cloudwatch', kind: 'throttle', count: 1 });
    const t = await sdkError(get([q('a', 'SourceBitRate', 'Average', { FlowARN: sim.topology.flowArn })]));
    expect([t.name, t.$metadata.httpStatusCode, t['Code']]).toEqual(['Throttling', 400, 'Throttling']);
    sim.control.addFault({ service: 'cloudwatch', kind: 'server-error', count: 1 });
    const s = await sdkError(get([q('a', 'SourceBitRate', 'Average', { FlowARN: sim.topology.flowArn })]));
    expect([s.name, s.$metadata.httpStatusCode]).toEqual(['InternalServiceFault', 500]);
    sim.control.addFault({ service: 'cloudwatch', kind: 'access-denied', count: 1 });
    const a = await sdkError(get([q('a', 'SourceBitRate', 'Average', { FlowARN: sim.topology.flowArn })]));
    expect([a.name, a.$metadata.httpStatusCode]).toEqual(['AccessDenied', 403]);
    const ok = await get([q('a', 'SourceBitRate', 'Average', { FlowARN: sim.topology.flowArn })]);
    expect(ok.$metadata.httpStatusCode).toBe(200);
  });
});
