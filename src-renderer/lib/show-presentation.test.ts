import { describe, expect, it } from 'vitest';
import type { ShowPlan } from '../../shared/domain/show-plan';
import { EMPTY_TIMELINE, type ShowTimeline } from '../../shared/domain/show-time';
import { onAirText, showCountdown, showElapsed } from './show-presentation';

const at = (iso: string) => new Date(iso).getTime();
const PLAN: ShowPlan = { startsAt: at('2026-12-01T19:00'), endsAt: at('2026-12-01T21:00'), setAt: 1, destinations: [] };
const ON: ShowTimeline = {
  ...EMPTY_TIMELINE,
  startedAt: at('2026-12-01T18:58'),
  onAir: { ms: 0, since: at('2026-12-01T18:59') },
  destinations: [
    { id: 'youtube', onAir: { ms: 60_000, since: at('2026-12-01T19:30') }, standby: { ms: 0, since: null } },
  ],
};
const ENDED: ShowTimeline = {
  ...ON,
  endedAt: at('2026-12-01T21:04:10'),
  endedBy: 'end-all',
  onAir: { ms: 2 * 3_600_000, since: null },
  destinations: [{ id: 'youtube', onAir: { ms: 751_000, since: null }, standby: { ms: 0, since: null } }],
};

describe('the countdown against the show plan', () => {
  it('asks for a plan when there is none', () => {
    expect(showCountdown(null, EMPTY_TIMELINE, at('2026-12-01T18:00'))).toMatchObject({
      phase: 'none',
      caption: 'PLAN',
      text: 'not set',
    });
  });

  it('counts down to the planned start before the show', () => {
    expect(showCountdown(PLAN, EMPTY_TIMELINE, at('2026-12-01T18:45:08'))).toMatchObject({
      phase: 'to-start',
      caption: 'STARTS IN',
      text: '00:14:52',
    });
  });

  it('counts down to the planned end while the show is on, amber in the last five minutes', () => {
    expect(showCountdown(PLAN, ON, at('2026-12-01T20:12:07'))).toMatchObject({
      phase: 'to-end',
      caption: 'ENDS IN',
      text: '00:47:53',
      tone: 'ok',
    });
    expect(showCountdown(PLAN, ON, at('2026-12-01T20:56:00'))).toMatchObject({ tone: 'warn' });
    // Live before the planned start: what matters is the end.
    expect(showCountdown(PLAN, ON, at('2026-12-01T18:59:00'))).toMatchObject({ phase: 'to-end', text: '02:01:00' });
  });

  it('says how far the show runs over once the planned end has passed', () => {
    const over = showCountdown(PLAN, ON, at('2026-12-01T21:03:10'));
    expect(over).toMatchObject({ phase: 'over-run', caption: 'OVER-RUN', text: '+00:03:10', tone: 'over' });
    expect(over.title).toBe('The show runs past its planned end 21:00:00 by 00:03:10 (planned 19:00:00 to 21:00:00).');
  });

  it('stops counting when the show ended, saying by how much it ran over or ended early', () => {
    expect(showCountdown(PLAN, ENDED, at('2026-12-01T21:30'))).toMatchObject({
      phase: 'done',
      caption: 'ENDED',
      text: '+00:04:10',
    });
    const early = { ...ENDED, endedAt: at('2026-12-01T20:55') };
    expect(showCountdown(PLAN, early, at('2026-12-01T21:30'))).toMatchObject({ text: '−00:05:00' });
  });

  it('warns when the planned start has passed and nothing is live, and says when the plan is over', () => {
    expect(showCountdown(PLAN, EMPTY_TIMELINE, at('2026-12-01T19:03'))).toMatchObject({
      phase: 'late',
      caption: 'LATE BY',
      text: '00:03:00',
      tone: 'warn',
    });
    expect(showCountdown(PLAN, EMPTY_TIMELINE, at('2026-12-01T22:00'))).toMatchObject({
      phase: 'past',
      text: 'ended',
    });
  });
});

describe('the show time', () => {
  it('does not count before the first take', () => {
    expect(showElapsed(EMPTY_TIMELINE, at('2026-12-01T18:00'))).toMatchObject({ caption: 'SHOW', text: '--:--:--' });
  });

  it('counts from the first take while the show is on', () => {
    const on = showElapsed(ON, at('2026-12-01T20:00:30'));
    expect(on).toMatchObject({ caption: 'SHOW', text: '01:02:30' });
    expect(on.title).toBe(
      'Show time from the first take at 18:58:00; on air 01:01:30 in all (at least one destination on air).',
    );
  });

  it('stops at the end and stays stopped', () => {
    for (const now of [at('2026-12-01T21:05'), at('2026-12-01T23:00')])
      expect(showElapsed(ENDED, now)).toMatchObject({ caption: 'SHOW ENDED', text: '02:06:10' });
  });
});

describe('time on air per destination', () => {
  it('adds the run on air now to the earlier ones, and keeps the total after the end', () => {
    expect(onAirText(ON, 'youtube', at('2026-12-01T19:42:30'))).toBe('on air 00:13:30');
    expect(onAirText(ENDED, 'youtube', at('2026-12-01T23:00'))).toBe('aired 00:12:31');
    expect(onAirText(ON, 'twitch', at('2026-12-01T19:42:30'))).toBeNull();
  });

  it('off air it never reads "on air", and a moment on air (a safety stop right after the take) is not 00:00:00', () => {
    const brief = {
      ...ENDED,
      destinations: [{ id: 'youtube', onAir: { ms: 400, since: null }, standby: { ms: 0, since: null } }],
    };
    expect(onAirText(brief, 'youtube', at('2026-12-01T23:00'))).toBe('aired <1 s');
  });

  it('says standby (on the slate) apart from the time on air, never adding it in', () => {
    const warm = {
      ...ON,
      destinations: [
        { id: 'youtube', onAir: { ms: 0, since: null }, standby: { ms: 0, since: at('2026-12-01T19:30') } },
        { id: 'twitch', onAir: { ms: 60_000, since: null }, standby: { ms: 600_000, since: null } },
      ],
    };
    // In standby now: the tile's own clock counts it.
    expect(onAirText(warm, 'youtube', at('2026-12-01T19:40'))).toBeNull();
    expect(onAirText(warm, 'twitch', at('2026-12-01T19:40'))).toBe('aired 00:01:00 · standby 00:10:00');
  });
});
