import { describe, expect, it, vi } from 'vitest';
import type { Notification } from '../../shared/domain/notification';
import type { ShowSnapshot } from '../../shared/domain/show-time';
import type { BoothCore } from './booth-core';
import { useBoothCore, TEST_CADENCES } from './test-support/booth-core-rig';
import { watch } from './test-support/watch-feed';

const operator = { role: 'operator' } as const;
const MIN = 60_000;
const startCore = useBoothCore();

async function start(): Promise<BoothCore> {
  return startCore({
    simulator: { slateDestinations: ['youtube'], timings: { channelStartMs: 300, channelStopMs: 200 } },
    ...TEST_CADENCES,
  });
}

async function snapshot(booth: BoothCore): Promise<ShowSnapshot> {
  const answer = await booth.router.invoke('show.snapshot', {}, operator);
  if (!answer.ok) throw new Error(answer.message);
  return answer.data as ShowSnapshot;
}

const starts = (booth: BoothCore) => booth.simulator!.control.requests({ operation: 'StartChannel' });

describe('a planned show with its destinations and take kinds', () => {
  it('checks the destinations against the booth: unknown ones and a warm take without a slate are refused', async () => {
    const booth = await start();
    const feed = await watch(booth);
    await feed.until(() => feed.tiles.get('youtube')?.warm?.capable === true);
    const now = Date.now();
    const times = { startsAt: now + 60 * MIN, endsAt: now + 120 * MIN };
    const unknown = await booth.router.invoke(
      'show.setPlan',
      { ...times, destinations: [{ id: 'myspace', take: 'cold' }] },
      operator,
    );
    expect(unknown).toMatchObject({
      ok: false,
      code: 'invalid-input',
      message: 'The plan names the destination "myspace", which this booth does not have.',
    });
    const noSlate = await booth.router.invoke(
      'show.setPlan',
      { ...times, destinations: [{ id: 'linkedin', take: 'warm' }] },
      operator,
    );
    expect(noSlate.ok ? '' : noSlate.message).toMatch(
      /^LinkedIn Live has no slate on its channel, so it cannot be taken warm: plan it cold\.$/,
    );
    const twice = await booth.router.invoke(
      'show.setPlan',
      {
        ...times,
        destinations: [
          { id: 'youtube', take: 'warm' },
          { id: 'youtube', take: 'cold' },
        ],
      },
      operator,
    );
    expect(twice).toMatchObject({ ok: false, code: 'invalid-input' });
    expect((await snapshot(booth)).plan).toBeNull();
  });

  it('at the lead time offers standby for the warm destinations, sends nothing itself, and withdraws it when the plan moves', async () => {
    const booth = await start();
    const feed = await watch(booth);
    await feed.until(() => feed.tiles.get('youtube')?.warm?.capable === true);
    const notes: Notification[] = [];
    booth.router.attach('operator', (channel, payload) => {
      if (channel === 'notifications.feed') notes.push(payload as Notification);
    });
    const now = Date.now();
    const destinations = [
      { id: 'youtube', take: 'warm' as const },
      { id: 'twitch', take: 'cold' as const },
    ];
    const set = await booth.router.invoke(
      'show.setPlan',
      { startsAt: now + 10 * MIN, endsAt: now + 70 * MIN, destinations },
      operator,
    );
    expect(set).toMatchObject({ ok: true, data: { plan: { destinations } } });
    expect(set.ok && (set.data as { note: string }).note).toMatch(
      /Destinations: YouTube Live \(warm\), Twitch \(cold\)\./,
    );

    await vi.waitFor(() => expect(notes.some((n) => n.title.startsWith('Show at '))).toBe(true), { timeout: 10_000 });
    expect(notes.find((n) => n.title.startsWith('Show at '))?.message).toContain(
      'Standby is offered for the 1 warm destination of the plan: confirm it in the operator window',
    );
    const shown = await snapshot(booth);
    expect(shown.standbyOffer).toMatchObject({ startsAt: now + 10 * MIN, destinationIds: ['youtube'] });
    // The offer is words and a button: no channel is started until the operator confirms it.
    expect(starts(booth)).toEqual([]);

    // Moving the plan withdraws the offer (the new plan gets its own at its lead time).
    await booth.router.invoke(
      'show.setPlan',
      { startsAt: now + 50 * MIN, endsAt: now + 90 * MIN, destinations },
      operator,
    );
    expect((await snapshot(booth)).standbyOffer).toBeNull();
    expect(starts(booth)).toEqual([]);
  });
});
