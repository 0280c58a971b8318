import { z } from 'zod';

const CHECK_STATUSES = ['pass', 'fail', 'warn', 'info'] as const;

export const ReadinessItemSchema = z.strictObject({
  id: z.string(),
  group: z.enum(['connection', 'identity', 'stack', 'flow', 'destinations', 'tables', 'permissions', 'quotas']),
  label: z.string(),
  status: z.enum(CHECK_STATUSES),
  /** What was found, in words. */
  detail: z.string(),
  /** How to fix it, when it is not a pass. */
  fix: z.string().nullable(),
});
export type ReadinessItem = z.infer<typeof ReadinessItemSchema>;

export const ReadinessReportSchema = z.strictObject({
  ranAt: z.number(),
  /** The end the credentials were checked against: the show plan's, or four hours after the run without one. */
  showEndsAt: z.number(),
  /** True when `showEndsAt` is the show plan's end. */
  showEndPlanned: z.boolean(),
  items: z.array(ReadinessItemSchema),
  ready: z.boolean(),
});
export type ReadinessReport = z.infer<typeof ReadinessReportSchema>;

export const StackSummarySchema = z.strictObject({
  stackName: z.string(),
  stackStatus: z.string(),
  flowArn: z.string().nullable(),
  tables: z.strictObject({
    presets: z.string().nullable(),
    destinations: z.string().nullable(),
    sessions: z.string().nullable(),
  }),
  ingest: z.strictObject({ main: z.string().nullable(), backup: z.string().nullable() }),
  destinations: z.array(
    z.strictObject({
      id: z.string(),
      name: z.string(),
      channelId: z.string().nullable(),
    }),
  ),
});
export type StackSummary = z.infer<typeof StackSummarySchema>;
