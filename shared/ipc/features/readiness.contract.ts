import { z } from 'zod';
import { AwsProfileSchema, ConnectionSettingsSchema } from '../../domain/aws-profile';
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
  'connection.profiles': {
    input: z.strictObject({}),
    output: z.strictObject({ profiles: z.array(AwsProfileSchema), saved: ConnectionSettingsSchema }),
  },
  'connection.configure': {
    input: ConnectionSettingsSchema,
    output: z.strictObject({ saved: ConnectionSettingsSchema, restartRequired: z.boolean() }),
  },
} as const satisfies Record<string, { input: z.ZodType; output: z.ZodType }>;

export const READINESS_EVENT_CONTRACT = {} as const satisfies Record<string, { payload: z.ZodType }>;
