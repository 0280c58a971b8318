import { randomUUID } from 'node:crypto';
import type { Prng } from '../prng';
import type { TimerRegistry } from '../timers';
import type { QueueWorld } from './queues';

/**
 * What AWS sends to EventBridge for the booth's resources, delivered to the queues the stack's rule targets.
 *
 * Envelope and detail fields follow AWS's examples:
 * - "MediaLive Channel State Change" (source `aws.medialive`, `resources: [channel ARN]`, detail `channel_arn`,
 *   `state`, `message`, `pipelines_running_count`; e.g. `"state": "DELETED", "message": "Deleted channel"`):
 *   MediaLive User Guide, "JSON for a state change event",
 *   https://docs.aws.amazon.com/medialive/latest/ug/monitoring-cloudwatch-json-state-change.html
 * - The states are the channel states (Creating, Deleting, Idle, Recovering, Running, Starting, Stopping); Updating
 *   "is captured on the console but not in Amazon CloudWatch events": MediaLive User Guide, "States for channels",
 *   https://docs.aws.amazon.com/medialive/latest/ug/monitor-activity-types-channel.html . So no UPDATING event.
 * - "MediaLive Channel Alert" (detail `alarm_state` SET/CLEARED, `alarm_id`, `alert_type`, `pipeline`, `channel_arn`,
 *   `message`): MediaLive User Guide, "JSON for an alert event",
 *   https://docs.aws.amazon.com/medialive/latest/ug/monitoring-cloudwatch-json-alert.html
 * - MediaConnect sends "MediaConnect Flow Status Change" (detail `currentStatus`, `previousStatus`, resources the flow
 *   ARN) and "MediaConnect Source Health" (resources flow and source ARNs, detail `current`/`previous`
 *   `source_state`) among others: EventBridge Events Reference, "AWS Elemental MediaConnect events",
 *   https://docs.aws.amazon.com/eventbridge/latest/ref/events-ref-mediaconnect.html ; MediaConnect User Guide,
 *   "MediaConnect flow state change event", https://docs.aws.amazon.com/mediaconnect/latest/ug/monitoring-cloudwatch-events-flow-state-change.html ,
 *   "Source health event", https://docs.aws.amazon.com/mediaconnect/latest/ug/monitoring-cloudwatch-events-source-health.html
 * - Both services' events are "Best effort" (EventBridge Events Reference, "AWS Elemental MediaLive events",
 *   https://docs.aws.amazon.com/eventbridge/latest/ref/events-ref-medialive.html), EventBridge retries a target for
 *   up to 24 hours ("How EventBridge retries delivering events",
 *   https://docs.aws.amazon.com/eventbridge/latest/userguide/eb-rule-retry-policy.html) and does not guarantee order:
 *   duplicates, late and reordered deliveries are normal, which the injectable behaviours below reproduce.
 * - `time` is in whole seconds (`"2023-03-08T18:40:59Z"` in the examples).
 */
export interface EventDelivery {
  /** Each event reaches the queues after a random delay in [minDelayMs, maxDelayMs]. */
  minDelayMs: number;
  maxDelayMs: number;
  /** 0..1: chance that an event is delivered twice (same id). */
  duplicateRate: number;
  /** Holds each event until the next one and delivers them swapped (flushed alone after `reorderHoldMs`). */
  reorder: boolean;
  reorderHoldMs: number;
}

const DEFAULT_EVENT_DELIVERY: EventDelivery = {
  minDelayMs: 0,
  maxDelayMs: 0,
  duplicateRate: 0,
  reorder: false,
  reorderHoldMs: 1_000,
};

export interface AwsEvent {
  version: '0';
  id: string;
  'detail-type': string;
  source: string;
  account: string;
  time: string;
  region: string;
  resources: string[];
  detail: Record<string, unknown>;
}

export interface EventLogEntry {
  id: string;
  detailType: string;
  time: string;
  summary: string;
}

export class EventBus {
  private delivery: EventDelivery = { ...DEFAULT_EVENT_DELIVERY };
  private held: string | null = null;
  private heldTimer: ReturnType<TimerRegistry['setTimeout']> | null = null;
  private readonly recent: EventLogEntry[] = [];

  constructor(
    private readonly deps: {
      queues: QueueWorld;
      /** The queues the stack's rule delivers to (one per console seat). */
      targets: () => string[];
      timers: TimerRegistry;
      prng: Prng;
      now: () => number;
      region: string;
      accountId: string;
    },
  ) {}

  settings(): EventDelivery {
    return { ...this.delivery };
  }

  configure(partial: Partial<EventDelivery>): EventDelivery {
    const next = { ...this.delivery, ...partial };
    for (const key of ['minDelayMs', 'maxDelayMs', 'reorderHoldMs'] as const) {
      if (!Number.isFinite(next[key]) || next[key] < 0) throw new Error(`${key} must be >= 0`);
    }
    if (next.maxDelayMs < next.minDelayMs) throw new Error('maxDelayMs must be >= minDelayMs');
    if (!(next.duplicateRate >= 0 && next.duplicateRate <= 1)) throw new Error('duplicateRate must be within 0..1');
    this.delivery = next;
    return this.settings();
  }

  /** The last events sent (newest last), for the control API. */
  log(): EventLogEntry[] {
    return [...this.recent];
  }

  channelState(channelArn: string, state: string, pipelinesRunningCount: number): void {
    const message = `${state.charAt(0)}${state.slice(1).toLowerCase()} channel`;
    this.emit('MediaLive Channel State Change', 'aws.medialive', [channelArn], {
      channel_arn: channelArn,
      state,
      message,
      pipelines_running_count: pipelinesRunningCount,
    });
  }

  channelAlert(
    channelArn: string,
    alarm: { state: 'SET' | 'CLEARED'; id: string; type: string; message: string },
  ): void {
    this.emit('MediaLive Channel Alert', 'aws.medialive', [channelArn], {
      alarm_state: alarm.state,
      alarm_id: alarm.id,
      alert_type: alarm.type,
      pipeline: '0',
      channel_arn: channelArn,
      message: alarm.message,
    });
  }

  flowStatus(flowArn: string, previousStatus: string, currentStatus: string): void {
    this.emit('MediaConnect Flow Status Change', 'aws.mediaconnect', [flowArn], { currentStatus, previousStatus });
  }

  sourceHealth(flowArn: string, sourceArn: string, connected: boolean): void {
    const state = (c: boolean) => ({ source_state: c ? 'CONNECTED' : 'DISCONNECTED' });
    this.emit('MediaConnect Source Health', 'aws.mediaconnect', [flowArn, sourceArn], {
      unhealthy: !connected,
      current: state(connected),
      previous: state(!connected),
    });
  }

  /**
   * "MediaConnect Flow Health": resources the flow ARN, detail `unhealthy`, `current` and `previous` with
   * `failover_switch` and `source_state` (MediaConnect User Guide, "MediaConnect flow health event",
   * https://docs.aws.amazon.com/mediaconnect/latest/ug/monitoring-cloudwatch-events-flow-health.html).
   */
  flowHealth(
    flowArn: string,
    previous: { sourceState: string; failoverSwitch: boolean },
    current: { sourceState: string; failoverSwitch: boolean },
  ): void {
    const wire = (h: { sourceState: string; failoverSwitch: boolean }) => ({
      failover_switch: h.failoverSwitch,
      source_state: h.sourceState,
    });
    this.emit('MediaConnect Flow Health', 'aws.mediaconnect', [flowArn], {
      unhealthy: current.sourceState === 'DISCONNECTED' || current.failoverSwitch,
      current: wire(current),
      previous: wire(previous),
    });
  }

  /**
   * "CloudWatch Alarm State Change" of a single-metric alarm: source `aws.cloudwatch`, resources the alarm ARN, detail
   * `alarmName`, `state` and `previousState` (`value`, `reason`, `timestamp`) and `configuration.metrics` (CloudWatch
   * User Guide, "Alarm events and EventBridge",
   * https://docs.aws.amazon.com/AmazonCloudWatch/latest/monitoring/cloudwatch-and-eventbridge.html).
   */
  alarmStateChange(
    alarmName: string,
    change: {
      previous: string;
      current: string;
      reason: string;
      sourceArn: string;
      metric: string;
      statistic: string;
      periodSec: number;
    },
  ): void {
    const timestamp = new Date(this.deps.now()).toISOString().replace('Z', '+0000');
    const alarmArn = `arn:aws:cloudwatch:${this.deps.region}:${this.deps.accountId}:alarm:${alarmName}`;
    this.emit('CloudWatch Alarm State Change', 'aws.cloudwatch', [alarmArn], {
      alarmName,
      state: { value: change.current, reason: change.reason, timestamp },
      previousState: { value: change.previous, reason: '', timestamp },
      configuration: {
        metrics: [
          {
            id: randomUUID(),
            metricStat: {
              metric: {
                dimensions: { SourceARN: change.sourceArn },
                name: change.metric,
                namespace: 'AWS/MediaConnect',
              },
              period: change.periodSec,
              stat: change.statistic,
            },
            returnData: true,
          },
        ],
      },
    });
  }

  /** Puts a raw message body on every target queue as is (malformed or foreign events, for fault tests). */
  injectRaw(body: string): void {
    for (const q of this.deps.targets()) this.deps.queues.send(q, body);
  }

  /** An event as another account's or an unknown channel's would arrive: well formed, not the booth's. */
  envelope(
    detailType: string,
    source: string,
    resources: string[],
    detail: Record<string, unknown>,
    overrides: Partial<AwsEvent> = {},
  ): AwsEvent {
    return {
      version: '0',
      id: randomUUID(),
      'detail-type': detailType,
      source,
      account: this.deps.accountId,
      time: new Date(Math.floor(this.deps.now() / 1000) * 1000).toISOString().replace('.000Z', 'Z'),
      region: this.deps.region,
      resources,
      detail,
      ...overrides,
    };
  }

  private emit(detailType: string, source: string, resources: string[], detail: Record<string, unknown>): void {
    const event = this.envelope(detailType, source, resources, detail);
    this.recent.push({
      id: event.id,
      detailType,
      time: event.time,
      summary: JSON.stringify(
        (detail['state'] as { value?: unknown } | undefined)?.value ??
          detail['state'] ??
          detail['currentStatus'] ??
          detail['alarm_state'] ??
          detail['current'] ??
          null,
      ),
    });
    if (this.recent.length > 200) this.recent.shift();
    const body = JSON.stringify(event);
    if (this.delivery.reorder) return this.holdForReorder(body);
    this.deliver(body);
  }

  private holdForReorder(body: string): void {
    const previous = this.held;
    if (previous === null) {
      this.held = body;
      this.heldTimer = this.deps.timers.setTimeout(() => {
        const alone = this.held;
        this.held = null;
        this.heldTimer = null;
        if (alone !== null) this.deliver(alone);
      }, this.delivery.reorderHoldMs);
      return;
    }
    this.deps.timers.clearTimeout(this.heldTimer);
    this.held = null;
    this.heldTimer = null;
    this.deliver(body);
    this.deliver(previous);
  }

  private deliver(body: string): void {
    const copies = this.deps.prng.next() < this.delivery.duplicateRate ? 2 : 1;
    for (let i = 0; i < copies; i++) {
      const { minDelayMs, maxDelayMs } = this.delivery;
      const delay = maxDelayMs > 0 ? this.deps.prng.range(minDelayMs, maxDelayMs) : 0;
      const send = (): void => {
        for (const q of this.deps.targets()) this.deps.queues.send(q, body);
      };
      // Delivery is asynchronous in AWS: never inside the call that caused the change.
      this.deps.timers.setTimeout(send, delay);
    }
  }
}
