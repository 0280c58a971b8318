import { describe, expect, it } from 'vitest';
import { simulatedSlateDestinations } from './slate-destinations';

describe('LUNORA_SIM_SLATES', () => {
  it('lists the destinations that get a slate; unset means none', () => {
    expect(simulatedSlateDestinations({ LUNORA_SIM_SLATES: ' youtube, twitch ' })).toEqual(['youtube', 'twitch']);
    expect(simulatedSlateDestinations({})).toBeNull();
    expect(simulatedSlateDestinations({ LUNORA_SIM_SLATES: '' })).toBeNull();
  });

  it('stops on a malformed id with what to set', () => {
    expect(() => simulatedSlateDestinations({ LUNORA_SIM_SLATES: 'YouTube Live' })).toThrow(
      /LUNORA_SIM_SLATES has "YouTube Live": list destination ids separated by commas/,
    );
  });
});
