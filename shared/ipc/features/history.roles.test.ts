import { describe, expect, it } from 'vitest';
import { invokeChannelsFor } from '../channels';
import { HISTORY_INVOKE_ROLES } from './history.roles';

describe('history channels', () => {
  it('are read by operators and admins alike, and none of them writes', () => {
    const history = Object.keys(HISTORY_INVOKE_ROLES);
    expect(history).toEqual(['history.list', 'history.show', 'history.exportCsv']);
    for (const role of ['operator', 'admin'] as const) {
      expect(invokeChannelsFor(role).filter((c) => c.startsWith('history.'))).toEqual(history);
    }
  });
});
