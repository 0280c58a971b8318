import { z } from 'zod';
import { HistoryCsvSchema, HistoryPageSchema, HistoryQuerySchema, ShowDetailSchema } from '../../domain/show-history';

export const HISTORY_INVOKE_CONTRACT = {
  'history.list': { input: HistoryQuerySchema, output: HistoryPageSchema },
  'history.show': { input: z.strictObject({ id: z.string().min(1).max(100) }), output: ShowDetailSchema },
  'history.exportCsv': { input: HistoryQuerySchema.omit({ cursor: true }), output: HistoryCsvSchema },
} as const satisfies Record<string, { input: z.ZodType; output: z.ZodType }>;

export const HISTORY_EVENT_CONTRACT = {} as const satisfies Record<string, { payload: z.ZodType }>;
