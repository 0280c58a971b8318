import { describe, expect, it } from 'vitest';
import type { DestinationState } from '../../../shared/domain/channel';
import type { DestinationStatus } from '../../../shared/domain/destination';
import {
  ArmingController,
  planFor,
  RESULT_VISIBLE_MS,
  type ArmingEvent,
  type GoLiveAction,
  type SendResult,
} from './arming';
import { destinationStatus } from '../../../shared/domain/test-support/destination-status';

const dest = (
  id: string,
  state: DestinationState = 'IDLE',
  extra: Partial<DestinationStatus> = {},
): DestinationStatus => destinationStatus(id, state, { name: id.toUpperCase(), ...extra });

/** A fake clock: timers fire only when the test advances time. */
function fakeClock() {
  let now = 1_000_000;
  let nextId = 1;
  const timers = new Map<number, { at: number; fn: () => void }>();
  return {
    now: () => now,
    setTimer: (fn: () => void, ms: number) => {
      const id = nextId++;
      timers.set(id, { at: now + ms, fn });
      return id;
    },
    clearTimer: (id: unknown) => void timers.delete(id as number),
    /** Moves time without running timers (a busy main thread; a timer that fires late). */
    skew(ms: number) {
      now += ms;
    },
    advance(ms: number) {
      const target = now + ms;
      for (;;) {
        const due = [...timers.entries()].filter(([, t]) => t.at <= target).sort((a, b) => a[1].at - b[1].at)[0];
        if (!due) break;
        timers.delete(due[0]);
        now = due[1].at;
        due[1].fn();
      }
      now = target;
    },
  };
}

function setup(destinations: DestinationStatus[], timeoutSeconds = 5) {
  const clock = fakeClock();
  const list = new Map(destinations.map((d) => [d.id, d]));
  const sent: { action: GoLiveAction; id: string }[] = [];
  const pending: ((result: SendResult) => void)[] = [];
  const events: ArmingEvent[] = [];
  const controller = new ArmingController({
    now: clock.now,
    setTimer: clock.setTimer,
    clearTimer: clock.clearTimer,
    destination: (id) => list.get(id),
    timeoutSeconds: () => timeoutSeconds,
    takeHeld: ({ action, destinationId: id }) => {
      sent.push({ action, id });
      return new Promise((resolve) => pending.push(resolve));
    },
  });
  controller.onEvent((event) => events.push(event));
  return {
    clock,
    controller,
    sent,
    events,
    set: (d: DestinationStatus) => list.set(d.id, d),
    answer: (result: SendResult) => pending.shift()!(result),
  };
}

const flush = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('ArmingController: arm', () => {
  it('arms IDLE as go live and RUNNING / STARTING / RECOVERING as end', () => {
    const t = setup([dest('a'), dest('b', 'RUNNING'), dest('c', 'STARTING'), dest('d', 'RECOVERING')]);
    expect(t.controller.arm('a')).toMatchObject({ ok: true, armed: { action: 'start' } });
    expect(t.controller.arm('b')).toMatchObject({ ok: true, armed: { action: 'stop' } });
    expect(t.controller.arm('c')).toMatchObject({ ok: true, armed: { action: 'stop' } });
    expect(t.controller.arm('d')).toMatchObject({ ok: true, armed: { action: 'stop' } });
  });

  it('refuses the other states with the reason, and keeps what was armed', () => {
    const t = setup([
      dest('a'),
      dest('missing', 'MISSING', { problem: 'MediaLive channel 9 does not exist' }),
      dest('stopping', 'STOPPING'),
      dest('updating', 'UPDATING'),
      dest('unknown', 'UNKNOWN'),
      dest('failed', 'UPDATE_FAILED'),
      dest('unmapped', 'IDLE', { channelId: null, problem: 'No MediaLive channel is mapped' }),
    ]);
    t.controller.arm('a');
    expect(t.controller.arm('missing')).toEqual({ ok: false, reason: 'MediaLive channel 9 does not exist' });
    expect(t.controller.arm('stopping')).toMatchObject({ ok: false, reason: expect.stringMatching(/stopping/) });
    expect(t.controller.arm('updating')).toMatchObject({ ok: false, reason: expect.stringMatching(/settings/) });
    expect(t.controller.arm('unknown')).toMatchObject({ ok: false });
    expect(t.controller.arm('failed')).toMatchObject({ ok: false });
    expect(t.controller.arm('unmapped')).toEqual({ ok: false, reason: 'No MediaLive channel is mapped' });
    expect(t.controller.arm('nope')).toMatchObject({ ok: false });
    expect(t.controller.armed?.destinationId).toBe('a');
    expect(t.events.filter((e) => e.kind === 'refused').map((e) => e.text)[0]).toMatch(
      /MISSING cannot be armed: MediaLive channel 9/,
    );
  });

  it('holds one armed destination at a time: arming another replaces it', () => {
    const t = setup([dest('a'), dest('b')]);
    t.controller.arm('a');
    t.controller.arm('b');
    expect(t.controller.armed?.destinationId).toBe('b');
    t.controller.take();
    expect(t.sent).toEqual([{ action: 'start', id: 'b' }]);
  });

  it('expires after the timeout, counting down, and nothing is sent', () => {
    const t = setup([dest('a')], 5);
    t.controller.arm('a');
    expect(t.controller.secondsLeft()).toBe(5);
    t.clock.advance(1_200);
    expect(t.controller.secondsLeft()).toBe(4);
    t.clock.advance(3_799);
    expect(t.controller.armed).not.toBeNull();
    t.clock.advance(1);
    expect(t.controller.armed).toBeNull();
    expect(t.events.at(-1)?.kind).toBe('expired');
    // A take after that finds nothing armed, and says so.
    expect(t.controller.take()).toEqual({ sent: false, reason: 'not-armed' });
    expect(t.events.at(-1)?.kind).toBe('nothing-armed');
    expect(t.sent).toEqual([]);
  });

  it('re-arming restarts the countdown with the current timeout setting', () => {
    const t = setup([dest('a')], 3);
    t.controller.arm('a');
    t.clock.advance(2_500);
    t.controller.arm('a');
    t.clock.advance(2_500);
    expect(t.controller.armed).not.toBeNull();
    t.clock.advance(600);
    expect(t.controller.armed).toBeNull();
  });

  it('a take the expiry timer has not caught yet (late timer) is still refused', () => {
    const t = setup([dest('a')], 2);
    t.controller.arm('a');
    t.clock.skew(2_001);
    expect(t.controller.take()).toEqual({ sent: false, reason: 'expired' });
    expect(t.sent).toEqual([]);
  });

  it('disarm cancels; a later take sends nothing', () => {
    const t = setup([dest('a')]);
    t.controller.arm('a');
    expect(t.controller.disarm()).toBe(true);
    expect(t.controller.disarm()).toBe(false);
    expect(t.controller.take()).toEqual({ sent: false, reason: 'not-armed' });
    expect(t.sent).toEqual([]);
  });

  it('ignores key auto-repeat on arm', () => {
    const t = setup([dest('a')]);
    expect(t.controller.arm('a', { repeat: true })).toMatchObject({ ok: false });
    expect(t.controller.armed).toBeNull();
  });
});

describe('ArmingController: take sends exactly one request', () => {
  it('consumes the arming synchronously: 30 takes in the same tick send one request', () => {
    const t = setup([dest('a')]);
    t.controller.arm('a');
    const results = Array.from({ length: 30 }, () => t.controller.take());
    expect(results.filter((r) => r.sent)).toHaveLength(1);
    expect(t.sent).toEqual([{ action: 'start', id: 'a' }]);
    expect(t.controller.armed).toBeNull();
  });

  it('ignores auto-repeat takes, and the arming survives them', () => {
    const t = setup([dest('a')]);
    t.controller.arm('a');
    expect(t.controller.take({ repeat: true })).toEqual({ sent: false, reason: 'repeat' });
    expect(t.controller.armed).not.toBeNull();
    expect(t.sent).toEqual([]);
  });

  it('shows sending, then the result; refuses to arm while the request is in flight', async () => {
    const t = setup([dest('a')]);
    t.controller.arm('a');
    t.controller.take();
    expect(t.controller.activity('a')).toMatchObject({ phase: 'sending', action: 'start' });
    expect(t.controller.isInFlight('a')).toBe(true);
    expect(t.controller.arm('a')).toMatchObject({ ok: false, reason: expect.stringMatching(/on its way/) });
    expect(t.controller.take()).toEqual({ sent: false, reason: 'not-armed' });
    t.answer({ ok: true, data: { outcome: 'requested', state: 'STARTING' } });
    await flush();
    expect(t.controller.isInFlight('a')).toBe(false);
    expect(t.controller.activity('a')).toMatchObject({ phase: 'done', ok: true, message: 'Start requested' });
    t.clock.advance(RESULT_VISIBLE_MS);
    expect(t.controller.activity('a')).toBeNull();
    expect(t.sent).toHaveLength(1);
  });

  it('a take while the same destination is in flight sends nothing (armed before the first request left)', async () => {
    const t = setup([dest('a')]);
    t.controller.arm('a');
    t.controller.take();
    // Pretend the state moved on (feed says STARTING) and the operator arms end right away.
    t.set(dest('a', 'STARTING'));
    expect(t.controller.arm('a')).toMatchObject({ ok: false });
    expect(t.sent).toHaveLength(1);
  });

  it('refuses to arm while main reports a pending action (retrying after throttling)', () => {
    const t = setup([
      dest('a', 'IDLE', { pending: { action: 'start', since: 0, attempt: 3, note: 'AWS is throttling' } }),
    ]);
    expect(t.controller.arm('a')).toMatchObject({ ok: false, reason: expect.stringMatching(/on its way/) });
  });

  it('keeps AWS reason on the tile when the request fails; the failure stays until the next arm', async () => {
    const t = setup([dest('a')]);
    t.controller.arm('a');
    t.controller.take();
    t.answer({
      ok: false,
      code: 'unavailable',
      message: 'Start YouTube failed: MediaLive is unavailable (InternalServerError).',
    });
    await flush();
    expect(t.controller.activity('a')).toMatchObject({
      phase: 'done',
      ok: false,
      message: 'Start YouTube failed: MediaLive is unavailable (InternalServerError).',
    });
    t.clock.advance(RESULT_VISIBLE_MS * 3);
    expect(t.controller.activity('a')).toMatchObject({ ok: false });
    t.controller.arm('a');
    expect(t.controller.activity('a')).toBeNull();
    expect(t.events.map((e) => e.kind)).toEqual(['armed', 'sending', 'failed', 'armed']);
  });

  it('a success message leaves the tile when the state changes; a failure does not', async () => {
    const t = setup([dest('a'), dest('b')]);
    t.controller.arm('a');
    t.controller.take();
    t.answer({ ok: true, data: { outcome: 'requested', state: 'STARTING' } });
    t.controller.arm('b');
    t.controller.take();
    t.answer({ ok: false, code: 'conflict', message: 'refused' });
    await flush();
    t.controller.stateChanged('a');
    t.controller.stateChanged('b');
    expect(t.controller.activity('a')).toBeNull();
    expect(t.controller.activity('b')).toMatchObject({ ok: false });
  });

  it('says "already" when AWS was already there', async () => {
    const t = setup([dest('a', 'RUNNING')]);
    t.controller.arm('a');
    t.controller.take();
    t.answer({ ok: true, data: { outcome: 'already', state: 'STOPPING' } });
    await flush();
    expect(t.controller.activity('a')).toMatchObject({ ok: true, message: 'Already stopping; nothing sent' });
  });

  it('ending is the same two steps: arm a RUNNING destination, take sends one stop', () => {
    const t = setup([dest('a', 'RUNNING')]);
    expect(t.controller.take()).toEqual({ sent: false, reason: 'not-armed' });
    t.controller.arm('a');
    t.controller.take();
    t.controller.take();
    expect(t.sent).toEqual([{ action: 'stop', id: 'a' }]);
  });

  it('does not send when the state changed since arming so that the take would mean something else', () => {
    const t = setup([dest('a')]);
    t.controller.arm('a');
    t.set(dest('a', 'STARTING')); // started elsewhere: a take now would END it
    expect(t.controller.take()).toEqual({ sent: false, reason: 'state-changed' });
    expect(t.sent).toEqual([]);
    expect(t.controller.activity('a')).toMatchObject({
      ok: false,
      message: expect.stringMatching(/Not sent: it is now STARTING/),
    });
  });

  it('reconcile disarms when the armed destination changes under it', () => {
    const t = setup([dest('a')]);
    t.controller.arm('a');
    t.controller.reconcile();
    expect(t.controller.armed).not.toBeNull();
    t.set(dest('a', 'MISSING', { problem: 'channel deleted' }));
    t.controller.reconcile();
    expect(t.controller.armed).toBeNull();
    expect(t.events.at(-1)?.text).toMatch(/disarmed \(channel deleted\)/);
  });

  it('a send that throws synchronously becomes a failure on the tile, not an exception', async () => {
    const clock = fakeClock();
    const controller = new ArmingController({
      ...clock,
      destination: (id) => dest(id),
      timeoutSeconds: () => 5,
      takeHeld: () => {
        throw new Error('bridge gone');
      },
    });
    controller.arm('a');
    expect(controller.take()).toMatchObject({ sent: true });
    await flush();
    expect(controller.activity('a')).toMatchObject({ ok: false, message: 'Go live failed: bridge gone' });
    expect(controller.arm('a')).toMatchObject({ ok: true });
    expect(controller.isInFlight('a')).toBe(false);
  });
});

describe('ArmingController: a failed take, retried', () => {
  const fail503: SendResult = {
    ok: false,
    code: 'unavailable',
    message: 'Start A failed: AWS kept answering 503 (service unavailable); gave up after 5 tries at 18:40:07.',
  };

  it('keeps the failure code on the tile', async () => {
    const t = setup([dest('a')]);
    t.controller.arm('a');
    t.controller.take();
    t.answer(fail503);
    await flush();
    expect(t.controller.activity('a')).toMatchObject({ phase: 'done', ok: false, code: 'unavailable' });
    // The event line leads with the headline.
    expect(t.events.at(-1)).toMatchObject({
      kind: 'failed',
      text: 'A: DID NOT GO LIVE — AWS service error. AWS kept answering 503 (service unavailable); gave up after 5 tries at 18:40:07.',
    });
  });

  it('Retry only arms: it never sends by itself; the take then sends exactly one request', async () => {
    const t = setup([dest('a')]);
    t.controller.arm('a');
    t.controller.take();
    t.answer(fail503);
    await flush();
    expect(t.sent).toHaveLength(1);

    expect(t.controller.retry('a', 'start')).toMatchObject({
      ok: true,
      armed: { destinationId: 'a', action: 'start' },
    });
    // Pressing Retry again (a double click) re-arms; still nothing is sent.
    t.controller.retry('a', 'start');
    expect(t.sent).toHaveLength(1);
    // Left alone, it expires: nothing is sent.
    t.clock.advance(5_000);
    expect(t.controller.armed).toBeNull();
    expect(t.sent).toHaveLength(1);

    t.controller.retry('a', 'start');
    for (let i = 0; i < 10; i += 1) t.controller.take();
    expect(t.sent).toEqual([
      { action: 'start', id: 'a' },
      { action: 'start', id: 'a' },
    ]);
  });

  it('refuses a Retry when the tile now calls for the other action (the failed start went on air after all)', () => {
    const t = setup([dest('a', 'RUNNING')]);
    expect(t.controller.retry('a', 'start')).toMatchObject({ ok: false, reason: expect.stringMatching(/RUNNING/) });
    expect(t.controller.armed).toBeNull();
    expect(t.sent).toHaveLength(0);
  });

  it('acknowledging clears the failure from the tile and sends nothing', async () => {
    const t = setup([dest('a')]);
    t.controller.arm('a');
    t.controller.take();
    t.answer(fail503);
    await flush();
    const changes: string[][] = [];
    t.controller.onChange((ids) => changes.push([...ids]));
    expect(t.controller.acknowledgeFailure('a')).toBe(true);
    // Only that tile redraws, and it does (it tracks its own version).
    expect(changes).toEqual([['a']]);
    expect(t.controller.activity('a')).toBeNull();
    expect(t.controller.acknowledgeFailure('a')).toBe(false);
    expect(t.sent).toHaveLength(1);
  });

  it('the take with nothing armed says so and sends nothing', () => {
    const t = setup([dest('a')]);
    expect(t.controller.take()).toEqual({ sent: false, reason: 'not-armed' });
    expect(t.events.at(-1)).toMatchObject({ kind: 'nothing-armed', text: expect.stringMatching(/^Nothing is armed/) });
    // A held key says it once.
    t.controller.take({ repeat: true });
    expect(t.events.filter((e) => e.kind === 'nothing-armed')).toHaveLength(1);
    expect(t.sent).toHaveLength(0);
  });
});

describe('planFor: why a tile cannot be armed, in a few words', () => {
  it('says what to wait for', () => {
    expect(planFor(dest('a', 'STOPPING'))).toMatchObject({ ok: false, short: 'stopping — wait for IDLE' });
    expect(planFor(dest('a', 'UNKNOWN'))).toMatchObject({ ok: false, short: 'state unknown — waiting for AWS' });
    expect(planFor(dest('a', 'IDLE', { channelId: null }))).toMatchObject({ ok: false, short: 'no channel mapped' });
  });
});

describe('ArmingController: says which tiles a change touches', () => {
  it('names the tile armed before and the one armed now, the one taken, and the one whose result fades', async () => {
    const t = setup([dest('a'), dest('b'), dest('c')]);
    const changes: string[][] = [];
    t.controller.onChange((ids) => changes.push([...ids]));
    t.controller.arm('a');
    t.controller.arm('b');
    t.controller.arm('b');
    t.controller.disarm();
    t.controller.arm('c');
    t.clock.advance(5_000);
    expect(changes).toEqual([['a'], ['a', 'b'], ['b'], ['b'], ['c'], ['c']]);

    changes.length = 0;
    t.controller.arm('a');
    t.controller.take();
    t.answer({ ok: true, data: { outcome: 'requested', state: 'STARTING' } });
    await flush();
    t.clock.advance(RESULT_VISIBLE_MS);
    expect(changes).toEqual([['a'], ['a'], ['a'], ['a']]);
  });
});
