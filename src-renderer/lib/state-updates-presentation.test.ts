import { describe, expect, it } from 'vitest';
import { stateUpdatesCell } from './state-updates-presentation';

const at = new Date(2026, 11, 1, 18, 40, 7).getTime();

describe('the UPDATES cell', () => {
  it('EVENTS: pushed by AWS, the reconcile interval and the last event time', () => {
    expect(
      stateUpdatesCell({ mode: 'events', reason: null, since: at, lastEventAt: at + 60_000, pollEveryMs: 45_000 }, at),
    ).toEqual({
      text: 'EVENTS',
      tone: 'ok',
      title:
        'Channel changes are pushed by AWS (EventBridge) since 18:40:07; MediaLive is re-read every 45 s to reconcile. Last event 18:41:07.',
    });
  });
  it('POLLING: says why, since when and how often', () => {
    const cell = stateUpdatesCell(
      { mode: 'polling', reason: 'The event queue does not exist.', since: at, lastEventAt: null, pollEveryMs: 5_000 },
      at,
    );
    expect(cell).toEqual({
      text: 'POLLING',
      tone: 'warn',
      title: 'The event queue does not exist. Since 18:40:07, MediaLive is read every 5 s.',
    });
  });
});
