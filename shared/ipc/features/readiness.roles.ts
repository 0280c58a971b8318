import type { Role } from '../../domain/roles';

/** Stack discovery and the pre-show readiness check: both windows may run them (they change nothing). */
export const READINESS_INVOKE_ROLES = {
  'stack.describe': ['operator', 'admin'],
  'readiness.run': ['operator', 'admin'],
  /** The profiles of ~/.aws/config and the saved connection choice. */
  'connection.profiles': ['operator', 'admin'],
  /** Choose profile (or simulation), region and stack; takes effect at the next start. */
  'connection.configure': ['admin'],
} as const satisfies Record<string, readonly Role[]>;

export const READINESS_EVENT_ROLES = {} as const satisfies Record<string, readonly Role[]>;
