import { z } from 'zod';
import { IncidentCsvSchema, IncidentEntrySchema, IncidentListSchema } from '../../domain/incident';

export const INCIDENTS_INVOKE_CONTRACT = {
  'incidents.list': { input: z.strictObject({}), output: IncidentListSchema },
  'incidents.exportCsv': { input: z.strictObject({}), output: IncidentCsvSchema },
} as const satisfies Record<string, { input: z.ZodType; output: z.ZodType }>;

export const INCIDENTS_EVENT_CONTRACT = {
  'incidents.feed': { payload: IncidentEntrySchema },
} as const satisfies Record<string, { payload: z.ZodType }>;
