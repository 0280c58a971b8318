import { describe, expect, it } from 'vitest';
import { DEFAULT_OPERATOR_SETTINGS, OperatorSettingsSchema } from './operator-settings';

describe('operator settings', () => {
  it('settings saved before the alarm sound existed still read, with the sound off', () => {
    const { alarmSound: _absent, ...older } = { ...DEFAULT_OPERATOR_SETTINGS, monthlyBudgetUsd: 650 };
    expect(OperatorSettingsSchema.parse(older)).toEqual({ ...DEFAULT_OPERATOR_SETTINGS, monthlyBudgetUsd: 650 });
    expect(DEFAULT_OPERATOR_SETTINGS.alarmSound).toBe(false);
  });
});
