import type { Role } from '../../domain/roles';

/** SRT input health and the backup switch (merged into ../channels.ts). Switching is the operator's act. */
export const FLOW_INVOKE_ROLES = {
  'flow.snapshot': ['operator', 'admin'],
  'flow.switchSource': ['operator'],
  'flow.testBackup': ['operator'],
  'flow.alerts': ['operator', 'admin'],
  'flow.acknowledgeFailover': ['operator'],
} as const satisfies Record<string, readonly Role[]>;

export const FLOW_EVENT_ROLES = {
  'flow.feed': ['operator', 'admin'],
  'flow.alert': ['operator', 'admin'],
} as const satisfies Record<string, readonly Role[]>;
