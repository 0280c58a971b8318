import type { Role } from '../../domain/roles';

/** Warm standby (merged into ../channels.ts): the operator, who runs the show, puts channels in standby and back. */
export const WARM_INVOKE_ROLES = {
  'warm.setMode': ['operator'],
  'warm.standby': ['operator'],
  'warm.backToSlate': ['operator'],
  'warm.standbyAll': ['operator'],
} as const satisfies Record<string, readonly Role[]>;

export const WARM_EVENT_ROLES = {} as const satisfies Record<string, readonly Role[]>;
