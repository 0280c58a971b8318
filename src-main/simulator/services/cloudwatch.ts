import type { ResolvedOperation } from '../types';
import { AwsError } from '../errors';
import { json10Operation, writeJson10, writeJson10Error } from '../protocols/json10';
import type { World } from '../world';
import {
  FLOW_METRICS,
  SOURCE_METRICS,
  type MetricSample,
  type PublishedMetric,
  type SampleRing,
} from '../world/signal';
import { mediaLiveSeries } from './cloudwatch-medialive';
import { parseJsonBody, type ServiceHandler } from './service';

const NAMESPACE = 'AWS/MediaConnect';
const STATS = ['Average', 'Sum', 'Maximum', 'Minimum', 'SampleCount'] as const;
type Stat = (typeof STATS)[number];

/**
 * CloudWatch (AWS JSON 1.0, query-compatible): GetMetricData over the synthetic source metrics, and ListMetrics of
 * the dimension sets they are published with. MediaConnect publishes each source metric per Source ARN and, for the
 * source feeding the flow, per Flow ARN, each as its own set ("Valid dimensions: Source ARN, Flow ARN, Availability
 * Zone, All flows", https://docs.aws.amazon.com/mediaconnect/latest/ug/monitor-with-cloudwatch-metrics-source-health.html).
 * A set that is not published, such as {FlowARN, SourceARN} together, is not rejected but has no data, as in CloudWatch.
 */
export function createCloudWatchService(world: World): ServiceHandler {
  return {
    id: 'cloudwatch',
    resolve(req): ResolvedOperation {
      const op = json10Operation(req.headers['x-amz-target']);
      if (op === 'GetMetricData' || op === 'ListMetrics') return { operation: op, params: {} };
      throw new AwsError('UnknownOperation', 400, `Unknown operation ${op ?? '(none)'}`);
    },
    handle(op, req) {
      const input = parseJsonBodyCw(req.body);
      if (op.operation === 'ListMetrics') return { status: 200, body: { Metrics: listMetrics(world, input) } };
      const queries = input['MetricDataQueries'];
      if (!Array.isArray(queries) || queries.length === 0) {
        throw new AwsError(
          'ValidationError',
          400,
          'The parameter MetricDataQueries is required and must contain at least one query.',
        );
      }
      if (queries.length > 500)
        throw new AwsError(
          'ValidationError',
          400,
          'The collection MetricDataQueries must not have a size greater than 500.',
        );
      const start = toMs(input['StartTime'], 'StartTime');
      const end = toMs(input['EndTime'], 'EndTime');
      if (end <= start)
        throw new AwsError('ValidationError', 400, 'The parameter StartTime must be less than the parameter EndTime.');
      const ascending = input['ScanBy'] === 'TimestampAscending';
      const results = queries.map((q) => answerQuery(world, q, start, end, ascending));
      return { status: 200, body: { MetricDataResults: results, Messages: [] } };
    },
    write: (res, _op, out, requestId) => writeJson10(res, out, requestId),
    writeError: (res, err, requestId) => writeJson10Error(res, err, requestId),
  };
}

function parseJsonBodyCw(body: string): Record<string, unknown> {
  try {
    return parseJsonBody(body);
  } catch {
    throw new AwsError('ValidationError', 400, 'Request body is not valid JSON');
  }
}

/** JSON 1.0 timestamps are epoch seconds (the SDK may send fractions). */
function toMs(v: unknown, name: string): number {
  if (typeof v === 'number' && Number.isFinite(v)) return v * 1000;
  if (typeof v === 'string' && v !== '' && Number.isFinite(Date.parse(v))) return Date.parse(v);
  throw new AwsError('MissingParameter', 400, `The parameter ${name} must be specified.`);
}

function answerQuery(
  world: World,
  q: unknown,
  start: number,
  end: number,
  ascending: boolean,
): Record<string, unknown> {
  const query = (q ?? {}) as Record<string, unknown>;
  const id = typeof query['Id'] === 'string' ? query['Id'] : '';
  if (!/^[a-z][a-zA-Z0-9_]*$/.test(id)) {
    throw new AwsError(
      'ValidationError',
      400,
      `Invalid metric data query Id "${id}": must start with a lowercase letter and contain only letters, digits and underscores.`,
    );
  }
  const ms = query['MetricStat'] as Record<string, unknown> | undefined;
  const metric = (ms?.['Metric'] ?? {}) as Record<string, unknown>;
  const metricName = typeof metric['MetricName'] === 'string' ? metric['MetricName'] : '';
  const label = typeof query['Label'] === 'string' ? query['Label'] : metricName || id;
  const empty = { Id: id, Label: label, Timestamps: [], Values: [], StatusCode: 'Complete', Messages: [] };
  if (!ms) {
    // Metric math is not simulated: an expression yields no data rather than an error.
    if (typeof query['Expression'] === 'string') return empty;
    throw new AwsError('ValidationError', 400, `Query ${id} must have either MetricStat or Expression.`);
  }
  const period = Number(ms['Period']);
  // MetricStat.Period (CloudWatch API reference): for high-resolution metrics 1, 5, 10, 20, 30, 60 or any multiple
  // of 60 seconds; MediaConnect's metrics are high resolution.
  if (
    !Number.isInteger(period) ||
    period < 1 ||
    (period < 60 ? ![1, 5, 10, 20, 30].includes(period) : period % 60 !== 0)
  )
    throw new AwsError(
      'ValidationError',
      400,
      `The parameter MetricDataQueries.member.${id}.MetricStat.Period must be 1, 5, 10, 20, 30, 60 or a multiple of 60.`,
    );
  const stat = ms['Stat'];
  if (typeof stat !== 'string') throw new AwsError('ValidationError', 400, `Query ${id}: Stat is required.`);
  if (metric['Namespace'] === 'AWS/MediaLive') {
    const series = mediaLiveSeries(
      world,
      metricName,
      dimensionMap(metric['Dimensions']),
      stat,
      period * 1000,
      start,
      end,
    );
    series.sort((a, b) => (ascending ? a.t - b.t : b.t - a.t));
    return { ...empty, Timestamps: series.map((b) => b.t / 1000), Values: series.map((b) => b.v) };
  }
  const published: readonly string[] = [...SOURCE_METRICS, ...FLOW_METRICS];
  if (metric['Namespace'] !== NAMESPACE || !published.includes(metricName)) return empty;
  if (!(STATS as readonly string[]).includes(stat)) return empty;
  const ring = ringForDimensions(world, metric['Dimensions']);
  if (!ring) return empty;
  const buckets = aggregate(ring.range(start, end), metricName as PublishedMetric, stat as Stat, period * 1000);
  buckets.sort((a, b) => (ascending ? a.t - b.t : b.t - a.t));
  return { ...empty, Timestamps: buckets.map((b) => b.t / 1000), Values: buckets.map((b) => b.v) };
}

function dimensionMap(dims: unknown): Map<string, string> {
  const map = new Map<string, string>();
  for (const d of Array.isArray(dims) ? dims : []) {
    const dd = (d ?? {}) as Record<string, unknown>;
    if (typeof dd['Name'] === 'string') map.set(dd['Name'], typeof dd['Value'] === 'string' ? dd['Value'] : '');
  }
  return map;
}

/** The series of a published dimension set: {SourceARN} (one source) or {FlowARN} (the feeding source). */
function ringForDimensions(world: World, dims: unknown): SampleRing | undefined {
  const map = dimensionMap(dims);
  if (map.size !== 1) return undefined;
  if (map.get('FlowARN') === world.flow.arn) return world.signal.flowRing;
  const sourceArn = map.get('SourceARN');
  const name = sourceArn ? world.signal.nameForArn(sourceArn) : undefined;
  return name ? world.signal.ringFor(name) : undefined;
}

/** ListMetrics: every (metric, dimension set) published, filtered by Namespace, MetricName and Dimensions. */
function listMetrics(world: World, input: Record<string, unknown>): Array<Record<string, unknown>> {
  if (input['Namespace'] !== undefined && input['Namespace'] !== NAMESPACE) return [];
  const wanted = typeof input['MetricName'] === 'string' ? input['MetricName'] : null;
  const filters = Array.isArray(input['Dimensions']) ? (input['Dimensions'] as Array<Record<string, unknown>>) : [];
  const sets: Array<Array<{ Name: string; Value: string }>> = [
    [{ Name: 'FlowARN', Value: world.flow.arn }],
    ...world.signal
      .names()
      .map((name) => world.signal.sourceArn(name))
      .filter((arn): arn is string => Boolean(arn))
      .map((arn) => [{ Name: 'SourceARN', Value: arn }]),
  ];
  const matches = (set: Array<{ Name: string; Value: string }>) =>
    filters.every((f) => set.some((d) => d.Name === f['Name'] && (f['Value'] === undefined || d.Value === f['Value'])));
  return SOURCE_METRICS.filter((m) => wanted === null || m === wanted).flatMap((metric) =>
    sets.filter(matches).map((Dimensions) => ({ Namespace: NAMESPACE, MetricName: metric, Dimensions })),
  );
}

function aggregate(
  samples: MetricSample[],
  metric: PublishedMetric,
  stat: Stat,
  periodMs: number,
): { t: number; v: number }[] {
  const groups = new Map<number, number[]>();
  for (const s of samples) {
    const v = s.values[metric];
    if (v === undefined) continue;
    const key = Math.floor(s.t / periodMs) * periodMs;
    const arr = groups.get(key);
    if (arr) arr.push(v);
    else groups.set(key, [v]);
  }
  const out: { t: number; v: number }[] = [];
  for (const [t, vals] of groups) {
    let v: number;
    switch (stat) {
      case 'Sum':
        v = vals.reduce((a, b) => a + b, 0);
        break;
      case 'Maximum':
        v = Math.max(...vals);
        break;
      case 'Minimum':
        v = Math.min(...vals);
        break;
      case 'SampleCount':
        v = vals.length;
        break;
      default:
        v = vals.reduce((a, b) => a + b, 0) / vals.length;
    }
    out.push({ t, v });
  }
  return out;
}
