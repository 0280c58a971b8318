import { z } from 'zod';

const MEDIALIVE_PRICING = 'AWS Elemental MediaLive Pricing, https://aws.amazon.com/medialive/pricing/';
const MEDIACONNECT_PRICING = 'AWS Elemental MediaConnect Pricing, https://aws.amazon.com/mediaconnect/pricing/';
const CLOUDWATCH_PRICING = 'Amazon CloudWatch Pricing, https://aws.amazon.com/cloudwatch/pricing/';
/** Said next to a default the console could not read off the AWS page (its price tables are rendered by script). */
const CHECK = 'check the AWS page';

/**
 * Every rate of the rate card: what it prices, its unit, and the AWS pricing page it comes from. `estimate` marks a
 * default that is not AWS's figure for the region (a placeholder or a derived figure): the settings show it as such.
 */
export const RATE_FIELDS = [
  {
    key: 'medialiveInputPerHour',
    label: 'MediaLive input',
    unit: '$/h',
    page: `${MEDIALIVE_PRICING} (on-demand inputs, single pipeline)`,
    estimate: false,
  },
  {
    key: 'medialiveHdOutputPerHour',
    label: 'HD output ≤30 fps',
    unit: '$/h',
    page: `${MEDIALIVE_PRICING} (on-demand outputs, HD AVC <10 Mbps, ≤30 fps)`,
    estimate: false,
  },
  {
    key: 'medialiveHdHighFpsOutputPerHour',
    label: 'HD output >30 fps',
    unit: '$/h',
    page: `${MEDIALIVE_PRICING} (on-demand outputs, HD AVC <10 Mbps, >30 fps); default twice the ≤30 fps rate, ${CHECK}`,
    estimate: true,
  },
  {
    key: 'medialiveSdOutputPerHour',
    label: 'SD output',
    unit: '$/h',
    page: `${MEDIALIVE_PRICING} (on-demand outputs, SD AVC <10 Mbps, ≤30 fps)`,
    estimate: false,
  },
  {
    key: 'medialiveIdleChannelPerHour',
    label: 'Idle channel',
    unit: '$/h',
    page: `${MEDIALIVE_PRICING} (idle resources: idle channel); placeholder, ${CHECK}`,
    estimate: true,
  },
  {
    key: 'medialiveIdlePushInputPerHour',
    label: 'Idle push input',
    unit: '$/h',
    page: `${MEDIALIVE_PRICING} (idle resources: idle push input); placeholder, ${CHECK}`,
    estimate: true,
  },
  {
    key: 'dataTransferPerGb',
    label: 'Data out (RTMP pushes)',
    unit: '$/GB',
    page: `${MEDIALIVE_PRICING} (data transfer out to the internet, first tier); ${CHECK}`,
    estimate: true,
  },
  {
    key: 'mediaconnectFlowPerHour',
    label: 'Flow while ACTIVE',
    unit: '$/h',
    page: `${MEDIACONNECT_PRICING} (active resources: transport stream flow); ${CHECK}`,
    estimate: true,
  },
  {
    key: 'mediaconnectDataPerGb',
    label: 'Flow data to MediaLive',
    unit: '$/GB',
    page: `${MEDIACONNECT_PRICING} (data transfer to AWS Elemental MediaLive); placeholder, ${CHECK}`,
    estimate: true,
  },
  {
    key: 'cloudwatchPerThousandMetrics',
    label: 'GetMetricData',
    unit: '$/1k metrics',
    page: `${CLOUDWATCH_PRICING} (API requests: GetMetricData, per 1,000 metrics requested)`,
    estimate: false,
  },
] as const satisfies ReadonlyArray<{ key: string; label: string; unit: string; page: string; estimate: boolean }>;

export type RateKey = (typeof RATE_FIELDS)[number]['key'];

const DEFAULT_PAGES = Object.fromEntries(RATE_FIELDS.map((f) => [f.key, f.page])) as Record<RateKey, string>;

const PageSchema = z.string().max(300);
const RatePagesSchema = z.strictObject(
  Object.fromEntries(RATE_FIELDS.map((f) => [f.key, PageSchema.default(f.page)])) as Record<
    RateKey,
    z.ZodDefault<typeof PageSchema>
  >,
);

const hourly = z.number().min(0).max(100);

const RateKeySchema = z.enum(RATE_FIELDS.map((f) => f.key) as [RateKey, ...RateKey[]]);

/**
 * Where the card's figures come from: the built-in defaults, the admin's own edits, or the AWS Price List (which
 * rates it gave, the date they are effective from, and the rates it could not give, kept as they were, with why).
 */
const RateOriginSchema = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('default') }),
  z.strictObject({ kind: z.literal('edited'), at: z.number() }),
  z.strictObject({
    kind: z.literal('price-list'),
    /** The stack's region the prices are for. */
    region: z.string().max(40),
    /** The latest effective date (YYYY-MM-DD) of the rates read. */
    effectiveDate: z.string().max(10),
    /** The Price List's publication date of those products, when it said one. */
    publicationDate: z.string().max(40).nullable(),
    readAt: z.number(),
    read: z.array(RateKeySchema),
    kept: z.array(z.strictObject({ key: RateKeySchema, reason: z.string().max(300) })),
  }),
]);

const RateCardFieldsSchema = z.strictObject({
  /** MediaLive HD AVC input, < 10 Mbps, single pipeline. */
  medialiveInputPerHour: hourly,
  /** MediaLive HD AVC output, < 10 Mbps, <= 30 fps (720p and 1080p30). */
  medialiveHdOutputPerHour: hourly,
  /** MediaLive HD AVC output above 30 fps (1080p60): its own tier on the MediaLive price list. */
  medialiveHdHighFpsOutputPerHour: hourly,
  /** MediaLive SD AVC output (below 720 lines). */
  medialiveSdOutputPerHour: hourly,
  /** A channel that is not running (IDLE, or failed and RECOVERING). Added later: older cards get the default. */
  medialiveIdleChannelPerHour: hourly.default(0.01),
  /** A push input (MediaConnect inputs are push inputs) attached to a channel that is not running. */
  medialiveIdlePushInputPerHour: hourly.default(0.01),
  /** MediaConnect flow while ACTIVE; STANDBY is not billed as active. */
  mediaconnectFlowPerHour: hourly,
  /** What the flow sends to each MediaLive channel input, per GB, whenever the flow is ACTIVE. */
  mediaconnectDataPerGb: z.number().min(0).max(10).default(0.05),
  /** Data transfer out to the internet (RTMP pushes). */
  dataTransferPerGb: z.number().min(0).max(10),
  /** CloudWatch GetMetricData, per 1,000 metrics requested (the console's own source-health reads). */
  cloudwatchPerThousandMetrics: z.number().min(0).max(10).default(0.01),
  /** Where these numbers come from (region, date checked), shown next to the costs. */
  source: z.string().max(200),
  /** The AWS pricing page each rate comes from, shown next to it. */
  pages: RatePagesSchema.default(DEFAULT_PAGES),
  /** Added later: older cards were the defaults or edited, which the console cannot tell apart. */
  origin: RateOriginSchema.default({ kind: 'default' }),
});

/**
 * A card saved before the >30 fps tier had its own default carried the HD <=30 fps price there ("until checked"):
 * such a card (it has no `pages`) gets the estimate instead, twice its own <=30 fps rate.
 */
function migrateRateCard(raw: unknown): unknown {
  if (typeof raw !== 'object' || raw === null || 'pages' in raw) return raw;
  const card = raw as Record<string, unknown>;
  const hd = card['medialiveHdOutputPerHour'];
  if (typeof hd === 'number' && card['medialiveHdHighFpsOutputPerHour'] === hd) {
    return { ...card, medialiveHdHighFpsOutputPerHour: Math.round(hd * 2 * 10_000) / 10_000 };
  }
  return raw;
}

/** Prices the meters use; editable in settings because they vary by region and change. */
export const RateCardSchema = z.preprocess(migrateRateCard, RateCardFieldsSchema);
export type RateCard = z.infer<typeof RateCardFieldsSchema>;

/**
 * us-east-1 on-demand prices, editable in the operator settings. Each rate names its AWS page in `pages`; the ones
 * marked there as a placeholder or "check the AWS page" are not read off AWS's price tables.
 */
export const DEFAULT_RATE_CARD: RateCard = {
  medialiveInputPerHour: 0.1404,
  medialiveHdOutputPerHour: 0.4212,
  medialiveHdHighFpsOutputPerHour: 0.8424,
  medialiveSdOutputPerHour: 0.2124,
  medialiveIdleChannelPerHour: 0.01,
  medialiveIdlePushInputPerHour: 0.01,
  mediaconnectFlowPerHour: 0.16,
  mediaconnectDataPerGb: 0.05,
  dataTransferPerGb: 0.09,
  cloudwatchPerThousandMetrics: 0.01,
  source: 'Default rate card (us-east-1 on-demand); check your region',
  pages: DEFAULT_PAGES,
  origin: { kind: 'default' },
};

export const DEFAULT_MONTHLY_BUDGET_USD = 400;

const DestinationCostSchema = z.strictObject({
  id: z.string(),
  /** Running charges (input, output, data transfer out) of this session's runs. */
  usd: z.number(),
  /** Minutes MediaLive bills for this session's runs (each run rounded up to the minute, 10 minutes at least). */
  billedMinutes: z.number(),
  /** Idle channel and idle push input charges while the channel was not running. */
  idleUsd: z.number(),
  /** Current spend rate while running, 0 when not. */
  usdPerHour: z.number(),
});

/** The session's cost by what AWS bills for. */
const CostSplitSchema = z.strictObject({
  /** MediaLive inputs and outputs of running channels, and their data transfer out. */
  channelsUsd: z.number(),
  /** The MediaConnect flow's hourly charge while ACTIVE. */
  flowHoursUsd: z.number(),
  /** What the flow sends to the MediaLive channel inputs while ACTIVE, whether the channels run or not. */
  flowDataUsd: z.number(),
  /** Channels not running and their push inputs. */
  idleUsd: z.number(),
  /** The console's own CloudWatch GetMetricData reads. */
  monitoringUsd: z.number(),
});
export type CostSplit = z.infer<typeof CostSplitSchema>;

/** What the flow figures were computed from. */
const FlowUsageSchema = z.strictObject({
  /** Time the flow was seen ACTIVE this session. */
  activeMs: z.number(),
  dataGb: z.number(),
  /** MediaLive channel inputs the flow feeds (one per destination with a channel). */
  channelInputs: z.number().int(),
  /** What the flow sends now to its channel inputs together, bits per second (0 when not ACTIVE). */
  dataBps: z.number(),
  /** 'measured': the feeding SRT source's bitrate (CloudWatch) per input; 'presets': each destination's preset bitrate. */
  basis: z.enum(['measured', 'presets']),
});

/** Where the month to date's earlier shows come from. */
const MonthBasisSchema = z.strictObject({
  /** 'sessions-table': every show of the month (UTC) the booth's consoles recorded; 'this-console': its local copy. */
  source: z.enum(['sessions-table', 'this-console']),
  /** Other shows counted this month. */
  shows: z.number().int(),
  /** Records of the month the table holds that could not be read: not counted, so the figure is short of them. */
  unreadable: z.number().int(),
  readAt: z.number().nullable(),
  /** In operator words: where the figure comes from and what it leaves out. */
  note: z.string().max(300),
});
export type MonthBasis = z.infer<typeof MonthBasisSchema>;

export const CostSnapshotSchema = z.strictObject({
  at: z.number(),
  sessionStartedAt: z.number(),
  destinations: z.array(DestinationCostSchema),
  /** Flow hours and flow data together. */
  flowUsd: z.number(),
  split: CostSplitSchema,
  flow: FlowUsageSchema,
  /** Metrics the console requested with GetMetricData this session. */
  metricsRequested: z.number().int(),
  totalUsd: z.number(),
  usdPerHour: z.number(),
  monthToDateUsd: z.number(),
  projectedMonthUsd: z.number(),
  budgetUsd: z.number(),
  rateSource: z.string(),
  monthBasis: MonthBasisSchema.optional(),
});
export type CostSnapshot = z.infer<typeof CostSnapshotSchema>;
