import { z } from 'zod';
import { RateCardSchema } from '../../domain/cost';

export const COSTS_INVOKE_CONTRACT = {
  /**
   * Reads the stack region's MediaLive rates from the AWS Price List and saves those it could read; the rest of the
   * card stays. 'kept': nothing changed (no access, throttled, no such product), `message` says why.
   */
  'costs.refreshRates': {
    input: z.strictObject({}),
    output: z.strictObject({
      outcome: z.enum(['refreshed', 'kept']),
      message: z.string(),
      rateCard: RateCardSchema,
    }),
  },
} as const satisfies Record<string, { input: z.ZodType; output: z.ZodType }>;

export const COSTS_EVENT_CONTRACT = {} as const satisfies Record<string, { payload: z.ZodType }>;
