import type { Role } from '../../domain/roles';

/** Past shows from the sessions table (merged into ../channels.ts): read by both windows; nothing here writes. */
export const HISTORY_INVOKE_ROLES = {
  'history.list': ['operator', 'admin'],
  'history.show': ['operator', 'admin'],
  'history.exportCsv': ['operator', 'admin'],
} as const satisfies Record<string, readonly Role[]>;

export const HISTORY_EVENT_ROLES = {} as const satisfies Record<string, readonly Role[]>;
