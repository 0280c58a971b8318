import { describe, expect, it, vi } from 'vitest';
import type { ShowSnapshot } from '../../shared/domain/show-time';
import { createMemorySettingsStore, type SettingsStore } from '../core/settings';
import type { BoothCore } from './booth-core';
import { useBoothCore } from './test-support/booth-core-rig';
import { watch } from './test-support/watch-feed';

const operator = { role: 'operator' } as const;
const admin = { role: 'admin' } as const;
const startCore = useBoothCore();

async function start(settings: SettingsStore = createMemorySettingsStore()): Promise<BoothCore> {
  return startCore({
    settings,
    simulator: { timings: { channelStartMs: 300, channelStopMs: 300 } },
    monitor: { fastIntervalMs: 50, slowIntervalMs: 200 },
    costTickMs: 50,
  });
}

async function snapshot(booth: BoothCore, role: 'operator' | 'admin' = 'operator'): Promise<ShowSnapshot> {
  const answer = await booth.router.invoke('show.snapshot', {}, { role });
  if (!answer.ok) throw new Error(answer.message);
  return answer.data as ShowSnapshot;
}

function feed(booth: BoothCore, role: 'operator' | 'admin'): ShowSnapshot[] {
  const seen: ShowSnapshot[] = [];
  booth.router.attach(role, (channel, payload) => {
    if (channel === 'show.feed') seen.push(payload as ShowSnapshot);
  });
  return seen;
}

describe('the show: its plan and its timeline', () => {
  it('a plan starting within the lead time gets the pre-show checklist and its findings once; nothing is started', async () => {
    const booth = await start();
    const titles: string[] = [];
    booth.router.attach('operator', (channel, payload) => {
      if (channel === 'notifications.feed') titles.push((payload as { title: string }).title);
    });
    const now = Date.now();
    await booth.router.invoke('show.setPlan', { startsAt: now + 10 * 60_000, endsAt: now + 70 * 60_000 }, operator);
    // The checklist reads AWS first: on a loaded machine that takes more than the default second.
    await vi.waitFor(() => expect(titles.filter((t) => t.startsWith('Show at '))).toHaveLength(1), { timeout: 10_000 });
    expect(titles.find((t) => t.startsWith('Show at '))).toMatch(/^Show at \S+, in 10 min: (ready|not ready)$/);
    expect(booth.simulator!.control.requests({ operation: 'StartChannel' })).toEqual([]);
  });

  it('holds the plan, saves it with the local settings and pushes it to every window', async () => {
    const settings = createMemorySettingsStore();
    const booth = await start(settings);
    const operatorFeed = feed(booth, 'operator');
    const adminFeed = feed(booth, 'admin');
    const now = Date.now();
    const plan = { startsAt: now + 10 * 60_000, endsAt: now + 70 * 60_000 };
    const set = await booth.router.invoke('show.setPlan', plan, operator);
    expect(set).toMatchObject({ ok: true, data: { plan } });
    expect(settings.get().showPlan).toMatchObject(plan);
    expect(operatorFeed.at(-1)?.plan).toMatchObject(plan);
    expect(adminFeed.at(-1)?.plan).toMatchObject(plan);
    expect((await snapshot(booth, 'admin')).plan).toMatchObject(plan);

    // Readiness checks the credentials against the plan's end: the one place it is set.
    const report = await booth.router.invoke('readiness.run', {}, operator);
    expect(report).toMatchObject({ ok: true, data: { showEndsAt: plan.endsAt, showEndPlanned: true } });
    const ownEnd = await booth.router.invoke('readiness.run', { showEndsAt: now }, operator);
    expect(ownEnd).toMatchObject({ ok: false, code: 'invalid-input' });

    const cleared = await booth.router.invoke('show.setPlan', { startsAt: null, endsAt: null }, operator);
    expect(cleared).toMatchObject({ ok: true, data: { plan: null } });
    const assumed = await booth.router.invoke('readiness.run', {}, operator);
    expect(assumed).toMatchObject({ ok: true, data: { showEndPlanned: false } });
  });

  it('refuses a bad plan in words and keeps the one it had; the admin window may read it, not set it', async () => {
    const booth = await start();
    const now = Date.now();
    const good = { startsAt: now + 60_000, endsAt: now + 3_600_000 };
    await booth.router.invoke('show.setPlan', good, operator);
    const backwards = await booth.router.invoke(
      'show.setPlan',
      { startsAt: good.endsAt, endsAt: good.startsAt },
      operator,
    );
    expect(backwards).toMatchObject({ ok: false, code: 'invalid-input' });
    if (!backwards.ok)
      expect(backwards.message).toMatch(/^The planned end \d\d:\d\d:\d\d is not after the planned start/);
    const far = await booth.router.invoke('show.setPlan', { startsAt: now, endsAt: now + 25 * 3_600_000 }, operator);
    expect(far).toMatchObject({ ok: false, code: 'invalid-input' });
    expect((await snapshot(booth)).plan).toMatchObject(good);
    expect(await booth.router.invoke('show.setPlan', good, admin)).toMatchObject({ ok: false, code: 'forbidden' });
  });

  it('starts the show at the first take, not at the console start, and stops it after End all', async () => {
    const booth = await start();
    const tiles = await watch(booth);
    const shows = feed(booth, 'operator');
    const before = await snapshot(booth);
    expect(before.timeline).toMatchObject({ startedAt: null, endedAt: null });

    const takeAt = Date.now();
    await booth.router.invoke('channels.start', { destinationId: 'youtube' }, operator);
    await tiles.until(() => tiles.tiles.get('youtube')?.state === 'RUNNING');
    await vi.waitFor(() => expect(shows.at(-1)?.timeline.onAir.since).not.toBeNull());
    const live = shows.at(-1)!.timeline;
    expect(live.startedAt).toBeGreaterThanOrEqual(takeAt);
    expect(live.endedAt).toBeNull();
    expect(live.destinations.find((d) => d.id === 'youtube')?.onAir.since).toBe(
      tiles.tiles.get('youtube')?.runningSince,
    );

    const endAllAt = Date.now();
    await booth.router.invoke('channels.endAll', { confirm: true }, operator);
    await vi.waitFor(() => expect(shows.at(-1)?.timeline.endedBy).toBe('end-all'), { timeout: 3_000 });
    const ended = shows.at(-1)!.timeline;
    expect(ended.endedAt).toBeGreaterThanOrEqual(endAllAt);
    // Stopped when nothing was on air: the channel was still STOPPING (billing) then.
    expect(ended.endedAt! - endAllAt).toBeLessThan(1_000);
    expect(ended.onAir.since).toBeNull();
    expect(ended.destinations.find((d) => d.id === 'youtube')?.onAir.ms).toBeGreaterThan(0);
    await tiles.until(() => tiles.tiles.get('youtube')?.state === 'IDLE');
    // It stays stopped: the end does not move when the channel is IDLE later.
    expect((await snapshot(booth)).timeline.endedAt).toBe(ended.endedAt);
  });
});
