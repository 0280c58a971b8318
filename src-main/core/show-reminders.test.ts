import { describe, expect, it, vi } from 'vitest';
import type { ShowPlan } from '../../shared/domain/show-plan';
import { clockTime } from '../../shared/domain/time-format';
import { silentLogger } from './logger';
import { createNotifier } from './notifications/notifier';
import { SHOW_LEAD_MS, ShowReminders, type ReadinessCounts } from './show-reminders';

const MIN = 60_000;
const START = Date.UTC(2026, 11, 1, 19, 0, 0);
/** The times as the console writes them (this machine's time zone). */
const AT = clockTime(START, START);
const AT_HALF_PAST = clockTime(START + 30 * MIN, START);

function setup(
  options: {
    readiness?: () => Promise<ReadinessCounts>;
    plan?: ShowPlan;
    lead?: (plan: ShowPlan) => string | null;
  } = {},
) {
  let now = START - 60 * MIN;
  let onAir = false;
  let plan: ShowPlan | null = options.plan ?? {
    startsAt: START,
    endsAt: START + 120 * MIN,
    setAt: now,
    destinations: [],
  };
  const notifier = createNotifier(
    () => {},
    () => now,
  );
  const readiness = vi.fn(options.readiness ?? (async () => ({ failures: 0, warnings: 0 })));
  const lead = vi.fn(options.lead ?? (() => null));
  const reminders = new ShowReminders({
    plan: () => plan,
    now: () => now,
    notifier,
    logger: silentLogger,
    anyOnAir: () => onAir,
    readiness,
    onLeadTime: lead,
    destinationName: (id) => ({ youtube: 'YouTube', twitch: 'Twitch' })[id] ?? id,
  });
  return {
    reminders,
    notifier,
    readiness,
    lead,
    titles: () => notifier.recent().map((n) => n.title),
    at: async (ms: number) => {
      now = ms;
      await reminders.check();
    },
    setOnAir: (value: boolean) => (onAir = value),
    setPlan: (next: ShowPlan | null) => (plan = next),
  };
}

describe('show reminders (never an action: every destination waits for its take)', () => {
  it('at the lead time runs the checklist and says what it found, once; the warm-take hook is called once', async () => {
    const t = setup();
    await t.at(START - SHOW_LEAD_MS - 1);
    expect(t.titles()).toEqual([]);
    await t.at(START - SHOW_LEAD_MS);
    await t.at(START - SHOW_LEAD_MS + MIN);
    expect(t.readiness).toHaveBeenCalledTimes(1);
    expect(t.lead).toHaveBeenCalledTimes(1);
    expect(t.titles()).toEqual([`Show at ${AT}, in 15 min: ready`]);
    expect(t.notifier.recent()[0]).toMatchObject({ level: 'info', kind: 'alert' });
    expect(t.notifier.recent()[0]?.message).toMatch(/every check passed\. Cold channels start at the take/);
  });

  it('a failed or warning check turns the offer into what to fix; a checklist that cannot run says so', async () => {
    const failing = setup({ readiness: async () => ({ failures: 2, warnings: 1 }) });
    await failing.at(START - 10 * MIN);
    expect(failing.titles()).toEqual([`Show at ${AT}, in 10 min: not ready`]);
    expect(failing.notifier.recent()[0]).toMatchObject({ level: 'error' });
    expect(failing.notifier.recent()[0]?.message).toMatch(/2 check\(s\) failed and 1 warned: open Readiness/);

    const broken = setup({
      readiness: async () => {
        throw new Error('no connection');
      },
    });
    await broken.at(START - 5 * MIN);
    expect(broken.titles()).toEqual([`Show at ${AT}, in 5 min: run the readiness check`]);
  });

  it('at the planned start with nothing on air, reminds once; on air already, says nothing', async () => {
    const t = setup();
    await t.at(START);
    await t.at(START + MIN);
    expect(t.titles().filter((title) => title.startsWith('Planned start'))).toEqual([
      `Planned start ${AT}: nothing is on air`,
    ]);
    const live = setup();
    live.setOnAir(true);
    await live.at(START + 2_000);
    expect(live.titles().filter((title) => title.startsWith('Planned start'))).toEqual([]);
  });

  it('no reminder for a start long past or one planned after it had passed; a moved plan has its own', async () => {
    const t = setup();
    await t.at(START + 11 * MIN);
    expect(t.titles()).toEqual([]);
    const late = setup({ plan: { startsAt: START, endsAt: START + 60 * MIN, setAt: START + MIN, destinations: [] } });
    await late.at(START + 2 * MIN);
    expect(late.titles()).toEqual([]);

    const moved = setup();
    await moved.at(START - 5 * MIN);
    moved.setPlan({ startsAt: START + 30 * MIN, endsAt: START + 120 * MIN, setAt: START - 4 * MIN, destinations: [] });
    await moved.at(START + 30 * MIN - 5 * MIN);
    expect(moved.titles()).toEqual([`Show at ${AT}, in 5 min: ready`, `Show at ${AT_HALF_PAST}, in 5 min: ready`]);
    moved.setPlan(null);
    await moved.at(START + 30 * MIN);
    expect(moved.titles()).toHaveLength(2);
  });

  it('at the lead time adds what the plan offers warm takes to the notice; at the start names the plan’s destinations', async () => {
    const plan: ShowPlan = {
      startsAt: START,
      endsAt: START + 120 * MIN,
      setAt: START - 60 * MIN,
      destinations: [
        { id: 'youtube', take: 'warm' },
        { id: 'twitch', take: 'cold' },
      ],
    };
    const t = setup({ plan, lead: () => 'Standby is offered for the 1 warm destination of the plan.' });
    await t.at(START - SHOW_LEAD_MS);
    expect(t.lead).toHaveBeenCalledWith(plan);
    expect(t.notifier.recent()[0]?.message).toContain(
      'every check passed. Standby is offered for the 1 warm destination of the plan. Cold channels start at the take',
    );
    await t.at(START);
    expect(t.notifier.recent().at(-1)?.message).toContain(
      'arm and take YouTube (warm) and Twitch (cold) when the show begins',
    );
  });
});
