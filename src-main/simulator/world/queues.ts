import { createHash, randomUUID } from 'node:crypto';
import { AwsError } from '../errors';
import type { TimerHandle } from '../../core/clock';
import type { TimerRegistry } from '../timers';

/**
 * Amazon SQS standard queues, as far as an event reader needs them.
 *
 * - Long polling: "When the wait time for the ReceiveMessage API action is greater than 0, long polling is in effect.
 *   The maximum long polling wait time is 20 seconds." (Amazon SQS Developer Guide, "Setting-up long polling in Amazon
 *   SQS", https://docs.aws.amazon.com/AWSSimpleQueueService/latest/SQSDeveloperGuide/best-practices-setting-up-long-polling.html)
 * - Visibility timeout: a received message is hidden from further receives for the visibility timeout (the queue's,
 *   30 s by default, or the request's), then visible again unless deleted; 0 to 43200 s (SQS API Reference,
 *   ReceiveMessage `VisibilityTimeout`, ChangeMessageVisibility, https://docs.aws.amazon.com/AWSSimpleQueueService/latest/APIReference/API_ReceiveMessage.html).
 * - A missing queue is `QueueDoesNotExist` (query code `AWS.SimpleQueueService.NonExistentQueue`), "The specified
 *   queue does not exist." (SQS Developer Guide, "Interpreting Amazon SQS JSON API responses",
 *   https://docs.aws.amazon.com/AWSSimpleQueueService/latest/SQSDeveloperGuide/sqs-json-api-responses.html)
 */
export interface SqsMessage {
  id: string;
  body: string;
  md5: string;
  sentAt: number;
  visibleAt: number;
  receiveCount: number;
  firstReceivedAt: number | null;
  receiptHandle: string | null;
}

interface Queue {
  name: string;
  arn: string;
  createdAt: number;
  visibilityTimeoutS: number;
  retentionS: number;
  receiveWaitS: number;
  messages: SqsMessage[];
  waiters: Set<() => void>;
}

const NON_EXISTENT_QUEUE = 'AWS.SimpleQueueService.NonExistentQueue';

const noQueue = () => new AwsError(NON_EXISTENT_QUEUE, 400, 'The specified queue does not exist.');

export interface ReceivedMessage {
  MessageId: string;
  ReceiptHandle: string;
  MD5OfBody: string;
  Body: string;
  Attributes?: Record<string, string>;
}

export class QueueWorld {
  private readonly queues = new Map<string, Queue>();

  constructor(private readonly deps: { timers: TimerRegistry; now: () => number; region: string; accountId: string }) {}

  names(): string[] {
    return [...this.queues.keys()];
  }

  has(name: string): boolean {
    return this.queues.has(name);
  }

  /** CreateQueue: idempotent for an existing name (same attributes assumed). */
  create(name: string, attributes: Record<string, string> = {}): string {
    // Queue names: up to 80 characters, alphanumerics, hyphens and underscores (SQS API Reference, CreateQueue).
    if (!/^[A-Za-z0-9_-]{1,80}$/.test(name))
      throw new AwsError('InvalidParameterValue', 400, `Invalid queue name ${name}`);
    if (!this.queues.has(name)) {
      this.queues.set(name, {
        name,
        arn: `arn:aws:sqs:${this.deps.region}:${this.deps.accountId}:${name}`,
        createdAt: this.deps.now(),
        visibilityTimeoutS: intAttr(attributes, 'VisibilityTimeout', 30, 0, 43_200),
        retentionS: intAttr(attributes, 'MessageRetentionPeriod', 345_600, 60, 1_209_600),
        receiveWaitS: intAttr(attributes, 'ReceiveMessageWaitTimeSeconds', 0, 0, 20),
        messages: [],
        waiters: new Set(),
      });
    }
    return name;
  }

  delete(name: string): void {
    const q = this.get(name);
    this.queues.delete(name);
    for (const wake of q.waiters) wake();
  }

  send(name: string, body: string): string | null {
    const q = this.queues.get(name);
    if (!q) return null;
    const now = this.deps.now();
    const id = randomUUID();
    q.messages.push({
      id,
      body,
      md5: createHash('md5').update(body, 'utf8').digest('hex'),
      sentAt: now,
      visibleAt: now,
      receiveCount: 0,
      firstReceivedAt: null,
      receiptHandle: null,
    });
    for (const wake of [...q.waiters]) wake();
    return id;
  }

  attributes(name: string): Record<string, string> {
    const q = this.get(name);
    this.expire(q);
    const now = this.deps.now();
    return {
      QueueArn: q.arn,
      ApproximateNumberOfMessages: String(q.messages.filter((m) => m.visibleAt <= now).length),
      ApproximateNumberOfMessagesNotVisible: String(q.messages.filter((m) => m.visibleAt > now).length),
      VisibilityTimeout: String(q.visibilityTimeoutS),
      MessageRetentionPeriod: String(q.retentionS),
      ReceiveMessageWaitTimeSeconds: String(q.receiveWaitS),
      CreatedTimestamp: String(Math.floor(q.createdAt / 1000)),
    };
  }

  /** Throws QueueDoesNotExist for a queue that is not (or no longer) there. */
  check(name: string): void {
    this.get(name);
  }

  /**
   * ReceiveMessage: up to `max` visible messages at once; with none and a wait, resolves as soon as one arrives or
   * the wait ends (long polling). A queue deleted while the request waits answers QueueDoesNotExist.
   */
  async receive(
    name: string,
    opts: { max: number; waitS: number | undefined; visibilityS: number | undefined },
  ): Promise<ReceivedMessage[]> {
    const q = this.get(name);
    const waitS = opts.waitS ?? q.receiveWaitS;
    const first = this.take(q, opts);
    if (first.length > 0 || waitS <= 0) return first;
    await new Promise<void>((resolve) => {
      let timer: TimerHandle | null = null;
      const wake = (): void => {
        q.waiters.delete(wake);
        this.deps.timers.clearTimeout(timer);
        resolve();
      };
      q.waiters.add(wake);
      timer = this.deps.timers.setTimeout(wake, waitS * 1000);
    });
    if (this.queues.get(name) !== q) throw noQueue();
    return this.take(q, opts);
  }

  /** DeleteMessage: a receipt handle that is no longer current is accepted and does nothing, as in a standard queue. */
  deleteMessage(name: string, receiptHandle: string): void {
    const q = this.get(name);
    if (!receiptHandle) throw new AwsError('ReceiptHandleIsInvalid', 400, 'The input receipt handle is invalid.');
    q.messages = q.messages.filter((m) => m.receiptHandle !== receiptHandle);
  }

  private take(q: Queue, opts: { max: number; visibilityS: number | undefined }): ReceivedMessage[] {
    this.expire(q);
    const now = this.deps.now();
    const visibilityS = opts.visibilityS ?? q.visibilityTimeoutS;
    const out: ReceivedMessage[] = [];
    for (const m of q.messages) {
      if (out.length >= opts.max) break;
      if (m.visibleAt > now) continue;
      m.receiveCount += 1;
      m.firstReceivedAt ??= now;
      m.receiptHandle = randomUUID();
      m.visibleAt = now + visibilityS * 1000;
      out.push({
        MessageId: m.id,
        ReceiptHandle: m.receiptHandle,
        MD5OfBody: m.md5,
        Body: m.body,
        Attributes: {
          SentTimestamp: String(m.sentAt),
          ApproximateReceiveCount: String(m.receiveCount),
          ApproximateFirstReceiveTimestamp: String(m.firstReceivedAt),
        },
      });
    }
    return out;
  }

  /** Messages older than the retention period are gone (MessageRetentionPeriod, 60 s to 14 days). */
  private expire(q: Queue): void {
    const cutoff = this.deps.now() - q.retentionS * 1000;
    if (q.messages.some((m) => m.sentAt < cutoff)) q.messages = q.messages.filter((m) => m.sentAt >= cutoff);
  }

  private get(name: string): Queue {
    const q = this.queues.get(name);
    if (!q) throw noQueue();
    return q;
  }
}

function intAttr(attributes: Record<string, string>, key: string, fallback: number, min: number, max: number): number {
  const raw = attributes[key];
  if (raw === undefined) return fallback;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < min || n > max)
    throw new AwsError('InvalidAttributeValue', 400, `Invalid value for the parameter ${key}.`);
  return n;
}
