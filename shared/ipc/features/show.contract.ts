import { z } from 'zod';
import { ShowPlanInputSchema, ShowPlanSchema } from '../../domain/show-plan';
import { ShowSnapshotSchema } from '../../domain/show-time';

export const SHOW_INVOKE_CONTRACT = {
  'show.snapshot': { input: z.strictObject({}), output: ShowSnapshotSchema },
  /** Both times null clear the plan; the rules (end after start, within 24 hours, ...) are checked in main. */
  'show.setPlan': {
    input: ShowPlanInputSchema,
    output: z.strictObject({ plan: ShowPlanSchema.nullable(), note: z.string() }),
  },
} as const satisfies Record<string, { input: z.ZodType; output: z.ZodType }>;

export const SHOW_EVENT_CONTRACT = {
  'show.feed': { payload: ShowSnapshotSchema },
} as const satisfies Record<string, { payload: z.ZodType }>;
