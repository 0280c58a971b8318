import type { World } from '../world';

const SAMPLE_MS = 1_000;
/** The simulator draws per-second datapoints for the last 15 minutes only (the console reads the last minute). */
const WINDOW_MS = 15 * 60_000;

/**
 * AWS/MediaLive series for GetMetricData. "MediaLive collects data ... every second and sends them immediately to
 * Amazon CloudWatch" and "All MediaLive metrics have a high resolution period"
 * (https://docs.aws.amazon.com/medialive/latest/ug/eml-metrics-gen-info.html): one datapoint a second while the
 * channel runs, aggregated per period with the query's statistic. Datapoints are drawn from the channel's state now
 * (the simulator keeps no history of these figures).
 */
export function mediaLiveSeries(
  world: World,
  metricName: string,
  dims: Map<string, string>,
  stat: string,
  periodMs: number,
  start: number,
  end: number,
): { t: number; v: number }[] {
  const now = world.now();
  const from = Math.max(start, now - WINDOW_MS);
  const to = Math.min(end, now);
  const groups = new Map<number, number[]>();
  for (let t = Math.ceil(from / SAMPLE_MS) * SAMPLE_MS; t < to; t += SAMPLE_MS) {
    const v = world.confidence.channelMetricValue(metricName, dims, t);
    if (v === null) continue;
    const key = Math.floor(t / periodMs) * periodMs;
    const list = groups.get(key);
    if (list) list.push(v);
    else groups.set(key, [v]);
  }
  return [...groups].map(([t, vals]) => ({ t, v: reduce(vals, stat) }));
}

function reduce(vals: number[], stat: string): number {
  switch (stat) {
    case 'Sum':
      return vals.reduce((a, b) => a + b, 0);
    case 'Maximum':
      return Math.max(...vals);
    case 'Minimum':
      return Math.min(...vals);
    case 'SampleCount':
      return vals.length;
    default:
      return vals.reduce((a, b) => a + b, 0) / vals.length;
  }
}
