import { describe, expect, it } from 'vitest';
import { FeedSequence } from './feed-sequence';

describe('FeedSequence', () => {
  it('passes numbers through until a restart, then continues after the last one given out', () => {
    const sequence = new FeedSequence();
    expect(sequence.shift({ seq: 0 }).seq).toBe(0);
    expect(sequence.shift({ seq: 7 }).seq).toBe(7);
    sequence.restart();
    // The new monitor's snapshot (seq 0) is newer than anything before, and its deltas follow it one by one.
    expect(sequence.shift({ seq: 0 }).seq).toBe(8);
    expect(sequence.shift({ seq: 1 }).seq).toBe(9);
    sequence.restart();
    sequence.restart();
    expect(sequence.shift({ seq: 0 }).seq).toBe(10);
  });

  it('leaves the rest of the feed as it is', () => {
    expect(new FeedSequence().shift({ seq: 3, kind: 'delta', changed: ['a'] })).toEqual({
      seq: 3,
      kind: 'delta',
      changed: ['a'],
    });
  });
});
