import { describe, expect, it } from 'vitest';
import { asClause } from './presentation';

describe('asClause', () => {
  it('drops the full stop a message ends with, so the window can continue the sentence', () => {
    expect(`${asClause('There is no stack "x" in us-east-1.')}. Retrying…`).toBe(
      'There is no stack "x" in us-east-1. Retrying…',
    );
    expect(asClause('No answer ')).toBe('No answer');
    expect(asClause('v1.2 failed')).toBe('v1.2 failed');
  });
});
