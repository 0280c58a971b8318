import type { Role } from '../../domain/roles';

/** The admin feature's channels and the roles allowed to use them (merged into ../channels.ts). */
export const ADMIN_INVOKE_ROLES = {} as const satisfies Record<string, readonly Role[]>;

export const ADMIN_EVENT_ROLES = {} as const satisfies Record<string, readonly Role[]>;
