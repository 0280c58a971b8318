import { z } from 'zod';
import { ErrorSummarySchema } from './destination';

/**
 * What the renderer receives about the MediaConnect flow and its SRT sources.
 * Never an SDK object, never the SRT passphrase nor the Decryption settings (SecretArn, RoleArn),
 * never ARNs of sources: only what the cards, the details panel and the charts show.
 */

/** Every status MediaConnect reports for a flow (Status in the MediaConnect API model). */
const MEDIACONNECT_FLOW_STATUSES = [
  'STANDBY',
  'ACTIVE',
  'UPDATING',
  'DELETING',
  'STARTING',
  'STOPPING',
  'ERROR',
] as const;
/** Plus UNKNOWN (not read yet, or AWS could not be reached) and MISSING (the flow does not exist). */
const FLOW_STATUSES = [...MEDIACONNECT_FLOW_STATUSES, 'UNKNOWN', 'MISSING'] as const;
export const FlowStatusSchema = z.enum(FLOW_STATUSES);
export type FlowStatus = z.infer<typeof FlowStatusSchema>;

export function toFlowStatus(value: string | undefined): FlowStatus {
  const parsed = FlowStatusSchema.safeParse(value);
  return parsed.success ? parsed.data : 'UNKNOWN';
}

export const SourceRoleSchema = z.enum(['main', 'backup']);
export type SourceRole = z.infer<typeof SourceRoleSchema>;

export const HealthGradeSchema = z.enum(['healthy', 'degraded', 'lost', 'no-data']);
export type HealthGrade = z.infer<typeof HealthGradeSchema>;

/** Why a grade is what it is, as data (the alerts and the UI key on it; the reason says it in words). */
export const GradeCauseSchema = z.enum([
  'ok',
  'not-connected',
  'no-bitrate',
  'packet-loss',
  'not-recovered',
  'no-datapoints',
  'metrics-throttled',
  'metrics-error',
  'flow-not-running',
  'flow-missing',
]);
export type GradeCause = z.infer<typeof GradeCauseSchema>;

/**
 * Chartable metrics, keyed in the console's words; the CloudWatch names live in the main process.
 * Units: bits/s, percent, packets, milliseconds, seconds (uptime), 1/0 (connected).
 */
const METRIC_KEYS = [
  'connected',
  'bitrateBps',
  'packetLossPercent',
  'notRecoveredPackets',
  'recoveredPackets',
  'arqRequests',
  'jitterMs',
  'latencyMs',
  'disconnections',
  'uptimeSec',
] as const;
export const MetricKeySchema = z.enum(METRIC_KEYS);
export type MetricKey = z.infer<typeof MetricKeySchema>;

const num = z.number().nullable();

/**
 * Gauges (bitrate, loss, jitter, latency) are the latest datapoint; counters (not-recovered,
 * recovered, ARQ, disconnections) are totals over `countWindowMs`. null = CloudWatch gave no
 * datapoint, which is never the same as 0.
 */
export const SourceFiguresSchema = z.strictObject({
  /** Start of the newest datapoint's period (epoch ms), null when there is none. */
  at: num,
  bitrateBps: num,
  packetLossPercent: num,
  jitterMs: num,
  latencyMs: num,
  countWindowMs: z.number().int().nonnegative(),
  notRecoveredPackets: num,
  recoveredPackets: num,
  arqRequests: num,
  disconnections: num,
});
export type SourceFigures = z.infer<typeof SourceFiguresSchema>;

export const FlowSourceStatusSchema = z.strictObject({
  name: z.string(),
  role: SourceRoleSchema,
  /** The failover configuration's primary source. */
  isPrimary: z.boolean(),
  /** From SourceConnected; null = no recent datapoint (not the same as disconnected). */
  connected: z.boolean().nullable(),
  /** Epoch ms, from SourceUptime; null when not connected or unknown. */
  connectedSince: num,
  /** srt://ip:port the encoder calls; null when AWS does not report an ingest address. */
  ingestEndpoint: z.string().nullable(),
  whitelistCidr: z.string().nullable(),
  minLatencyMs: num,
  figures: SourceFiguresSchema,
  grade: HealthGradeSchema,
  gradeCause: GradeCauseSchema,
  /** The grade in words, with the figure and the threshold that decided it. */
  gradeReason: z.string(),
});
export type FlowSourceStatus = z.infer<typeof FlowSourceStatusSchema>;

export const FailoverInfoSchema = z.strictObject({
  state: z.string().nullable(),
  mode: z.string().nullable(),
  recoveryWindowMs: num,
  primarySource: z.string().nullable(),
});
export type FailoverInfo = z.infer<typeof FailoverInfoSchema>;

/**
 * Which source feeds the flow now. DescribeFlow has no such field. In MERGE mode the flow-level MergeActive metric
 * says whether every source is merged; otherwise it is derived from the failover configuration and the sources'
 * connectivity and marked as inferred. `signal` names what it was read from, in the operator's words.
 */
export const FeedingSourceSchema = z.strictObject({
  source: z.string().nullable(),
  role: SourceRoleSchema.nullable(),
  inferred: z.boolean(),
  reason: z.string(),
  signal: z.string(),
});
export type FeedingSource = z.infer<typeof FeedingSourceSchema>;

export const SourceMetadataSchema = z.strictObject({
  /** AWS's timestamp of the reading (epoch ms). */
  at: num,
  /** The source the console believed was feeding when it asked (DescribeFlowSourceMetadata describes the active one). */
  source: z.string().nullable(),
  video: z.array(
    z.strictObject({ codec: z.string().nullable(), width: num, height: num, frameRate: z.string().nullable() }),
  ),
  audio: z.array(z.strictObject({ codec: z.string().nullable(), channels: num, sampleRateHz: num })),
  /** AWS's messages, e.g. NO_SOURCE_DATA. */
  messages: z.array(z.strictObject({ code: z.string(), message: z.string() })),
});
export type SourceMetadata = z.infer<typeof SourceMetadataSchema>;

/** The CloudWatch dimension set the source metrics are read with. */
export const SourceDimensionSetSchema = z.enum(['SourceARN', 'FlowARN+SourceARN']);
export type SourceDimensionSet = z.infer<typeof SourceDimensionSetSchema>;

export const MetricsStatusSchema = z.strictObject({
  /** 'throttled' and 'error' are what CloudWatch said; never shown as a healthy zero. */
  state: z.enum(['not-polled', 'ok', 'throttled', 'error']),
  message: z.string().nullable(),
  lastSuccessAt: num,
  /** Which dimension set the queries use, and whether ListMetrics showed it (false: the documented default). */
  dimensions: z.strictObject({ set: SourceDimensionSetSchema, listed: z.boolean() }).optional(),
});
export type MetricsStatus = z.infer<typeof MetricsStatusSchema>;

const SwitchOutcomeSchema = z.enum(['switched', 'already', 'pending']);

export const SwitchReportSchema = z.strictObject({
  target: z.string(),
  forced: z.boolean(),
  /** In progress while null; 'failed' when AWS refused or could not be reached (see message). */
  outcome: z.enum([...SwitchOutcomeSchema.options, 'failed']).nullable(),
  startedAt: z.number(),
  finishedAt: num,
  /** The primary source as DescribeFlow reports it after the switch. */
  primarySource: z.string().nullable(),
  message: z.string(),
});
export type SwitchReport = z.infer<typeof SwitchReportSchema>;

/** Why the flow feeds from the source it feeds from now, as the console saw it change. */
export const FeedingCauseSchema = z.enum([
  /** Already feeding when the console first read the flow: the start time is when the console saw it. */
  'observed',
  /** The primary stopped and MediaConnect moved the flow to the other source on its own. */
  'automatic-failover',
  /** The primary came back and MediaConnect returned the flow to it on its own. */
  'automatic-return',
  /** After an operator's switch of the primary source. */
  'operator-switch',
  /** A source feeds again after nothing did. */
  'recovered',
]);
export type FeedingCause = z.infer<typeof FeedingCauseSchema>;

export const FeedingSinceSchema = z.strictObject({
  source: z.string(),
  role: SourceRoleSchema,
  since: z.number(),
  cause: FeedingCauseSchema,
  /** After an automatic failover: the operator has chosen to return to the primary when it is healthy. */
  acknowledged: z.boolean(),
});
export type FeedingSince = z.infer<typeof FeedingSinceSchema>;

/** Nothing feeds the flow while it is active (every source lost), or the flow is in ERROR: since when and why. */
export const InputOutageSchema = z.strictObject({ since: z.number(), reason: z.string() });
export type InputOutage = z.infer<typeof InputOutageSchema>;

/**
 * The flow view could not be confirmed by the last poll (DescribeFlow or GetMetricData failed): what it
 * shows is the last confirmed view, from `since`.
 */
const FlowUnconfirmedSchema = z.strictObject({ since: z.number().nullable(), reason: z.string() });

export const FlowStateSchema = z.strictObject({
  flowArn: z.string().nullable(),
  name: z.string().nullable(),
  availabilityZone: z.string().nullable(),
  status: FlowStatusSchema,
  statusSince: num,
  /** Why the flow cannot be shown as it is (missing, unreadable), in words. */
  problem: z.string().nullable(),
  failover: FailoverInfoSchema.nullable(),
  feeding: FeedingSourceSchema,
  sources: z.array(FlowSourceStatusSchema),
  metadata: SourceMetadataSchema.nullable(),
  metrics: MetricsStatusSchema,
  /** The switch in progress, or the last one and its result as AWS reported it. */
  lastSwitch: SwitchReportSchema.nullable(),
  lastError: ErrorSummarySchema.nullable(),
  polledAt: num,
  /** Which source feeds since when and why; null while nothing feeds or it is not known. */
  feedingSince: FeedingSinceSchema.nullable(),
  inputOutage: InputOutageSchema.nullable(),
  unconfirmed: FlowUnconfirmedSchema.nullable(),
});
export type FlowState = z.infer<typeof FlowStateSchema>;

/** [epoch ms of the period start, value or null = no datapoint for that period]. */
export const HistoryPointSchema = z.tuple([z.number(), z.number().nullable()]);
export type HistoryPoint = z.infer<typeof HistoryPointSchema>;

export const HistorySeriesSchema = z.strictObject({
  source: z.string(),
  metric: MetricKeySchema,
  points: z.array(HistoryPointSchema),
});
export type HistorySeries = z.infer<typeof HistorySeriesSchema>;

/**
 * A source chart's fixed y scale, the same on every card (a spike never rescales one card and not the other), and
 * the alert threshold the monitor grades by, drawn as a line: 'above' alerts at or over it, 'below' under it.
 */
export const ChartScaleSchema = z.strictObject({
  max: z.number().positive(),
  alert: z.number().nonnegative(),
  alertWhen: z.enum(['above', 'below']),
});
export type ChartScale = z.infer<typeof ChartScaleSchema>;

/** The charted metrics' scales: bitrate in bits/s, loss in percent. */
export const ChartScalesSchema = z.strictObject({ bitrateBps: ChartScaleSchema, packetLossPercent: ChartScaleSchema });
export type ChartScales = z.infer<typeof ChartScalesSchema>;

export const FlowSnapshotSchema = z.strictObject({
  kind: z.literal('snapshot'),
  seq: z.number().int(),
  at: z.number(),
  flow: FlowStateSchema,
  /** Charts keep `historyMs` of points; each point covers `periodSec`. */
  historyMs: z.number().int().positive(),
  periodSec: z.number().int().positive(),
  charts: ChartScalesSchema,
  history: z.array(HistorySeriesSchema),
});
export type FlowSnapshot = z.infer<typeof FlowSnapshotSchema>;

/**
 * `flow` is the whole state when anything in it changed, else null. `history` carries only new or
 * changed points (upsert by timestamp); the renderer drops points older than `historyMs`.
 */
const FlowDeltaSchema = z.strictObject({
  kind: z.literal('delta'),
  seq: z.number().int(),
  at: z.number(),
  flow: FlowStateSchema.nullable(),
  history: z.array(HistorySeriesSchema),
});

export const FlowFeedSchema = z.discriminatedUnion('kind', [FlowSnapshotSchema, FlowDeltaSchema]);
export type FlowFeed = z.infer<typeof FlowFeedSchema>;

// --- operator actions ---

export const FlowSwitchInputSchema = z.strictObject({
  target: SourceRoleSchema,
  /** Switch even though the target is not connected: the operator confirmed knowingly. */
  force: z.boolean().default(false),
});
export type FlowSwitchInput = z.input<typeof FlowSwitchInputSchema>;

export const FlowSwitchResultSchema = z.strictObject({
  outcome: SwitchOutcomeSchema,
  target: z.string(),
  forced: z.boolean(),
  /** As DescribeFlow reports it after the update. */
  primarySource: z.string().nullable(),
  status: FlowStatusSchema,
  feeding: FeedingSourceSchema,
  message: z.string(),
});
export type FlowSwitchResult = z.infer<typeof FlowSwitchResultSchema>;

export const BackupTestResultSchema = z.strictObject({
  ready: z.boolean(),
  source: z.string().nullable(),
  windowMs: z.number().int().positive(),
  checkedAt: z.number(),
  /** Every reason it is not ready, or what was checked when it is. */
  reasons: z.array(z.string()),
  figures: z.strictObject({
    datapoints: z.number().int().nonnegative(),
    coveredMs: z.number().nonnegative(),
    connectedThroughout: z.boolean().nullable(),
    maxLossPercent: num,
    avgLossPercent: num,
    notRecoveredPackets: num,
    minBitrateBps: num,
  }),
});
export type BackupTestResult = z.infer<typeof BackupTestResultSchema>;

// --- alerts ---

export const FlowAlertKindSchema = z.enum(['main-lost', 'packet-loss', 'backup-not-ready', 'flow-not-active']);
export type FlowAlertKind = z.infer<typeof FlowAlertKindSchema>;

export const FlowAlertSchema = z.strictObject({
  /** Stable per condition (kind and source): 'raised' and its 'cleared' share it. */
  id: z.string(),
  kind: FlowAlertKindSchema,
  severity: z.enum(['critical', 'warning']),
  state: z.enum(['raised', 'cleared']),
  source: z.string().nullable(),
  message: z.string(),
  at: z.number(),
});
export type FlowAlert = z.infer<typeof FlowAlertSchema>;
