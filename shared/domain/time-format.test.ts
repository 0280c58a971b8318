import { describe, expect, it } from 'vitest';
import { clockTime } from './time-format';

const at = (iso: string) => new Date(iso).getTime();

describe('clockTime', () => {
  it('writes a time of day as 24-hour with seconds', () => {
    expect(clockTime(at('2026-12-01T14:58:07'))).toBe('14:58:07');
    expect(clockTime(at('2026-12-01T00:05:09'))).toBe('00:05:09');
  });

  it('adds the date only when the time is not on the same day as now', () => {
    const now = at('2026-12-01T15:00:00');
    expect(clockTime(at('2026-12-01T09:00:00'), now)).toBe('09:00:00');
    expect(clockTime(at('2026-11-30T23:59:59'), now)).toBe('30 Nov 23:59:59');
  });
});
