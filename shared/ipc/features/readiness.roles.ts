import type { Role } from '../../domain/roles';

/** The readiness feature's channels and the roles allowed to use them (merged into ../channels.ts). */
export const READINESS_INVOKE_ROLES = {} as const satisfies Record<string, readonly Role[]>;

export const READINESS_EVENT_ROLES = {} as const satisfies Record<string, readonly Role[]>;
