import { z } from 'zod';

/** What a past show cost, as its console recorded it (estimates from the rate card, never AWS's bill). */
const ShowCostSchema = z.strictObject({
  totalUsd: z.number(),
  /** Running charges per destination (MediaLive input, output, data out). */
  byDestination: z.array(z.strictObject({ id: z.string(), usd: z.number() })),
  /** By what AWS bills for; null for a record written before the split was kept (only its flow share is known). */
  split: z
    .strictObject({
      channelsUsd: z.number(),
      flowHoursUsd: z.number(),
      flowDataUsd: z.number(),
      idleUsd: z.number(),
      monitoringUsd: z.number(),
    })
    .nullable(),
  flowUsd: z.number(),
  /**
   * The running charges spent in standby (the channel on its slate, billing but not on air), in total and per
   * destination; null for a record written before warm standby.
   */
  standby: z
    .strictObject({
      totalUsd: z.number(),
      byDestination: z.array(z.strictObject({ id: z.string(), usd: z.number() })),
    })
    .nullable(),
});

/** One past show (one console's session record), as the history lists it. */
export const ShowSummarySchema = z.strictObject({
  id: z.string(),
  startedAt: z.number(),
  /** null while the show is on, or when its console stopped without closing it (then `lastWrittenAt` is its end). */
  endedAt: z.number().nullable(),
  lastWrittenAt: z.number(),
  console: z.string(),
  destinations: z.array(z.strictObject({ id: z.string(), name: z.string() })),
  takes: z.number().int(),
  incidents: z.number().int(),
  restarts: z.number().int(),
  /** Set when another console recorded the same show at the same time: its record id (the cost is counted there). */
  alongside: z.string().nullable(),
  cost: ShowCostSchema,
});
export type ShowSummary = z.infer<typeof ShowSummarySchema>;

/** One take: a destination on air (billed) from its start until it stopped. */
export const ShowTakeSchema = z.strictObject({
  destinationId: z.string(),
  name: z.string(),
  startedAt: z.number(),
  endedAt: z.number().nullable(),
  /** The console and the person (from the sign-in) who took it live, as recorded. */
  console: z.string(),
  operator: z.string().nullable(),
  /** Its time running, span by span: on the slate (standby, not on air) or on the live input (on air). */
  spans: z.array(z.strictObject({ kind: z.enum(['standby', 'on-air']), from: z.number(), to: z.number().nullable() })),
  /**
   * Its time running before the console had read which input it ingested (found running with a slate attached):
   * counted neither on air nor in standby; `to` null when the record has no end for it. Null when there was none.
   */
  inputUnconfirmed: z.strictObject({ from: z.number(), to: z.number().nullable() }).nullable(),
});
export type ShowTake = z.infer<typeof ShowTakeSchema>;

export const ShowIncidentSchema = z.strictObject({
  at: z.number(),
  kind: z.string(),
  level: z.string(),
  title: z.string(),
  destinationId: z.string().nullable(),
  endedAt: z.number().nullable(),
  durationS: z.number().nullable(),
});
export type ShowIncident = z.infer<typeof ShowIncidentSchema>;

/** A record the history could not read (malformed, or not written by Lunora Booth): skipped, never counted. */
export const SkippedRecordSchema = z.strictObject({ record: z.string().max(300), reason: z.string().max(300) });
export type SkippedRecord = z.infer<typeof SkippedRecordSchema>;

const DaySchema = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'a day as YYYY-MM-DD');

export const HistoryQuerySchema = z.strictObject({
  /** First and last day (UTC, inclusive). */
  from: DaySchema,
  to: DaySchema,
  destinationId: z.string().max(100).nullable(),
  /** Where the previous page stopped; null for the first page. */
  cursor: z.string().max(2000).nullable(),
});
export type HistoryQuery = z.infer<typeof HistoryQuerySchema>;

export const HistoryPageSchema = z.strictObject({
  shows: z.array(ShowSummarySchema),
  nextCursor: z.string().nullable(),
  skipped: z.array(SkippedRecordSchema),
});
export type HistoryPage = z.infer<typeof HistoryPageSchema>;

export const ShowDetailSchema = z.strictObject({
  summary: ShowSummarySchema,
  takes: z.array(ShowTakeSchema),
  incidents: z.array(ShowIncidentSchema),
  skipped: z.array(SkippedRecordSchema),
});
export type ShowDetail = z.infer<typeof ShowDetailSchema>;

export const HistoryCsvSchema = z.strictObject({ filename: z.string(), csv: z.string(), shows: z.number().int() });
