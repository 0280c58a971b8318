import { describe, expect, it } from 'vitest';
import type { DestinationState } from '../../../shared/domain/channel';
import { destinationStatus } from '../../../shared/domain/test-support/destination-status';
import { ArmingController, type GoLiveAction, type RemoteArmed, type SendResult } from './arming';

const OK: SendResult = { ok: true, data: { outcome: 'requested', state: 'STARTING' } };

function setup(states: Record<string, DestinationState> = { youtube: 'IDLE', twitch: 'IDLE' }) {
  let now = 1_000;
  const timers = new Map<number, { at: number; fn: () => void }>();
  let nextTimer = 1;
  const sent: { action: GoLiveAction; id: string }[] = [];
  const calls: string[] = [];
  const controller = new ArmingController({
    now: () => now,
    setTimer: (fn, ms) => {
      timers.set(nextTimer, { at: now + ms, fn });
      return nextTimer++;
    },
    clearTimer: (id) => void timers.delete(id as number),
    destination: (id) => (states[id] ? destinationStatus(id, states[id], { name: id.toUpperCase() }) : undefined),
    timeoutSeconds: () => 5,
    send: async (action, id) => {
      sent.push({ action, id });
      return OK;
    },
    takeRemote: async () => {
      calls.push('remote.take');
      return OK;
    },
    releaseRemote: () => void calls.push('remote.disarm'),
  });
  const advance = (ms: number) => {
    now += ms;
    for (const [id, t] of [...timers]) {
      if (t.at > now) continue;
      timers.delete(id);
      t.fn();
    }
  };
  return { controller, sent, calls, advance };
}

const remote = (destinationId: string, by = 'Deck A'): RemoteArmed => ({
  destinationId,
  by,
  armedAt: 50_000,
  expiresAt: 55_000,
});

describe('the one arm: a Stream Deck arm shown and taken in the operator window', () => {
  it('shows a remote arm as armed from the token, and a take of it goes to main (remote.take), never channels.start', () => {
    const { controller, sent, calls } = setup();
    controller.adoptRemote(remote('youtube'));
    expect(controller.armed).toMatchObject({ destinationId: 'youtube', action: 'start', by: 'Deck A' });
    expect(controller.take()).toMatchObject({ sent: true, destinationId: 'youtube' });
    expect(calls).toEqual(['remote.take']);
    expect(sent).toEqual([]);
    // A second take (a bounced key) finds nothing armed: nothing more is sent.
    expect(controller.take()).toEqual({ sent: false, reason: 'not-armed' });
    expect(calls).toEqual(['remote.take']);
  });

  it('a remote arm replaces the window arm, and a window arm replaces (and releases) the remote arm', () => {
    const { controller, calls } = setup();
    controller.arm('twitch');
    controller.adoptRemote(remote('youtube'));
    expect(controller.armed?.destinationId).toBe('youtube');
    controller.arm('twitch');
    expect(controller.armed).toMatchObject({ destinationId: 'twitch' });
    expect(controller.armed?.by).toBeUndefined();
    expect(calls).toEqual(['remote.disarm']);
  });

  it('Escape releases the remote arm; main taking or disarming it from the remote clears it here', () => {
    const { controller, calls } = setup();
    controller.adoptRemote(remote('youtube'));
    controller.disarm();
    expect(calls).toEqual(['remote.disarm']);
    controller.adoptRemote(remote('youtube', 'Deck B'));
    controller.adoptRemote(null);
    expect(controller.armed).toBeNull();
    expect(calls).toEqual(['remote.disarm']);
  });

  it('null from main leaves a window arm alone; the same remote arm heard twice arms once', () => {
    const { controller } = setup();
    controller.arm('twitch');
    controller.adoptRemote(null);
    expect(controller.armed?.destinationId).toBe('twitch');
    const events: string[] = [];
    controller.onEvent((e) => events.push(e.kind));
    controller.adoptRemote(remote('youtube'));
    controller.adoptRemote(remote('youtube'));
    expect(events).toEqual(['armed']);
  });

  it('a take of a remote arm that is not sent (the destination went on air meanwhile) releases main’s arm', () => {
    const states: Record<string, DestinationState> = { youtube: 'IDLE' };
    const { controller, calls } = setup(states);
    controller.adoptRemote(remote('youtube'));
    states['youtube'] = 'RUNNING';
    expect(controller.take()).toEqual({ sent: false, reason: 'state-changed' });
    expect(calls).toEqual(['remote.disarm']);
  });

  it('the remote arm times out here after the length main gave it', () => {
    const { controller, advance } = setup();
    controller.adoptRemote(remote('youtube'));
    advance(4_999);
    expect(controller.armed).not.toBeNull();
    advance(2);
    expect(controller.armed).toBeNull();
  });
});
