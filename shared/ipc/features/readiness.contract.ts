import type { z } from 'zod';

/** The readiness feature's schemas (merged into ../contract.ts); every key must also be in readiness.roles.ts. */
export const READINESS_INVOKE_CONTRACT = {} as const satisfies Record<string, { input: z.ZodType; output: z.ZodType }>;

export const READINESS_EVENT_CONTRACT = {} as const satisfies Record<string, { payload: z.ZodType }>;
