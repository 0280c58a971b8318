import type { Role } from '../../domain/roles';

/** Which account, region and stack the console talks to (merged into ../channels.ts). */
export const CONNECTION_INVOKE_ROLES = {
  'connection.describe': ['operator', 'admin'],
  /** The profiles of ~/.aws/config and the saved connection choice. */
  'connection.profiles': ['operator', 'admin'],
  /** Choose profile (or simulation), region and stack; takes effect at the next start. */
  'connection.configure': ['admin'],
} as const satisfies Record<string, readonly Role[]>;

export const CONNECTION_EVENT_ROLES = {} as const satisfies Record<string, readonly Role[]>;
