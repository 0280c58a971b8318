import type { ResolvedOperation } from '../types';
import { AwsError } from '../errors';
import { json10Operation, writeJson10, writeJson10Error } from '../protocols/json10';
import type { World } from '../world';
import { SOURCE_METRICS, type MetricSample, type SampleRing, type SourceMetric } from '../world/signal';
import { parseJsonBody, type ServiceHandler } from './service';

const NAMESPACE = 'AWS/MediaConnect';
const STATS = ['Average', 'Sum', 'Maximum', 'Minimum', 'SampleCount'] as const;
type Stat = (typeof STATS)[number];

/** CloudWatch (AWS JSON 1.0, query-compatible): GetMetricData over the synthetic source metrics. */
export function createCloudWatchService(world: World): ServiceHandler {
  return {
    id: 'cloudwatch',
    resolve(req): ResolvedOperation {
      const op = json10Operation(req.headers['x-amz-target']);
      if (op === 'GetMetricData') return { operation: op, params: {} };
      throw new AwsError('UnknownOperation', 400, `Unknown operation ${op ?? '(none)'}`);
    },
    handle(_op, req) {
      const input = parseJsonBodyCw(req.body);
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
  if (!Number.isInteger(period) || period < 1)
    throw new AwsError('ValidationError', 400, `Query ${id}: Period must be a positive integer.`);
  const stat = ms['Stat'];
  if (typeof stat !== 'string') throw new AwsError('ValidationError', 400, `Query ${id}: Stat is required.`);
  if (metric['Namespace'] !== NAMESPACE || !(SOURCE_METRICS as readonly string[]).includes(metricName)) return empty;
  if (!(STATS as readonly string[]).includes(stat)) return empty;
  const ring = ringForDimensions(world, metric['Dimensions']);
  if (!ring) return empty;
  const buckets = aggregate(ring.range(start, end), metricName as SourceMetric, stat as Stat, period * 1000);
  buckets.sort((a, b) => (ascending ? a.t - b.t : b.t - a.t));
  return { ...empty, Timestamps: buckets.map((b) => b.t / 1000), Values: buckets.map((b) => b.v) };
}

/** Exact dimension sets MediaConnect publishes: {FlowARN} and {FlowARN, SourceARN}. */
function ringForDimensions(world: World, dims: unknown): SampleRing | undefined {
  if (!Array.isArray(dims)) return undefined;
  const map = new Map<string, string>();
  for (const d of dims) {
    const dd = (d ?? {}) as Record<string, unknown>;
    if (typeof dd['Name'] === 'string' && typeof dd['Value'] === 'string') map.set(dd['Name'], dd['Value']);
  }
  if (map.get('FlowARN') !== world.flow.arn) return undefined;
  if (map.size === 1) return world.signal.flowRing;
  const sourceArn = map.get('SourceARN');
  if (map.size === 2 && sourceArn) {
    const name = world.signal.nameForArn(sourceArn);
    return name ? world.signal.ringFor(name) : undefined;
  }
  return undefined;
}

function aggregate(
  samples: MetricSample[],
  metric: SourceMetric,
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
