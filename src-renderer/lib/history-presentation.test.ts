import { describe, expect, it } from 'vitest';
import type { ShowSummary } from '../../shared/domain/show-history';
import {
  costByKind,
  defaultRange,
  destinationsOf,
  showDurationMs,
  standbyUsdOf,
  takeSpansText,
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
    expect(takeSpansText({ spans }, Date.UTC(2026, 11, 1, 19, 30))).toMatch(/^standby .+–.+ · on air .+–now$/);
    expect(takeSpansText({ spans: [] }, 0)).toBe('—');
  });

  it('lists each destination once, by name', () => {
    const twitch = { id: 'twitch', name: 'Twitch' };
    expect(destinationsOf([show(), show({ destinations: [twitch, { id: 'youtube', name: 'YouTube Live' }] })])).toEqual(
      [twitch, { id: 'youtube', name: 'YouTube Live' }],
    );
  });
});
