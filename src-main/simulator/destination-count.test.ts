import { describe, expect, it } from 'vitest';
import { MAX_SIM_DESTINATIONS, simulatedDestinationCount } from './destination-count';
import { buildSeedWorld } from './seed';
import { createPrng } from './prng';

describe('LUNORA_SIM_DESTINATIONS', () => {
  it('is the booth five when unset or empty, and the number asked for otherwise', () => {
    expect(simulatedDestinationCount({})).toBeNull();
    expect(simulatedDestinationCount({ LUNORA_SIM_DESTINATIONS: ' ' })).toBeNull();
    expect(simulatedDestinationCount({ LUNORA_SIM_DESTINATIONS: '20' })).toBe(20);
    expect(simulatedDestinationCount({ LUNORA_SIM_DESTINATIONS: String(MAX_SIM_DESTINATIONS) })).toBe(100);
  });

  it.each(['0', '-3', '2.5', 'twenty', '101', '1e2', '0x14'])(
    'refuses %s with a message that says what to set',
    (raw) => {
      expect(() => simulatedDestinationCount({ LUNORA_SIM_DESTINATIONS: raw })).toThrow(
        /set a whole number of destinations from 1 to 100 \(e\.g\. LUNORA_SIM_DESTINATIONS=20\)/,
      );
    },
  );

  it('seeds that many destinations: the booth five in their order, then Extra 1… without an order', () => {
    const seed = (count: number) =>
      buildSeedWorld({ region: 'us-east-1', accountId: '123456789012', prng: createPrng(1), destinationCount: count })
        .topology.destinations;
    const twenty = seed(20);
    expect(twenty).toHaveLength(20);
    expect(twenty.slice(0, 6).map((d) => [d.id, d.sortOrder])).toEqual([
      ['primary', 0],
      ['youtube', 1],
      ['twitch', 2],
      ['linkedin', 3],
      ['custom', 4],
      ['extra-1', null],
    ]);
    expect(twenty.at(-1)?.name).toBe('Extra 15');
    expect(new Set(twenty.map((d) => d.channelId)).size).toBe(20);
    expect(seed(3).map((d) => d.id)).toEqual(['primary', 'youtube', 'twitch']);
  });
});
