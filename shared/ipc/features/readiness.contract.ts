import { z } from 'zod';
import { ReadinessReportSchema, StackSummarySchema } from '../../domain/readiness';

export const READINESS_INVOKE_CONTRACT = {
  'stack.describe': { input: z.strictObject({}), output: StackSummarySchema },
  /** Credentials are checked against the show plan's end (`show.setPlan`), the one place the end is set. */
  'readiness.run': { input: z.strictObject({}), output: ReadinessReportSchema },
} as const satisfies Record<string, { input: z.ZodType; output: z.ZodType }>;

export const READINESS_EVENT_CONTRACT = {} as const satisfies Record<string, { payload: z.ZodType }>;
