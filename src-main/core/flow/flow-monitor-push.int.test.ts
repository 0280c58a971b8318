import { afterEach, describe, expect, it } from 'vitest';
import { startSimulator, type RunningSimulator } from '../../simulator/index';
import { ManualClock } from '../test-support/manual-clock';
import { FlowMonitor, type FlowMonitorOptions } from './flow-monitor';
import { follow, simClients } from './test-support/sim-clients';

/** Production cadences except the CloudWatch period and history, which the simulator's clock drives faster. */
const MONITOR = {
  steadyIntervalMs: 5_000,
  fastIntervalMs: 1_000,
  pushSteadyIntervalMs: 60_000,
  pushLiveIntervalMs: 15_000,
  pushMetadataIntervalMs: 300_000,
  metadataIntervalMs: 30_000,
  eventPollGapMs: 1_000,
  afterEventFastMs: 15_000,
  periodSec: 1,
  refetchMs: 120_000,
} satisfies Partial<FlowMonitorOptions>;

let sim: RunningSimulator | null = null;
const cleanups: Array<() => void> = [];
afterEach(async () => {
  for (const c of cleanups.splice(0)) c();
  await sim?.close();
  sim = null;
});

/** A flow monitor on the simulator's clock; `fresh`: its first read before CloudWatch has any datapoint. */
async function setup({ fresh = false } = {}) {
  let idle = (): Promise<void> => Promise.resolve();
  const clock = new ManualClock({ settle: () => idle() });
  sim = await startSimulator({ timings: { metricSampleMs: 1_000 }, seed: 5, withDynamo: false, clock });
  const clients = simClients(sim);
  idle = clients.idle;
  const monitor = new FlowMonitor(clients, sim.topology.flowArn, follow().publish, {
    ...MONITOR,
    now: clock.now,
    timers: clock,
  });
  cleanups.push(
    () => monitor.stop(),
    () => clients.destroy(),
  );
  const count = (operation: string) =>
    sim!.control.requests().filter((r) => (r as { operation?: string }).operation === operation).length;
  if (fresh) return { sim, clock, monitor, count };
  await clock.run(monitor.refresh());
  monitor.start();
  // Healthy and steady: past the first fast polls of a new monitor.
  await clock.advance(20_000);
  return { sim, clock, monitor, count };
}

describe('the flow poll while AWS pushes the flow events', () => {
  it('polls once a minute while events flow (one DescribeFlow, one GetMetricData), every 5 s again when they stop', async () => {
    const t = await setup();
    t.monitor.setPushing(true);
    expect(t.monitor.steadyIntervalMs).toBe(60_000);
    await t.clock.advance(6_000);
    t.sim.control.clearRequests();
    await t.clock.advance(120_000);
    expect(t.count('DescribeFlow')).toBe(2);
    expect(t.count('GetMetricData')).toBe(2);
    // Source metadata at most every 5 minutes while pushed (it was every 30 s).
    expect(t.count('DescribeFlowSourceMetadata')).toBeLessThanOrEqual(1);
    t.monitor.setPushing(false);
    t.sim.control.clearRequests();
    await t.clock.advance(60_000);
    expect(t.count('DescribeFlow')).toBeGreaterThanOrEqual(11);
    expect(t.monitor.steadyIntervalMs).toBe(5_000);
  });

  it('while a channel is on air, every 15 s: a degrading source sends no event, and viewers see it', async () => {
    const t = await setup();
    t.monitor.setPushing(true);
    t.monitor.setOnAir(true);
    expect(t.monitor.steadyIntervalMs).toBe(15_000);
    await t.clock.advance(16_000);
    t.sim.control.clearRequests();
    await t.clock.advance(60_000);
    expect(t.count('DescribeFlow')).toBe(4);
    t.monitor.setOnAir(false);
    expect(t.monitor.steadyIntervalMs).toBe(60_000);
  });

  it("on air with the stack's source alarms delivered: once a minute (their state change is the event), 15 s when the queue is not read", async () => {
    const t = await setup();
    t.monitor.setPushing(true);
    t.monitor.setOnAir(true);
    t.monitor.setSourceAlarms(true);
    expect(t.monitor.steadyIntervalMs).toBe(60_000);
    await t.clock.advance(61_000);
    t.sim.control.clearRequests();
    await t.clock.advance(120_000);
    expect(t.count('DescribeFlow')).toBe(2);
    expect(t.count('GetMetricData')).toBe(2);
    // An event-silent flow still reconciles: a loss no alarm reports is read at the next minute's poll.
    t.sim.control.loseSource('main');
    const took = await t.clock.until(
      () => t.monitor.current().sources.find((s) => s.role === 'main')?.grade === 'lost',
      90_000,
    );
    expect(took).toBeLessThanOrEqual(61_000);
    // The queue can no longer be read: today's cadence at once.
    t.monitor.setPushing(false);
    expect(t.monitor.steadyIntervalMs).toBe(5_000);
  });

  it('a flow event polls at once; a burst of events is one poll; then fast for a while, then back to once a minute', async () => {
    const t = await setup();
    t.monitor.setPushing(true);
    await t.clock.advance(61_000);
    t.sim.control.clearRequests();
    t.monitor.onFlowEvent();
    t.monitor.onFlowEvent();
    t.monitor.onFlowEvent();
    await t.clock.advance(10);
    expect(t.count('DescribeFlow')).toBe(1);
    // CloudWatch's figures of the change come after its event: a few fast polls follow, then the reconciler's pace.
    await t.clock.advance(15_000);
    const afterBurst = t.count('DescribeFlow');
    expect(afterBurst).toBeGreaterThanOrEqual(10);
    await t.clock.advance(40_000);
    expect(t.count('DescribeFlow') - afterBurst).toBeLessThanOrEqual(1);
  });

  it('the source lost behind the console: the main card is LOST soon after the event, not at the next minute', async () => {
    const t = await setup();
    t.monitor.setPushing(true);
    await t.clock.advance(61_000);
    t.sim.control.loseSource('main');
    t.monitor.onFlowEvent();
    const took = await t.clock.until(
      () => t.monitor.current().sources.find((s) => s.role === 'main')?.grade === 'lost',
      30_000,
    );
    expect(took).toBeLessThan(15_000);
  });
});

describe('the flow poll while AWS pushes the flow events, before CloudWatch has figures', () => {
  it('a source with no figures yet is read at the polling cadence (no event will bring them), then once a minute', async () => {
    // A flow that has just started: no datapoints in CloudWatch until the first samples.
    const { clock, monitor } = await setup({ fresh: true });
    monitor.setPushing(true);
    await clock.run(monitor.refresh());
    expect(monitor.source('main')?.grade).toBe('no-data');
    expect(monitor.steadyIntervalMs).toBe(5_000);
    monitor.start();
    await clock.until(() => monitor.source('main')?.grade === 'healthy', 30_000);
    expect(monitor.steadyIntervalMs).toBe(60_000);
  });
});

describe('the flow poll while AWS refuses every read', () => {
  it('backs off 1 s, 2 s, 4 s, 8 s, then every 10 s (was every second); the view stays the last confirmed, marked unconfirmed since then', async () => {
    const t = await setup();
    const confirmedAt = t.monitor.current().polledAt;
    t.sim.control.addFault({ service: 'mediaconnect', kind: 'expired-token' });
    t.sim.control.addFault({ service: 'cloudwatch', kind: 'expired-token' });
    t.sim.control.clearRequests();
    const from = t.clock.now();
    await t.clock.advance(60_000);
    const sentAt = t.sim.control
      .requests({ service: 'mediaconnect', operation: 'DescribeFlow' })
      .map((r) => Math.round((r.at - from) / 1_000));
    const gaps = sentAt.slice(1).map((at, i) => at - sentAt[i]!);
    expect(gaps.slice(0, 5)).toEqual([1, 2, 4, 8, 10]);
    expect(sentAt.length).toBeLessThanOrEqual(9);
    const state = t.monitor.current();
    expect(state.unconfirmed).toMatchObject({ since: confirmedAt });
    expect(state.unconfirmed?.reason).toMatch(/expired/i);
    // Credentials back: the next poll confirms, and the cadence is the steady one again.
    t.sim.control.clearFaults();
    await t.clock.advance(11_000);
    expect(t.monitor.current().unconfirmed).toBeNull();
  });
});
