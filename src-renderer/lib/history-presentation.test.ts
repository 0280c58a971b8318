import { describe, expect, it } from 'vitest';
import type { ShowSummary } from '../../shared/domain/show-history';
import {
  costByKind,
  defaultRange,
  destinationsOf,
  showDurationMs,
  standbyUsdOf,
  takeSpansText,
  INPUT_UNCONFIRMED_MEANING,
} from './history-presentation';

const show = (over: Partial<ShowSummary> = {}): ShowSummary => ({
  id: 's',
  startedAt: 0,
  endedAt: 60_000,
  lastWrittenAt: 90_000,
  console: 'booth-a',
  destinations: [{ id: 'youtube', name: 'YouTube Live' }],
  takes: 1,
  incidents: 0,
  restarts: 0,
  alongside: null,
  cost: { totalUsd: 1, flowUsd: 0.2, byDestination: [], split: null, standby: null },
  ...over,
});

describe('history presentation', () => {
  it('opens on the UTC month so far', () => {
    expect(defaultRange(Date.parse('2026-12-01T02:00:00+05:00'))).toEqual({ from: '2026-11-01', to: '2026-11-30' });
  });

  it('counts a show its console never closed up to its last write', () => {
    expect(showDurationMs(show())).toBe(60_000);
    expect(showDurationMs(show({ endedAt: null }))).toBe(90_000);
  });

  it('has no split for a record that did not keep one, and names each kind otherwise', () => {
    expect(costByKind(show())).toEqual([]);
    const split = { channelsUsd: 1, flowHoursUsd: 2, flowDataUsd: 3, idleUsd: 4, monitoringUsd: 5 };
    expect(
      costByKind(show({ cost: { totalUsd: 15, flowUsd: 5, byDestination: [], split, standby: null } })).map(
        (k) => k.usd,
      ),
    ).toEqual([1, 2, 3, 4, 5]);
  });

  it('says the standby share of the channels apart, per show and per destination', () => {
    const split = { channelsUsd: 1, flowHoursUsd: 2, flowDataUsd: 3, idleUsd: 4, monitoringUsd: 5 };
    const standby = { totalUsd: 0.25, byDestination: [{ id: 'youtube', usd: 0.25 }] };
    const warm = show({ cost: { totalUsd: 15, flowUsd: 5, byDestination: [], split, standby } });
    expect(costByKind(warm).slice(0, 2)).toEqual([
      { label: 'Channels on air (and starting, stopping)', usd: 0.75 },
      { label: 'Channels in standby (on the slate)', usd: 0.25 },
    ]);
    expect(standbyUsdOf(warm, 'youtube')).toBe(0.25);
    expect(standbyUsdOf(warm, 'twitch')).toBe(0);
    const spans = [
      { kind: 'standby' as const, from: Date.UTC(2026, 11, 1, 18, 40), to: Date.UTC(2026, 11, 1, 19) },
      { kind: 'on-air' as const, from: Date.UTC(2026, 11, 1, 19), to: null },
    ];
    expect(takeSpansText({ spans, endedAt: null, inputUnconfirmed: null }, Date.UTC(2026, 11, 1, 19, 30))).toMatch(
      /^standby .+–.+ · on air .+–now$/,
    );
    expect(takeSpansText({ spans: [], endedAt: null, inputUnconfirmed: null }, 0)).toBe('—');
  });

  it('says the time a take ran with its input unconfirmed, with its times, in the order it happened', () => {
    const at = (h: number, m: number, s = 0) => new Date(2026, 11, 1, h, m, s).getTime();
    const take = {
      endedAt: at(19, 30),
      inputUnconfirmed: { from: at(18, 55), to: at(18, 55, 7) },
      spans: [{ kind: 'on-air' as const, from: at(18, 55, 7), to: at(19, 30) }],
    };
    expect(takeSpansText(take, at(20, 0))).toBe(
      'running, input unconfirmed 18:55:00–18:55:07 · on air 18:55:07–19:30:00',
    );
    // The read came after a standby span had been closed by a restart: still in time order.
    const afterStandby = {
      endedAt: null,
      inputUnconfirmed: { from: at(19, 0), to: at(19, 0, 4) },
      spans: [
        { kind: 'standby' as const, from: at(18, 40), to: at(19, 0) },
        { kind: 'standby' as const, from: at(19, 0, 4), to: null },
      ],
    };
    expect(takeSpansText(afterStandby, at(19, 10))).toBe(
      'standby 18:40:00–19:00:00 · running, input unconfirmed 19:00:00–19:00:04 · standby 19:00:04–now',
    );
    // Never confirmed before the run ended (no span): the time is still told, up to the take's end.
    expect(
      takeSpansText({ endedAt: at(19, 2), inputUnconfirmed: { from: at(19, 0), to: null }, spans: [] }, at(20, 0)),
    ).toBe('running, input unconfirmed 19:00:00–19:02:00');
    expect(INPUT_UNCONFIRMED_MEANING).toMatch(/neither on air nor in standby/);
  });

  it('lists each destination once, by name', () => {
    const twitch = { id: 'twitch', name: 'Twitch' };
    expect(destinationsOf([show(), show({ destinations: [twitch, { id: 'youtube', name: 'YouTube Live' }] })])).toEqual(
      [twitch, { id: 'youtube', name: 'YouTube Live' }],
    );
  });
});
