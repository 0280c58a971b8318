import { randomUUID } from 'node:crypto';
import { UpdateCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { Logger } from '../logger';

export interface EventSeatOptions {
  dynamo: DynamoDBDocumentClient;
  /** The sessions table (every console may write there); null: no lease, the first queue is taken. */
  table: string | null;
  /** The stack's seat queues, in order. */
  queues: string[];
  /** Who holds a seat, as another console's log should read it. */
  owner: string;
  logger: Logger;
  now: () => number;
  /** A seat a crashed console held is free again after this. */
  leaseMs?: number;
  renewEveryMs?: number;
}

export type SeatChoice = { name: string } | { name: null; reason: string };

const isConditionFailure = (error: unknown) =>
  (error as { name?: string } | null)?.name === 'ConditionalCheckFailedException';

/**
 * One SQS queue per console seat, each a target of the stack's rule, so every running console sees every event: two
 * consoles reading one queue would split its messages between them. A console takes the first free seat with a short
 * lease in the sessions table (`event-seat#<queue>`, a conditional write), renews it while it runs and gives it back
 * when it stops; a crashed console's seat frees itself when the lease runs out. Nothing is created at run time, so
 * nothing is left behind.
 */
export class EventSeat {
  private readonly token = randomUUID();
  private seat: string | null = null;
  private reason = 'No event seat taken yet.';
  private timer: ReturnType<typeof setInterval> | null = null;
  private readonly leaseMs: number;

  constructor(private readonly options: EventSeatOptions) {
    this.leaseMs = options.leaseMs ?? 150_000;
  }

  choice(): SeatChoice {
    return this.seat ? { name: this.seat } : { name: null, reason: this.reason };
  }

  /** Takes (or keeps) a seat; returns what it holds now. */
  async take(): Promise<SeatChoice> {
    const { queues, table } = this.options;
    if (queues.length === 0) {
      this.reason = 'The stack has no event queue (deploy cloudformation/events.yaml); polling MediaLive instead.';
      return this.choice();
    }
    if (!table) {
      this.seat = queues[0] ?? null;
      return this.choice();
    }
    const order = this.seat ? [this.seat, ...queues.filter((q) => q !== this.seat)] : queues;
    for (const queue of order) {
      try {
        await this.lease(table, queue);
        this.seat = queue;
        return this.choice();
      } catch (error) {
        if (!isConditionFailure(error)) {
          this.seat = null;
          this.reason =
            'The event seats cannot be reserved (the sessions table does not answer); polling MediaLive instead.';
          this.options.logger.warn('events: seat lease failed', { message: String(error) });
          return this.choice();
        }
      }
    }
    this.seat = null;
    this.reason = `Every event seat (${queues.length}) is in use by another console of this booth; polling MediaLive instead.`;
    return this.choice();
  }

  /** Renews the seat while the console runs (and looks for one again when it has none). */
  startRenewing(): void {
    if (this.timer) return;
    this.timer = setInterval(() => void this.take(), this.options.renewEveryMs ?? 60_000);
    this.timer.unref?.();
  }

  async release(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    const { table } = this.options;
    const seat = this.seat;
    this.seat = null;
    if (!table || !seat) return;
    await this.options.dynamo
      .send(
        new UpdateCommand({
          TableName: table,
          Key: { session_id: `event-seat#${seat}` },
          UpdateExpression: 'SET lease_until = :zero',
          ConditionExpression: 'lease_token = :token',
          ExpressionAttributeValues: { ':zero': 0, ':token': this.token },
        }),
      )
      .catch(() => undefined);
  }

  private async lease(table: string, queue: string): Promise<void> {
    const now = this.options.now();
    await this.options.dynamo.send(
      new UpdateCommand({
        TableName: table,
        Key: { session_id: `event-seat#${queue}` },
        UpdateExpression: 'SET kind = :kind, lease_owner = :owner, lease_token = :token, lease_until = :until',
        ConditionExpression: 'attribute_not_exists(lease_until) OR lease_until < :now OR lease_token = :token',
        ExpressionAttributeValues: {
          ':kind': 'event-seat',
          ':owner': this.options.owner,
          ':token': this.token,
          ':until': now + this.leaseMs,
          ':now': now,
        },
      }),
    );
  }
}
