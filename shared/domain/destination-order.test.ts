import { describe, expect, it } from 'vitest';
import { compareNames, moveId, naturalOrder, orderDestinations, reorderProblems } from './destination-order';

const extra = (n: number, sort_order?: number) => ({ id: `extra-${n}`, name: `Extra ${n}`, sort_order });

describe('destination order', () => {
  it('sorts names naturally: Extra 2 before Extra 10, never as text', () => {
    const names = ['Extra 10', 'Extra 2', 'Extra 1', 'Extra 11', 'extra 3'];
    expect([...names].sort(compareNames)).toEqual(['Extra 1', 'Extra 2', 'extra 3', 'Extra 10', 'Extra 11']);
    // Text order would put 10 and 11 before 2.
    expect([...names].sort()).not.toEqual([...names].sort(compareNames));
  });

  it('puts the order an admin set first, then the records without one (older records) in natural order', () => {
    const records = [extra(10), extra(2), { id: 'twitch', name: 'Twitch', sort_order: 1 }, extra(1), extra(3, 0)];
    expect(orderDestinations(records).map((r) => r.id)).toEqual([
      'extra-3',
      'twitch',
      'extra-1',
      'extra-2',
      'extra-10',
    ]);
  });

  it('orders duplicate or unusable sort_order values deterministically, whatever order the table returned', () => {
    const a = [extra(2, 5), extra(1, 5), { id: 'b', name: 'Same', sort_order: Number.NaN }, { id: 'a', name: 'Same' }];
    const expected = ['extra-1', 'extra-2', 'a', 'b'];
    expect(orderDestinations(a).map((r) => r.id)).toEqual(expected);
    expect(orderDestinations([...a].reverse()).map((r) => r.id)).toEqual(expected);
  });

  it('proposes natural order ignoring any order set', () => {
    expect(naturalOrder([extra(10, 0), extra(9, 1), extra(1, 2)])).toEqual(['extra-1', 'extra-9', 'extra-10']);
  });

  it('moves one id up or down, clamped at the ends', () => {
    expect(moveId(['a', 'b', 'c'], 2, -1)).toEqual(['a', 'c', 'b']);
    expect(moveId(['a', 'b', 'c'], 0, 1)).toEqual(['b', 'a', 'c']);
    expect(moveId(['a', 'b', 'c'], 0, -1)).toEqual(['a', 'b', 'c']);
    expect(moveId(['a', 'b', 'c'], 2, 1)).toEqual(['a', 'b', 'c']);
    expect(moveId(['a', 'b'], 5, 1)).toEqual(['a', 'b']);
  });

  describe('reorderProblems', () => {
    const current = [extra(1), extra(2), extra(3)];
    const now = ['extra-1', 'extra-2', 'extra-3'];

    it('accepts every active destination once, from the order now stored', () => {
      expect(reorderProblems(current, ['extra-3', 'extra-1', 'extra-2'], now)).toEqual({
        invalid: [],
        changedMeanwhile: false,
      });
    });

    it('refuses an id twice, an unknown id and a missing one, naming them', () => {
      const result = reorderProblems(current, ['extra-1', 'extra-1', 'ghost'], now);
      expect(result.changedMeanwhile).toBe(false);
      expect(result.invalid.map((p) => p.message)).toEqual([
        '"Extra 1" appears more than once in the order.',
        '"ghost" is not an active destination.',
        '"Extra 2", "Extra 3" are missing from the order: every active destination needs a place.',
      ]);
    });

    it('reports a change made elsewhere (another order, an added or retired destination) rather than a bad request', () => {
      expect(reorderProblems(current, ['extra-2', 'extra-1', 'extra-3'], ['extra-2', 'extra-1', 'extra-3'])).toEqual({
        invalid: [],
        changedMeanwhile: true,
      });
      // Someone added Extra 4: the admin's full order lacks it, which is the other admin's change, not an error.
      const added = [...current, extra(4)];
      expect(reorderProblems(added, now, now)).toEqual({ invalid: [], changedMeanwhile: true });
    });
  });
});
