import { randomUUID } from 'node:crypto';
import { DescribeChannelCommand, type MediaLiveClient } from '@aws-sdk/client-medialive';
import { GetCommand, UpdateCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { format } from 'date-fns';
import { BoothError } from '../../../shared/domain/errors';
import { mapAwsError } from '../../aws/errors';
import { callAws } from '../../aws/retry';
import type { Logger } from '../logger';

export interface ChannelWriteGuardOptions {
  medialive: MediaLiveClient;
  /** Where leases live: the sessions table, under `channel-lease#<channel id>` (every console may write there). */
  dynamo: DynamoDBDocumentClient;
  table: string | null;
  /** Who holds the lease, as another admin should read it ("admin:booth-profile"). */
  owner: string;
  logger: Logger;
  /** How long a lease lasts if its holder never releases it (crash); an update takes seconds. */
  leaseMs?: number;
  /** How long to wait for a channel still UPDATING from the previous write before giving up. */
  settleTimeoutMs?: number;
  settlePollMs?: number;
  now?: () => number;
  sleep?: (ms: number) => Promise<void>;
}

interface Lease {
  lease_owner?: string;
  lease_until?: number;
}

const isConditionFailure = (error: unknown) =>
  typeof error === 'object' &&
  error !== null &&
  (error as { name?: string }).name === 'ConditionalCheckFailedException';

/**
 * UpdateChannel replaces the whole channel configuration, so two writes that overlap (a preset apply and a stream
 * key change, from one console or two) silently undo each other. Every write goes through here: one at a time per
 * channel within this console, a short lease per channel across consoles (a conditional write in DynamoDB, expiring,
 * released on completion), and the next write starts only once the channel has left UPDATING. The writer re-reads the
 * channel right before writing and checks the result after (see the callers).
 */
export class ChannelWriteGuard {
  private readonly chains = new Map<string, Promise<unknown>>();
  private readonly leaseMs: number;
  private readonly now: () => number;
  private readonly sleep: (ms: number) => Promise<void>;

  constructor(private readonly options: ChannelWriteGuardOptions) {
    this.leaseMs = options.leaseMs ?? 60_000;
    this.now = options.now ?? Date.now;
    this.sleep = options.sleep ?? ((ms) => new Promise((resolve) => setTimeout(resolve, ms)));
  }

  /** Runs `write` alone on this channel: after any earlier write of this console, under the cross-console lease. */
  run<T>(channelId: string, label: string, write: () => Promise<T>): Promise<T> {
    const previous = this.chains.get(channelId) ?? Promise.resolve();
    const mine = previous
      .catch(() => undefined)
      .then(async () => {
        const token = await this.acquire(channelId, label);
        try {
          await this.settled(channelId, label);
          return await write();
        } finally {
          await this.release(channelId, token);
        }
      });
    this.chains.set(channelId, mine);
    void mine
      .catch(() => undefined)
      .finally(() => {
        if (this.chains.get(channelId) === mine) this.chains.delete(channelId);
      });
    return mine;
  }

  private key(channelId: string) {
    return { session_id: `channel-lease#${channelId}` };
  }

  private async acquire(channelId: string, label: string): Promise<string | null> {
    const { dynamo, table, owner } = this.options;
    if (!table) return null;
    const token = randomUUID();
    const now = this.now();
    try {
      await dynamo.send(
        new UpdateCommand({
          TableName: table,
          Key: this.key(channelId),
          UpdateExpression:
            'SET kind = :kind, channel_id = :channel, lease_owner = :owner, lease_token = :token, lease_until = :until',
          ConditionExpression: 'attribute_not_exists(lease_until) OR lease_until < :now',
          ExpressionAttributeValues: {
            ':kind': 'channel-lease',
            ':channel': channelId,
            ':owner': owner,
            ':token': token,
            ':until': now + this.leaseMs,
            ':now': now,
          },
        }),
      );
      return token;
    } catch (error) {
      if (!isConditionFailure(error)) throw mapAwsError(error, `Reserve ${label} for a change`);
      const held = await dynamo
        .send(new GetCommand({ TableName: table, Key: this.key(channelId), ConsistentRead: true }))
        .then((out) => (out.Item ?? {}) as Lease)
        .catch((): Lease => ({}));
      const until = held.lease_until ? ` (until ${format(held.lease_until, 'HH:mm:ss')} at the latest)` : '';
      throw new BoothError(
        'conflict',
        `${label} is being changed by ${held.lease_owner ?? 'another console'} right now${until}; nothing was written. Try again in a moment.`,
      );
    }
  }

  private async release(channelId: string, token: string | null): Promise<void> {
    const { dynamo, table, logger } = this.options;
    if (!table || !token) return;
    try {
      await dynamo.send(
        new UpdateCommand({
          TableName: table,
          Key: this.key(channelId),
          UpdateExpression: 'SET lease_until = :zero',
          ConditionExpression: 'lease_token = :token',
          ExpressionAttributeValues: { ':zero': 0, ':token': token },
        }),
      );
    } catch (error) {
      // The lease expires on its own; another console may already hold a new one (then the condition fails).
      logger.warn('channels: could not release a channel lease', { channelId, message: String(error) });
    }
  }

  /** Waits while the channel is still UPDATING from a previous write (UpdateChannel needs IDLE). */
  private async settled(channelId: string, label: string): Promise<void> {
    const deadline = this.now() + (this.options.settleTimeoutMs ?? 30_000);
    for (;;) {
      const channel = await callAws(`Read ${label}`, () =>
        this.options.medialive.send(new DescribeChannelCommand({ ChannelId: channelId })),
      );
      if (channel.State !== 'UPDATING') return;
      if (this.now() > deadline)
        throw new BoothError('invalid-state', `${label} is still applying an earlier change; try again in a minute.`);
      await this.sleep(this.options.settlePollMs ?? 500);
    }
  }
}
