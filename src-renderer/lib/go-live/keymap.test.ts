import { describe, expect, it } from 'vitest';
import { DEFAULT_SHORTCUTS } from '../../../shared/domain/operator-settings';
import { buildKeymap, commandFor, currentBank, keyLabel, switchBank } from './keymap';

const ids = Array.from({ length: 12 }, (_, i) => `d${i + 1}`);

describe('keymap', () => {
  it('gives up to ten destinations the top-row digits 1-9 then 0, in tile order, in one bank', () => {
    const ten = ids.slice(0, 10);
    const map = buildKeymap(ten, DEFAULT_SHORTCUTS);
    expect(ten.map((id) => map.keyOf.get(id))).toEqual(['1', '2', '3', '4', '5', '6', '7', '8', '9', '0']);
    expect(map.banks).toHaveLength(1);
    expect(commandFor({ key: '2' }, map)).toEqual({ type: 'arm', destinationId: 'd2' });
    expect(commandFor({ key: '0' }, map)).toEqual({ type: 'arm', destinationId: 'd10' });
    // One bank: B changes nothing and disarms nothing.
    expect(switchBank(0, map, true)).toEqual({ bank: 0, disarm: false, changed: false });
  });

  it('keeps per-destination keys and hands the remaining digits to the others', () => {
    const map = buildKeymap(['a', 'b', 'c'], { ...DEFAULT_SHORTCUTS, destinations: { c: '1', b: 'y' } });
    expect(map.keyOf.get('c')).toBe('1');
    expect(map.keyOf.get('b')).toBe('y');
    expect(map.keyOf.get('a')).toBe('2');
    expect(commandFor({ key: 'Y' }, map)).toEqual({ type: 'arm', destinationId: 'b' });
  });

  it('never lets a destination key shadow take, disarm, help or end all', () => {
    const map = buildKeymap(['a'], { ...DEFAULT_SHORTCUTS, destinations: { a: 'Enter' } });
    expect(map.keyOf.get('a')).toBe('1');
    expect(commandFor({ key: 'Enter' }, map)).toEqual({ type: 'take' });
  });

  it('A acknowledges an alarm, whatever the case, and no destination may take it', () => {
    const map = buildKeymap(['a'], { ...DEFAULT_SHORTCUTS, destinations: { a: 'a' } });
    expect(map.keyOf.get('a')).toBe('1');
    expect(commandFor({ key: 'a' }, map)).toEqual({ type: 'acknowledge' });
    expect(commandFor({ key: 'A' }, map)).toEqual({ type: 'acknowledge' });
  });

  it('S arms the source switch and T the backup test; no destination may take them', () => {
    const map = buildKeymap(['a', 'b'], { ...DEFAULT_SHORTCUTS, destinations: { a: 's', b: 'T' } });
    expect([map.keyOf.get('a'), map.keyOf.get('b')]).toEqual(['1', '2']);
    expect(commandFor({ key: 's' }, map)).toEqual({ type: 'armSwitch' });
    expect(commandFor({ key: 'T' }, map)).toEqual({ type: 'armTest' });
  });

  it('maps take, disarm, help and end all; ignores modified keys', () => {
    const map = buildKeymap(ids, DEFAULT_SHORTCUTS);
    expect(commandFor({ key: 'Escape' }, map)).toEqual({ type: 'disarm' });
    expect(commandFor({ key: '?' }, map)).toEqual({ type: 'help' });
    expect(commandFor({ key: 'e' }, map)).toEqual({ type: 'endAll' });
    expect(commandFor({ key: 'E' }, map)).toEqual({ type: 'endAll' });
    expect(commandFor({ key: '1', ctrlKey: true }, map)).toBeNull();
    expect(commandFor({ key: 'x' }, map)).toBeNull();
  });

  describe('banks beyond ten destinations', () => {
    const twenty = Array.from({ length: 23 }, (_, i) => `d${i + 1}`);

    it('gives every destination a distinct key: bank and digit, shown as 2·4', () => {
      const map = buildKeymap(twenty, DEFAULT_SHORTCUTS);
      expect(map.banks.map((bank) => bank.length)).toEqual([10, 10, 3]);
      expect(map.keyOf.get('d1')).toBe('1·1');
      expect(map.keyOf.get('d10')).toBe('1·0');
      expect(map.keyOf.get('d14')).toBe('2·4');
      expect(map.keyOf.get('d23')).toBe('3·3');
      expect(new Set(twenty.map((id) => map.keyOf.get(id))).size).toBe(23);
      expect(map.slotOf.get('d14')).toEqual({ bank: 1, key: '4' });
    });

    it('arms within the current bank: 4 is d4 in bank 1 and d14 in bank 2', () => {
      const map = buildKeymap(twenty, DEFAULT_SHORTCUTS);
      expect(commandFor({ key: '4' }, map, 0)).toEqual({ type: 'arm', destinationId: 'd4' });
      expect(commandFor({ key: '4' }, map, 1)).toEqual({ type: 'arm', destinationId: 'd14' });
      expect(commandFor({ key: '0' }, map, 1)).toEqual({ type: 'arm', destinationId: 'd20' });
      expect(commandFor({ key: 'b' }, map, 0)).toEqual({ type: 'nextBank' });
      expect(commandFor({ key: 'B' }, map, 0)).toEqual({ type: 'nextBank' });
    });

    it('says a digit has no destination in a short last bank instead of arming another bank', () => {
      const map = buildKeymap(twenty, DEFAULT_SHORTCUTS);
      expect(commandFor({ key: '3' }, map, 2)).toEqual({ type: 'arm', destinationId: 'd23' });
      expect(commandFor({ key: '7' }, map, 2)).toEqual({ type: 'noDestination', key: '7', bank: 2 });
    });

    it('changes bank in a cycle; changing bank while armed disarms (nothing sent), unarmed it does not', () => {
      const map = buildKeymap(twenty, DEFAULT_SHORTCUTS);
      expect(switchBank(0, map, false)).toEqual({ bank: 1, disarm: false, changed: true });
      expect(switchBank(1, map, true)).toEqual({ bank: 2, disarm: true, changed: true });
      expect(switchBank(2, map, false)).toEqual({ bank: 0, disarm: false, changed: true });
      // A click on a bank: that bank; the bank already in force changes nothing and disarms nothing.
      expect(switchBank(0, map, true, 2)).toEqual({ bank: 2, disarm: true, changed: true });
      expect(switchBank(1, map, true, 1)).toEqual({ bank: 1, disarm: false, changed: false });
    });

    it('falls back to the last bank when destinations went away (never a bank that is not there)', () => {
      const map = buildKeymap(twenty.slice(0, 12), DEFAULT_SHORTCUTS);
      expect(currentBank(2, map)).toBe(1);
      expect(commandFor({ key: '2' }, map, 2)).toEqual({ type: 'arm', destinationId: 'd12' });
      expect(switchBank(5, map, false).bank).toBe(0);
      expect(currentBank(0, buildKeymap([], DEFAULT_SHORTCUTS))).toBe(0);
    });

    it('keeps own keys in every bank and leaves their digit out of the banks', () => {
      const map = buildKeymap(twenty, { ...DEFAULT_SHORTCUTS, destinations: { d15: '3', d2: 'y', d5: 'b' } });
      expect(map.keyOf.get('d15')).toBe('3');
      expect(map.keyOf.get('d2')).toBe('y');
      expect(map.bankDigits).toEqual(['1', '2', '4', '5', '6', '7', '8', '9', '0']);
      expect(commandFor({ key: '3' }, map, 0)).toEqual({ type: 'arm', destinationId: 'd15' });
      expect(commandFor({ key: '3' }, map, 1)).toEqual({ type: 'arm', destinationId: 'd15' });
      expect(commandFor({ key: 'Y' }, map, 2)).toEqual({ type: 'arm', destinationId: 'd2' });
      // B is the bank key: a destination may not take it (d5 falls back to a bank digit).
      expect(map.keyOf.get('d5')).toMatch(/^\d·\d$/);
      expect(new Set(twenty.map((id) => map.keyOf.get(id))).size).toBe(23);
    });
  });

  it('labels keys as printed', () => {
    expect(keyLabel('Escape')).toBe('Esc');
    expect(keyLabel(' ')).toBe('Space');
    expect(keyLabel('e')).toBe('E');
    expect(keyLabel('Enter')).toBe('Enter');
  });
});

describe('pendingText', () => {
  it('puts the attempt first and keeps AWS reason without the preamble', async () => {
    const { pendingText } = await import('../presentation');
    expect(
      pendingText({
        action: 'start',
        attempt: 3,
        note: 'Retrying: Start Twitch failed: AWS is limiting the request rate.',
      }),
    ).toBe('retrying go live (attempt 3): AWS is limiting the request rate.');
    expect(pendingText({ action: 'stop', attempt: 1, note: null })).toBe('end: waiting for AWS');
  });
});
