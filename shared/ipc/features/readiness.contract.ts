import { z } from 'zod';
import { ReadinessReportSchema, StackSummarySchema } from '../../domain/readiness';

export const READINESS_INVOKE_CONTRACT = {
  'stack.describe': { input: z.strictObject({}), output: StackSummarySchema },
  'readiness.run': {
    input: z.strictObject({
      /** When the show is planned to end (epoch ms): credentials must last past it. Defaults to four hours from now. */
      showEndsAt: z.number().int().positive().optional(),
    }),
    output: ReadinessReportSchema,
  },
} as const satisfies Record<string, { input: z.ZodType; output: z.ZodType }>;

export const READINESS_EVENT_CONTRACT = {} as const satisfies Record<string, { payload: z.ZodType }>;
