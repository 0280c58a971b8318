import { randomUUID } from 'node:crypto';
import { PutCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { BILLING_STATES } from '../../../shared/domain/channel';
import type { CostSnapshot } from '../../../shared/domain/cost';
import type { DestinationStatus } from '../../../shared/domain/destination';
import type { Notification } from '../../../shared/domain/notification';
import { mapAwsError } from '../../aws/errors';
import type { Logger } from '../logger';
import { SessionIncidents } from './session-incidents';

interface Run {
  destination_id: string;
  name: string;
  started_at: string;
  ended_at: string | null;
}

/** DynamoDB items stop at 400 KB; the show's event log keeps its latest entries. */
const MAX_EVENTS = 300;

/**
 * The streaming-sessions record of one console session: who ran it, what went live when and for
 * how long, what it cost, and the events of the show. Written whole (one item per session) every
 * minute and when the console closes; a failed write is logged and retried at the next flush.
 */
export class SessionRecorder {
  readonly sessionId = randomUUID();
  /** The incident log of the session, written with the record. */
  readonly incidents = new SessionIncidents();
  private readonly startedAt: string;
  private readonly runs: Run[] = [];
  private readonly open = new Map<string, Run>();
  private readonly events: Array<{ at: string; level: string; title: string; destination_id: string | null }> = [];

  constructor(
    private readonly dynamo: DynamoDBDocumentClient,
    private readonly tableName: string | null,
    private readonly who: string,
    private readonly logger: Logger,
    private readonly now: () => number = Date.now,
  ) {
    this.startedAt = new Date(now()).toISOString();
  }

  observe(statuses: Iterable<DestinationStatus>): void {
    const at = new Date(this.now()).toISOString();
    for (const status of statuses) {
      if (status.state === 'UNKNOWN') continue;
      const run = this.open.get(status.id);
      const billing = BILLING_STATES.has(status.state);
      if (billing && !run) {
        const started: Run = { destination_id: status.id, name: status.name, started_at: at, ended_at: null };
        this.open.set(status.id, started);
        this.runs.push(started);
      } else if (!billing && run) {
        run.ended_at = at;
        this.open.delete(status.id);
      }
    }
  }

  note(notification: Notification): void {
    this.events.push({
      at: new Date(notification.at).toISOString(),
      level: notification.level,
      title: notification.title,
      destination_id: notification.destinationId,
    });
    if (this.events.length > MAX_EVENTS) this.events.splice(0, this.events.length - MAX_EVENTS);
  }

  /** Writes the session as it stands; `ended` marks the console closing. Never throws. */
  async flush(costs: CostSnapshot, ended = false): Promise<boolean> {
    if (!this.tableName) return false;
    const usdOf = new Map(costs.destinations.map((d) => [d.id, d.usd]));
    try {
      await this.dynamo.send(
        new PutCommand({
          TableName: this.tableName,
          Item: {
            session_id: this.sessionId,
            started_at: this.startedAt,
            ended_at: ended ? new Date(this.now()).toISOString() : null,
            console: this.who,
            runs: this.runs,
            cost_usd: { total: costs.totalUsd, flow: costs.flowUsd, by_destination: Object.fromEntries(usdOf) },
            events: this.events,
            incidents: this.incidents.items(),
            updated_at: new Date(this.now()).toISOString(),
          },
        }),
      );
      return true;
    } catch (error) {
      this.logger.warn('sessions: could not write the session record', {
        message: mapAwsError(error, 'Record the session').message,
      });
      return false;
    }
  }
}
