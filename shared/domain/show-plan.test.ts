import { describe, expect, it } from 'vitest';
import { checkShowPlan, planFromClock, ShowPlanSchema } from './show-plan';

const at = (iso: string) => new Date(iso).getTime();
const NOW = at('2026-12-01T18:40:00');

describe('show plan rules', () => {
  it('keeps a plan still to come and says what it is', () => {
    const checked = checkShowPlan({ startsAt: at('2026-12-01T19:00'), endsAt: at('2026-12-01T21:30') }, NOW);
    expect(checked).toEqual({
      ok: true,
      plan: { startsAt: at('2026-12-01T19:00'), endsAt: at('2026-12-01T21:30'), setAt: NOW, destinations: [] },
      note: 'Show planned 19:00:00 to 21:30:00 (2 h 30 min).',
    });
  });

  it('keeps the destinations and their take, and says which are offered standby at the lead time', () => {
    const known = [
      { id: 'youtube', name: 'YouTube', warmCapable: true },
      { id: 'twitch', name: 'Twitch', warmCapable: false },
    ];
    const destinations = [
      { id: 'youtube', take: 'warm' as const },
      { id: 'twitch', take: 'cold' as const },
    ];
    const checked = checkShowPlan(
      { startsAt: at('2026-12-01T19:00'), endsAt: at('2026-12-01T21:30'), destinations },
      NOW,
      known,
    );
    expect(checked).toMatchObject({ ok: true, plan: { destinations } });
    if (checked.ok)
      expect(checked.note).toBe(
        'Show planned 19:00:00 to 21:30:00 (2 h 30 min). Destinations: YouTube (warm), Twitch (cold). Standby for the 1 warm one is offered at the lead time.',
      );
  });

  it('refuses a destination named twice, one the booth does not have, and a warm take without a slate', () => {
    const times = { startsAt: at('2026-12-01T19:00'), endsAt: at('2026-12-01T21:30') };
    const known = [{ id: 'twitch', name: 'Twitch', warmCapable: false }];
    const twice = [
      { id: 'twitch', take: 'cold' as const },
      { id: 'twitch', take: 'warm' as const },
    ];
    expect(checkShowPlan({ ...times, destinations: twice }, NOW, known)).toEqual({
      ok: false,
      field: 'destinations',
      message: 'A destination is named twice in the plan.',
    });
    expect(checkShowPlan({ ...times, destinations: [{ id: 'kick', take: 'cold' }] }, NOW, known)).toEqual({
      ok: false,
      field: 'destinations',
      message: 'The plan names the destination "kick", which this booth does not have.',
    });
    expect(checkShowPlan({ ...times, destinations: [{ id: 'twitch', take: 'warm' }] }, NOW, known)).toEqual({
      ok: false,
      field: 'destinations',
      message: 'Twitch has no slate on its channel, so it cannot be taken warm: plan it cold.',
    });
    // Not connected: the booth's destinations are unknown, the plan is kept as typed.
    expect(checkShowPlan({ ...times, destinations: [{ id: 'kick', take: 'warm' }] }, NOW, null).ok).toBe(true);
  });

  it('reads a plan saved before destinations were planned as one without them', () => {
    expect(ShowPlanSchema.parse({ startsAt: 1, endsAt: 2, setAt: 1 }).destinations).toEqual([]);
  });

  it('clears the plan when both times are empty', () => {
    const checked = checkShowPlan({ startsAt: null, endsAt: null }, NOW);
    expect(checked).toMatchObject({ ok: true, plan: null });
    if (checked.ok) expect(checked.note).toMatch(/^No show planned: no countdown/);
  });

  it('refuses one empty time, on the field that is empty', () => {
    expect(checkShowPlan({ startsAt: at('2026-12-01T19:00'), endsAt: null }, NOW)).toEqual({
      ok: false,
      field: 'end',
      message: 'Enter the planned end too (24-hour, e.g. 21:30), or clear both times.',
    });
    expect(checkShowPlan({ startsAt: null, endsAt: at('2026-12-01T21:00') }, NOW)).toEqual({
      ok: false,
      field: 'start',
      message: 'Enter the planned start too (24-hour, e.g. 19:00), or clear both times.',
    });
  });

  it('refuses an end before (or at) the start', () => {
    expect(checkShowPlan({ startsAt: at('2026-12-01T21:00'), endsAt: at('2026-12-01T20:00') }, NOW)).toEqual({
      ok: false,
      field: 'end',
      message: 'The planned end 20:00:00 is not after the planned start 21:00:00.',
    });
    expect(checkShowPlan({ startsAt: at('2026-12-01T21:00'), endsAt: at('2026-12-01T21:00') }, NOW)).toMatchObject({
      ok: false,
      field: 'end',
    });
  });

  it('takes a start in the past as a show under way, with the countdown to its end', () => {
    const checked = checkShowPlan({ startsAt: at('2026-12-01T18:30'), endsAt: at('2026-12-01T20:00') }, NOW);
    expect(checked).toMatchObject({ ok: true, plan: { startsAt: at('2026-12-01T18:30') } });
    if (checked.ok)
      expect(checked.note).toBe(
        'Show under way: planned 18:30:00 to 20:00:00 (1 h 30 min). The start has passed, so the countdown runs to the end.',
      );
  });

  it('refuses a show that is already over', () => {
    expect(checkShowPlan({ startsAt: at('2026-12-01T17:00'), endsAt: at('2026-12-01T18:00') }, NOW)).toEqual({
      ok: false,
      field: 'end',
      message: 'The planned end 18:00:00 has already passed: plan a show still to come or under way.',
    });
  });

  it('refuses an end more than 24 hours away, naming its day', () => {
    expect(checkShowPlan({ startsAt: at('2026-12-02T18:00'), endsAt: at('2026-12-02T19:00') }, NOW)).toEqual({
      ok: false,
      field: 'end',
      message: 'The planned end 2 Dec 19:00:00 is more than 24 hours away: plan the next 24 hours only.',
    });
  });

  it('refuses a show longer than 24 hours', () => {
    expect(checkShowPlan({ startsAt: at('2026-11-30T12:00'), endsAt: at('2026-12-01T20:00') }, NOW)).toMatchObject({
      ok: false,
      field: 'start',
    });
  });

  it('never stores a plan whose end is not after its start', () => {
    expect(ShowPlanSchema.safeParse({ startsAt: 2, endsAt: 1, setAt: 1 }).success).toBe(false);
  });
});

describe('the plan control: 24-hour times of day into a plan', () => {
  const read = (start: string, end: string, now = NOW) => planFromClock({ start, end }, now);

  it('reads HH:MM, H:MM and HHMM as today, the end after the start', () => {
    expect(read('19:00', '21:30')).toEqual({
      ok: true,
      input: { startsAt: at('2026-12-01T19:00'), endsAt: at('2026-12-01T21:30') },
    });
    expect(read(' 9:05', '2130', at('2026-12-01T08:00'))).toEqual({
      ok: true,
      input: { startsAt: at('2026-12-01T09:05'), endsAt: at('2026-12-01T21:30') },
    });
  });

  it('reads an end earlier on the clock than the start as the next day (a show across midnight)', () => {
    expect(read('23:00', '01:30')).toEqual({
      ok: true,
      input: { startsAt: at('2026-12-01T23:00'), endsAt: at('2026-12-02T01:30') },
    });
  });

  it('reads a start just past as a show under way, and a start after midnight as tonight', () => {
    expect(read('18:30', '20:00')).toMatchObject({ ok: true, input: { startsAt: at('2026-12-01T18:30') } });
    expect(read('00:30', '02:00', at('2026-12-01T23:30'))).toMatchObject({
      ok: true,
      input: { startsAt: at('2026-12-02T00:30'), endsAt: at('2026-12-02T02:00') },
    });
  });

  it('refuses what is not a 24-hour time, on its field', () => {
    expect(read('7 pm', '21:00')).toEqual({
      ok: false,
      field: 'start',
      message: 'The planned start "7 pm" is not a time of day: write it 24-hour as HH:MM (00:00 to 23:59).',
    });
    expect(read('19:00', '24:00')).toMatchObject({ ok: false, field: 'end' });
    expect(read('19:00', '02:58 PM')).toMatchObject({ ok: false, field: 'end' });
  });

  it('passes empty fields on, so the rules say what to do with them', () => {
    expect(read('', '')).toEqual({ ok: true, input: { startsAt: null, endsAt: null } });
    const oneEmpty = read('19:00', '');
    expect(oneEmpty.ok && checkShowPlan(oneEmpty.input, NOW)).toMatchObject({ ok: false, field: 'end' });
  });

  it('reads the same time twice as an end that is not after the start', () => {
    const same = read('19:00', '19:00');
    expect(same.ok && checkShowPlan(same.input, NOW)).toEqual({
      ok: false,
      field: 'end',
      message: 'The planned end 19:00:00 is not after the planned start 19:00:00.',
    });
  });
});
