import type { Role } from '../../domain/roles';

/** The flow feature's channels and the roles allowed to use them (merged into ../channels.ts). */
export const FLOW_INVOKE_ROLES = {} as const satisfies Record<string, readonly Role[]>;

export const FLOW_EVENT_ROLES = {} as const satisfies Record<string, readonly Role[]>;
