import { z } from 'zod';

/** Hourly and per-GB prices the meters use; editable in settings because they vary by region and change. */
export const RateCardSchema = z.strictObject({
  /** MediaLive HD AVC input, < 10 Mbps, single pipeline. */
  medialiveInputPerHour: z.number().min(0).max(100),
  /** MediaLive HD AVC output, < 10 Mbps, <= 30 fps (720p and 1080p30). */
  medialiveHdOutputPerHour: z.number().min(0).max(100),
  /** MediaLive HD AVC output above 30 fps (1080p60); defaults to the HD price until checked for the region. */
  medialiveHdHighFpsOutputPerHour: z.number().min(0).max(100),
  /** MediaLive SD AVC output (below 720 lines). */
  medialiveSdOutputPerHour: z.number().min(0).max(100),
  /** MediaConnect flow while ACTIVE. */
  mediaconnectFlowPerHour: z.number().min(0).max(100),
  /** Data transfer out to the internet (RTMP pushes). */
  dataTransferPerGb: z.number().min(0).max(10),
  /** Where these numbers come from, shown next to the costs. */
  source: z.string().max(200),
});
export type RateCard = z.infer<typeof RateCardSchema>;

/**
 * us-east-1 on-demand prices, editable in the operator settings: https://aws.amazon.com/medialive/pricing/,
 * https://aws.amazon.com/mediaconnect/pricing/ and data transfer out on https://aws.amazon.com/ec2/pricing/on-demand/.
 */
export const DEFAULT_RATE_CARD: RateCard = {
  medialiveInputPerHour: 0.1404,
  medialiveHdOutputPerHour: 0.4212,
  medialiveHdHighFpsOutputPerHour: 0.4212,
  medialiveSdOutputPerHour: 0.2124,
  mediaconnectFlowPerHour: 0.16,
  dataTransferPerGb: 0.09,
  source: 'Default rate card (us-east-1 on-demand); check your region',
};

export const DEFAULT_MONTHLY_BUDGET_USD = 400;

const DestinationCostSchema = z.strictObject({
  id: z.string(),
  usd: z.number(),
  /** Minutes MediaLive bills for this session's runs (each run rounded up to the minute, 10 minutes at least). */
  billedMinutes: z.number(),
  /** Current spend rate while billing, 0 when not. */
  usdPerHour: z.number(),
});

export const CostSnapshotSchema = z.strictObject({
  at: z.number(),
  sessionStartedAt: z.number(),
  destinations: z.array(DestinationCostSchema),
  flowUsd: z.number(),
  totalUsd: z.number(),
  usdPerHour: z.number(),
  monthToDateUsd: z.number(),
  projectedMonthUsd: z.number(),
  budgetUsd: z.number(),
  rateSource: z.string(),
});
export type CostSnapshot = z.infer<typeof CostSnapshotSchema>;
