import { describe, expect, it } from 'vitest';
import { BoothState } from './booth-state';
import { tally, variableValues } from './tally';
import type { Destination } from './wire';

const NOW = Date.parse('2026-12-02T20:00:00Z');

function tile(patch: Partial<Destination> = {}): Destination {
  return {
    id: 'youtube',
    name: 'YouTube',
    state: 'IDLE',
    runningSince: null,
    unconfirmed: null,
    alarm: null,
    lastError: null,
    bitrateBps: 6_500_000,
    ...patch,
  };
}

function stateWith(...tiles: Destination[]): BoothState {
  const state = new BoothState();
  state.apply({
    type: 'event',
    channel: 'destinations.feed',
    payload: { kind: 'snapshot', seq: 1, destinations: tiles },
  });
  return state;
}

describe('tally and variables', () => {
  it('shows an unconfirmed destination as its last confirmed state, marked, with the time it was confirmed', () => {
    const state = stateWith(
      tile({
        state: 'RUNNING',
        runningSince: NOW - 65_000,
        unconfirmed: { since: NOW - 10_000, lastConfirmedAt: NOW - 12_000, reason: 'no answer' },
      }),
    );
    expect(tally(state, 'youtube', 'on_air', NOW)).toBe(true);
    expect(tally(state, 'youtube', 'unconfirmed', NOW)).toBe(true);
    expect(variableValues(state, NOW)).toMatchObject({
      youtube_state: 'ON AIR? (19:59:48)',
      youtube_time_on_air: '00:01:05',
      youtube_bitrate: '6.5',
    });
  });

  it('tells a warm channel on its slate (standby, billing) from one on air', () => {
    const standby = stateWith(tile({ state: 'RUNNING', runningSince: NOW, warm: { mode: 'warm', phase: 'STANDBY' } }));
    expect(tally(standby, 'youtube', 'standby', NOW)).toBe(true);
    expect(tally(standby, 'youtube', 'on_air', NOW)).toBe(false);
    expect(variableValues(standby, NOW)).toMatchObject({ youtube_state: 'STANDBY', on_air_count: 0 });
  });

  it('a channel running with its input not read yet is neither on air nor standby: unconfirmed, with since when', () => {
    const unread = stateWith(
      tile({
        state: 'RUNNING',
        runningSince: NOW - 60_000,
        warm: { mode: 'cold', phase: 'INPUT_UNCONFIRMED', inputUnconfirmedSince: NOW - 5_000 },
      }),
    );
    expect(tally(unread, 'youtube', 'on_air', NOW)).toBe(false);
    expect(tally(unread, 'youtube', 'standby', NOW)).toBe(false);
    expect(tally(unread, 'youtube', 'unconfirmed', NOW)).toBe(true);
    expect(variableValues(unread, NOW)).toMatchObject({
      youtube_state: 'RUNNING · INPUT? (19:59:55)',
      youtube_time_on_air: '',
      on_air_count: 0,
    });
  });

  it('a warm channel whose input reads fail keeps the input last read, marked unconfirmed since it was confirmed', () => {
    const stale = stateWith(
      tile({
        state: 'RUNNING',
        runningSince: NOW - 60_000,
        warm: { mode: 'warm', phase: 'STANDBY', inputUnconfirmedSince: NOW - 5_000 },
      }),
    );
    expect(tally(stale, 'youtube', 'standby', NOW)).toBe(true);
    expect(tally(stale, 'youtube', 'unconfirmed', NOW)).toBe(true);
    expect(variableValues(stale, NOW)).toMatchObject({ youtube_state: 'STANDBY? (19:59:55)', on_air_count: 0 });
    const confirmed = stateWith(
      tile({
        state: 'RUNNING',
        runningSince: NOW,
        warm: { mode: 'warm', phase: 'ON_AIR', inputUnconfirmedSince: null },
      }),
    );
    expect(tally(confirmed, 'youtube', 'unconfirmed', NOW)).toBe(false);
    expect(variableValues(confirmed, NOW)).toMatchObject({ youtube_state: 'ON AIR' });
  });

  it('an arm that expired is not shown; an alarm or a failed act lights the alarm; a stale delta is ignored', () => {
    const state = stateWith(
      tile(),
      tile({ id: 'twitch', name: 'Twitch', lastError: { message: 'x', action: 'start' } }),
    );
    state.applyArmed({ armed: { destinationId: 'youtube', by: 'Deck', expiresAt: NOW + 1_000 } });
    expect(tally(state, 'youtube', 'armed', NOW)).toBe(true);
    expect(tally(state, 'youtube', 'armed', NOW + 1_000)).toBe(false);
    expect(tally(state, 'twitch', 'alarm', NOW)).toBe(true);
    expect(tally(state, 'nowhere', 'on_air', NOW)).toBe(false);
    state.apply({
      type: 'event',
      channel: 'destinations.feed',
      payload: { kind: 'delta', seq: 1, changed: [tile({ state: 'RUNNING' })], removed: [] },
    });
    expect(state.destinations.get('youtube')?.state).toBe('IDLE');
    state.apply({
      type: 'event',
      channel: 'costs.feed',
      payload: {
        destinations: [{ id: 'youtube', usd: 1.2, idleUsd: 0.05, usdPerHour: 3 }],
        totalUsd: 2.5,
        usdPerHour: 3,
      },
    });
    expect(variableValues(state, NOW)).toMatchObject({
      youtube_cost: '$1.25',
      total_cost: '$2.50',
      cost_per_hour: '$3.00/h',
    });
  });
});
