import { vi } from 'vitest';
import type { DestinationsFeed, DestinationStatus } from '../../../shared/domain/destination';
import type { BoothCore } from '../booth-core';

const operator = { role: 'operator' } as const;

/** Follows the destinations feed like a window does: snapshot, then deltas. */
export async function watch(booth: BoothCore) {
  const tiles = new Map<string, DestinationStatus>();
  const first = await booth.router.invoke('destinations.snapshot', {}, operator);
  if (first.ok) for (const d of (first.data as { destinations: DestinationStatus[] }).destinations) tiles.set(d.id, d);
  const seen: Array<{ id: string; state: string }> = [];
  /** Each warm phase a tile showed, in order (a phase published between two reads of the map is kept here). */
  const phases: Array<{ id: string; phase: string }> = [];
  booth.router.attach('operator', (channel, payload) => {
    // The operator role hears every feed; only the destinations feed carries tiles.
    if (channel !== 'destinations.feed') return;
    const feed = payload as DestinationsFeed;
    const list = feed.kind === 'snapshot' ? feed.destinations : feed.changed;
    for (const d of list) {
      if (tiles.get(d.id)?.state !== d.state) seen.push({ id: d.id, state: d.state });
      const phase = d.warm?.phase;
      if (phase !== undefined && tiles.get(d.id)?.warm?.phase !== phase) phases.push({ id: d.id, phase });
      tiles.set(d.id, d);
    }
  });
  /** The warm phases one destination showed, in order. */
  const phasesOf = (id: string) => phases.filter((p) => p.id === id).map((p) => p.phase);
  const until = (predicate: () => boolean, timeoutMs = 5_000) =>
    vi.waitFor(
      () => {
        if (!predicate()) throw new Error(`not yet; states seen: ${JSON.stringify(seen)}`);
      },
      { timeout: timeoutMs, interval: 20 },
    );
  return { tiles, seen, phasesOf, until };
}
