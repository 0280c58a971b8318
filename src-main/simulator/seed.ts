import { SOURCE_MONITORING, withThumbnails } from '../core/confidence/monitoring-config';
import { randomBytes } from 'node:crypto';
import type { Channel, Input } from '@aws-sdk/client-medialive';
import type { Flow } from '@aws-sdk/client-mediaconnect';
import type { Prng } from './prng';
import { DEFAULT_PRESETS } from '../core/presets/default-presets';
import {
  compileEncoderSettings,
  compileMediaPackageDestination,
  compileRtmpDestination,
  DEFAULT_AUDIO_SELECTOR_NAME,
} from '../core/presets/encoder-settings-compiler';
import { toWire, type JsonObject } from './world/wire';
import type { SourceAlarmSpec } from './world/source-alarms';
import { attachSlate, type SlateSeed } from './seed-slate';

export interface SimDestinationSeed {
  id: string;
  platform: string;
  name: string;
  /** The place an admin gave it (the booth's five have one); extras have none and sort by name. */
  sortOrder: number | null;
  channelId: string;
  channelArn: string;
  inputId: string;
  presetId: string;
  /** The channel's slate attachment (warm standby), or null for a channel that has only its live input. */
  slate: SlateSeed | null;
}

export interface SeededTopology {
  accountId: string;
  region: string;
  stackName: string;
  flowArn: string;
  destinations: SimDestinationSeed[];
  tables: { presets: string; destinations: string; sessions: string };
  /** The stack's EventBridge rule and the queues it delivers to, one per console seat (cloudformation/events.yaml). */
  events: {
    ruleName: string;
    flowRuleName: string;
    queues: string[];
    /** The rule of the source alarms' state changes and the alarms (cloudformation/events.yaml). */
    sourceAlarmRuleName: string;
    sourceAlarms: SourceAlarmSpec[];
  };
  /** The schedule group of the safety stops. */
  safetyStopGroup: string;
}

export interface SourceSeed {
  name: string;
  arn: string;
  ingestIp: string;
  ingestPort: number;
  minLatency: number;
  /** Nominal bitrate of the synthetic signal, bits/s. */
  nominalBitrateBps: number;
}

/** Everything the world starts from; channel/input/flow objects are in wire (lowerCamelCase) form. */
export interface SeedWorld {
  topology: SeededTopology;
  channels: JsonObject[];
  inputs: JsonObject[];
  flow: JsonObject;
  sources: SourceSeed[];
  stack: { stackId: string; creationTime: Date; outputs: { key: string; value: string; description: string }[] };
}

interface DestinationPlan {
  id: string;
  platform: string;
  name: string;
  presetId: string;
  kind: 'rtmp' | 'mediapackage';
  url?: string;
}

/** The booth's five destinations and their default presets. */
const DESTINATION_PLANS: readonly DestinationPlan[] = [
  {
    id: 'primary',
    platform: 'hls',
    name: 'Primary HLS (MediaPackage)',
    presetId: 'preset_generic_1080p',
    kind: 'mediapackage',
  },
  {
    id: 'youtube',
    platform: 'youtube',
    name: 'YouTube Live',
    presetId: 'preset_youtube_1080p_optimized',
    kind: 'rtmp',
    url: 'rtmp://a.rtmp.youtube.com/live2',
  },
  {
    id: 'twitch',
    platform: 'twitch',
    name: 'Twitch',
    presetId: 'preset_twitch_1080p_60fps',
    kind: 'rtmp',
    url: 'rtmp://live.twitch.tv/app',
  },
  {
    id: 'linkedin',
    platform: 'linkedin',
    name: 'LinkedIn Live',
    presetId: 'preset_linkedin_720p_professional',
    kind: 'rtmp',
    url: 'rtmps://sim-ingest.linkedin.example:443/live',
  },
  {
    id: 'custom',
    platform: 'custom',
    name: 'Custom RTMP',
    presetId: 'preset_generic_720p',
    kind: 'rtmp',
    url: 'rtmp://stream.example.com/live',
  },
];

function presetFor(presetId: string) {
  const preset = DEFAULT_PRESETS.find((p) => p.preset_id === presetId);
  if (!preset) throw new Error(`seed: no default preset ${presetId}`);
  return preset;
}

const STACK_NAME = 'lunora-booth';
/** As cloudformation/events.yaml names them for a stack called lunora-booth with two seats. */
/** The stack's schedule group and the role its safety-stop schedules run with (cloudformation/generate.ts). */
export const SAFETY_STOP = { group: 'lunora-booth-safety-stops', role: 'lunora-booth-safety-stop' };

const EVENTS = {
  ruleName: `${STACK_NAME}-state-events`,
  flowRuleName: `${STACK_NAME}-flow-events`,
  queues: [`${STACK_NAME}-events-seat-1`, `${STACK_NAME}-events-seat-2`],
  sourceAlarmRuleName: `${STACK_NAME}-source-alarms`,
} as const;

/** The stack's alarms on each source's figures, as cloudformation/events.yaml declares them. */
const SOURCE_ALARMS: SourceAlarmSpec[] = ['main', 'backup'].flatMap((source) => [
  {
    name: `${STACK_NAME}-source-${source}-loss`,
    source,
    metric: 'SourcePacketLossPercent' as const,
    statistic: 'Average' as const,
    comparison: 'GreaterThanOrEqualToThreshold' as const,
    threshold: 0.5,
  },
  {
    name: `${STACK_NAME}-source-${source}-bitrate`,
    source,
    metric: 'SourceBitRate' as const,
    statistic: 'Minimum' as const,
    comparison: 'LessThanThreshold' as const,
    threshold: 50_000,
  },
]);
const FLOW_NAME = 'lunora-srt-router';
const TABLES = {
  presets: 'lunora-presets',
  destinations: 'lunora-destinations',
  sessions: 'lunora-sessions',
} as const;

const pascal = (id: string): string => id.charAt(0).toUpperCase() + id.slice(1);

/** Deterministic ids (per seed); stream keys are random per run (they are secrets, even fake ones). */
/** More destinations than the seeded five, for load and layout rehearsals (e.g. 50 for the benchmarks). */
function extraDestinationPlans(count: number): DestinationPlan[] {
  return Array.from({ length: count }, (_, i) => ({
    id: `extra-${i + 1}`,
    platform: 'custom',
    name: `Extra ${i + 1}`,
    presetId: 'preset_generic_720p',
    kind: 'rtmp' as const,
    url: `rtmp://extra-${i + 1}.example.com/live`,
  }));
}

/** Resources of other workloads in the same account and Region. */
export interface RegionNeighbours {
  channels?: number;
  pushInputs?: number;
}

export function buildSeedWorld(opts: {
  region: string;
  accountId: string;
  prng: Prng;
  extraDestinations?: number;
  /** How many destinations in all: the booth's five first, then extras (`extra-1`…); overrides extraDestinations. */
  destinationCount?: number;
  neighbours?: RegionNeighbours;
  /** Destinations whose channel also gets a slate file input (see seed-slate.ts). */
  slateDestinations?: readonly string[];
}): SeedWorld {
  const { region, accountId, prng } = opts;
  const total = opts.destinationCount ?? DESTINATION_PLANS.length + (opts.extraDestinations ?? 0);
  const plans = [...DESTINATION_PLANS, ...extraDestinationPlans(Math.max(0, total - DESTINATION_PLANS.length))].slice(
    0,
    total,
  );
  const baseIds = new Set(DESTINATION_PLANS.map((p) => p.id));
  const flowId = `1-${prng.alnum(16)}-${prng.hex(12)}`;
  const flowArn = `arn:aws:mediaconnect:${region}:${accountId}:flow:${flowId}:${FLOW_NAME}`;
  const mediaLiveRole = `arn:aws:iam::${accountId}:role/lunora-booth-medialive`;
  const usedIds = new Set<string>();
  const numericId = (): string => {
    for (;;) {
      const id = String(prng.int(1_000_000, 9_999_999));
      if (!usedIds.has(id)) {
        usedIds.add(id);
        return id;
      }
    }
  };

  const sources: SourceSeed[] = [
    { name: 'main', ingestPort: 9998, nominalBitrateBps: 6_200_000 },
    { name: 'backup', ingestPort: 9999, nominalBitrateBps: 6_100_000 },
  ].map((s) => ({
    ...s,
    arn: `arn:aws:mediaconnect:${region}:${accountId}:source:${flowId}:${s.name}`,
    ingestIp: '198.51.100.20',
    minLatency: 200,
  }));

  const channels: JsonObject[] = [];
  const inputs: JsonObject[] = [];
  const destinations: SimDestinationSeed[] = [];

  for (const plan of plans) {
    const inputId = numericId();
    const channelId = numericId();
    const inputArn = `arn:aws:medialive:${region}:${accountId}:input:${inputId}`;
    const channelArn = `arn:aws:medialive:${region}:${accountId}:channel:${channelId}`;
    const destinationRefId = `${plan.id}-destination`;
    const attachmentName = `lunora-${plan.id}-input`;
    const streamName = `sim-${plan.id}-key-${randomBytes(6).toString('hex')}`;

    const input: Input = {
      Arn: inputArn,
      Id: inputId,
      Name: attachmentName,
      Type: 'MEDIACONNECT',
      InputClass: 'SINGLE_PIPELINE',
      InputSourceType: 'STATIC',
      State: 'ATTACHED',
      AttachedChannels: [channelId],
      MediaConnectFlows: [{ FlowArn: flowArn }],
      RoleArn: mediaLiveRole,
      Destinations: [],
      Sources: [],
      SecurityGroups: [],
      InputDevices: [],
      InputPartnerIds: [],
      Tags: { Project: 'lunora-booth', Destination: plan.id },
    };
    inputs.push(toWire(input) as JsonObject);

    const channel: Channel = {
      Arn: channelArn,
      Id: channelId,
      Name: `lunora-${plan.id}`,
      State: 'IDLE',
      ChannelClass: 'SINGLE_PIPELINE',
      Destinations: [
        plan.kind === 'mediapackage'
          ? compileMediaPackageDestination(destinationRefId, 'lunora-primary')
          : compileRtmpDestination(destinationRefId, plan.url ?? '', streamName),
      ],
      EgressEndpoints: [{ SourceIp: `52.0.${prng.int(0, 255)}.${prng.int(1, 254)}` }],
      // As deployed: the stack's channels are generated with the console's own compiler from the default presets.
      EncoderSettings: withThumbnails(
        compileEncoderSettings(presetFor(plan.presetId), { kind: plan.kind, destinationRefId }),
      ),
      InputAttachments: [
        {
          InputAttachmentName: attachmentName,
          InputId: inputId,
          InputSettings: {
            AudioSelectors: [{ Name: DEFAULT_AUDIO_SELECTOR_NAME }],
            DeblockFilter: 'DISABLED',
            DenoiseFilter: 'DISABLED',
            FilterStrength: 1,
            InputFilter: 'AUTO',
            Smpte2038DataPreference: 'IGNORE',
            SourceEndBehavior: 'CONTINUE',
          },
        },
      ],
      InputSpecification: { Codec: 'AVC', MaximumBitrate: 'MAX_10_MBPS', Resolution: 'HD' },
      LogLevel: 'DISABLED',
      Maintenance: { MaintenanceDay: 'TUESDAY', MaintenanceStartTime: '04:00' },
      PipelineDetails: [],
      PipelinesRunningCount: 0,
      RoleArn: mediaLiveRole,
      Tags: { Project: 'lunora-booth', Destination: plan.id },
    };
    channels.push(toWire(channel) as JsonObject);

    destinations.push({
      id: plan.id,
      platform: plan.platform,
      name: plan.name,
      sortOrder: baseIds.has(plan.id) ? destinations.length : null,
      channelId,
      channelArn,
      inputId,
      presetId: plan.presetId,
      slate: null,
    });
  }

  // Other workloads' resources in the same Region: they count against the account's Region quotas too.
  for (let i = 1; i <= (opts.neighbours?.channels ?? 0); i++) {
    const id = numericId();
    channels.push(
      toWire({
        Arn: `arn:aws:medialive:${region}:${accountId}:channel:${id}`,
        Id: id,
        Name: `other-workload-${i}`,
        State: 'IDLE',
        ChannelClass: 'SINGLE_PIPELINE',
        Destinations: [],
        EgressEndpoints: [],
        InputAttachments: [],
        PipelineDetails: [],
        PipelinesRunningCount: 0,
        Tags: {},
      }) as JsonObject,
    );
  }
  for (let i = 1; i <= (opts.neighbours?.pushInputs ?? 0); i++) {
    const id = numericId();
    inputs.push(
      toWire({
        Arn: `arn:aws:medialive:${region}:${accountId}:input:${id}`,
        Id: id,
        Name: `other-push-${i}`,
        Type: 'RTMP_PUSH',
        InputClass: 'STANDARD',
        InputSourceType: 'STATIC',
        State: 'DETACHED',
        AttachedChannels: [],
        Destinations: [{ Ip: `52.1.0.${i}`, Port: '1935', Url: `rtmp://52.1.0.${i}:1935/live/other-${i}` }],
        SecurityGroups: ['1234567'],
        Sources: [],
        MediaConnectFlows: [],
        InputDevices: [],
        InputPartnerIds: [],
        Tags: {},
      }) as JsonObject,
    );
  }

  const secretArn = `arn:aws:secretsmanager:${region}:${accountId}:secret:lunora-booth/srt-password-${prng.alnum(6)}`;
  const flowRole = `arn:aws:iam::${accountId}:role/lunora-booth-mediaconnect-secrets`;
  const flow: Flow = {
    AvailabilityZone: `${region}a`,
    Description: 'Lunora Booth SRT router (main + backup, failover)',
    EgressIp: `54.${prng.int(0, 255)}.${prng.int(0, 255)}.${prng.int(1, 254)}`,
    Entitlements: [],
    FlowArn: flowArn,
    Name: FLOW_NAME,
    MediaStreams: [],
    Outputs: destinations.map((d, i) => ({
      Name: `MediaLive-${d.inputId}-0`,
      OutputArn: `arn:aws:mediaconnect:${region}:${accountId}:output:${flowId}:medialive-${i}`,
      Description: `Output created by MediaLive for input ${d.inputId}`,
      MediaLiveInputArn: `arn:aws:medialive:${region}:${accountId}:input:${d.inputId}`,
      DataTransferSubscriberFeePercent: 0,
      Port: 5000 + i * 2,
    })),
    Source: undefined,
    Sources: sources.map((s) => ({
      Name: s.name,
      SourceArn: s.arn,
      Description: `${s.name} SRT listener`,
      IngestIp: s.ingestIp,
      IngestPort: s.ingestPort,
      WhitelistCidr: '203.0.113.5/32',
      DataTransferSubscriberFeePercent: 0,
      Decryption: { KeyType: 'srt-password', RoleArn: flowRole, SecretArn: secretArn },
      // An SRT listener's transport: protocol and latency. StreamId applies only to Zixi and SRT caller sources, and
      // the smoothing MaxBitrate to RIST, RTP and RTP-FEC (Transport in AWS's MediaConnect model), so neither is here.
      Transport: { Protocol: 'srt-listener', MinLatency: s.minLatency },
    })),
    SourceFailoverConfig: {
      State: 'ENABLED',
      FailoverMode: 'FAILOVER',
      RecoveryWindow: 200,
      SourcePriority: { PrimarySource: 'main' },
    },
    Status: 'ACTIVE',
    SourceMonitoringConfig: { ...SOURCE_MONITORING },
    VpcInterfaces: [],
    Maintenance: { MaintenanceDay: 'Tuesday', MaintenanceStartHour: '04:00' },
  };
  const flowWire = toWire(flow) as JsonObject;
  const firstSource = (flowWire['sources'] as JsonObject[] | undefined)?.[0];
  if (firstSource) flowWire['source'] = structuredClone(firstSource);

  const stackId = `arn:aws:cloudformation:${region}:${accountId}:stack/${STACK_NAME}/${prng.hex(8)}-${prng.hex(4)}-${prng.hex(4)}-${prng.hex(4)}-${prng.hex(12)}`;
  // Slates last, so that adding one changes no other seeded id.
  for (const d of destinations) {
    if (!opts.slateDestinations?.includes(d.id)) continue;
    const channel = channels.find((c) => c['id'] === d.channelId);
    if (!channel) continue;
    const { input, slate } = attachSlate(channel, {
      destinationId: d.id,
      inputId: numericId(),
      region,
      accountId,
      roleArn: mediaLiveRole,
    });
    inputs.push(input);
    d.slate = slate;
  }
  const srt = (s: SourceSeed | undefined): string => (s ? `srt://${s.ingestIp}:${s.ingestPort}` : '');
  const outputs: { key: string; value: string; description: string }[] = [
    { key: 'FlowArn', value: flowArn, description: 'MediaConnect SRT flow ARN' },
    { key: 'MainIngestEndpoint', value: srt(sources[0]), description: 'Main SRT ingest endpoint' },
    { key: 'BackupIngestEndpoint', value: srt(sources[1]), description: 'Backup SRT ingest endpoint' },
    { key: 'PresetsTableName', value: TABLES.presets, description: 'Encoding presets table' },
    { key: 'DestinationsTableName', value: TABLES.destinations, description: 'Destinations table' },
    { key: 'SessionsTableName', value: TABLES.sessions, description: 'Streaming sessions table' },
    { key: 'EventRuleName', value: EVENTS.ruleName, description: 'EventBridge rule for channel and flow events' },
    { key: 'FlowEventRuleName', value: EVENTS.flowRuleName, description: 'Rule of the flow events' },
    { key: 'EventQueueNames', value: EVENTS.queues.join(','), description: 'Event queues, one per console seat' },
    {
      key: 'SourceAlarmRuleName',
      value: EVENTS.sourceAlarmRuleName,
      description: 'Rule of the source alarms state changes',
    },
    {
      key: 'SourceAlarmNames',
      value: SOURCE_ALARMS.map((a) => a.name).join(','),
      description: "Alarms on the flow's source figures",
    },
    { key: 'SafetyStopGroupName', value: SAFETY_STOP.group, description: 'Schedule group of the safety stops' },
    {
      key: 'SafetyStopRoleArn',
      value: `arn:aws:iam::${accountId}:role/${SAFETY_STOP.role}`,
      description: 'Role the safety stops run with',
    },
  ];
  for (const d of destinations) {
    outputs.push({
      key: `ChannelId${pascal(d.id)}`,
      value: d.channelId,
      description: `MediaLive channel id (${d.id})`,
    });
    outputs.push({
      key: `ChannelArn${pascal(d.id)}`,
      value: d.channelArn,
      description: `MediaLive channel ARN (${d.id})`,
    });
    // The deployed stack's own destination list (cloudformation/channels.yaml writes one JSON output per destination).
    outputs.push({
      key: `Destination${pascal(d.id)}`,
      value: JSON.stringify({ id: d.id, platform: d.platform, name: d.name, preset_id: d.presetId }),
      description: `${d.name} destination record (JSON)`,
    });
  }

  return {
    topology: {
      accountId,
      region,
      stackName: STACK_NAME,
      flowArn,
      destinations,
      tables: { ...TABLES },
      events: {
        ruleName: EVENTS.ruleName,
        flowRuleName: EVENTS.flowRuleName,
        queues: [...EVENTS.queues],
        sourceAlarmRuleName: EVENTS.sourceAlarmRuleName,
        sourceAlarms: SOURCE_ALARMS.map((a) => ({ ...a })),
      },
      safetyStopGroup: SAFETY_STOP.group,
    },
    channels,
    inputs,
    flow: flowWire,
    sources,
    stack: { stackId, creationTime: new Date(Date.UTC(2025, 0, 6, 9, 30, 0)), outputs },
  };
}
