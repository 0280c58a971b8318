import type { Role } from '../../domain/roles';

/** Which account, region and stack the console talks to (merged into ../channels.ts). */
export const CONNECTION_INVOKE_ROLES = {
  'connection.describe': ['operator', 'admin'],
  /** The profiles of ~/.aws/config and the saved connection choice. */
  'connection.profiles': ['operator', 'admin'],
  /** Choose profile (or simulation), region and stack; the console reconnects at once (channels keep running). */
  'connection.configure': ['admin'],
  /** Try the same connection again after a failure (after signing in again, say); changes no setting. */
  'connection.retry': ['operator', 'admin'],
  /** Sign in to IAM Identity Center from the console (device authorization); answers the sign-in's status. */
  'connection.signIn': ['operator', 'admin'],
  /** Stop waiting for the sign-in in progress (the browser was closed). */
  'connection.signInCancel': ['operator', 'admin'],
  'connection.signInStatus': ['operator', 'admin'],
} as const satisfies Record<string, readonly Role[]>;

export const CONNECTION_EVENT_ROLES = {
  /** The console connected to another account, region or stack, or failed to. */
  'connection.changed': ['operator', 'admin'],
  /** The sign-in moved on: code to show, signed in, or why it ended. */
  'connection.signInChanged': ['operator', 'admin'],
} as const satisfies Record<string, readonly Role[]>;
