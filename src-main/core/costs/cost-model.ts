import type { DestinationState } from '../../../shared/domain/channel';
import type { RateCard } from '../../../shared/domain/cost';

/** What the meters need to know of a destination's encoding. */
export interface EncodingProfile {
  height: number;
  framerate: number;
  /** Video + audio, bits per second. */
  totalBitrate: number;
  /** RTMP pushes leave AWS (data transfer out); the primary's HLS goes to MediaPackage. */
  pushesToInternet: boolean;
}

const MINUTE_MS = 60_000;
const HOUR_MS = 3_600_000;
/** MediaLive bills each run for at least ten minutes. */
const MINIMUM_BILLED_MINUTES = 10;

/**
 * States in which MediaLive bills a channel's inputs and outputs as running. RECOVERING is not one of them: per
 * "Pricing in MediaLive" (https://docs.aws.amazon.com/medialive/latest/ug/pricing.html) a channel that "was running
 * but has failed and has not yet automatically restarted" is not running, and RECOVERING is "one or both pipelines in
 * the channel failed, but MediaLive is restarting it" ("States for channels",
 * https://docs.aws.amazon.com/medialive/latest/ug/monitor-activity-types-channel.html); the booth's channels are
 * single-pipeline. STARTING and STOPPING are counted as running: the run is billed from the start request.
 */
const RUNNING_BILLED: ReadonlySet<DestinationState> = new Set(['STARTING', 'RUNNING', 'STOPPING']);
/**
 * States of an existing channel that is not running: "there is an idle channel charge for each channel that isn't
 * running" and an idle push input charge for each push input attached to it (same page). A MediaConnect input is a
 * push input (MediaLive User Guide, https://docs.aws.amazon.com/medialive/latest/ug/input-create-push-mediaconnect.html).
 */
const IDLE_BILLED: ReadonlySet<DestinationState> = new Set([
  'IDLE',
  'RECOVERING',
  'UPDATING',
  'UPDATE_FAILED',
  'CREATING',
  'CREATE_FAILED',
]);

/** How MediaLive bills a channel in this state; null when the state says nothing (UNKNOWN: AWS unreadable). */
export function channelBilling(state: DestinationState): 'running' | 'idle' | 'none' | null {
  if (state === 'UNKNOWN') return null;
  if (RUNNING_BILLED.has(state)) return 'running';
  if (IDLE_BILLED.has(state)) return 'idle';
  return 'none';
}

export function outputRatePerHour(rates: RateCard, profile: EncodingProfile | null): number {
  if (!profile) return rates.medialiveHdOutputPerHour;
  if (profile.height < 720) return rates.medialiveSdOutputPerHour;
  return profile.framerate > 30 ? rates.medialiveHdHighFpsOutputPerHour : rates.medialiveHdOutputPerHour;
}

/** Gigabytes (10^9 bytes) sent at `bitsPerSecond` for `ms`. */
export function gigabytes(bitsPerSecond: number, ms: number): number {
  return (bitsPerSecond * (ms / 1000)) / 8 / 1e9;
}

/** Hourly cost of one running channel: input + output, plus data transfer out at its bitrate. */
export function channelRatePerHour(rates: RateCard, profile: EncodingProfile | null): number {
  const transfer = profile?.pushesToInternet ? gigabytes(profile.totalBitrate, HOUR_MS) * rates.dataTransferPerGb : 0;
  return rates.medialiveInputPerHour + outputRatePerHour(rates, profile) + transfer;
}

/** Minutes billed for one run: rounded up to the minute, ten minutes at least. */
export function billedMinutes(runMs: number): number {
  if (runMs <= 0) return 0;
  return Math.max(MINIMUM_BILLED_MINUTES, Math.ceil(runMs / MINUTE_MS));
}

/** What one run costs so far: MediaLive per billed minute; data transfer by actual time. */
export function runCost(rates: RateCard, profile: EncodingProfile | null, runMs: number): number {
  const medialive = ((rates.medialiveInputPerHour + outputRatePerHour(rates, profile)) * billedMinutes(runMs)) / 60;
  const transfer = profile?.pushesToInternet ? gigabytes(profile.totalBitrate, runMs) * rates.dataTransferPerGb : 0;
  return medialive + transfer;
}

/** A channel that is not running and its one push input, per hour. */
export function idleRatePerHour(rates: RateCard): number {
  return rates.medialiveIdleChannelPerHour + rates.medialiveIdlePushInputPerHour;
}

export function hoursCost(ratePerHour: number, ms: number): number {
  return (ratePerHour * ms) / HOUR_MS;
}

/** GetMetricData is billed per metric requested, not per call (Amazon CloudWatch Pricing). */
export function monitoringCost(rates: RateCard, metricsRequested: number): number {
  return (metricsRequested / 1000) * rates.cloudwatchPerThousandMetrics;
}

/**
 * The calendar month an instant falls in, in UTC: AWS bills by calendar months counted in UTC (a billing period runs
 * "from the first of the month to the first of the next month", as dates "carried as the timestamp of 00:00:00 UTC on
 * that day": AWS Billing and Cost Management API Reference, BillingPeriod,
 * https://docs.aws.amazon.com/aws-cost-management/latest/APIReference/API_payments_BillingPeriod.html).
 */
export function utcMonthBounds(ms: number): { start: number; end: number } {
  const at = new Date(ms);
  return {
    start: Date.UTC(at.getUTCFullYear(), at.getUTCMonth(), 1),
    end: Date.UTC(at.getUTCFullYear(), at.getUTCMonth() + 1, 1),
  };
}

export interface MonthOutlook {
  monthToDateUsd: number;
  projectedMonthUsd: number;
}

/**
 * Month to date and month-end projection. `standingPerHour` is what is billed whether or not a show is on (the flow
 * while ACTIVE with its data to the channel inputs, the idle channels and inputs), assumed to have held since the
 * month began and to hold until it ends, as it is now; `usageMonthToDateUsd` (channels run and monitoring, saved
 * across sessions) is extrapolated at this month's pace so far.
 */
export function monthOutlook(usageMonthToDateUsd: number, now: Date, standingPerHour: number): MonthOutlook {
  const { start, end } = utcMonthBounds(now.getTime());
  const monthMs = end - start;
  const elapsed = Math.max(now.getTime() - start, HOUR_MS);
  return {
    monthToDateUsd: usageMonthToDateUsd + hoursCost(standingPerHour, elapsed),
    projectedMonthUsd: (usageMonthToDateUsd / elapsed) * monthMs + hoursCost(standingPerHour, monthMs),
  };
}
