import type { z } from 'zod';

/** The admin feature's schemas (merged into ../contract.ts); every key must also be in admin.roles.ts. */
export const ADMIN_INVOKE_CONTRACT = {} as const satisfies Record<string, { input: z.ZodType; output: z.ZodType }>;

export const ADMIN_EVENT_CONTRACT = {} as const satisfies Record<string, { payload: z.ZodType }>;
