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
  const until = async (predicate: () => boolean, timeoutMs = 5_000) => {
    const deadline = Date.now() + timeoutMs;
    while (!predicate()) {
      if (Date.now() > deadline) throw new Error(`timed out; states seen: ${JSON.stringify(seen)}`);
      await new Promise((r) => setTimeout(r, 20));
    }
  };
  return { tiles, seen, until };
}
