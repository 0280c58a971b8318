import { differenceInMilliseconds, endOfMonth, startOfMonth } from 'date-fns';
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

export function outputRatePerHour(rates: RateCard, profile: EncodingProfile | null): number {
  if (!profile) return rates.medialiveHdOutputPerHour;
  if (profile.height < 720) return rates.medialiveSdOutputPerHour;
  return profile.framerate > 30 ? rates.medialiveHdHighFpsOutputPerHour : rates.medialiveHdOutputPerHour;
}

/** Hourly cost of one running channel: input + output, plus data transfer at its bitrate. */
export function channelRatePerHour(rates: RateCard, profile: EncodingProfile | null): number {
  const transfer = profile?.pushesToInternet ? ((profile.totalBitrate * 3_600) / 8 / 1e9) * rates.dataTransferPerGb : 0;
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
  const transfer = profile?.pushesToInternet
    ? ((profile.totalBitrate * (runMs / 1000)) / 8 / 1e9) * rates.dataTransferPerGb
    : 0;
  return medialive + transfer;
}

export function flowCost(rates: RateCard, activeMs: number): number {
  return (rates.mediaconnectFlowPerHour * activeMs) / HOUR_MS;
}

export interface MonthOutlook {
  monthToDateUsd: number;
  projectedMonthUsd: number;
}

/**
 * Month to date and month-end projection. The flow is assumed ACTIVE around the clock, as the booth
 * runs it (its cost does not depend on the console being open); shows are extrapolated at this
 * month's average pace so far.
 */
export function monthOutlook(showsMonthToDateUsd: number, now: Date, rates: RateCard): MonthOutlook {
  const start = startOfMonth(now);
  const monthMs = differenceInMilliseconds(endOfMonth(now), start);
  const elapsed = Math.max(differenceInMilliseconds(now, start), HOUR_MS);
  const flowToDate = flowCost(rates, elapsed);
  return {
    monthToDateUsd: showsMonthToDateUsd + flowToDate,
    projectedMonthUsd: (showsMonthToDateUsd / elapsed) * monthMs + flowCost(rates, monthMs),
  };
}
