import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  CloudWatchClient,
  GetMetricDataCommand,
  ListMetricsCommand,
  type MetricDataQuery,
} from '@aws-sdk/client-cloudwatch';
import { ManualClock } from '../core/test-support/manual-clock';
import { MediaConnectClient, UpdateFlowCommand } from '@aws-sdk/client-mediaconnect';
import { startSimulator, type RunningSimulator } from './index';
import { clientConfig, sdkError } from './test-support/helpers';

const SAMPLE_MS = 20;
let sim: RunningSimulator;
let cw: CloudWatchClient;
// The samples follow this clock: a test moves it and knows exactly which samples exist.
let clock: ManualClock;

beforeEach(async () => {
  clock = new ManualClock();
  sim = await startSimulator({
    timings: { metricSampleMs: SAMPLE_MS, failoverMs: 40 },
    withDynamo: false,
    seed: 42,
    clock,
  });
  cw = new CloudWatchClient(clientConfig(sim, { maxAttempts: 1 }));
});
afterEach(async () => {
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
      StartTime: new Date(clock.now() - sinceMs),
      EndTime: new Date(clock.now() + 1000),
      MetricDataQueries: queries,
    }),
  );

describe('CloudWatch GetMetricData (JSON 1.0, query-compatible)', () => {
  it('returns realistic source metrics, per source and per flow, newest first', async () => {
    const flow = sim.topology.flowArn;
    const [main, backup] = sim.control.state().sources;
    // 60 samples, 49 in the first second (at 20..980 ms) and 11 in the next (1000..1200 ms).
    await clock.advance(1200);
    const res = await get([
      q('mainbr', 'SourceBitRate', 'Average', { SourceARN: main!.sourceArn }),
      q('backupbr', 'SourceBitRate', 'Average', { SourceARN: backup!.sourceArn }),
      q('flowconn', 'SourceConnected', 'Minimum', { FlowARN: flow }),
      q('loss', 'SourcePacketLossPercent', 'Average', { SourceARN: main!.sourceArn }, 60),
      q('count', 'SourceTotalPackets', 'SampleCount', { FlowARN: flow }, 60),
      q('lat', 'SourceLatency', 'Maximum', { FlowARN: flow }, 60),
    ]);
    expect(res.MetricDataResults!.map((r) => r.Id)).toEqual(['mainbr', 'backupbr', 'flowconn', 'loss', 'count', 'lat']);
    const byId = new Map(res.MetricDataResults?.map((r) => [r.Id, r]));
    const mainBr = byId.get('mainbr')!;
    expect(mainBr.StatusCode).toBe('Complete');
    // One datapoint per 1 s period that has samples; per 60 s period, one in all.
    expect(mainBr.Values).toHaveLength(2);
    expect(mainBr.Timestamps).toHaveLength(2);
    for (const id of ['backupbr', 'flowconn']) expect(byId.get(id)!.Values, id).toHaveLength(2);
    for (const id of ['loss', 'count', 'lat']) expect(byId.get(id)!.Values, id).toHaveLength(1);
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
    expect(byId.get('count')!.Values).toEqual([60]);
    expect(byId.get('lat')!.Values![0]).toBeGreaterThanOrEqual(200);
  });

  it('publishes what MediaConnect documents: {SourceARN} per source and {FlowARN}; {FlowARN, SourceARN} together has no data', async () => {
    // https://docs.aws.amazon.com/mediaconnect/latest/ug/monitor-with-cloudwatch-metrics-source-health.html lists the
    // valid dimensions of each source metric one by one (Source ARN, Flow ARN, Availability Zone, All flows).
    await clock.advance(200);
    const flow = sim.topology.flowArn;
    const mainArn = sim.control.state().sources.find((x) => x.name === 'main')!.sourceArn;
    const res = await get([
      q('bysource', 'SourceBitRate', 'Average', { SourceARN: mainArn }),
      q('byflow', 'SourceBitRate', 'Average', { FlowARN: flow }),
      q('both', 'SourceBitRate', 'Average', { FlowARN: flow, SourceARN: mainArn }),
    ]);
    const [bySource, byFlow, both] = res.MetricDataResults!;
    expect([bySource!.Values!.length, byFlow!.Values!.length, both!.Values!.length]).toEqual([1, 1, 0]);

    const listed = await cw.send(
      new ListMetricsCommand({
        Namespace: 'AWS/MediaConnect',
        MetricName: 'SourceBitRate',
        Dimensions: [{ Name: 'SourceARN' }],
      }),
    );
    expect(listed.Metrics?.map((m) => m.Dimensions)).toEqual(
      sim.control.state().sources.map((x) => [{ Name: 'SourceARN', Value: x.sourceArn }]),
    );
  });

  it('refuses periods CloudWatch refuses for high-resolution metrics (1, 5, 10, 20, 30, 60 or a multiple of 60)', async () => {
    for (const period of [1, 5, 10, 20, 30, 60, 120]) {
      await expect(
        get([q('ok', 'SourceBitRate', 'Average', { FlowARN: sim.topology.flowArn }, period)]),
      ).resolves.toBeTruthy();
    }
    for (const period of [2, 15, 45, 90]) {
      const error = await sdkError(
        get([q('bad', 'SourceBitRate', 'Average', { FlowARN: sim.topology.flowArn }, period)]),
      );
      expect([error.$metadata.httpStatusCode, error.message]).toEqual([400, expect.stringContaining('Period')]);
    }
  });

  it('publishes MergeActive per Flow ARN in MERGE mode only: 1 with every source connected, 0 with one lost', async () => {
    const flow = sim.topology.flowArn;
    const [main] = sim.control.state().sources;
    const merge = () =>
      get([
        q('ma', 'MergeActive', 'Minimum', { FlowARN: flow }),
        q('bysrc', 'MergeActive', 'Minimum', { SourceARN: main!.sourceArn }),
      ]);
    await clock.advance(200);
    expect((await merge()).MetricDataResults!.map((r) => r.Values)).toEqual([[], []]);

    const mc = new MediaConnectClient(clientConfig(sim, { maxAttempts: 1 }));
    await mc.send(new UpdateFlowCommand({ FlowArn: flow, SourceFailoverConfig: { FailoverMode: 'MERGE' } }));
    mc.destroy();
    const mergedFrom = clock.now();
    await clock.advance(1000);
    const merged = await merge();
    expect(merged.MetricDataResults![0]!.Values!.length).toBeGreaterThan(0);
    expect(new Set(merged.MetricDataResults![0]!.Values)).toEqual(new Set([1]));
    expect(merged.MetricDataResults![1]!.Values).toEqual([]);

    sim.control.loseSource('backup');
    await clock.advance(1000);
    const lost = await get([q('ma', 'MergeActive', 'Minimum', { FlowARN: flow })], clock.now() - mergedFrom);
    expect(lost.MetricDataResults![0]!.Values![0]).toBe(0);
  });

  it('unknown metric and wrong dimensions give empty results, not errors', async () => {
    await clock.advance(200); // there are samples: the emptiness is the query's, not the ring's
    const res = await get([
      q('nohealth', 'SourceHealth', 'Average', { FlowARN: sim.topology.flowArn }),
      q('otherflow', 'SourceBitRate', 'Average', {
        FlowARN: 'arn:aws:mediaconnect:us-east-1:123456789012:flow:1-x:other',
      }),
      q('control', 'SourceBitRate', 'Average', { FlowARN: sim.topology.flowArn }),
    ]);
    const [nohealth, otherflow, control] = res.MetricDataResults!;
    for (const r of [nohealth!, otherflow!]) expect([r.Values, r.Timestamps]).toEqual([[], []]);
    expect(control!.Values).toHaveLength(1);
  });

  it('a lost source reports SourceConnected 0 and bitrate 0; a stopped flow reports no data', async () => {
    const flow = sim.topology.flowArn;
    const backupArn = sim.control.state().sources[1]!.sourceArn;
    const since = clock.now();
    sim.control.loseSource('backup');
    await clock.advance(200); // 10 samples, all after the loss, all within the first second
    const res = await cw.send(
      new GetMetricDataCommand({
        StartTime: new Date(since),
        EndTime: new Date(clock.now() + 1000),
        MetricDataQueries: [
          q('conn', 'SourceConnected', 'Maximum', { SourceARN: backupArn }),
          q('br', 'SourceBitRate', 'Maximum', { SourceARN: backupArn }),
          q('disc', 'SourceDisconnections', 'Sum', { SourceARN: backupArn }, 3600),
          q('n', 'SourceConnected', 'SampleCount', { SourceARN: backupArn }, 3600),
        ],
        ScanBy: 'TimestampAscending',
      }),
    );
    const [conn, br, disc, n] = res.MetricDataResults!;
    expect(conn!.Values).toEqual([0]);
    expect(br!.Values).toEqual([0]);
    expect(disc!.Values).toEqual([1]);
    expect(n!.Values).toEqual([10]);
    sim.control.restoreSource('backup');

    // flow STANDBY: nothing is published -> empty Values (never zeros)
    sim.control.setTimings({ flowStopMs: 10, flowStartMs: 10 });
    sim.control.stopFlow();
    await clock.advance(10);
    expect(sim.control.state().flow.status).toBe('STANDBY');
    const quietFrom = clock.now();
    await clock.advance(160); // 8 sample ticks while stopped
    const quietQuery = [q('c', 'SourceConnected', 'SampleCount', { FlowARN: flow }, 3600)];
    const none = await cw.send(
      new GetMetricDataCommand({
        StartTime: new Date(quietFrom),
        EndTime: new Date(clock.now() + 1),
        MetricDataQueries: quietQuery,
      }),
    );
    expect(none.MetricDataResults).toHaveLength(1);
    expect(none.MetricDataResults![0]!.Values).toEqual([]);
    sim.control.startFlow();
    await clock.advance(10);
    expect(sim.control.state().flow.status).toBe('ACTIVE');
    // Started again, it publishes again: the same query now counts the new samples.
    const resumedFrom = clock.now();
    await clock.advance(100);
    const resumed = await cw.send(
      new GetMetricDataCommand({
        StartTime: new Date(resumedFrom),
        EndTime: new Date(clock.now() + 1),
        MetricDataQueries: quietQuery,
      }),
    );
    expect(resumed.MetricDataResults![0]!.Values).toEqual([5]);
  });

  it('packet loss ramps and bitrate overrides show in the metrics', async () => {
    const mainArn = sim.control.state().sources[0]!.sourceArn;
    sim.control.rampPacketLoss('main', { toPercent: 20, overMs: 0 });
    sim.control.setBitrate('main', 3_000_000);
    const from = clock.now();
    await clock.advance(300); // 15 samples, all with the ramp and the override
    const res = await cw.send(
      new GetMetricDataCommand({
        StartTime: new Date(from),
        EndTime: new Date(clock.now() + 1000),
        MetricDataQueries: [
          q('loss', 'SourcePacketLossPercent', 'Average', { SourceARN: mainArn }, 3600),
          q('br', 'SourceBitRate', 'Average', { SourceARN: mainArn }, 3600),
          q('nr', 'SourceNotRecoveredPackets', 'Sum', { SourceARN: mainArn }, 3600),
          q('n', 'SourceBitRate', 'SampleCount', { SourceARN: mainArn }, 3600),
        ],
      }),
    );
    const [loss, br, nr, n] = res.MetricDataResults!;
    for (const r of [loss!, br!, nr!]) expect(r.Values, r.Id).toHaveLength(1);
    expect(n!.Values).toEqual([15]);
    expect(loss!.Values![0]).toBeGreaterThan(2);
    expect(br!.Values![0]).toBeGreaterThan(2_800_000);
    expect(br!.Values![0]).toBeLessThan(3_200_000);
    expect(nr!.Values![0]).toBeGreaterThan(0);
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
    expect(ok.MetricDataResults).toHaveLength(1);
  });
});
