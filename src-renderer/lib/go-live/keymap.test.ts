import { describe, expect, it } from 'vitest';
import { DEFAULT_SHORTCUTS } from '../../../shared/domain/operator-settings';
import { buildKeymap, commandFor, keyLabel } from './keymap';

const ids = Array.from({ length: 12 }, (_, i) => `d${i + 1}`);

describe('keymap', () => {
  it('gives digits 1-9 in tile order, none beyond', () => {
    const map = buildKeymap(ids, DEFAULT_SHORTCUTS);
    expect(map.keyOf.get('d1')).toBe('1');
    expect(map.keyOf.get('d9')).toBe('9');
    expect(map.keyOf.has('d10')).toBe(false);
    expect(commandFor({ key: '2' }, map)).toEqual({ type: 'arm', destinationId: 'd2' });
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
