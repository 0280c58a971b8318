import type { MetricDataQuery } from '@aws-sdk/client-cloudwatch';
import { UpdateFlowCommand } from '@aws-sdk/client-mediaconnect';
import { afterEach, describe, expect, it } from 'vitest';
import { FlowFeedSchema, FlowSnapshotSchema, type FlowAlert } from '../../../shared/domain/flow';
import { startSimulator, type RunningSimulator } from '../../simulator/index';
import { ManualClock } from '../test-support/manual-clock';
import { BackupSwitch } from './backup-switch';
import { FlowAlerts } from './flow-alerts';
import { FlowMonitor, type FlowMonitorOptions } from './flow-monitor';
import { SOURCE_METRIC_TABLE } from './metric-queries';
import type { InputEvent } from './feeding-tracker';
import { captureRequests, emptyMetricAnswers, follow, simClients } from './test-support/sim-clients';

const TIMINGS = { metricSampleMs: 100, failoverMs: 100, flowUpdateMs: 100 };
const MONITOR = {
  steadyIntervalMs: 300,
  fastIntervalMs: 100,
  periodSec: 1,
  metadataIntervalMs: 2_000,
  refetchMs: 5_000,
  thresholds: { staleAfterMs: 2_500, lossWindowMs: 2_000, lostAfterNoBitrateMs: 1_000, backupTestWindowMs: 3_000 },
} satisfies Partial<FlowMonitorOptions>;

let sim: RunningSimulator | null = null;
const cleanups: Array<() => void> = [];
afterEach(async () => {
  for (const c of cleanups.splice(0)) c();
  await sim?.close();
  sim = null;
});

/**
 * The simulator and the monitor share one ManualClock: time moves only when a test moves it, and
 * stands still while a request crosses the (real) loopback socket, so every run sees the same
 * samples, polls and switch timings whatever the load of the machine.
 */
async function setup(
  opts: {
    flowArn?: string;
    flowInitiallyActive?: boolean;
    monitor?: Partial<FlowMonitorOptions>;
    emptyMetrics?: () => boolean;
  } = {},
) {
  let idle = (): Promise<void> => Promise.resolve();
  const clock = new ManualClock({ settle: () => idle() });
  sim = await startSimulator({
    timings: TIMINGS,
    seed: 11,
    withDynamo: false,
    flowInitiallyActive: opts.flowInitiallyActive ?? true,
    clock,
  });
  const clients = simClients(sim);
  idle = clients.idle;
  const mcSent = captureRequests(clients.mediaconnect);
  const cwSent = captureRequests(clients.cloudwatch);
  if (opts.emptyMetrics) emptyMetricAnswers(clients.cloudwatch, opts.emptyMetrics);
  const feed = follow();
  const flowArn = opts.flowArn ?? sim.topology.flowArn;
  const inputEvents: InputEvent[] = [];
  const monitor = new FlowMonitor({ ...clients, onInputEvent: (e) => inputEvents.push(e) }, flowArn, feed.publish, {
    ...MONITOR,
    now: clock.now,
    timers: clock,
    ...opts.monitor,
  });
  const alerts: FlowAlert[] = [];
  let live = 0;
  const alerter = new FlowAlerts(
    () => live,
    (a) => alerts.push(a),
    clock.now,
  );
  const swap = new BackupSwitch(clients.mediaconnect, monitor, flowArn, clients.logger, {
    confirmEveryMs: 50,
    confirmTimeoutMs: 5_000,
    retry: { retries: 2, minTimeoutMs: 5, maxTimeoutMs: 20 },
  });
  cleanups.push(
    () => monitor.stop(),
    () => clients.destroy(),
  );
  const observe = () => alerter.observe(monitor.current());
  return {
    sim,
    clock,
    clients,
    monitor,
    feed,
    alerts,
    alerter,
    observe,
    inputEvents,
    swap,
    mcSent,
    cwSent,
    setLive: (n: number) => (live = n),
    /** One poll now, with simulated time running while it waits (for the rate limit, say). */
    poll: () => clock.run(monitor.refresh()),
    describeFlows: () => sim!.control.requests({ service: 'mediaconnect', operation: 'DescribeFlow' }).length,
  };
}

const src = (m: FlowMonitor, role: 'main' | 'backup') => m.current().sources.find((s) => s.role === role);

describe('FlowMonitor against the simulator', () => {
  it('sends ONE DescribeFlow and ONE GetMetricData per poll, with the exact source queries', async () => {
    const t = await setup();
    await t.clock.advance(300);
    await t.poll();
    await t.poll();
    expect(t.sim.control.requests({ service: 'mediaconnect', operation: 'DescribeFlow' })).toHaveLength(2);
    expect(t.sim.control.requests({ service: 'cloudwatch', operation: 'GetMetricData' })).toHaveLength(2);
    expect(t.sim.control.requests({ service: 'mediaconnect', operation: 'DescribeFlowSourceMetadata' })).toHaveLength(
      1,
    );

    const gmd = t.cwSent.filter((r) => r.command === 'GetMetricDataCommand');
    expect(gmd).toHaveLength(2);
    const queries = gmd[0]!.input['MetricDataQueries'] as MetricDataQuery[];
    const arns = Object.fromEntries(t.sim.control.state().sources.map((s) => [s.name, s.sourceArn]));
    const expected = ['main', 'backup'].flatMap((name, i) =>
      SOURCE_METRIC_TABLE.map((row) => ({
        Id: `s${i}_${row.key}`,
        MetricStat: {
          Metric: {
            Namespace: 'AWS/MediaConnect',
            MetricName: row.metricName,
            // Per source, {SourceARN} alone: the set MediaConnect publishes (and ListMetrics found).
            Dimensions: [{ Name: 'SourceARN', Value: arns[name] }],
          },
          Period: 1,
          Stat: row.stat,
        },
        ReturnData: true,
      })),
    );
    expect(queries).toEqual(expected);
    // One ListMetrics found the dimension set; it is not asked again on the next poll.
    expect(t.sim.control.requests({ service: 'cloudwatch', operation: 'ListMetrics' })).toHaveLength(1);
    expect(t.monitor.current().metrics.dimensions).toEqual({ set: 'SourceARN', listed: true });
    expect(queries.map((q) => q.MetricStat?.Metric?.MetricName)).toEqual(
      expect.arrayContaining([
        'SourceBitRate',
        'SourceConnected',
        'SourcePacketLossPercent',
        'SourceNotRecoveredPackets',
        'SourceRecoveredPackets',
        'SourceARQRequests',
        'SourceJitter',
        'SourceLatency',
        'SourceDisconnections',
      ]),
    );
    const stats = Object.fromEntries(SOURCE_METRIC_TABLE.map((r) => [r.metricName, r.stat]));
    expect(stats).toMatchObject({
      SourceConnected: 'Minimum',
      SourceBitRate: 'Average',
      SourcePacketLossPercent: 'Average',
      SourceNotRecoveredPackets: 'Sum',
    });
    // The second poll only re-reads the recent past, not 15 minutes.
    const [first, second] = gmd.map(
      (r) => (r.input['EndTime'] as Date).getTime() - (r.input['StartTime'] as Date).getTime(),
    );
    expect(first).toBeGreaterThanOrEqual(15 * 60_000 - 1_000);
    expect(second).toBeLessThanOrEqual(5_000 + 2_000);

    const state = t.monitor.current();
    expect(state.status).toBe('ACTIVE');
    expect(state.availabilityZone).toBe('us-east-1a');
    expect(state.failover).toEqual({
      state: 'ENABLED',
      mode: 'FAILOVER',
      recoveryWindowMs: 200,
      primarySource: 'main',
    });
    expect(state.feeding).toMatchObject({
      source: 'main',
      role: 'main',
      inferred: true,
      signal: 'inferred from SourceConnected and the primary source',
    });
    expect(src(t.monitor, 'main')).toMatchObject({
      name: 'main',
      connected: true,
      isPrimary: true,
      grade: 'healthy',
      ingestEndpoint: 'srt://198.51.100.20:9998',
      whitelistCidr: '203.0.113.5/32',
      minLatencyMs: 200,
    });
    expect(src(t.monitor, 'backup')).toMatchObject({
      ingestEndpoint: 'srt://198.51.100.20:9999',
      connected: true,
      isPrimary: false,
    });
    expect(src(t.monitor, 'main')!.figures.bitrateBps).toBeGreaterThan(5_000_000);
    expect(src(t.monitor, 'main')!.connectedSince).not.toBeNull();
    expect(state.metadata).toMatchObject({
      source: 'main',
      video: [{ codec: 'h264', width: 1920, height: 1080, frameRate: '30' }],
      audio: [{ codec: 'aac', channels: 2, sampleRateHz: 48000 }],
    });

    const snapshot = FlowSnapshotSchema.parse(t.monitor.snapshot());
    expect(
      snapshot.history.find((s) => s.source === 'main' && s.metric === 'bitrateBps')!.points.length,
    ).toBeGreaterThan(0);
    const wire = JSON.stringify(snapshot);
    for (const secret of ['SecretArn', 'secret', 'srt-password', 'Decryption', 'RoleArn', 'role/'])
      expect(wire).not.toContain(secret);
    expect(t.feed.feeds.every((f) => f.kind === 'delta')).toBe(true);
    for (const f of t.feed.feeds) FlowFeedSchema.parse(f);
    expect(JSON.stringify(t.feed.feeds)).not.toContain('SecretArn');
    expect(t.feed.feeds.map((f) => f.seq)).toEqual(t.feed.feeds.map((_, i) => i + 1));
  });

  it('grades a lost main LOST within a few polls, fires the alert, and infers the backup feeding', async () => {
    const t = await setup();
    t.monitor.start();
    await t.clock.until(() => src(t.monitor, 'main')?.grade === 'healthy', 3_000);
    t.observe();
    const pollsBefore = t.describeFlows();
    t.sim.control.loseSource('main');
    const tookMs = await t.clock.until(() => expect(src(t.monitor, 'main')?.grade).toBe('lost'), 3_000);
    // Healthy, the monitor polls every 300 ms and the simulator samples every 100 ms: the first poll
    // after the loss already reads the disconnected sample, so the loss shows within one poll.
    expect(t.describeFlows() - pollsBefore).toBe(1);
    expect(tookMs).toBeLessThanOrEqual(MONITOR.steadyIntervalMs);
    const main = src(t.monitor, 'main')!;
    expect(main).toMatchObject({ connected: false, gradeCause: 'not-connected', connectedSince: null });
    expect(main.gradeReason).toMatch(/Not connected/);
    expect(t.monitor.current().feeding).toMatchObject({ source: 'backup', inferred: true });
    t.observe();
    expect(t.alerts.filter((a) => a.state === 'raised').map((a) => a.kind)).toEqual(['main-lost']);
    await t.clock.until(() => t.sim.control.activeSource() === 'backup', 2_000);

    t.sim.control.restoreSource('main');
    await t.clock.until(() => expect(src(t.monitor, 'main')?.grade).toBe('healthy'), 4_000);
    t.observe();
    expect(t.alerts.at(-1)).toMatchObject({ kind: 'main-lost', state: 'cleared' });
  });

  it('moves healthy -> degraded on a packet-loss ramp and raises the packet-loss alert', async () => {
    const t = await setup();
    t.monitor.start();
    await t.clock.until(() => src(t.monitor, 'main')?.grade === 'healthy', 3_000);
    t.observe();
    t.sim.control.rampPacketLoss('main', { toPercent: 3, overMs: 500 });
    await t.clock.until(() => expect(src(t.monitor, 'main')?.grade).toBe('degraded'), 5_000);
    expect(src(t.monitor, 'main')).toMatchObject({ gradeCause: 'packet-loss', connected: true });
    expect(src(t.monitor, 'main')!.gradeReason).toMatch(/Packet loss .* % over 2 s \(threshold 0.5 %\)/);
    t.observe();
    expect(t.alerts.map((a) => `${a.kind}:${a.state}`)).toContain('packet-loss:raised');
  });

  it('switches to the backup with UpdateFlow keeping FAILOVER, and follows AWS', async () => {
    const t = await setup();
    await t.clock.advance(300);
    await t.poll();
    const result = await t.clock.run(t.swap.switchTo({ target: 'backup' }));
    expect(result).toMatchObject({
      outcome: 'switched',
      target: 'backup',
      forced: false,
      primarySource: 'backup',
      status: 'ACTIVE',
    });
    expect(result.feeding).toMatchObject({ source: 'backup', inferred: true });
    const updates = t.mcSent.filter((r) => r.command === 'UpdateFlowCommand');
    expect(updates).toHaveLength(1);
    expect(updates[0]!.input).toEqual({
      FlowArn: t.sim.topology.flowArn,
      SourceFailoverConfig: {
        FailoverMode: 'FAILOVER',
        RecoveryWindow: 200,
        State: 'ENABLED',
        SourcePriority: { PrimarySource: 'backup' },
      },
    });
    expect(JSON.parse(updates[0]!.body!)).toEqual({
      sourceFailoverConfig: {
        failoverMode: 'FAILOVER',
        recoveryWindow: 200,
        sourcePriority: { primarySource: 'backup' },
        state: 'ENABLED',
      },
    });
    expect(t.sim.control.state().flow.failover).toMatchObject({
      primarySource: 'backup',
      failoverMode: 'FAILOVER',
      state: 'ENABLED',
    });
    await t.clock.until(() => t.sim.control.activeSource() === 'backup', 2_000);
    expect(t.monitor.current().lastSwitch).toMatchObject({
      target: 'backup',
      outcome: 'switched',
      primarySource: 'backup',
    });
    expect(src(t.monitor, 'backup')!.isPrimary).toBe(true);
    // A change the operator asked for, not a failover.
    expect(t.monitor.current().feedingSince).toMatchObject({ source: 'backup', cause: 'operator-switch' });
    expect(t.inputEvents.map((e) => e.kind === 'feeding-changed' && e.cause)).toEqual(['operator-switch']);

    // Again: AWS is already there, nothing is sent.
    await expect(t.clock.run(t.swap.switchTo({ target: 'backup' }))).resolves.toMatchObject({ outcome: 'already' });
    expect(t.mcSent.filter((r) => r.command === 'UpdateFlowCommand')).toHaveLength(1);
    // And back to main.
    await expect(t.clock.run(t.swap.switchTo({ target: 'main' }))).resolves.toMatchObject({
      outcome: 'switched',
      primarySource: 'main',
    });
  });

  it('refuses to switch to a disconnected backup with the reason, and allows a forced switch', async () => {
    const t = await setup();
    t.sim.control.loseSource('backup');
    await t.clock.advance(300);
    await t.poll();
    const refused = await t.clock.run(t.swap.switchTo({ target: 'backup' }).catch((e: unknown) => e));
    expect(refused).toMatchObject({ code: 'invalid-state' });
    expect((refused as Error).message).toMatch(/Refused: backup is not connected .*force/);
    expect(t.sim.control.requests({ service: 'mediaconnect', operation: 'UpdateFlow' })).toHaveLength(0);
    expect(t.sim.control.state().flow.failover.primarySource).toBe('main');

    const forced = await t.clock.run(t.swap.switchTo({ target: 'backup', force: true }));
    expect(forced).toMatchObject({ outcome: 'switched', forced: true, primarySource: 'backup' });
    // FAILOVER keeps the connected main feeding while the primary (backup) is down.
    expect(forced.feeding).toMatchObject({ source: 'main' });
    expect(t.sim.control.activeSource()).toBe('main');
  });

  it('tests the backup without switching: clean, then not after a drop', async () => {
    const t = await setup();
    // The verdict needs a full window of history: let the simulator publish one first.
    await t.clock.advance(MONITOR.thresholds.backupTestWindowMs + 1_000);
    const clean = await t.clock.run(t.swap.testBackup());
    expect(clean, clean.reasons.join(' ')).toMatchObject({ ready: true, source: 'backup' });
    expect(clean.figures.connectedThroughout).toBe(true);
    t.sim.control.loseSource('backup');
    await t.clock.advance(300);
    t.sim.control.restoreSource('backup');
    await t.clock.advance(300);
    const dirty = await t.clock.run(t.swap.testBackup());
    expect(dirty.ready).toBe(false);
    expect(dirty.reasons.join(' ')).toMatch(/backup was not connected at/);
    expect(t.sim.control.requests({ service: 'mediaconnect', operation: 'UpdateFlow' })).toHaveLength(0);
  });

  it('says no-data (never a healthy zero) when CloudWatch returns no datapoints', async () => {
    let empty = true;
    const t = await setup({ emptyMetrics: () => empty });
    await t.clock.advance(200);
    await t.poll();
    const main = src(t.monitor, 'main')!;
    expect(main).toMatchObject({ grade: 'no-data', gradeCause: 'no-datapoints', connected: null });
    expect(main.figures).toMatchObject({ bitrateBps: null, packetLossPercent: null, notRecoveredPackets: null });
    expect(t.monitor.current().feeding.source).toBeNull();
    empty = false;
    await t.poll();
    expect(src(t.monitor, 'main')!.grade).toBe('healthy');
  });

  it('says no-data while the flow is in STANDBY (MediaConnect publishes nothing)', async () => {
    const t = await setup({ flowInitiallyActive: false });
    await t.clock.advance(200);
    await t.poll();
    expect(t.monitor.current().status).toBe('STANDBY');
    expect(src(t.monitor, 'main')).toMatchObject({ grade: 'no-data', gradeCause: 'flow-not-running', connected: null });
    t.setLive(2);
    expect(t.observe().map((a) => a.kind)).toEqual(['flow-not-active']);
  });

  it('shows CloudWatch throttling as throttled, then no-data, never healthy', async () => {
    const t = await setup();
    await t.clock.advance(300);
    await t.poll();
    expect(src(t.monitor, 'main')!.grade).toBe('healthy');
    t.sim.control.addFault({ service: 'cloudwatch', operation: 'GetMetricData', kind: 'throttle' });
    await t.poll();
    expect(t.monitor.current().metrics).toMatchObject({ state: 'throttled' });
    expect(t.monitor.current().metrics.message).toMatch(/AWS is limiting the request rate/);
    // Past staleAfterMs (2.5 s) without a successful read, the last figures are no longer trusted.
    await t.clock.advance(2_600);
    await t.poll();
    expect(src(t.monitor, 'main')).toMatchObject({
      grade: 'no-data',
      gradeCause: 'metrics-throttled',
      connected: null,
    });
    expect(t.sim.control.requests({ service: 'cloudwatch' }).at(-1)).toMatchObject({ errorCode: 'Throttling' });
  });

  it('shows a flow that does not exist as MISSING, with the reason', async () => {
    const t = await setup({ flowArn: 'arn:aws:mediaconnect:us-east-1:123456789012:flow:1-nope:gone' });
    await t.poll();
    const state = t.monitor.current();
    expect(state.status).toBe('MISSING');
    expect(state.problem).toMatch(/does not exist .*NotFoundException/);
    expect(state.sources).toEqual([]);
    expect(t.sim.control.requests({ service: 'cloudwatch' })).toHaveLength(0);
    await expect(t.clock.run(t.swap.switchTo({ target: 'backup' }))).rejects.toMatchObject({ code: 'not-found' });
  });

  it('counts its calls: steady vs unhealthy, and never over the MediaConnect rate limit', async () => {
    const t = await setup({ monitor: { steadyIntervalMs: 500, fastIntervalMs: 100 } });
    t.monitor.start();
    await t.clock.until(() => src(t.monitor, 'main')?.grade === 'healthy', 3_000);
    t.monitor.counter.reset();
    await t.clock.advance(2_000);
    const steady = t.monitor.counter.perMinute();
    t.sim.control.loseSource('main');
    await t.clock.until(() => src(t.monitor, 'main')?.grade === 'lost', 3_000);
    t.monitor.counter.reset();
    await t.clock.advance(2_000);
    const unhealthy = t.monitor.counter.perMinute();
    const ops = t.monitor.counter.byOperation();
    console.log(
      `flow_monitor_calls_per_min_steady(500ms): ${Math.round(steady)} calls; unhealthy(100ms): ${Math.round(unhealthy)} calls`,
      ops,
    );
    expect(unhealthy).toBeGreaterThan(steady * 2);
    expect(ops['DescribeFlow']).toBeGreaterThan(0);
    expect(Math.abs((ops['DescribeFlow'] ?? 0) - (ops['GetMetricData'] ?? 0))).toBeLessThanOrEqual(1);
  });

  it('keeps MediaConnect under 5 requests/s even when asked to poll every 10 ms', async () => {
    const t = await setup({ monitor: { steadyIntervalMs: 10, fastIntervalMs: 10 } });
    t.monitor.start();
    await t.clock.advance(1_000);
    const from = t.clock.now();
    await t.clock.advance(3_000);
    const mc = t.sim.control.requests({ service: 'mediaconnect', since: from }).length;
    expect(mc).toBeLessThanOrEqual(3 * 4 + 2);
  });

  it('in MERGE mode reads MergeActive for the flow and says so; with a source lost it infers the connected one', async () => {
    const t = await setup();
    await t.clients.mediaconnect.send(
      new UpdateFlowCommand({ FlowArn: t.sim.topology.flowArn, SourceFailoverConfig: { FailoverMode: 'MERGE' } }),
    );
    t.monitor.start();
    await t.clock.until(() => expect(t.monitor.current().feeding.signal).toBe('from the MergeActive metric'), 3_000);
    expect(t.monitor.current().feeding).toMatchObject({ source: null, inferred: false });
    const gmd = t.cwSent.filter((r) => r.command === 'GetMetricDataCommand').at(-1)!;
    expect((gmd.input['MetricDataQueries'] as MetricDataQuery[]).at(-1)).toEqual({
      Id: 'flow_mergeActive',
      MetricStat: {
        Metric: {
          Namespace: 'AWS/MediaConnect',
          MetricName: 'MergeActive',
          Dimensions: [{ Name: 'FlowARN', Value: t.sim.topology.flowArn }],
        },
        Period: 1,
        Stat: 'Minimum',
      },
      ReturnData: true,
    });

    t.sim.control.loseSource('backup');
    await t.clock.until(() => expect(t.monitor.current().feeding.source).toBe('main'), 3_000);
    expect(t.monitor.current().feeding).toMatchObject({
      inferred: true,
      signal: 'inferred from SourceConnected (MergeActive metric: not every source merged)',
    });
  });

  it('both sources lost: an input outage with its start, then its end and duration when main is back', async () => {
    const t = await setup();
    t.monitor.start();
    await t.clock.until(() => src(t.monitor, 'main')?.grade === 'healthy', 3_000);
    expect(t.monitor.current().feedingSince).toMatchObject({ source: 'main', cause: 'observed' });
    t.sim.control.loseSource('main');
    t.sim.control.loseSource('backup');
    await t.clock.until(() => expect(t.monitor.current().inputOutage).not.toBeNull(), 3_000);
    const state = t.monitor.current();
    expect(state.sources.map((s) => s.grade)).toEqual(['lost', 'lost']);
    expect(state.feeding.source).toBeNull();
    expect(state.feedingSince).toBeNull();
    expect(state.inputOutage!.reason).toMatch(/Both SRT sources are lost/);
    const started = t.inputEvents.find((e) => e.kind === 'outage-started')!;
    expect(started.at).toBe(state.inputOutage!.since);
    await t.clock.advance(2_000);
    t.sim.control.restoreSource('main');
    await t.clock.until(() => expect(t.monitor.current().inputOutage).toBeNull(), 4_000);
    const ended = t.inputEvents.find((e) => e.kind === 'outage-ended');
    expect(ended).toMatchObject({ since: started.at });
    expect(ended!.kind === 'outage-ended' && ended!.durationMs).toBeGreaterThanOrEqual(2_000);
    expect(t.monitor.current().feedingSince).toMatchObject({ source: 'main', cause: 'recovered' });
  });

  it('flow stopped (STANDBY): no source feeds, no figures are shown, and no failover is claimed', async () => {
    const t = await setup();
    t.monitor.start();
    await t.clock.until(() => src(t.monitor, 'main')?.grade === 'healthy', 3_000);
    expect(src(t.monitor, 'main')!.figures.bitrateBps).not.toBeNull();
    t.sim.control.stopFlow();
    await t.clock.until(() => expect(t.monitor.current().status).toBe('STANDBY'), 5_000);
    const state = t.monitor.current();
    for (const s of state.sources) {
      expect(s).toMatchObject({ grade: 'no-data', gradeCause: 'flow-not-running' });
      // Not the last figures under NO DATA: blank.
      expect(Object.entries(s.figures).filter(([k, v]) => k !== 'countWindowMs' && v !== null)).toEqual([]);
    }
    expect(state.feeding.source).toBeNull();
    expect(state.feedingSince).toBeNull();
    expect(t.inputEvents.filter((e) => e.kind === 'feeding-changed')).toEqual([]);
  });

  it('names an automatic failover and the automatic return, with their times', async () => {
    const t = await setup();
    t.monitor.start();
    await t.clock.until(() => src(t.monitor, 'main')?.grade === 'healthy', 3_000);
    t.sim.control.loseSource('main');
    await t.clock.until(() => expect(t.monitor.current().feeding.source).toBe('backup'), 3_000);
    const failover = t.monitor.current().feedingSince!;
    expect(failover).toMatchObject({
      source: 'backup',
      role: 'backup',
      cause: 'automatic-failover',
      acknowledged: false,
    });
    expect(t.inputEvents.at(-1)).toMatchObject({
      kind: 'feeding-changed',
      cause: 'automatic-failover',
      at: failover.since,
    });
    expect(t.monitor.acknowledgeFailover()).toBe(true);
    expect(t.monitor.current().feedingSince).toMatchObject({ cause: 'automatic-failover', acknowledged: true });
    expect(t.monitor.acknowledgeFailover()).toBe(false);
    t.sim.control.restoreSource('main');
    await t.clock.until(() => expect(t.monitor.current().feeding.source).toBe('main'), 4_000);
    expect(t.monitor.current().feedingSince).toMatchObject({ source: 'main', cause: 'automatic-return' });
    expect(
      t.inputEvents.filter((e) => e.kind === 'feeding-changed').map((e) => e.kind === 'feeding-changed' && e.cause),
    ).toEqual(['automatic-failover', 'automatic-return']);
    // The primary never changed: MediaConnect did it all.
    expect(t.sim.control.requests({ operation: 'UpdateFlow' })).toHaveLength(0);
  });

  it('a throttle storm on the flow marks the view unconfirmed from the first failed read, and clears when reads answer', async () => {
    // The production fast interval: its back-off reaches the ceiling in a long storm.
    const t = await setup({ monitor: { fastIntervalMs: 1_000 } });
    t.monitor.start();
    await t.clock.until(() => src(t.monitor, 'main')?.grade === 'healthy', 3_000);
    const confirmed = t.monitor.current().polledAt!;
    const storm = [
      t.sim.control.addFault({ service: 'mediaconnect', operation: 'DescribeFlow', kind: 'throttle' }),
      t.sim.control.addFault({ service: 'cloudwatch', operation: 'GetMetricData', kind: 'throttle' }),
    ];
    await t.clock.until(() => expect(t.monitor.current().unconfirmed).not.toBeNull(), 1_000);
    expect(t.monitor.current().unconfirmed!.since).toBe(confirmed);
    expect(t.monitor.current().unconfirmed!.reason).toMatch(/throttling/);
    // Main lost during the storm: the console cannot know, and says the view is not confirmed, whatever it shows.
    t.sim.control.loseSource('main');
    await t.clock.advance(3_000);
    expect(t.monitor.current().unconfirmed).toMatchObject({ since: confirmed });
    // Nothing is claimed from unconfirmed polls.
    expect(t.inputEvents).toEqual([]);
    // A long storm: the back-off reaches its ceiling.
    await t.clock.advance(30_000);
    for (const f of storm) t.sim.control.removeFault(f.id);
    // The view catches up within one back-off ceiling (10 s) of the storm's end, not half a minute later.
    const catchUpMs = await t.clock.until(() => expect(t.monitor.current().unconfirmed).toBeNull(), 40_000);
    expect(catchUpMs).toBeLessThanOrEqual(10_000);
    expect(src(t.monitor, 'main')!.grade).toBe('lost');
    expect(t.monitor.current().feedingSince).toMatchObject({ source: 'backup', cause: 'automatic-failover' });
  });
});
