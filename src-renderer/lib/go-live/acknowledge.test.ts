import { describe, expect, it } from 'vitest';
import { acknowledgeTarget } from './acknowledge';

describe('acknowledgeTarget', () => {
  it('acts on the armed or focused tile when something is latched on it', () => {
    expect(acknowledgeTarget(['youtube', 'twitch'], 'twitch')).toEqual({ kind: 'one', destinationId: 'twitch' });
  });
  it('acts on the only latched tile when none is chosen', () => {
    expect(acknowledgeTarget(['custom'], undefined)).toEqual({ kind: 'one', destinationId: 'custom' });
  });
  it('never acknowledges another tile than the chosen one', () => {
    expect(acknowledgeTarget(['custom'], 'youtube')).toEqual({ kind: 'none' });
    expect(acknowledgeTarget(['custom', 'twitch'], 'youtube')).toEqual({ kind: 'ambiguous', count: 2 });
  });
  it('asks the operator to pick when several are latched', () => {
    expect(acknowledgeTarget(['custom', 'twitch'], undefined)).toEqual({ kind: 'ambiguous', count: 2 });
    expect(acknowledgeTarget([], undefined)).toEqual({ kind: 'none' });
  });
});
