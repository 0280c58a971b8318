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
  booth.router.attach('operator', (_channel, payload) => {
    const feed = payload as DestinationsFeed;
    const list = feed.kind === 'snapshot' ? feed.destinations : feed.changed;
    for (const d of list) {
      if (tiles.get(d.id)?.state !== d.state) seen.push({ id: d.id, state: d.state });
      tiles.set(d.id, d);
    }
  });
  const until = (predicate: () => boolean, timeoutMs = 5_000) =>
    vi.waitFor(
      () => {
        if (!predicate()) throw new Error(`not yet; states seen: ${JSON.stringify(seen)}`);
      },
      { timeout: timeoutMs, interval: 20 },
    );
  return { tiles, seen, until };
}
