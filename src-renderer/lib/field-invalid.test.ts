import { describe, expect, it } from 'vitest';
import { invalidAttrs } from './field-invalid';

describe('invalidAttrs', () => {
  const problems = [{ field: 'monthlyBudgetUsd', message: 'Monthly budget: enter an amount from 0 to 1,000,000.' }];

  it('marks the refused field invalid and points it at the message', () => {
    expect(invalidAttrs(problems, 'monthlyBudgetUsd', 'costs-answer')).toEqual({
      'aria-invalid': 'true',
      'aria-describedby': 'costs-answer',
    });
  });

  it('leaves every other field, and every field once nothing is refused, unmarked', () => {
    expect(invalidAttrs(problems, 'rateCard.source', 'costs-answer')).toEqual({});
    expect(invalidAttrs(null, 'monthlyBudgetUsd', 'costs-answer')).toEqual({});
    expect(invalidAttrs(undefined, 'monthlyBudgetUsd', 'costs-answer')).toEqual({});
  });
});
