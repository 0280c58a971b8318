import { z } from 'zod';

/**
 * The incident log: every operator action, AWS outcome, alarm, acknowledgement, failover and input
 * outage of the session, in the order they happened. Text only in operator words: never a key or ARN.
 */
export const IncidentKindSchema = z.enum(['action', 'aws', 'alarm', 'acknowledgement', 'failover', 'outage']);
export type IncidentKind = z.infer<typeof IncidentKindSchema>;

export const IncidentEntrySchema = z.strictObject({
  id: z.string(),
  at: z.number(),
  kind: IncidentKindSchema,
  level: z.enum(['info', 'success', 'warning', 'error']),
  title: z.string().max(200),
  detail: z.string().max(2000),
  destinationId: z.string().nullable(),
  /** Outages: when it ended (null while it lasts) and how long it lasted. */
  endedAt: z.number().nullable(),
  durationMs: z.number().nullable(),
});
export type IncidentEntry = z.infer<typeof IncidentEntrySchema>;

export const IncidentListSchema = z.strictObject({ entries: z.array(IncidentEntrySchema) });

export const IncidentCsvSchema = z.strictObject({ filename: z.string(), csv: z.string() });
