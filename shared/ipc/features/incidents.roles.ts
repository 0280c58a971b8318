import type { Role } from '../../domain/roles';

/** The session's incident log (merged into ../channels.ts): read and exported by both windows. */
export const INCIDENTS_INVOKE_ROLES = {
  'incidents.list': ['operator', 'admin'],
  'incidents.exportCsv': ['operator', 'admin'],
} as const satisfies Record<string, readonly Role[]>;

export const INCIDENTS_EVENT_ROLES = {
  'incidents.feed': ['operator', 'admin'],
} as const satisfies Record<string, readonly Role[]>;
