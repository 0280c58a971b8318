import { z } from 'zod';
import { ConfidenceSnapshotSchema, ConfidenceUpdateSchema, ConfidenceWatchSchema } from '../../domain/confidence';

export const CONFIDENCE_INVOKE_CONTRACT = {
  'confidence.snapshot': { input: z.strictObject({}), output: ConfidenceSnapshotSchema },
  'confidence.watch': { input: ConfidenceWatchSchema, output: z.strictObject({ watching: z.number().int() }) },
} as const satisfies Record<string, { input: z.ZodType; output: z.ZodType }>;

export const CONFIDENCE_EVENT_CONTRACT = {
  'confidence.feed': { payload: ConfidenceUpdateSchema },
} as const satisfies Record<string, { payload: z.ZodType }>;
