import { describe, expect, it } from 'vitest';
import type { DestinationState } from '../../../shared/domain/channel';
import { destinationStatus } from '../../../shared/domain/test-support/destination-status';
import { ArmingController, type HeldArm, type SendResult } from './arming';

const OK: SendResult = { ok: true, data: { outcome: 'requested', state: 'STARTING' } };

/** The controller wired as the operator window wires it: main holds the one arm (arming.arm/take/disarm). */
function setup(states: Record<string, DestinationState> = { youtube: 'IDLE', twitch: 'IDLE' }) {
  let now = 1_000;
  let ids = 0;
  const timers = new Map<number, { at: number; fn: () => void }>();
  let nextTimer = 1;
  const calls: string[] = [];
  let holdAnswer: { ok: true; data: unknown } | { ok: false; code: 'not-found'; message: string } = {
    ok: true,
    data: {},
  };
  const controller = new ArmingController({
    now: () => now,
    setTimer: (fn, ms) => {
      timers.set(nextTimer, { at: now + ms, fn });
      return nextTimer++;
    },
    clearTimer: (id) => void timers.delete(id as number),
    destination: (id) => (states[id] ? destinationStatus(id, states[id], { name: id.toUpperCase() }) : undefined),
    timeoutSeconds: () => 5,
    newId: () => `w${++ids}`,
    hold: async (armed) => {
      calls.push(`arm ${armed.id} ${armed.destinationId} ${armed.action}`);
      return holdAnswer;
    },
    takeHeld: async ({ id: armId }) => {
      calls.push(`take ${armId}`);
      return OK;
    },
    release: (armId) => void calls.push(`disarm ${armId}`),
  });
  const advance = (ms: number) => {
    now += ms;
    for (const [id, t] of [...timers]) {
      if (t.at > now) continue;
      timers.delete(id);
      t.fn();
    }
  };
  const refuseHolds = () => {
    holdAnswer = { ok: false, code: 'not-found', message: 'There is no destination “youtube” in this show.' };
  };
  return { controller, calls, advance, refuseHolds };
}

const remote = (destinationId: string, id = 'r1', by = 'Deck A'): NonNullable<HeldArm> => ({
  id,
  destinationId,
  action: 'start',
  by,
  surface: 'remote',
  armedAt: 50_000,
  expiresAt: 55_000,
});

describe('the one arm, held in main: the operator window with a Stream Deck', () => {
  it('an arm at the console is held in main, and its take names that arm', async () => {
    const { controller, calls } = setup();
    controller.arm('youtube');
    expect(calls).toEqual(['arm w1 youtube start']);
    expect(controller.take()).toMatchObject({ sent: true, destinationId: 'youtube' });
    expect(calls).toEqual(['arm w1 youtube start', 'take w1']);
    // A bounced key finds nothing armed; main's late echo of the arm does not arm it again.
    expect(controller.take()).toEqual({ sent: false, reason: 'not-armed' });
    controller.adoptHeld({ ...remote('youtube', 'w1'), surface: 'console', by: 'operator window' }, null);
    expect(controller.armed).toBeNull();
    expect(calls).toHaveLength(2);
  });

  it('a Stream Deck arm shows as armed from the token, and Enter takes it through main', () => {
    const { controller, calls } = setup();
    controller.adoptHeld(remote('youtube'), null);
    expect(controller.armed).toMatchObject({ id: 'r1', destinationId: 'youtube', action: 'start', by: 'Deck A' });
    controller.take();
    expect(calls).toEqual(['take r1']);
  });

  it('a Stream Deck taking what the console armed: the tile says who took it, nothing is sent from here', () => {
    const { controller, calls } = setup();
    const events: string[] = [];
    controller.onEvent((e) => events.push(e.text));
    controller.arm('youtube');
    controller.adoptHeld(null, { id: 'w1', how: 'taken', by: 'Deck A', surface: 'remote' });
    expect(controller.armed).toBeNull();
    expect(controller.activity('youtube')).toMatchObject({ ok: true, message: 'Taken from Deck A: go live sent' });
    expect(events.at(-1)).toBe('YOUTUBE: Taken from Deck A: go live sent');
    expect(controller.take()).toEqual({ sent: false, reason: 'not-armed' });
    expect(calls).toEqual(['arm w1 youtube start']);
  });

  it('main refusing the arm disarms it here with main’s reason', async () => {
    const { controller, refuseHolds } = setup();
    refuseHolds();
    const events: string[] = [];
    controller.onEvent((e) => events.push(e.kind));
    controller.arm('youtube');
    await Promise.resolve();
    await Promise.resolve();
    expect(controller.armed).toBeNull();
    expect(events).toEqual(['armed', 'disarmed']);
  });

  it('Escape lets go of that arm in main; a remote disarm or a remote arm elsewhere ends it here', () => {
    const { controller, calls } = setup();
    controller.adoptHeld(remote('youtube'), null);
    controller.disarm();
    expect(calls).toEqual(['disarm r1']);
    controller.adoptHeld(remote('youtube', 'r2', 'Deck B'), null);
    controller.adoptHeld(null, { id: 'r2', how: 'disarmed', by: 'Deck B', surface: 'remote' });
    expect(controller.armed).toBeNull();
    controller.arm('twitch');
    controller.adoptHeld(remote('youtube', 'r3'), { id: 'w1', how: 'replaced', by: 'Deck A', surface: 'remote' });
    expect(controller.armed).toMatchObject({ id: 'r3', destinationId: 'youtube', by: 'Deck A' });
    expect(calls).toEqual(['disarm r1', 'arm w1 twitch start']);
  });

  it('a null without word of this arm leaves it alone (main has not heard of it yet), unless it is main’s snapshot', () => {
    const { controller } = setup();
    controller.arm('twitch');
    controller.adoptHeld(null, { id: 'older', how: 'taken', by: 'Deck A', surface: 'remote' });
    expect(controller.armed?.destinationId).toBe('twitch');
    controller.adoptHeld(null, null, { snapshot: true });
    expect(controller.armed).toBeNull();
  });

  it('the same remote arm heard twice arms once; a take not sent (state changed) lets go of it in main', () => {
    const states: Record<string, DestinationState> = { youtube: 'IDLE' };
    const { controller, calls } = setup(states);
    const events: string[] = [];
    controller.onEvent((e) => events.push(e.kind));
    controller.adoptHeld(remote('youtube'), null);
    controller.adoptHeld(remote('youtube'), null);
    expect(events).toEqual(['armed']);
    states['youtube'] = 'RUNNING';
    expect(controller.take()).toEqual({ sent: false, reason: 'state-changed' });
    expect(calls).toEqual(['disarm r1']);
  });

  it('the remote arm times out here after the length main gave it', () => {
    const { controller, advance } = setup();
    controller.adoptHeld(remote('youtube'), null);
    advance(4_999);
    expect(controller.armed).not.toBeNull();
    advance(2);
    expect(controller.armed).toBeNull();
  });
});
