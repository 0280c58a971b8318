import { StartChannelCommand } from '@aws-sdk/client-medialive';
import { CreateScheduleCommand } from '@aws-sdk/client-scheduler';
import { describe, expect, it, vi } from 'vitest';
import type { DestinationStatus } from '../../../shared/domain/destination';
import type { SafetyStop } from '../../../shared/domain/safety-stop';
import { SAFETY_STOP } from '../../simulator/seed';
import { useSchedulerSimulator } from '../../simulator/test-support/scheduler-rig';
import { silentLogger } from '../logger';
import { createNotifier } from '../notifications/notifier';
import { ChannelAlarms } from './channel-alarms';
import { atExpression, SafetyStops, scheduleName } from './safety-stop';

const HOUR = 3_600_000;
const startRig = useSchedulerSimulator(11);

async function setup(
  options: { group?: string | null; plannedEnd?: number | null; skewMs?: number; graceMinutes?: number } = {},
) {
  const { sim, scheduler, medialive, dest } = await startRig();
  const tiles = new Map<string, SafetyStop | null>();
  const notifier = createNotifier(() => {});
  let plannedEnd = options.plannedEnd === undefined ? Date.now() + HOUR : options.plannedEnd;
  const now = () => Date.now() + (options.skewMs ?? 0);
  /** A console's safety stops; a second one is the console after a restart (same AWS, same tiles). */
  const consoleStops = () =>
    new SafetyStops({
      scheduler,
      group: options.group === undefined ? SAFETY_STOP.group : options.group,
      roleArn: 'arn:aws:iam::123456789012:role/lunora-booth-safety-stop',
      region: sim.region,
      monitor: { setSafetyStop: (id, value) => void tiles.set(id, value) },
      notifier,
      logger: silentLogger,
      now,
      graceMinutes: () => options.graceMinutes ?? 30,
      recheckDueMs: [300],
      plannedEnd: () => plannedEnd,
      retry: { retries: 0, minTimeoutMs: 1, maxTimeoutMs: 1 },
    });
  const stops = consoleStops();
  const schedules = () => sim.control.schedules.list().filter((s) => s.name === scheduleName(dest.id));
  const schedule = () => schedules()[0];
  return {
    sim,
    stops,
    consoleStops,
    dest,
    tiles,
    notifier,
    medialive,
    scheduler,
    schedule,
    schedules,
    setPlannedEnd: (end: number | null) => (plannedEnd = end),
  };
}

const status = (id: string, state: DestinationStatus['state']) => ({ id, state }) as DestinationStatus;
/** A whole status as the channel monitor publishes it, for the alarms. */
const liveStatus = (dest: { id: string; name: string; channelId: string }): Partial<DestinationStatus> => ({
  id: dest.id,
  name: dest.name,
  channelId: dest.channelId,
  alarm: null,
  unconfirmed: null,
  startedBy: null,
});

describe('the safety stop of a run (EventBridge Scheduler, against the simulator)', () => {
  it('creates a one-time StopChannel schedule at the planned end plus the grace, and the tile shows it', async () => {
    const { stops, dest, tiles, schedule, notifier } = await setup({ plannedEnd: Date.UTC(2099, 0, 1, 22, 0, 0) });
    await stops.arm(dest.id, dest.channelId, dest.name);
    expect(notifier.recent().map((n) => n.message)).toEqual([]);
    const created = schedule();
    expect(created?.expression).toBe('at(2099-01-01T22:30:00)');
    expect(created?.actionAfterCompletion).toBe('DELETE');
    expect(created?.target.Arn).toBe('arn:aws:scheduler:::aws-sdk:medialive:stopChannel');
    expect(JSON.parse(created?.target.Input ?? '')).toEqual({ ChannelId: dest.channelId });
    expect(notifier.recent()).toEqual([]);
    expect(tiles.get(dest.id)).toMatchObject({ state: 'armed', at: Date.UTC(2099, 0, 1, 22, 30, 0) });
    expect(tiles.get(dest.id)?.note).toMatch(/^auto-stop /);
  });

  it('without a plan, stops four hours after the start plus the grace', async () => {
    const { stops, dest, tiles } = await setup({ plannedEnd: null });
    const before = Date.now();
    await stops.arm(dest.id, dest.channelId, dest.name);
    const at = tiles.get(dest.id)?.at ?? 0;
    expect(at - before).toBeGreaterThanOrEqual(4 * HOUR + 30 * 60_000);
    expect(at - before).toBeLessThan(4 * HOUR + 31 * 60_000);
  });

  it('takes over a schedule of the same name left from an earlier run (ConflictException)', async () => {
    const { stops, dest, scheduler, schedule, tiles, notifier } = await setup();
    await scheduler.send(
      new CreateScheduleCommand({
        Name: scheduleName(dest.id),
        GroupName: SAFETY_STOP.group,
        ScheduleExpression: atExpression(Date.now() + 10 * HOUR),
        FlexibleTimeWindow: { Mode: 'OFF' },
        Target: { Arn: 'arn:aws:scheduler:::aws-sdk:medialive:stopChannel', RoleArn: 'arn:aws:iam::1:role/x' },
      }),
    );
    await stops.arm(dest.id, dest.channelId, dest.name);
    expect(tiles.get(dest.id)?.state).toBe('armed');
    expect(schedule()?.at).toBe(Math.floor((tiles.get(dest.id)?.at ?? 0) / 1000) * 1000);
    expect(notifier.recent().filter((n) => n.level === 'error')).toEqual([]);
  });

  it('says at once, on the tile and as an error, when the schedule cannot be made; the run goes on', async () => {
    const { stops, dest, tiles, notifier } = await setup({ group: 'lunora-no-such-group' });
    await stops.arm(dest.id, dest.channelId, dest.name);
    expect(tiles.get(dest.id)?.state).toBe('missing');
    const [error] = notifier.recent().filter((n) => n.level === 'error');
    expect(error?.title).toBe(`${dest.name}: no safety stop in AWS`);
    expect(error?.message).toMatch(/end it yourself/);
    expect(error?.message).not.toMatch(/Exception|arn:/);
  });

  it('a stack without the schedule group: no request, the operator is told', async () => {
    const { stops, dest, tiles, notifier, sim: running } = await setup({ group: null });
    await stops.arm(dest.id, dest.channelId, dest.name);
    expect(tiles.get(dest.id)?.state).toBe('missing');
    expect(notifier.recent()[0]?.message).toMatch(/update the stack/);
    expect(running.control.requests({ service: 'scheduler' })).toEqual([]);
  });

  it('moves with the planned end (UpdateSchedule) and goes with a stop from the console (DeleteSchedule)', async () => {
    const end = Date.UTC(2099, 0, 1, 22, 0, 0);
    const { stops, dest, schedule, setPlannedEnd, tiles } = await setup({ plannedEnd: end });
    await stops.arm(dest.id, dest.channelId, dest.name);
    setPlannedEnd(end + HOUR);
    await stops.replan();
    expect(schedule()?.expression).toBe('at(2099-01-01T23:30:00)');
    stops.expectStop(dest.id);
    stops.observe([status(dest.id, 'STOPPING')]);
    await stops.disarm(dest.id);
    expect(schedule()).toBeUndefined();
    expect(tiles.get(dest.id)).toBeNull();
  });

  it('a schedule deleted by someone else: made again and the operator warned; a stop then finds nothing to delete', async () => {
    const { stops, dest, schedule, notifier, sim: running } = await setup();
    await stops.arm(dest.id, dest.channelId, dest.name);
    running.control.schedules.removeElsewhere(scheduleName(dest.id), SAFETY_STOP.group);
    await stops.verify();
    expect(schedule()).toBeDefined();
    expect(notifier.recent().at(-1)?.title).toBe(`${dest.name}: safety stop was deleted outside the console`);
    running.control.schedules.removeElsewhere(scheduleName(dest.id), SAFETY_STOP.group);
    const before = notifier.recent().length;
    await stops.disarm(dest.id);
    expect(notifier.recent()).toHaveLength(before);
  });

  it('fires while the console runs: the channel stops and the tile says it was the safety schedule, as an alarm', async () => {
    const { stops, dest, tiles, notifier, medialive, sim: running } = await setup();
    await medialive.send(new StartChannelCommand({ ChannelId: dest.channelId }));
    await running.control.waitForChannelState(dest.channelId, 'RUNNING');
    await stops.arm(dest.id, dest.channelId, dest.name);
    const fired = running.control.schedules.fireNow(scheduleName(dest.id), SAFETY_STOP.group);
    expect(fired.outcome).toBe('invoked');
    await running.control.waitForChannelState(dest.channelId, 'IDLE');
    // The state before the take is not a stop; once seen on air, IDLE is.
    stops.observe([status(dest.id, 'IDLE')]);
    expect(tiles.get(dest.id)?.state).toBe('armed');
    stops.observe([status(dest.id, 'RUNNING')]);
    stops.observe([status(dest.id, 'IDLE')]);
    await vi.waitFor(() => expect(tiles.get(dest.id)?.state).toBe('fired'));
    const alarm = notifier.recent().at(-1);
    expect(alarm?.level).toBe('error');
    expect(alarm?.title.startsWith(`${dest.name}: `)).toBe(true);
    expect(alarm?.title).toMatch(/: stopped by its safety schedule at \d\d:\d\d:\d\d$/);
  });

  it('stopped at its time while AWS still shows the schedule (deleted after the invocation): asked again, the safety stop', async () => {
    const { stops, dest, tiles, sim } = await setup({ plannedEnd: Date.now() + 30_000, graceMinutes: 0 });
    await stops.arm(dest.id, dest.channelId, dest.name);
    sim.control.clearRequests();
    stops.observe([status(dest.id, 'RUNNING')]);
    stops.observe([status(dest.id, 'STOPPING')]);
    const reads = () => sim.control.requests({ service: 'scheduler', operation: 'GetSchedule' });
    await vi.waitFor(() => expect(reads()).toHaveLength(1));
    expect(reads()[0]?.status).toBe(200);
    sim.control.schedules.removeElsewhere(scheduleName(dest.id), SAFETY_STOP.group);
    await vi.waitFor(() => expect(tiles.get(dest.id)?.state).toBe('fired'));
    expect(reads()).toHaveLength(2);
  });

  it('stopped elsewhere while its schedule still waits: not the safety stop, and the schedule is deleted', async () => {
    const { stops, dest, tiles, schedule, notifier } = await setup();
    await stops.arm(dest.id, dest.channelId, dest.name);
    stops.observe([status(dest.id, 'RUNNING')]);
    stops.observe([status(dest.id, 'STOPPING')]);
    await vi.waitFor(() => expect(schedule()).toBeUndefined());
    expect(tiles.get(dest.id)).toBeNull();
    expect(notifier.recent().filter((n) => n.level === 'error')).toEqual([]);
  });

  it('a PC clock ahead of AWS: the schedule is set in AWS time and the operator told of the difference', async () => {
    const skewMs = 5 * 60_000;
    const { stops, dest, tiles, schedule, notifier } = await setup({ skewMs, plannedEnd: Date.now() + skewMs + HOUR });
    await stops.arm(dest.id, dest.channelId, dest.name);
    const shown = tiles.get(dest.id)?.at ?? 0;
    expect(Math.abs((schedule()?.at ?? 0) - (shown - skewMs))).toBeLessThan(2_000);
    expect(notifier.recent().some((n) => /This PC's clock is 30\d s ahead of AWS/.test(n.title))).toBe(true);
  });
});

/** A live channel as the monitor reads it after a restart: started by this console (its tags) before it came up. */
const startedHere = (
  dest: { id: string; name: string; channelId: string },
  startedAt: number,
  state: DestinationStatus['state'],
) =>
  ({
    id: dest.id,
    name: dest.name,
    channelId: dest.channelId,
    state,
    startedBy: { startedAt, console: 'booth-pc', operator: 'op', thisConsole: true },
  }) as DestinationStatus;

describe('a console restarted while its channel is live', () => {
  it('picks up the schedule it made before: not created twice, the tile shows it, a stop deletes it', async () => {
    const end = Date.UTC(2099, 0, 1, 22, 0, 0);
    const { stops, consoleStops, dest, tiles, schedules, notifier, sim } = await setup({ plannedEnd: end });
    const startedAt = Date.now() - 60_000;
    await stops.arm(dest.id, dest.channelId, dest.name);
    tiles.clear();
    sim.control.clearRequests();
    const restarted = consoleStops();
    restarted.observe([startedHere(dest, startedAt, 'RUNNING')]);
    await vi.waitFor(() => expect(tiles.get(dest.id)?.state).toBe('armed'));
    expect(tiles.get(dest.id)?.at).toBe(Date.UTC(2099, 0, 1, 22, 30, 0));
    expect(schedules()).toHaveLength(1);
    expect(sim.control.requests({ service: 'scheduler' }).map((r) => r.operation)).toEqual(['GetSchedule']);
    expect(notifier.recent()).toEqual([]);
    // Seen again (every poll): looked up once.
    restarted.observe([startedHere(dest, startedAt, 'RUNNING')]);
    expect(sim.control.requests({ service: 'scheduler' })).toHaveLength(1);
    restarted.expectStop(dest.id);
    await restarted.disarm(dest.id);
    expect(schedules()).toEqual([]);
  });

  it('a schedule lost while the console was down is made again, and the operator told', async () => {
    const { consoleStops, dest, tiles, schedules, notifier } = await setup();
    const restarted = consoleStops();
    restarted.observe([startedHere(dest, Date.now() - 60_000, 'RUNNING')]);
    await vi.waitFor(() => expect(tiles.get(dest.id)?.state).toBe('armed'));
    expect(schedules()).toHaveLength(1);
    expect(notifier.recent().at(-1)?.title).toBe(`${dest.name}: safety stop was missing after the console restarted`);
  });

  it('a plan moved while the console was down moves the schedule it picks up', async () => {
    const end = Date.UTC(2099, 0, 1, 22, 0, 0);
    const { stops, consoleStops, dest, schedule, setPlannedEnd } = await setup({ plannedEnd: end });
    await stops.arm(dest.id, dest.channelId, dest.name);
    setPlannedEnd(end + HOUR);
    consoleStops().observe([startedHere(dest, Date.now() - 60_000, 'RUNNING')]);
    await vi.waitFor(() => expect(schedule()?.expression).toBe('at(2099-01-01T23:30:00)'));
  });

  it('leaves alone runs of other consoles, runs started since, and channels not live', async () => {
    const { consoleStops, dest, sim } = await setup();
    const restarted = consoleStops();
    const other = { ...startedHere(dest, Date.now() - 60_000, 'RUNNING'), startedBy: null };
    restarted.observe([other, startedHere(dest, Date.now() + 1_000, 'RUNNING')]);
    restarted.observe([startedHere(dest, Date.now() - 60_000, 'STOPPING')]);
    await new Promise((resolve) => setImmediate(resolve));
    expect(sim.control.requests({ service: 'scheduler' })).toEqual([]);
  });
});

describe('one alarm for a stop nobody at this console sent', () => {
  async function alarmed(fire: boolean) {
    const rig = await setup();
    const { stops, dest, notifier, medialive, sim } = rig;
    const alarms = new ChannelAlarms(notifier);
    alarms.explainStopsWith((id) => stops.explain(id));
    await medialive.send(new StartChannelCommand({ ChannelId: dest.channelId }));
    await sim.control.waitForChannelState(dest.channelId, 'RUNNING');
    await stops.arm(dest.id, dest.channelId, dest.name);
    stops.observe([status(dest.id, 'RUNNING')]);
    if (fire) sim.control.schedules.fireNow(scheduleName(dest.id), SAFETY_STOP.group);
    const running = { ...liveStatus(dest), state: 'RUNNING', runningSince: Date.now() - 5_000 } as DestinationStatus;
    const stopping = { ...running, state: 'STOPPING', stateSince: Date.now(), runningSince: null } as DestinationStatus;
    expect(alarms.review(running, stopping).alarm?.kind).toBe('stopped-elsewhere');
    stops.observe([stopping]);
    return rig;
  }

  it('fired by its schedule: the safety stop says it, and the generic "stopped outside" is not said as well', async () => {
    const { dest, notifier, tiles } = await alarmed(true);
    await vi.waitFor(() => expect(tiles.get(dest.id)?.state).toBe('fired'));
    await new Promise((resolve) => setImmediate(resolve));
    const errors = notifier.recent().filter((n) => n.kind === 'alert');
    expect(errors.map((n) => n.title)).toEqual([expect.stringMatching(/: stopped by its safety schedule at /)]);
  });

  it('stopped elsewhere with its schedule still waiting: the usual alarm, once', async () => {
    const { dest, notifier, schedule } = await alarmed(false);
    await vi.waitFor(() => expect(notifier.recent().filter((n) => n.kind === 'alert')).toHaveLength(1));
    expect(notifier.recent().at(-1)?.title).toBe(`${dest.name} stopped outside this console after 00:00:05 on air`);
    await vi.waitFor(() => expect(schedule()).toBeUndefined());
  });
});

describe('the readiness check of the safety stop', () => {
  it('passes with the stack group, warns without it or when it does not exist', async () => {
    const { checkSafetyStop } = await import('../readiness/safety-stop-check');
    const { scheduler } = await setup();
    const stack = (group: string | null) =>
      ({ safetyStop: { group, roleArn: 'arn:aws:iam::123456789012:role/r' } }) as unknown as Parameters<
        typeof checkSafetyStop
      >[1];
    expect(await checkSafetyStop(scheduler, stack(SAFETY_STOP.group), 'us-east-1')).toMatchObject({ status: 'pass' });
    expect(await checkSafetyStop(scheduler, stack(null), 'us-east-1')).toMatchObject({
      status: 'warn',
      detail: expect.stringMatching(/keeps billing if this PC goes down/),
    });
    expect(await checkSafetyStop(scheduler, stack('lunora-gone'), 'us-east-1')).toMatchObject({
      status: 'warn',
      detail: expect.stringMatching(/^Schedule group lunora-gone does not exist in us-east-1\.$/),
    });
  });
});
