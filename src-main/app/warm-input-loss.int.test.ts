import { describe, expect, it } from 'vitest';
import type { IncidentEntry } from '../../shared/domain/incident';
import type { BoothCore } from './booth-core';
import {
  useBoothCore,
  FLOW_TEST_TIMINGS,
  TEST_CADENCES,
  TEST_FLOW_CADENCE,
  WARM_TEST_TIMINGS,
} from './test-support/booth-core-rig';
import { watch } from './test-support/watch-feed';

const operator = { role: 'operator' } as const;
const startCore = useBoothCore();
const POLL = { timeout: 8_000, interval: 25 } as const;

async function start(): Promise<BoothCore> {
  return startCore({
    simulator: {
      slateDestinations: ['youtube', 'twitch'],
      timings: { ...WARM_TEST_TIMINGS, ...FLOW_TEST_TIMINGS },
    },
    ...TEST_CADENCES,
    ...TEST_FLOW_CADENCE,
    retry: { retries: 2, minTimeoutMs: 20, maxTimeoutMs: 40 },
  });
}

/** The incident log as a window holds it: upserted by id. */
function incidentsOf(booth: BoothCore): Map<string, IncidentEntry> {
  const entries = new Map<string, IncidentEntry>();
  booth.router.attach('operator', (channel, payload) => {
    if (channel === 'incidents.feed') entries.set((payload as IncidentEntry).id, payload as IncidentEntry);
  });
  return entries;
}

describe('the live source lost while on air from warm', () => {
  it('the channel shows its slate (InputLossBehavior): one incident per destination, and one when the picture is back', async () => {
    const booth = await start();
    const incidents = incidentsOf(booth);
    const feed = await watch(booth);
    await feed.until(() => feed.tiles.get('youtube')?.warm?.capable === true);
    await booth.router.invoke('warm.setMode', { destinationId: 'youtube', mode: 'warm' }, operator);
    await booth.router.invoke('warm.standby', { destinationId: 'youtube' }, operator);
    await feed.until(() => feed.tiles.get('youtube')?.warm?.phase === 'STANDBY');
    await booth.router.invoke('channels.start', { destinationId: 'youtube' }, operator);
    await feed.until(() => feed.tiles.get('youtube')?.warm?.phase === 'ON_AIR');
    const channelId = booth.simulator!.topology.destinations.find((d) => d.id === 'youtube')!.channelId;
    const picture = () => booth.simulator!.control.state().channels.find((c) => c.id === channelId)?.picture;
    expect(picture()).toBe('LIVE');
    expect(feed.tiles.get('youtube')?.warm?.inputLossSlate).toBe(true);

    // Fault injection: both SRT sources lost, nothing feeds the flow.
    booth.simulator!.control.loseSource('main');
    booth.simulator!.control.loseSource('backup');
    await expect.poll(picture, POLL).toBe('INPUT_LOSS_SLATE');
    const youtubeEntries = () =>
      [...incidents.values()].filter((e) => e.destinationId === 'youtube' && e.kind === 'outage');
    await expect
      .poll(() => youtubeEntries().map((e) => e.title), POLL)
      .toEqual(['YouTube Live: live input lost, viewers see the slate']);
    expect(youtubeEntries()[0]).toMatchObject({ kind: 'outage', level: 'warning', endedAt: null });
    // Still on air from warm: the take is not undone, the tile stays ON AIR (and says SLATE SHOWN with the flow strip).
    expect(feed.tiles.get('youtube')?.warm?.phase).toBe('ON_AIR');
    // The cold destinations and the ones not on air get no such entry.
    expect([...incidents.values()].filter((e) => e.destinationId === 'twitch' && e.kind === 'outage')).toEqual([]);

    booth.simulator!.control.restoreSource('main');
    await expect.poll(() => youtubeEntries().length, POLL).toBe(2);
    const [lost, back] = youtubeEntries();
    expect(lost).toMatchObject({ endedAt: expect.any(Number), durationMs: expect.any(Number) });
    expect(back).toMatchObject({ level: 'success', title: 'YouTube Live: live picture back' });
    expect(back?.detail).toMatch(/the slate was shown for \d+ s\.$/);
    await expect.poll(picture, POLL).toBe('LIVE');
  });
});
