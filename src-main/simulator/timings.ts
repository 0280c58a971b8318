/** Scaled timings of the simulated world, in milliseconds. */
export interface SimTimings {
  channelStartMs: number;
  channelStopMs: number;
  channelUpdateMs: number;
  flowStartMs: number;
  flowStopMs: number;
  flowUpdateMs: number;
  /** Delay before the flow switches to the other source (SRT failover is ~500 ms on AWS). */
  failoverMs: number;
  /** Interval between two synthetic metric samples. */
  metricSampleMs: number;
}

/** Rehearsal defaults: a channel starts in seconds rather than in a minute. */
const DEFAULT_TIMINGS: SimTimings = {
  channelStartMs: 6000,
  channelStopMs: 3000,
  channelUpdateMs: 2000,
  flowStartMs: 3000,
  flowStopMs: 2000,
  flowUpdateMs: 1000,
  failoverMs: 500,
  metricSampleMs: 1000,
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
  return out;
}
