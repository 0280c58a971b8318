import type { z } from 'zod';

/** The flow feature's schemas (merged into ../contract.ts); every key must also be in flow.roles.ts. */
export const FLOW_INVOKE_CONTRACT = {} as const satisfies Record<string, { input: z.ZodType; output: z.ZodType }>;

export const FLOW_EVENT_CONTRACT = {} as const satisfies Record<string, { payload: z.ZodType }>;
