import type { Role } from '../../domain/roles';

/** Stack discovery and the pre-show readiness check: both windows may run them (they change nothing). */
export const READINESS_INVOKE_ROLES = {
  'stack.describe': ['operator', 'admin'],
  'readiness.run': ['operator', 'admin'],
} as const satisfies Record<string, readonly Role[]>;

export const READINESS_EVENT_ROLES = {} as const satisfies Record<string, readonly Role[]>;
