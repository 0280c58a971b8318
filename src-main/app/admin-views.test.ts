import { describe, expect, it } from 'vitest';
import { diffValueText } from './admin-views';

describe('diff values for the admin table', () => {
  it('shows absent values as null, objects as JSON, and caps long ones', () => {
    expect(diffValueText(undefined)).toBeNull();
    expect(diffValueText(1920)).toBe('1920');
    expect(diffValueText({ A: 1 })).toBe('{"A":1}');
    expect(diffValueText('x'.repeat(1_000))).toHaveLength(400);
  });
});
