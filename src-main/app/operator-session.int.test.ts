import { describe, expect, it, vi } from 'vitest';
import type { CostSnapshot } from '../../shared/domain/cost';
import type { IncidentEntry } from '../../shared/domain/incident';
import type { Notification } from '../../shared/domain/notification';
import { DEFAULT_OPERATOR_SETTINGS, type OperatorSettings } from '../../shared/domain/operator-settings';
import type { BoothCore, BoothCoreOptions } from './booth-core';
import { useBoothCore } from './test-support/booth-core-rig';
import { watch } from './test-support/watch-feed';

const operator = { role: 'operator' } as const;
const startCore = useBoothCore();

async function start(extra: Partial<BoothCoreOptions> = {}): Promise<BoothCore> {
  return startCore({
    simulator: { timings: { channelStartMs: 300, channelStopMs: 200 } },
    monitor: { fastIntervalMs: 50, slowIntervalMs: 200 },
    retry: { retries: 3, minTimeoutMs: 20, maxTimeoutMs: 40 },
    costTickMs: 50,
    ...extra,
  });
}

function collect<T>(booth: BoothCore, channel: string): T[] {
  const items: T[] = [];
  booth.router.attach('operator', (c, payload) => {
    if (c === channel) items.push(payload as T);
  });
  return items;
}

describe('operator session services', () => {
  it('shows a start as pending while it retries throttling, then clears it', async () => {
    const booth = await start();
    const feed = await watch(booth);
    const pendingSeen: Array<number> = [];
    booth.router.attach('operator', (c, payload) => {
      if (c !== 'destinations.feed') return;
      const changed =
        (payload as { changed?: Array<{ id: string; pending: { attempt: number } | null }> }).changed ?? [];
      for (const d of changed) if (d.id === 'youtube' && d.pending) pendingSeen.push(d.pending.attempt);
    });
    booth.simulator!.control.addFault({ service: 'medialive', operation: 'StartChannel', kind: 'throttle', count: 2 });
    await booth.router.invoke('channels.start', { destinationId: 'youtube' }, operator);
    expect(pendingSeen).toEqual([1, 2, 3]);
    await feed.until(() => feed.tiles.get('youtube')?.state === 'RUNNING');
    expect(feed.tiles.get('youtube')?.pending).toBeNull();
  });

  it('notifies each outcome in words: request accepted, ON AIR, failure with the AWS reason', async () => {
    const booth = await start();
    const notes = collect<Notification>(booth, 'notifications.feed');
    const feed = await watch(booth);
    await booth.router.invoke('channels.start', { destinationId: 'twitch' }, operator);
    await feed.until(() => feed.tiles.get('twitch')?.state === 'RUNNING');
    booth.simulator!.control.addFault({
      service: 'medialive',
      operation: 'StartChannel',
      kind: 'access-denied',
      count: 1,
    });
    const denied = await booth.router.invoke('channels.start', { destinationId: 'custom' }, operator);
    expect(denied).toMatchObject({ ok: false, code: 'access-denied' });
    const titles = notes.map((n) => `${n.level}: ${n.title}`);
    expect(titles).toContain('success: Twitch: going live');
    expect(titles.some((t) => /^success: Twitch.* is ON AIR$/.test(t))).toBe(true);
    const failure = notes.find((n) => n.destinationId === 'custom' && n.level === 'error');
    expect(failure?.message).toContain('These credentials are not allowed to do this');
    expect(failure?.message).not.toMatch(/ForbiddenException|arn:/);
    expect(feed.tiles.get('custom')?.lastError).toMatchObject({ code: 'access-denied', action: 'start' });
    // One headline in words; the details (AWS's text, the request id, the attempts) in the message.
    expect(failure?.title).toBe('Custom RTMP: DID NOT GO LIVE — permission denied');
    expect(failure?.message).toMatch(/AWS said \(HTTP 403\): ".+"\. Request id: [0-9a-f-]{36}\. Attempts: 1\.$/);
    // Acknowledged, the tile's failure clears (the state stays), once; the incident log records it.
    const ack = await booth.router.invoke('channels.acknowledgeFailure', { destinationId: 'custom' }, operator);
    expect(ack).toEqual({ ok: true, data: { acknowledged: true } });
    await feed.until(() => feed.tiles.get('custom')?.lastError === null);
    expect(feed.tiles.get('custom')?.state).toBe('IDLE');
    const again = await booth.router.invoke('channels.acknowledgeFailure', { destinationId: 'custom' }, operator);
    expect(again).toEqual({ ok: true, data: { acknowledged: false } });
    const incidents = await booth.router.invoke('incidents.list', {}, operator);
    const titles2 = incidents.ok ? (incidents.data as { entries: IncidentEntry[] }).entries.map((e) => e.title) : [];
    expect(titles2).toContain('Failure acknowledged: Custom RTMP');
    const recent = await booth.router.invoke('notifications.recent', {}, operator);
    expect(recent.ok && (recent.data as { notifications: Notification[] }).notifications.length).toBe(notes.length);
  });

  it('alerts when a channel goes RECOVERING and when it goes off air on its own; the alarm stays until acknowledged', async () => {
    const booth = await start();
    const notes = collect<Notification>(booth, 'notifications.feed');
    const feed = await watch(booth);
    const linkedin = booth.simulator!.topology.destinations.find((d) => d.id === 'linkedin')!;
    await booth.router.invoke('channels.start', { destinationId: 'linkedin' }, operator);
    await feed.until(() => feed.tiles.get('linkedin')?.state === 'RUNNING');
    booth.simulator!.control.failChannel(linkedin.channelId, { recover: false, afterMs: 200 });
    await feed.until(() => feed.tiles.get('linkedin')?.state === 'IDLE');
    const alerts = () => notes.filter((n) => n.kind === 'alert').map((n) => n.title);
    expect(alerts()).toContain('LinkedIn Live is RECOVERING (still on air)');
    // Said once AWS has answered that its safety stop did not do it (its schedule still waits).
    await vi.waitFor(() =>
      expect(alerts().some((t) => /^LinkedIn Live DROPPED off air after \d\d:\d\d:\d\d on air$/.test(t))).toBe(true),
    );
    expect(feed.tiles.get('linkedin')?.alarm).toMatchObject({ kind: 'dropped', recoveredAt: null });
    const ack = await booth.router.invoke('channels.acknowledgeAlarm', { destinationId: 'linkedin' }, operator);
    expect(ack).toEqual({ ok: true, data: { acknowledged: true } });
    await feed.until(() => feed.tiles.get('linkedin')?.alarm === null);
    expect(feed.tiles.get('linkedin')?.state).toBe('IDLE');
    const admin = await booth.router.invoke(
      'channels.acknowledgeAlarm',
      { destinationId: 'linkedin' },
      { role: 'admin' },
    );
    expect(admin.ok).toBe(false);
  });

  it('ends the show for every live channel, then warns about one that keeps billing', async () => {
    // The grace period runs on a clock of its own, moved on once the stopped channel is IDLE: on a
    // loaded machine its STOPPING tile would otherwise outlive a 100 ms grace and be warned about too.
    let forgottenNow = Date.now();
    const booth = await start({
      forgotten: { graceMs: 100, repeatMs: 60_000, checkEveryMs: 50, now: () => forgottenNow },
    });
    const notes = collect<Notification>(booth, 'notifications.feed');
    const feed = await watch(booth);
    await booth.router.invoke('channels.start', { destinationId: 'youtube' }, operator);
    await booth.router.invoke('channels.start', { destinationId: 'primary' }, operator);
    await feed.until(
      () => feed.tiles.get('youtube')?.state === 'RUNNING' && feed.tiles.get('primary')?.state === 'RUNNING',
    );
    // Someone's StopChannel is refused by AWS for the primary: it keeps running after the show ends.
    booth.simulator!.control.addFault({
      service: 'medialive',
      operation: 'StopChannel',
      kind: 'access-denied',
      count: 1,
    });
    const ended = await booth.router.invoke('channels.endAll', { confirm: true }, operator);
    expect(ended.ok).toBe(true);
    const results = ended.ok ? (ended.data as { results: Array<{ destinationId: string; ok: boolean }> }).results : [];
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    expect(results.filter((r) => !r.ok)).toHaveLength(1);
    const stopped = results.find((r) => r.ok)!.destinationId;
    await feed.until(() => feed.tiles.get(stopped)?.state === 'IDLE');
    expect(notes.filter((n) => n.kind === 'forgotten-channel')).toEqual([]);
    forgottenNow += 100;
    // Nothing on the tiles changes any more: the watch must look again on its own.
    await feed.until(() => notes.some((n) => n.kind === 'forgotten-channel'));
    const forgotten = notes.filter((n) => n.kind === 'forgotten-channel');
    expect(forgotten.map((n) => n.destinationId).sort()).toEqual([results.find((r) => !r.ok)!.destinationId]);
    expect(forgotten[0]!.message).toMatch(/bills about \$\d+\.\d\d\/h/);
    const refusal = await booth.router.invoke('channels.endAll', {}, operator);
    expect(refusal).toMatchObject({ ok: false, code: 'invalid-input' });
  });

  it('meters cost while channels run and projects the month against the budget', async () => {
    const booth = await start();
    const feed = await watch(booth);
    const costs = collect<CostSnapshot>(booth, 'costs.feed');
    await booth.router.invoke('channels.start', { destinationId: 'youtube' }, operator);
    await feed.until(() => feed.tiles.get('youtube')?.state === 'RUNNING');
    await feed.until(() => costs.length > 2);
    const last = costs.at(-1)!;
    const youtube = last.destinations.find((d) => d.id === 'youtube')!;
    // Ten-minute minimum: (input 0.1404 + HD output 0.4212) / 6, plus a little data transfer.
    expect(youtube.usd).toBeGreaterThanOrEqual(0.0936);
    expect(youtube.usd).toBeLessThan(0.095);
    expect(youtube.billedMinutes).toBe(10);
    expect(youtube.usdPerHour).toBeGreaterThan(0.5616);
    expect(last.destinations.find((d) => d.id === 'twitch')!.usd).toBe(0);
    const { split } = last;
    expect(split.channelsUsd).toBeCloseTo(youtube.usd, 9);
    expect(last.totalUsd).toBeCloseTo(
      split.channelsUsd + split.flowHoursUsd + split.flowDataUsd + split.idleUsd + split.monitoringUsd,
      9,
    );
    // The flow feeds every destination's channel input; the console's own source-health reads are metered.
    expect(last.flow.channelInputs).toBe(5);
    expect(last.flow.activeMs).toBeGreaterThan(0);
    expect(split.flowDataUsd).toBeGreaterThan(0);
    expect(last.metricsRequested).toBeGreaterThan(0);
    expect(split.monitoringUsd).toBeGreaterThan(0);
    expect(last.budgetUsd).toBe(400);
    expect(last.projectedMonthUsd).toBeGreaterThan(last.monthToDateUsd);
  });

  it('validates and saves the admin cost settings, and announces them to every window', async () => {
    const booth = await start();
    const announced = collect<OperatorSettings>(booth, 'settings.feed');
    const bad = await booth.router.invoke('settings.updateCosts', { monthlyBudgetUsd: -5 }, { role: 'admin' });
    expect(bad).toMatchObject({ ok: false, code: 'invalid-input' });
    const ok = await booth.router.invoke('settings.updateCosts', { monthlyBudgetUsd: 650 }, { role: 'admin' });
    expect(ok).toMatchObject({ ok: true, data: { monthlyBudgetUsd: 650 } });
    expect(announced.map((s) => s.monthlyBudgetUsd)).toEqual([650]);
    const costs = await booth.router.invoke('costs.snapshot', {}, operator);
    expect(costs).toMatchObject({ ok: true, data: { budgetUsd: 650 } });
  });

  it('the safety grace: refused in words unless whole minutes from 0 to 720; saved, it moves the live safety stops', async () => {
    const booth = await start();
    const schedule = () => booth.simulator!.control.schedules.list().find((s) => s.name === 'lunora-youtube');
    await booth.router.invoke('channels.start', { destinationId: 'youtube' }, operator);
    await vi.waitFor(() => expect(schedule()).toBeDefined());
    const before = schedule()!.at;
    // Whatever is wrong (a fraction, below 0, above 720), the refusal names the field and what it takes.
    for (const safetyGraceMinutes of [1.5, -1, 721]) {
      const refused = await booth.router.invoke('settings.updateCosts', { safetyGraceMinutes }, { role: 'admin' });
      expect(refused).toMatchObject({ ok: false, code: 'invalid-input' });
      if (!refused.ok) {
        expect(refused.message).toMatch(/^Grace after the planned end: enter whole minutes from 0 to 720/);
      }
    }
    expect(booth.settings.get().safetyGraceMinutes).toBe(30);
    const saved = await booth.router.invoke('settings.updateCosts', { safetyGraceMinutes: 45 }, { role: 'admin' });
    expect(saved).toMatchObject({ ok: true, data: { safetyGraceMinutes: 45 } });
    await vi.waitFor(() => expect(schedule()!.at - before).toBe(15 * 60_000));
  });

  it('refuses rates and the budget from the operator window, by role and through its own settings', async () => {
    const booth = await start();
    const byRole = await booth.router.invoke('settings.updateCosts', { monthlyBudgetUsd: 1 }, operator);
    expect(byRole).toMatchObject({ ok: false, code: 'forbidden' });
    for (const patch of [
      { monthlyBudgetUsd: 1 },
      { rateCard: { ...DEFAULT_OPERATOR_SETTINGS.rateCard, source: 'mine' } },
    ]) {
      const refused = await booth.router.invoke('settings.update', patch, operator);
      expect(refused).toMatchObject({ ok: false, code: 'invalid-input' });
      if (!refused.ok) expect(refused.message).toMatch(/set in the admin window \(Costs tab\)/);
    }
    // Its keys are still its own.
    const keys = await booth.router.invoke('settings.update', { alarmSound: true }, operator);
    expect(keys).toMatchObject({ ok: true, data: { alarmSound: true, monthlyBudgetUsd: 400 } });
  });

  it('reports a start AWS never answered as timed out, with the outcome unknown, and never re-sends it', async () => {
    const booth = await start({ aws: { requestTimeoutMs: 400 } });
    const feed = await watch(booth);
    booth.simulator!.control.addFault({ service: 'medialive', operation: 'StartChannel', kind: 'timeout', count: 1 });
    const result = await booth.router.invoke('channels.start', { destinationId: 'youtube' }, operator);
    expect(result).toMatchObject({ ok: false, code: 'timeout' });
    if (!result.ok) expect(result.message).toMatch(/outcome is unknown/);
    expect(booth.simulator!.control.requests({ operation: 'StartChannel' })).toHaveLength(1);
    await feed.until(() => feed.tiles.get('youtube')?.lastError?.code === 'timeout');
    expect(feed.tiles.get('youtube')?.pending).toBeNull();
  });
});
