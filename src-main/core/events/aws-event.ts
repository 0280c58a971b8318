import { z } from 'zod';
import type { DestinationState } from '../../../shared/domain/channel';

/**
 * The EventBridge envelope AWS puts on the queue, and the "MediaLive Channel State Change" detail
 * (`channel_arn`, `state`, `message`, `pipelines_running_count`): MediaLive User Guide, "JSON for a state change
 * event", https://docs.aws.amazon.com/medialive/latest/ug/monitoring-cloudwatch-json-state-change.html . Fields beyond
 * these are allowed (AWS may add some); a body that is not this shape is refused, never guessed at.
 */
const EnvelopeSchema = z.object({
  version: z.string(),
  id: z.string().min(1).max(200),
  'detail-type': z.string(),
  source: z.string(),
  account: z.string(),
  time: z.string(),
  region: z.string(),
  resources: z.array(z.string()),
  detail: z.record(z.string(), z.unknown()),
});

const ChannelStateDetailSchema = z.object({
  channel_arn: z.string(),
  state: z.string().min(1).max(64),
});

/**
 * "MediaLive Channel Alert": `alarm_state` SET or CLEARED, `alarm_id` (the same for the SET and its CLEARED),
 * `alert_type`, `pipeline`, `channel_arn`, `message` (MediaLive User Guide, "JSON for an alert event",
 * https://docs.aws.amazon.com/medialive/latest/ug/monitoring-cloudwatch-json-alert.html).
 */
const ChannelAlertDetailSchema = z.object({
  channel_arn: z.string(),
  alarm_state: z.string().min(1).max(64),
  alarm_id: z.string().min(1).max(200),
  alert_type: z.string().max(300).optional(),
  message: z.string().optional(),
  pipeline: z.string().max(16).optional(),
});

/**
 * The flow's events the console reacts to (EventBridge Events Reference, "AWS Elemental MediaConnect events",
 * https://docs.aws.amazon.com/eventbridge/latest/ref/events-ref-mediaconnect.html): each names the flow first in
 * `resources` (Source Health adds the source after it).
 */
const FLOW_EVENTS: ReadonlySet<string> = new Set([
  'MediaConnect Flow Status Change',
  'MediaConnect Source Health',
  'MediaConnect Flow Health',
  'MediaConnect Alert',
]);

/**
 * "CloudWatch Alarm State Change" (source `aws.cloudwatch`, `resources` the alarm ARN, detail `alarmName`, `state` and
 * `previousState` each with `value` OK, ALARM or INSUFFICIENT_DATA, `reason`, `timestamp`): CloudWatch User Guide,
 * "Alarm events and EventBridge", https://docs.aws.amazon.com/AmazonCloudWatch/latest/monitoring/cloudwatch-and-eventbridge.html
 * ("CloudWatch guarantees the delivery of alarm state change events to EventBridge"). The stack's source alarms watch
 * the flow's sources' figures (packet loss, bitrate) that change without any MediaConnect event.
 */
const AlarmStateDetailSchema = z.object({
  alarmName: z.string().min(1).max(255),
  state: z.object({ value: z.string().min(1).max(64) }),
  previousState: z.object({ value: z.string().max(64) }).optional(),
});

interface Origin {
  id: string;
  timeMs: number;
  account: string;
  region: string;
}

export type ParsedEvent =
  | (Origin & { kind: 'channel-state'; channelArn: string; word: string })
  | (Origin & {
      kind: 'channel-alert';
      channelArn: string;
      alarmState: string;
      alarmId: string;
      alertType: string;
      message: string;
      pipeline: string | null;
    })
  | (Origin & { kind: 'flow'; flowArn: string; detailType: string })
  | (Origin & { kind: 'source-alarm'; alarmName: string; alarmState: string; previousAlarmState: string | null })
  | { kind: 'other'; id: string; detailType: string }
  | { kind: 'malformed'; reason: string };

export function parseAwsEvent(body: string | undefined): ParsedEvent {
  let json: unknown;
  try {
    json = JSON.parse(body ?? '');
  } catch {
    return { kind: 'malformed', reason: 'not JSON' };
  }
  const envelope = EnvelopeSchema.safeParse(json);
  if (!envelope.success) return { kind: 'malformed', reason: 'not an EventBridge event' };
  const e = envelope.data;
  const timeMs = Date.parse(e.time);
  if (!Number.isFinite(timeMs)) return { kind: 'malformed', reason: 'event time unreadable' };
  const origin: Origin = { id: e.id, timeMs, account: e.account, region: e.region };
  const detailType = e['detail-type'];
  if (e.source === 'aws.medialive' && detailType === 'MediaLive Channel State Change') {
    const detail = ChannelStateDetailSchema.safeParse(e.detail);
    if (!detail.success) return { kind: 'malformed', reason: 'state change without channel_arn or state' };
    return { ...origin, kind: 'channel-state', channelArn: detail.data.channel_arn, word: detail.data.state };
  }
  if (e.source === 'aws.medialive' && detailType === 'MediaLive Channel Alert') {
    const detail = ChannelAlertDetailSchema.safeParse(e.detail);
    if (!detail.success) return { kind: 'malformed', reason: 'alert without channel_arn, alarm_state or alarm_id' };
    const d = detail.data;
    return {
      ...origin,
      kind: 'channel-alert',
      channelArn: d.channel_arn,
      alarmState: d.alarm_state,
      alarmId: d.alarm_id,
      alertType: d.alert_type ?? 'MediaLive alert',
      message: (d.message ?? '').slice(0, 500),
      pipeline: d.pipeline ?? null,
    };
  }
  if (e.source === 'aws.mediaconnect' && FLOW_EVENTS.has(detailType)) {
    const flowArn = e.resources[0];
    if (!flowArn) return { kind: 'malformed', reason: 'flow event without its flow in resources' };
    return { ...origin, kind: 'flow', flowArn, detailType };
  }
  if (e.source === 'aws.cloudwatch' && detailType === 'CloudWatch Alarm State Change') {
    const detail = AlarmStateDetailSchema.safeParse(e.detail);
    if (!detail.success) return { kind: 'malformed', reason: 'alarm state change without alarmName or state' };
    const d = detail.data;
    return {
      ...origin,
      kind: 'source-alarm',
      alarmName: d.alarmName,
      alarmState: d.state.value,
      previousAlarmState: d.previousState?.value ?? null,
    };
  }
  return { kind: 'other', id: e.id, detailType };
}

/**
 * What each state word of the event means for a tile. The event names states in its own words: AWS lists Creating,
 * Deleting, Idle, Recovering, Running, Starting, Stopping, and says Updating "is captured on the console but not in
 * Amazon CloudWatch events" (MediaLive User Guide, "States for channels",
 * https://docs.aws.amazon.com/medialive/latest/ug/monitor-activity-types-channel.html); its example event says
 * DELETED. CREATED and STOPPED are not in AWS's list but are seen by event handlers: a created or stopped channel is
 * IDLE in MediaLive's API, so they apply as IDLE. DELETED is not shown from the event alone: the reconciling poll
 * says the channel is missing, with the reason. Any other word is not applied (the poll decides).
 */
export type StateWordMeaning = { apply: DestinationState } | { reconcile: string };

export function meaningOfStateWord(word: string): StateWordMeaning {
  switch (word) {
    case 'IDLE':
    case 'STARTING':
    case 'RUNNING':
    case 'RECOVERING':
    case 'STOPPING':
    case 'CREATING':
    case 'DELETING':
    case 'UPDATING':
      return { apply: word };
    case 'STOPPED':
    case 'CREATED':
      return { apply: 'IDLE' };
    case 'DELETED':
      return { reconcile: 'channel deleted' };
    default:
      return { reconcile: `state word ${word.slice(0, 64)} is not known to this console` };
  }
}

/** `arn:aws:medialive:<region>:<account>:channel:<id>` -> its parts, or null. */
export function parseChannelArn(arn: string): { region: string; account: string; channelId: string } | null {
  const m = /^arn:aws[a-z-]*:medialive:([a-z0-9-]+):(\d{12}):channel:([A-Za-z0-9]+)$/.exec(arn);
  return m?.[1] && m[2] && m[3] ? { region: m[1], account: m[2], channelId: m[3] } : null;
}

/** `arn:aws:mediaconnect:<region>:<account>:flow:<id>:<name>` -> region and account, or null. */
export function parseFlowArn(arn: string): { region: string; account: string } | null {
  const m = /^arn:aws[a-z-]*:mediaconnect:([a-z0-9-]+):(\d{12}):flow:/.exec(arn);
  return m?.[1] && m[2] ? { region: m[1], account: m[2] } : null;
}
