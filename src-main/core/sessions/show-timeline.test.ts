import { describe, expect, it } from 'vitest';
import { showTimeline, type TimedRun } from './show-timeline';

const T0 = Date.UTC(2026, 11, 1, 18, 0);
const iso = (minutes: number) => new Date(T0 + minutes * 60_000).toISOString();
const min = (minutes: number) => T0 + minutes * 60_000;
const NONE = { ms: 0, since: null };

function run(id: string, start: number, onAir: number | null, offAir: number | null, end: number | null): TimedRun {
  return {
    destination_id: id,
    started_at: iso(start),
    on_air_at: onAir === null ? null : iso(onAir),
    off_air_at: offAir === null ? null : iso(offAir),
    ended_at: end === null ? null : iso(end),
  };
}

describe('the show timeline from the session record', () => {
  it('has not started before the first take, however long the console has run', () => {
    expect(showTimeline([], null)).toMatchObject({ startedAt: null, endedAt: null, endedBy: null });
    expect(showTimeline([], min(5)).startedAt).toBeNull();
  });

  it('starts at the first take and counts while a destination is on air', () => {
    const timeline = showTimeline([run('youtube', 2, 3, null, null), run('twitch', 5, 6, null, null)], null);
    expect(timeline).toMatchObject({ startedAt: min(2), endedAt: null, onAir: { ms: 0, since: min(3) } });
    expect(timeline.destinations).toEqual([
      { id: 'youtube', onAir: { ms: 0, since: min(3) }, standby: NONE },
      { id: 'twitch', onAir: { ms: 0, since: min(6) }, standby: NONE },
    ]);
  });

  it('stays on while a channel is still starting, before anything is on air', () => {
    expect(showTimeline([run('youtube', 2, null, null, null)], null)).toMatchObject({
      startedAt: min(2),
      endedAt: null,
    });
  });

  it('ends when nothing is on air or billing, at the last run end', () => {
    const timeline = showTimeline([run('youtube', 2, 3, 30, 31), run('twitch', 5, 6, 40, 42)], null);
    expect(timeline).toMatchObject({ startedAt: min(2), endedAt: min(42), endedBy: 'all-off' });
    // 3 to 40 with at least one on air.
    expect(timeline.onAir).toEqual({ ms: 37 * 60_000, since: null });
  });

  it('keeps counting while a channel still stops, without End all', () => {
    expect(showTimeline([run('youtube', 2, 3, 30, null)], null)).toMatchObject({ endedAt: null });
  });

  it('ends at End all once nothing is on air, though channels still stop and bill', () => {
    const timeline = showTimeline([run('youtube', 2, 3, 30, null), run('twitch', 5, 6, 30, null)], min(30));
    expect(timeline).toMatchObject({ endedAt: min(30), endedBy: 'end-all' });
  });

  it('does not end at End all while a destination is still on air (its stop failed)', () => {
    const stuck = [run('youtube', 2, 3, 30, null), run('twitch', 5, 6, null, null)];
    expect(showTimeline(stuck, min(30))).toMatchObject({ endedAt: null });
    // When it finally goes off air, the show ends then.
    const later = [run('youtube', 2, 3, 30, null), run('twitch', 5, 6, 35, null)];
    expect(showTimeline(later, min(30))).toMatchObject({ endedAt: min(35), endedBy: 'end-all' });
  });

  it('opens again on a take after the end, from the first take, counting every run per destination', () => {
    const runs = [run('youtube', 2, 3, 30, 31), run('youtube', 50, 51, null, null)];
    const timeline = showTimeline(runs, min(30));
    expect(timeline).toMatchObject({ startedAt: min(2), endedAt: null, endedBy: null });
    expect(timeline.destinations).toEqual([
      { id: 'youtube', onAir: { ms: 27 * 60_000, since: min(51) }, standby: NONE },
    ]);
  });

  it('reads records written before on-air times were kept: the show times, no time on air', () => {
    const older = [{ destination_id: 'youtube', started_at: iso(2), ended_at: iso(20) }];
    expect(showTimeline(older, null)).toMatchObject({
      startedAt: min(2),
      endedAt: min(20),
      onAir: { ms: 0, since: null },
    });
  });

  describe('with warm standby (a channel running on its slate is not on air)', () => {
    const span = (kind: 'standby' | 'on_air', from: number, to: number | null) => ({
      kind,
      from: iso(from),
      to: to === null ? null : iso(to),
    });

    it('counts standby apart and starts the show at the first time on air, not at the standby start', () => {
      const warm: TimedRun = {
        ...run('youtube', 0, 40, 90, null),
        spans: [span('standby', 1, 40), span('on_air', 40, 60), span('standby', 60, 70), span('on_air', 70, 90)],
      };
      const timeline = showTimeline([warm, run('twitch', 38, 39, 95, 96)], null);
      expect(timeline.startedAt).toBe(min(38));
      expect(timeline.destinations[0]).toEqual({
        id: 'youtube',
        onAir: { ms: 40 * 60_000, since: null },
        standby: { ms: 49 * 60_000, since: null },
      });
      expect(timeline.standby).toEqual({ ms: 49 * 60_000, since: null });
    });

    it('a standby alone is no show; one still on its slate counts standby to now', () => {
      const waiting: TimedRun = { ...run('youtube', 0, null, null, null), spans: [span('standby', 1, null)] };
      expect(showTimeline([waiting], null)).toMatchObject({
        startedAt: null,
        onAir: NONE,
        standby: { ms: 0, since: min(1) },
      });
    });
  });
});
