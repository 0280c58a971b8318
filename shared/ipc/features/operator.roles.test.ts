import { describe, expect, it } from 'vitest';
import { OPERATOR_EVENT_ROLES, OPERATOR_INVOKE_ROLES } from './operator.roles';

describe('operator roles', () => {
  it('let the admin window read the destinations for its live tally, and never start, stop or acknowledge', () => {
    expect(OPERATOR_INVOKE_ROLES['destinations.snapshot']).toContain('admin');
    expect(OPERATOR_EVENT_ROLES['destinations.feed']).toContain('admin');
    for (const act of ['channels.start', 'channels.stop', 'channels.endAll', 'channels.acknowledgeAlarm'] as const)
      expect(OPERATOR_INVOKE_ROLES[act]).toEqual(['operator']);
  });
});
