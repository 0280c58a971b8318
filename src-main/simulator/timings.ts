/** Scaled timings of the simulated world, in milliseconds. */
export interface SimTimings {
  channelStartMs: number;
  channelStopMs: number;
  channelUpdateMs: number;
  /**
   * How long a running channel takes to make an immediate input switch it has received. AWS gives no figure ("the
   * channel immediately starts to switch the input", https://docs.aws.amazon.com/medialive/latest/ug/x-actions-in-schedule-ips.html;
   * an input that is not prepared adds "a delay between the moment that the MediaLive schedule receives the action and
   * the moment that the switch occurs", https://docs.aws.amazon.com/medialive/latest/ug/feature-prepare-input.html).
   */
  inputSwitchMs: number;
  flowStartMs: number;
  flowStopMs: number;
  flowUpdateMs: number;
  /** Delay before the flow switches to the other source (SRT failover is ~500 ms on AWS). */
  failoverMs: number;
  /** Interval between two synthetic metric samples. */
  metricSampleMs: number;
  /** The period of the stack's source alarms (60 s on AWS, the shortest for a regular-resolution metric). */
  alarmPeriodMs: number;
}

/** Rehearsal defaults: a channel starts in seconds rather than in a minute. */
const DEFAULT_TIMINGS: SimTimings = {
  channelStartMs: 6000,
  channelStopMs: 3000,
  channelUpdateMs: 2000,
  inputSwitchMs: 1000,
  flowStartMs: 3000,
  flowStopMs: 2000,
  flowUpdateMs: 1000,
  failoverMs: 500,
  metricSampleMs: 1000,
  alarmPeriodMs: 60_000,
};

export function resolveTimings(
  partial: Partial<SimTimings> | undefined,
  base: SimTimings = DEFAULT_TIMINGS,
): SimTimings {
  const out: SimTimings = { ...base };
  if (!partial) return out;
  for (const key of Object.keys(base) as (keyof SimTimings)[]) {
    const v = partial[key];
    if (typeof v === 'number' && Number.isFinite(v) && v >= 0) out[key] = v;
  }
  if (out.metricSampleMs < 10) out.metricSampleMs = 10;
  if (out.alarmPeriodMs < 10) out.alarmPeriodMs = 10;
  return out;
}
