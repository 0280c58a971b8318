import type {
  ChartScales,
  FlowStatus,
  GradeCause,
  HealthGrade,
  MetricsStatus,
  SourceFigures,
} from '../../../shared/domain/flow';
import type { MetricHistory } from './history';

/**
 * Every threshold that decides a source's grade, the alerts and the backup test: in ONE place,
 * overridable per show (e.g. from settings).
 */
export interface HealthThresholds {
  /** Average SourcePacketLossPercent over `lossWindowMs` at or above which a source is degraded. */
  degradedLossPercent: number;
  /** Not-recovered packets over `lossWindowMs` at or above which a source is degraded. */
  degradedNotRecoveredPackets: number;
  /** Window for loss averages and the counters shown on the cards. */
  lossWindowMs: number;
  /** A bitrate below this counts as "no bitrate". */
  minBitrateBps: number;
  /** No bitrate for this long = lost (shorter: degraded). */
  lostAfterNoBitrateMs: number;
  /** Newest datapoint older than this = no data (CloudWatch stopped answering for the source). */
  staleAfterMs: number;
  /** "Test backup" looks this far back. */
  backupTestWindowMs: number;
  /** "Test backup" tolerates at most this many not-recovered packets in its window. */
  backupTestMaxNotRecovered: number;
  /** "Test backup" needs datapoints covering at least this share of its window. */
  backupTestMinCoverage: number;
}

const DEFAULT_THRESHOLDS: HealthThresholds = {
  degradedLossPercent: 0.5,
  degradedNotRecoveredPackets: 50,
  lossWindowMs: 10_000,
  minBitrateBps: 50_000,
  lostAfterNoBitrateMs: 5_000,
  // CloudWatch can take a minute to ingest a datapoint; the window must tolerate that on AWS.
  staleAfterMs: 90_000,
  backupTestWindowMs: 60_000,
  backupTestMaxNotRecovered: 0,
  backupTestMinCoverage: 0.8,
};

export function resolveThresholds(partial: Partial<HealthThresholds> = {}): HealthThresholds {
  return { ...DEFAULT_THRESHOLDS, ...partial };
}

/**
 * Top of the bitrate charts: the stack's channels declare InputSpecification MaximumBitrate MAX_10_MBPS, "the
 * maximum input bitrate for any input attached to this channel" (AWS::MediaLive::Channel InputSpecification,
 * https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-properties-medialive-channel-inputspecification.html);
 * 12 Mbps leaves a source above that limit visibly high, and a wild one is marked off the top.
 */
const CHART_MAX_BITRATE_BPS = 12_000_000;
/** The loss charts reach four times the degraded threshold: the threshold line sits a quarter of the way up. */
const CHART_LOSS_HEADROOM = 4;

/** The source charts' fixed scales, with the thresholds the grades use drawn on them (so a line never lies). */
export function chartScales(t: HealthThresholds): ChartScales {
  return {
    bitrateBps: { max: CHART_MAX_BITRATE_BPS, alert: t.minBitrateBps, alertWhen: 'below' },
    packetLossPercent: {
      max: t.degradedLossPercent * CHART_LOSS_HEADROOM,
      alert: t.degradedLossPercent,
      alertWhen: 'above',
    },
  };
}

export interface GradeInput {
  source: string;
  flowStatus: FlowStatus;
  metrics: MetricsStatus;
  history: MetricHistory;
  now: number;
}

export interface SourceGrade {
  grade: HealthGrade;
  cause: GradeCause;
  reason: string;
  connected: boolean | null;
  connectedSince: number | null;
  figures: SourceFigures;
}

/** Flow statuses in which MediaConnect moves packets and publishes source metrics. */
const RUNNING: ReadonlySet<FlowStatus> = new Set(['ACTIVE', 'UPDATING']);

const fmt = (v: number, digits = 2): string => String(Number(v.toFixed(digits)));
const mbps = (bps: number): string => `${fmt(bps / 1_000_000, 1)} Mbps`;
const clock = (ms: number): string => new Date(ms).toISOString().slice(11, 19);

function sum(points: ReadonlyArray<readonly [number, number | null]>): number | null {
  let total: number | null = null;
  for (const [, v] of points) if (v !== null) total = (total ?? 0) + v;
  return total;
}

function average(points: ReadonlyArray<readonly [number, number | null]>): number | null {
  const values = points.map(([, v]) => v).filter((v): v is number => v !== null);
  return values.length === 0 ? null : values.reduce((a, b) => a + b, 0) / values.length;
}

/** The card figures: latest gauges, counters summed over the loss window (null when CloudWatch gave nothing). */
function figuresOf(history: MetricHistory, source: string, now: number, t: HealthThresholds): SourceFigures {
  const fresh = now - t.staleAfterMs;
  const latest = (metric: Parameters<MetricHistory['latest']>[1]) => history.latest(source, metric, fresh);
  const windowStart = now - t.lossWindowMs;
  const counter = (metric: Parameters<MetricHistory['points']>[1]) => sum(history.points(source, metric, windowStart));
  const newest = [latest('connected'), latest('bitrateBps')]
    .filter((p): p is [number, number] => p !== null)
    .map((p) => p[0]);
  return {
    at: newest.length ? Math.max(...newest) : null,
    bitrateBps: latest('bitrateBps')?.[1] ?? null,
    packetLossPercent: latest('packetLossPercent')?.[1] ?? null,
    jitterMs: latest('jitterMs')?.[1] ?? null,
    latencyMs: latest('latencyMs')?.[1] ?? null,
    countWindowMs: t.lossWindowMs,
    notRecoveredPackets: counter('notRecoveredPackets'),
    recoveredPackets: counter('recoveredPackets'),
    arqRequests: counter('arqRequests'),
    disconnections: counter('disconnections'),
  };
}

function blankFigures(t: HealthThresholds): SourceFigures {
  return {
    at: null,
    bitrateBps: null,
    packetLossPercent: null,
    jitterMs: null,
    latencyMs: null,
    countWindowMs: t.lossWindowMs,
    notRecoveredPackets: null,
    recoveredPackets: null,
    arqRequests: null,
    disconnections: null,
  };
}

/**
 * Grades one source. Order matters: what we cannot know (flow missing or stopped, no datapoints,
 * CloudWatch throttling) is said as such before any judgement on figures, so an absence of data
 * can never read as a healthy zero.
 */
export function gradeSource(input: GradeInput, t: HealthThresholds): SourceGrade {
  const { source, history, now, metrics } = input;
  const figures = figuresOf(history, source, now, t);
  // No data to judge by: no figures either, so that a card never shows numbers under NO DATA.
  const noData = (cause: GradeCause, reason: string): SourceGrade => ({
    grade: 'no-data',
    cause,
    reason,
    connected: null,
    connectedSince: null,
    figures: blankFigures(t),
  });

  if (input.flowStatus === 'MISSING')
    return noData(
      'flow-missing',
      'The flow does not exist in this account and region, so there are no source metrics.',
    );
  // UNKNOWN (DescribeFlow unreadable) still grades on metrics: they are the better evidence then.
  if (!RUNNING.has(input.flowStatus) && input.flowStatus !== 'UNKNOWN') {
    return noData(
      'flow-not-running',
      `The flow is ${input.flowStatus}: MediaConnect moves no packets and publishes no source metrics unless the flow is active.`,
    );
  }
  const fresh = now - t.staleAfterMs;
  const connectedPoint = history.latest(source, 'connected', fresh);
  const bitratePoint = history.latest(source, 'bitrateBps', fresh);
  if (!connectedPoint && !bitratePoint) {
    if (metrics.state === 'throttled') {
      return noData(
        'metrics-throttled',
        `No fresh metrics: CloudWatch is throttling the console's requests${metrics.lastSuccessAt ? ` (last answer ${clock(metrics.lastSuccessAt)})` : ''}.`,
      );
    }
    if (metrics.state === 'error')
      return noData('metrics-error', `No fresh metrics: ${metrics.message ?? 'CloudWatch could not be read.'}`);
    if (metrics.state === 'not-polled') return noData('no-datapoints', 'Metrics not read yet.');
    return noData(
      'no-datapoints',
      `CloudWatch returned no datapoints for this source in the last ${Math.round(t.staleAfterMs / 1000)} s.`,
    );
  }
  // Data is fresh enough to judge; say when it is the last we could read.
  const stale = metrics.state === 'throttled' ? ' (CloudWatch is throttling; figures may be a few seconds old)' : '';
  const connected = connectedPoint ? connectedPoint[1] >= 1 : null;
  const uptime = connected ? history.latest(source, 'uptimeSec', fresh) : null;
  const connectedSince = uptime ? Math.round(uptime[0] + history.periodMs - uptime[1] * 1000) : null;
  const graded = (grade: HealthGrade, cause: GradeCause, reason: string): SourceGrade => ({
    grade,
    cause,
    reason: reason + stale,
    connected,
    connectedSince,
    figures,
  });

  if (connected === false)
    return graded('lost', 'not-connected', `Not connected: SourceConnected is 0 (at ${clock(connectedPoint![0])}).`);
  if (bitratePoint && bitratePoint[1] < t.minBitrateBps) {
    const lastGood = [...history.points(source, 'bitrateBps')]
      .reverse()
      .find(([, v]) => v !== null && v >= t.minBitrateBps);
    const since = lastGood ? lastGood[0] + history.periodMs : null;
    const forMs = since === null ? Infinity : now - since;
    if (forMs >= t.lostAfterNoBitrateMs) {
      return graded(
        'lost',
        'no-bitrate',
        `No bitrate for ${since === null ? 'as long as the history goes' : `${Math.round(forMs / 1000)} s`} (below ${fmt(t.minBitrateBps / 1000, 0)} kbps).`,
      );
    }
    return graded('degraded', 'no-bitrate', `Bitrate dropped to ${fmt(bitratePoint[1] / 1000, 0)} kbps.`);
  }
  const windowStart = now - t.lossWindowMs;
  const loss = average(history.points(source, 'packetLossPercent', windowStart));
  const windowS = Math.round(t.lossWindowMs / 1000);
  if (loss !== null && loss >= t.degradedLossPercent) {
    return graded(
      'degraded',
      'packet-loss',
      `Packet loss ${fmt(loss)} % over ${windowS} s (threshold ${fmt(t.degradedLossPercent)} %).`,
    );
  }
  const notRecovered = figures.notRecoveredPackets;
  if (notRecovered !== null && notRecovered >= t.degradedNotRecoveredPackets) {
    return graded(
      'degraded',
      'not-recovered',
      `${notRecovered} packets not recovered in ${windowS} s (threshold ${t.degradedNotRecoveredPackets}).`,
    );
  }
  const parts = ['Connected'];
  if (bitratePoint) parts.push(mbps(bitratePoint[1]));
  if (loss !== null) parts.push(`loss ${fmt(loss, 3)} %`);
  return graded('healthy', 'ok', `${parts.join(', ')}.`);
}

export interface BackupVerdictFigures {
  datapoints: number;
  coveredMs: number;
  connectedThroughout: boolean | null;
  maxLossPercent: number | null;
  avgLossPercent: number | null;
  notRecoveredPackets: number | null;
  minBitrateBps: number | null;
}

/**
 * "Is the backup connected and clean over the last window?" from the history alone (no switch,
 * no extra AWS call). Every failed check is a reason; missing data is a reason too.
 */
export function backupVerdict(
  history: MetricHistory,
  source: string,
  now: number,
  t: HealthThresholds,
): { ready: boolean; reasons: string[]; figures: BackupVerdictFigures } {
  const since = now - t.backupTestWindowMs;
  const connected = history.points(source, 'connected', since);
  const withData = connected.filter(([, v]) => v !== null) as Array<[number, number]>;
  const loss = history
    .points(source, 'packetLossPercent', since)
    .map(([, v]) => v)
    .filter((v): v is number => v !== null);
  const bitrate = history
    .points(source, 'bitrateBps', since)
    .map(([, v]) => v)
    .filter((v): v is number => v !== null);
  const coveredMs = withData.length === 0 ? 0 : now - withData[0]![0];
  const figures: BackupVerdictFigures = {
    datapoints: withData.length,
    coveredMs,
    connectedThroughout: withData.length === 0 ? null : withData.every(([, v]) => v >= 1),
    maxLossPercent: loss.length ? Math.max(...loss) : null,
    avgLossPercent: loss.length ? loss.reduce((a, b) => a + b, 0) / loss.length : null,
    notRecoveredPackets: sum(history.points(source, 'notRecoveredPackets', since)),
    minBitrateBps: bitrate.length ? Math.min(...bitrate) : null,
  };
  const windowS = Math.round(t.backupTestWindowMs / 1000);
  const reasons: string[] = [];
  if (withData.length === 0) {
    reasons.push(
      `No SourceConnected datapoints for ${source} in the last ${windowS} s: cannot tell whether it is connected.`,
    );
    return { ready: false, reasons, figures };
  }
  if (coveredMs < t.backupTestWindowMs * t.backupTestMinCoverage) {
    reasons.push(`Only ${Math.round(coveredMs / 1000)} s of data out of the last ${windowS} s.`);
  }
  const disconnectedAt = withData.filter(([, v]) => v < 1).map(([at]) => at);
  if (disconnectedAt.length > 0) {
    reasons.push(
      `${source} was not connected at ${clock(disconnectedAt[disconnectedAt.length - 1]!)} (${disconnectedAt.length} of ${withData.length} periods).`,
    );
  }
  if (figures.minBitrateBps !== null && figures.minBitrateBps < t.minBitrateBps && disconnectedAt.length === 0) {
    reasons.push(`Bitrate fell to ${fmt(figures.minBitrateBps / 1000, 0)} kbps.`);
  }
  if (figures.avgLossPercent !== null && figures.avgLossPercent >= t.degradedLossPercent) {
    reasons.push(`Packet loss averaged ${fmt(figures.avgLossPercent)} % (threshold ${fmt(t.degradedLossPercent)} %).`);
  } else if (figures.maxLossPercent !== null && figures.maxLossPercent >= t.degradedLossPercent) {
    reasons.push(`Packet loss peaked at ${fmt(figures.maxLossPercent)} % (threshold ${fmt(t.degradedLossPercent)} %).`);
  }
  if (figures.notRecoveredPackets !== null && figures.notRecoveredPackets > t.backupTestMaxNotRecovered) {
    reasons.push(`${figures.notRecoveredPackets} packets were not recovered (allowed ${t.backupTestMaxNotRecovered}).`);
  }
  if (reasons.length > 0) return { ready: false, reasons, figures };
  return {
    ready: true,
    reasons: [
      `${source} connected for the whole of the last ${windowS} s`,
      `packet loss at most ${fmt(figures.maxLossPercent ?? 0, 3)} %`,
      `${figures.notRecoveredPackets ?? 0} packets not recovered`,
    ],
    figures,
  };
}
