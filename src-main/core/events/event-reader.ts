import {
  DeleteMessageBatchCommand,
  GetQueueUrlCommand,
  ReceiveMessageCommand,
  type Message,
  type SQSClient,
} from '@aws-sdk/client-sqs';
import type { StateUpdates } from '../../../shared/domain/state-updates';
import { mapAwsError } from '../../aws/errors';
import type { EventOutcome } from '../channels/channel-monitor';
import type { DestinationState } from '../../../shared/domain/channel';
import type { Logger } from '../logger';
import type { AlertOutcome, ChannelAlert } from '../channels/alert-events';
import { meaningOfStateWord, parseAwsEvent, parseChannelArn, parseFlowArn, type ParsedEvent } from './aws-event';

/** The part of the channel monitor the reader drives. */
export interface PushTarget {
  applyChannelEvent(channelId: string, state: DestinationState, eventTimeMs: number): EventOutcome;
  setPushing(pushing: boolean): void;
  reconcileSoon(): void;
  refresh(): Promise<void>;
  readonly steadyIntervalMs: number;
}

/** The flow monitor, as the reader drives it: a flow event polls the flow at once. */
export interface FlowPushTarget {
  readonly flowArn: string | null;
  onFlowEvent(): void;
  setPushing(pushing: boolean): void;
  /** The stack's source alarms reach this console's queue: a source's figures need not be polled for on air. */
  setSourceAlarms(delivered: boolean): void;
}

export interface EventReaderOptions {
  sqs: SQSClient;
  /** The queue this console reads (its seat), or null with the reason there is none. */
  queue: () => { name: string } | { name: null; reason: string };
  /** The booth's account and region: an event from anywhere else is not the booth's. */
  account: string | null;
  region: string;
  target: PushTarget;
  logger: Logger;
  now: () => number;
  onStatus: (status: StateUpdates) => void;
  /**
   * The stack's CloudWatch alarms on the flow's source figures (output `SourceAlarmNames`), whose state changes the
   * stack's rule delivers to the seat queues; none on an older stack (the flow is then polled for them on air).
   */
  sourceAlarms?: readonly string[];
  /** MediaLive alerts on the booth's channels (tile alarm, tray, incident log); without it they are ignored. */
  alerts?: { apply(channelId: string, alert: ChannelAlert): AlertOutcome };
  /**
   * Long poll wait: "The maximum long polling wait time is 20 seconds" (Amazon SQS Developer Guide, "Setting-up long
   * polling in Amazon SQS", https://docs.aws.amazon.com/AWSSimpleQueueService/latest/SQSDeveloperGuide/best-practices-setting-up-long-polling.html).
   */
  waitSeconds?: number;
  /** First wait before reading again after a failure; doubles up to `maxRetryMs`. */
  retryMs?: number;
  maxRetryMs?: number;
  sleep?: (ms: number, signal: AbortSignal) => Promise<void>;
}

/** How many event ids are remembered to drop a second delivery (EventBridge delivers at least once). */
const SEEN_IDS = 2_000;

const abortableSleep = (ms: number, signal: AbortSignal): Promise<void> =>
  new Promise((resolve) => {
    const timer = setTimeout(done, ms);
    timer.unref?.();
    signal.addEventListener('abort', done, { once: true });
    function done(): void {
      clearTimeout(timer);
      signal.removeEventListener('abort', done);
      resolve();
    }
  });

const isMissingQueue = (error: unknown): boolean => {
  const e = error as { name?: string; Code?: string };
  return e?.name === 'QueueDoesNotExist' || e?.Code === 'AWS.SimpleQueueService.NonExistentQueue';
};

/**
 * Reads the booth's EventBridge events from its SQS queue with long polling and applies each channel state change to
 * the tiles at once. Duplicates and out-of-order deliveries are normal (EventBridge: at least once, best effort,
 * unordered): events are deduplicated by id and ordered by event time within a batch; the monitor drops one older
 * than what it already shows. Anything that is not the booth's channel state change is ignored and logged once per
 * kind. While the queue cannot be read, the monitor is told to poll at its usual cadence, and the status says why.
 */
export class ChannelEventReader {
  private readonly seen = new Set<string>();
  private readonly loggedOnce = new Set<string>();
  private queueUrl: string | null = null;
  private abort = new AbortController();
  private running: Promise<void> | null = null;
  private status: StateUpdates;
  private failures = 0;
  /** A read since the last (re)connect succeeded: the next ones may wait; the first answers at once, saying the queue can be read. */
  private verified = false;
  private readonly waitSeconds: number;
  private flow: FlowPushTarget | null = null;
  private readonly sourceAlarms: ReadonlySet<string>;

  constructor(private readonly options: EventReaderOptions) {
    this.waitSeconds = options.waitSeconds ?? 20;
    this.sourceAlarms = new Set(options.sourceAlarms ?? []);
    this.status = {
      mode: 'polling',
      reason: 'Connecting to the event queue…',
      since: options.now(),
      lastEventAt: null,
      pollEveryMs: options.target.steadyIntervalMs,
    };
  }

  current(): StateUpdates {
    return { ...this.status };
  }

  /** The flow monitor exists once the flow feature does: its events then poll it, and it slows while they flow. */
  attachFlow(flow: FlowPushTarget): void {
    this.flow = flow;
    flow.setSourceAlarms(this.sourceAlarms.size > 0);
    flow.setPushing(this.status.mode === 'events');
  }

  start(): void {
    if (this.running) return;
    this.abort = new AbortController();
    this.running = this.loop(this.abort.signal).finally(() => {
      this.running = null;
    });
  }

  async stop(): Promise<void> {
    this.abort.abort();
    await this.running;
    this.options.target.setPushing(false);
    this.flow?.setPushing(false);
  }

  private async loop(signal: AbortSignal): Promise<void> {
    const sleep = this.options.sleep ?? abortableSleep;
    while (!signal.aborted) {
      try {
        await this.readOnce(signal);
        if (this.failures > 0) {
          this.failures = 0;
          // Events sent while the queue could not be read may be lost for this console: read the truth once.
          void this.options.target.refresh();
        }
      } catch (error) {
        if (signal.aborted) return;
        this.failures += 1;
        this.fail(error);
        const base = this.options.retryMs ?? 5_000;
        await sleep(Math.min(base * 2 ** (this.failures - 1), this.options.maxRetryMs ?? 60_000), signal);
      }
    }
  }

  private async readOnce(signal: AbortSignal): Promise<void> {
    const queue = this.options.queue();
    if (queue.name === null) throw new NoQueueError(queue.reason);
    if (!this.queueUrl) {
      const out = await this.options.sqs.send(new GetQueueUrlCommand({ QueueName: queue.name }), {
        abortSignal: signal,
      });
      this.queueUrl = out.QueueUrl ?? null;
      if (!this.queueUrl) throw new NoQueueError('The event queue has no URL.');
    }
    const queueUrl = this.queueUrl;
    const out = await this.options.sqs.send(
      new ReceiveMessageCommand({
        QueueUrl: queueUrl,
        WaitTimeSeconds: this.verified ? this.waitSeconds : 0,
        MaxNumberOfMessages: 10,
      }),
      { abortSignal: signal },
    );
    this.verified = true;
    this.setStatus({ mode: 'events', reason: null });
    const messages = out.Messages ?? [];
    if (messages.length === 0) return;
    this.handle(messages);
    await this.options.sqs
      .send(
        new DeleteMessageBatchCommand({
          QueueUrl: queueUrl,
          Entries: messages.map((m, i) => ({ Id: String(i), ReceiptHandle: m.ReceiptHandle ?? '' })),
        }),
      )
      .catch((error: unknown) => {
        // Not fatal: the messages come back after their visibility timeout, and their ids are already seen.
        this.options.logger.warn('events: could not delete read messages', { message: String(error) });
      });
  }

  private handle(messages: Message[]): void {
    const events: Exclude<ParsedEvent, { kind: 'malformed' | 'other' }>[] = [];
    for (const message of messages) {
      const parsed = parseAwsEvent(message.Body);
      if (parsed.kind === 'malformed') {
        this.once(`malformed:${parsed.reason}`, 'events: ignored a message that is not an AWS event', {
          reason: parsed.reason,
        });
        continue;
      }
      if (parsed.kind === 'other') {
        this.once(`other:${parsed.detailType}`, 'events: ignored an event the console does not use', {
          detailType: parsed.detailType,
        });
        continue;
      }
      events.push(parsed);
    }
    events.sort((a, b) => a.timeMs - b.timeMs);
    let flowChanged = false;
    for (const event of events) {
      if (this.seen.has(event.id)) continue;
      this.remember(event.id);
      if (event.kind === 'flow') {
        flowChanged = this.acceptFlowEvent(event) || flowChanged;
        continue;
      }
      if (event.kind === 'source-alarm') {
        flowChanged = this.acceptSourceAlarm(event) || flowChanged;
        continue;
      }
      const arn = parseChannelArn(event.channelArn);
      if (!arn || this.isForeign(event, arn)) {
        this.once(
          `foreign:${event.account}:${event.channelArn}`,
          'events: ignored an event of another account or region',
          { account: event.account, region: event.region },
        );
        continue;
      }
      if (event.kind === 'channel-alert') this.applyAlert(arn.channelId, event);
      else this.applyState(arn.channelId, event);
    }
    // One poll for a batch of flow events (a failover sends Source Health and Flow Health together).
    if (flowChanged) {
      this.flow?.onFlowEvent();
      this.setStatus({ lastEventAt: this.options.now() });
    }
  }

  private isForeign(event: { account: string; region: string }, arn: { account: string; region: string }): boolean {
    const { region, account } = this.options;
    return (
      arn.region !== region ||
      event.region !== region ||
      (account !== null && (arn.account !== account || event.account !== account))
    );
  }

  private applyState(channelId: string, event: Extract<ParsedEvent, { kind: 'channel-state' }>): void {
    const meaning = meaningOfStateWord(event.word);
    if ('reconcile' in meaning) {
      this.once(`word:${event.word}`, 'events: a state the console does not apply from an event; polling to confirm', {
        state: event.word.slice(0, 64),
        why: meaning.reconcile,
      });
      this.options.target.reconcileSoon();
      return;
    }
    const outcome = this.options.target.applyChannelEvent(channelId, meaning.apply, event.timeMs);
    if (outcome === 'unknown-channel') {
      this.once(`channel:${channelId}`, 'events: ignored an event for a channel that is not one of the booth’s', {
        channelId,
      });
      return;
    }
    if (outcome === 'out-of-sequence') this.options.target.reconcileSoon();
    if (outcome === 'applied') this.setStatus({ lastEventAt: this.options.now() });
    this.options.logger.debug('events: channel state event', { channelId, state: event.word, outcome });
  }

  private applyAlert(channelId: string, event: Extract<ParsedEvent, { kind: 'channel-alert' }>): void {
    const { alarmState: state, alarmId, alertType, message, pipeline } = event;
    const outcome = this.options.alerts?.apply(channelId, { state, alarmId, alertType, message, pipeline }) ?? 'same';
    if (outcome === 'unknown-channel')
      this.once(`channel:${channelId}`, 'events: ignored an event for a channel that is not one of the booth’s', {
        channelId,
      });
    else if (outcome === 'unknown-state')
      this.once(`alarm-state:${event.alarmState}`, 'events: an alert state the console does not know; ignored', {
        state: event.alarmState.slice(0, 64),
      });
    else if (outcome === 'applied') this.setStatus({ lastEventAt: this.options.now() });
    this.options.logger.debug('events: channel alert', { channelId, alarmState: event.alarmState, outcome });
  }

  /** True when the event is the booth's flow's (and so worth a poll). */
  private acceptFlowEvent(event: Extract<ParsedEvent, { kind: 'flow' }>): boolean {
    const arn = parseFlowArn(event.flowArn);
    if (!arn || this.isForeign(event, arn) || !this.flow || event.flowArn !== this.flow.flowArn) {
      this.once(`flow:${event.flowArn}`, 'events: ignored an event of a flow that is not the booth’s', {
        detailType: event.detailType,
      });
      return false;
    }
    this.options.logger.debug('events: flow event', { detailType: event.detailType });
    return true;
  }

  /**
   * True when the alarm is one of the stack's source alarms, in the booth's account and region, and it went into ALARM
   * or out of it: a source's figures moved, which the flow poll right after reads from CloudWatch and shows.
   */
  private acceptSourceAlarm(event: Extract<ParsedEvent, { kind: 'source-alarm' }>): boolean {
    const { region, account } = this.options;
    const booths = event.region === region && (account === null || event.account === account);
    if (!booths || !this.sourceAlarms.has(event.alarmName) || !this.flow) {
      this.once(
        `alarm:${event.account}:${event.alarmName}`,
        'events: ignored an alarm that is not a booth source alarm',
        {
          alarm: event.alarmName.slice(0, 255),
        },
      );
      return false;
    }
    this.options.logger.debug('events: source alarm', { alarm: event.alarmName, state: event.alarmState });
    // Into ALARM, or out of it: a source's figures crossed the degraded line. A new alarm's first verdict
    // (INSUFFICIENT_DATA to OK, at deployment) says nothing about the figures: no poll.
    return event.alarmState === 'ALARM' || event.previousAlarmState === 'ALARM';
  }

  private fail(error: unknown): void {
    this.verified = false;
    let reason: string;
    if (error instanceof NoQueueError) reason = error.message;
    else if (isMissingQueue(error)) {
      this.queueUrl = null;
      reason = 'The event queue does not exist (deleted, or the stack is out of date); polling MediaLive instead.';
    } else {
      const mapped = mapAwsError(error, 'Read the event queue');
      reason =
        mapped.code === 'access-denied'
          ? 'This profile may not read the event queue (sqs:ReceiveMessage refused); polling MediaLive instead.'
          : `The event queue cannot be read (${mapped.message}); polling MediaLive instead.`;
    }
    this.once(`fail:${reason}`, 'events: falling back to polling', { reason });
    this.setStatus({ mode: 'polling', reason: reason.slice(0, 300) });
  }

  private setStatus(patch: Partial<StateUpdates>): void {
    const modeChanged = patch.mode !== undefined && patch.mode !== this.status.mode;
    if (patch.mode !== undefined) {
      this.options.target.setPushing(patch.mode === 'events');
      this.flow?.setPushing(patch.mode === 'events');
    }
    const next: StateUpdates = {
      ...this.status,
      ...patch,
      since: modeChanged ? this.options.now() : this.status.since,
      pollEveryMs: this.options.target.steadyIntervalMs,
    };
    if (JSON.stringify(next) === JSON.stringify(this.status)) return;
    this.status = next;
    this.options.onStatus(this.current());
  }

  private remember(id: string): void {
    this.seen.add(id);
    if (this.seen.size > SEEN_IDS) {
      const oldest = this.seen.values().next().value;
      if (oldest !== undefined) this.seen.delete(oldest);
    }
  }

  private once(key: string, message: string, fields: Record<string, unknown>): void {
    if (this.loggedOnce.has(key)) return;
    this.loggedOnce.add(key);
    this.options.logger.warn(message, fields);
  }
}

class NoQueueError extends Error {}
