import { describe, expect, it } from 'vitest';
import type { DestinationState } from '../../../shared/domain/channel';
import type { DestinationStatus } from '../../../shared/domain/destination';
import type { Notification } from '../../../shared/domain/notification';
import { destinationStatus } from '../../../shared/domain/test-support/destination-status';
import { createNotifier } from '../notifications/notifier';
import { alarmRaisedByThisChange, ChannelAlarms } from './channel-alarms';
import { StateNotifications } from './state-notifications';

/** Feeds a tile through states as the monitor would (stateSince and runningSince as its poll sets them). */
function setup() {
  let clock = 1_000_000;
  const notes: Notification[] = [];
  const notifier = createNotifier(
    (n) => notes.push(n),
    () => clock,
  );
  const alarms = new ChannelAlarms(notifier, () => clock);
  let current: DestinationStatus = destinationStatus('youtube', 'IDLE', { name: 'YouTube' });
  const to = (state: DestinationState, atMs: number, extra: Partial<DestinationStatus> = {}) => {
    clock = atMs;
    const onAir = state === 'RUNNING' || state === 'RECOVERING';
    const wasOnAir = current.state === 'RUNNING' || current.state === 'RECOVERING';
    const next: DestinationStatus = {
      ...current,
      state,
      stateSince: state === current.state ? current.stateSince : atMs,
      runningSince: onAir ? (wasOnAir ? current.runningSince : atMs) : null,
      ...extra,
    };
    current = alarms.review(current, next);
    return current;
  };
  return {
    alarms,
    notes,
    to,
    get current() {
      return current;
    },
  };
}

describe('alarms of unplanned changes', () => {
  it('a channel that falls off air without a stop from this console: DROPPED, latched, with its time on air', () => {
    const t = setup();
    t.alarms.expect('youtube', 'start');
    t.to('STARTING', 1_000_000);
    t.to('RUNNING', 1_010_000);
    expect(t.current.alarm).toBeNull();
    const dropped = t.to('IDLE', 1_010_000 + 41 * 60_000 + 6_000);
    expect(dropped.alarm).toMatchObject({ kind: 'dropped', onAirFor: 41 * 60_000 + 6_000, recoveredAt: null });
    expect(dropped.alarm?.message).toMatch(/went off air without a stop from this console/);
    expect(t.notes.at(-1)).toMatchObject({
      kind: 'alert',
      level: 'error',
      title: 'YouTube DROPPED off air after 00:41:06 on air',
    });
    // Still latched at the next poll (same state): only an acknowledgement clears it.
    expect(t.to('IDLE', 2_000_000).alarm?.kind).toBe('dropped');
  });

  it('a stop this console sent is planned: no alarm on STOPPING or IDLE', () => {
    const t = setup();
    t.alarms.expect('youtube', 'start');
    t.to('STARTING', 1_000_000);
    t.to('RUNNING', 1_001_000);
    t.alarms.expect('youtube', 'stop');
    t.to('STOPPING', 1_002_000);
    t.to('IDLE', 1_003_000);
    expect(t.current.alarm).toBeNull();
    expect(t.notes).toHaveLength(0);
    // The expectation is spent: a later start from elsewhere is an alarm again.
    t.to('STARTING', 1_004_000);
    expect(t.current.alarm?.kind).toBe('started-elsewhere');
  });

  it('RECOVERING is an amber alarm that stays latched after the recovery, then escalates to DROPPED', () => {
    const t = setup();
    t.alarms.expect('youtube', 'start');
    t.to('RUNNING', 1_000_000);
    const recovering = t.to('RECOVERING', 1_060_000);
    expect(recovering.alarm).toMatchObject({ kind: 'recovering', at: 1_060_000, onAirFor: 60_000 });
    // On air through the recovery: the on-air time is not reset.
    expect(recovering.runningSince).toBe(1_000_000);
    expect(t.notes.at(-1)?.level).toBe('warning');
    expect(t.to('RUNNING', 1_070_000).alarm).toMatchObject({ kind: 'recovering', recoveredAt: 1_070_000 });
    expect(t.current.runningSince).toBe(1_000_000);
    t.to('RECOVERING', 1_080_000);
    expect(t.to('IDLE', 1_090_000).alarm).toMatchObject({ kind: 'dropped', onAirFor: 90_000 });
  });

  it('a channel started or stopped outside this console says so', () => {
    const t = setup();
    expect(t.to('STARTING', 1_000_000).alarm).toMatchObject({ kind: 'started-elsewhere', onAirFor: null });
    expect(t.notes.at(-1)?.title).toBe('YouTube started outside this console');
    t.to('RUNNING', 1_001_000);
    expect(t.current.alarm?.at).toBe(1_000_000);
    expect(t.to('STOPPING', 1_031_000).alarm).toMatchObject({ kind: 'stopped-elsewhere', onAirFor: 30_000 });
    // STOPPING -> IDLE adds nothing: the stop was already the alarm.
    expect(t.to('IDLE', 1_032_000).alarm?.kind).toBe('stopped-elsewhere');
  });

  it('a failure state while on air is an alarm; the same state while off air is not', () => {
    const t = setup();
    t.alarms.expect('youtube', 'start');
    t.to('RUNNING', 1_000_000);
    expect(t.to('MISSING', 1_005_000, { problem: 'The channel was deleted.' }).alarm).toMatchObject({ kind: 'failed' });
    const quiet = setup();
    expect(quiet.to('UPDATE_FAILED', 1_000_000).alarm).toBeNull();
  });

  it('never raises on an unconfirmed tile, nor from or to UNKNOWN (never read)', () => {
    const t = setup();
    t.alarms.expect('youtube', 'start');
    t.to('RUNNING', 1_000_000);
    const unconfirmed = { since: 1, lastConfirmedAt: 1, code: 'throttled', reason: 'AWS is throttling.' };
    expect(t.to('IDLE', 1_001_000, { unconfirmed }).alarm).toBeNull();
    const fresh = setup();
    fresh.to('UNKNOWN', 1_000_000);
    expect(fresh.to('RUNNING', 1_001_000).alarm).toBeNull();
  });

  it('after an outage, a channel found off air is DROPPED unless this console sent its stop meanwhile', () => {
    const unconfirmed = { since: 1, lastConfirmedAt: 1, code: 'throttled', reason: 'AWS is throttling.' };
    for (const stopSent of [false, true]) {
      const t = setup();
      t.alarms.expect('youtube', 'start');
      t.to('RUNNING', 1_000_000);
      t.to('RUNNING', 1_001_000, { unconfirmed });
      if (stopSent) t.alarms.expect('youtube', 'stop');
      const back = t.to('IDLE', 1_060_000, { unconfirmed: null });
      expect(back.alarm?.kind ?? null).toBe(stopSent ? null : 'dropped');
    }
  });

  it('the state notifications leave an alarmed change to the alarm: one notification, not two', () => {
    const notes: Notification[] = [];
    const notifier = createNotifier(
      (n) => notes.push(n),
      () => 5_000,
    );
    const alarms = new ChannelAlarms(notifier, () => 5_000);
    const states = new StateNotifications(notifier, () => 5_000);
    const running = destinationStatus('youtube', 'RUNNING', {
      name: 'YouTube',
      runningSince: 1_000,
      stateSince: 1_000,
    });
    states.observe([running]);
    const idle = alarms.review(running, { ...running, state: 'IDLE', stateSince: 5_000, runningSince: null });
    expect(alarmRaisedByThisChange(idle)).toBe(true);
    states.observe([idle]);
    expect(notes.map((n) => n.title)).toEqual(['YouTube DROPPED off air after 00:00:04 on air']);
  });

  it('stopped elsewhere: the alarm at STOPPING, and the IDLE after it is routine (one alarm, not two)', () => {
    const notes: Notification[] = [];
    const notifier = createNotifier((n) => notes.push(n));
    const alarms = new ChannelAlarms(notifier);
    const states = new StateNotifications(notifier);
    const running = destinationStatus('youtube', 'RUNNING', {
      name: 'YouTube',
      runningSince: 1_000,
      stateSince: 1_000,
    });
    states.observe([running]);
    const stopping = alarms.review(running, { ...running, state: 'STOPPING', stateSince: 5_000, runningSince: null });
    states.observe([stopping]);
    const idle = alarms.review(stopping, { ...stopping, state: 'IDLE', stateSince: 6_000 });
    states.observe([idle]);
    expect(idle.alarm?.kind).toBe('stopped-elsewhere');
    expect(notes.filter((n) => n.kind === 'alert').map((n) => n.title)).toEqual([
      'YouTube stopped outside this console after 00:00:04 on air',
    ]);
    expect(notes.at(-1)?.title).toBe('YouTube is off air');
  });
});
