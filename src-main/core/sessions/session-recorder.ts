import { randomUUID } from 'node:crypto';
import { GetCommand, PutCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { BILLING_STATES, ON_AIR_STATES } from '../../../shared/domain/channel';
import type { CostSnapshot } from '../../../shared/domain/cost';
import type { DestinationStatus } from '../../../shared/domain/destination';
import type { Notification } from '../../../shared/domain/notification';
import type { ShowTimeline } from '../../../shared/domain/show-time';
import { mapAwsError } from '../../aws/errors';
import type { Logger } from '../logger';
import { SessionIncidents } from './session-incidents';
import { showTimeline, type TimedRun } from './show-timeline';

interface Run extends TimedRun {
  name: string;
}

/** A session record as another run of a console wrote it (only what continuing it needs; the rest is kept). */
export interface StoredSession {
  session_id: string;
  started_at: string;
  ended_at: string | null;
  updated_at: string;
  console_name?: string;
  runs: Run[];
  events: Array<{ at: string; level: string; title: string; destination_id: string | null }>;
  cost_usd?: { total: number; flow: number };
  restarts?: string[];
  /** When the operator last pressed End all in this show. */
  end_all_at?: string | null;
}

/** A record not written for this long belongs to a console that is no longer running (they write every minute). */
export const SESSION_STALE_AFTER_MS = 3 * 60_000;

/**
 * What to do with the session record the live channels name (their `lunora:session` tag): continue it when the
 * console that wrote it is gone (it closed, or has not written for three minutes), or run alongside it when that
 * console is still writing it (a second console on the same show).
 */
export function sessionDecision(
  record: StoredSession | null,
  now: number,
): { kind: 'continue'; record: StoredSession } | { kind: 'alongside'; sessionId: string } | { kind: 'new' } {
  if (!record) return { kind: 'new' };
  const updated = Date.parse(record.updated_at);
  const alive = record.ended_at === null && Number.isFinite(updated) && now - updated < SESSION_STALE_AFTER_MS;
  return alive ? { kind: 'alongside', sessionId: record.session_id } : { kind: 'continue', record };
}

/** DynamoDB items stop at 400 KB; the show's event log keeps its latest entries. */
const MAX_EVENTS = 300;

/**
 * The streaming-sessions record of one console session: who ran it, what went live when and for
 * how long, what it cost, and the events of the show. Written whole (one item per session) every
 * minute and when the console closes; a failed write is logged and retried at the next flush.
 */
export class SessionRecorder {
  private id: string = randomUUID();
  /** The incident log of the session, written with the record. */
  readonly incidents = new SessionIncidents();
  private startedAt: string;
  private runs: Run[] = [];
  private readonly open = new Map<string, Run>();
  private events: Array<{ at: string; level: string; title: string; destination_id: string | null }> = [];
  /** When a console restarted mid-show and continued this record. */
  private restarts: string[] = [];
  /** The record a console still running writes for the same show, when this console joined it. */
  private alongside: string | null = null;
  /** The last End all of the show (epoch ms). */
  private endAllAt: number | null = null;

  constructor(
    private readonly dynamo: DynamoDBDocumentClient,
    private readonly tableName: string | null,
    private readonly who: string,
    private readonly logger: Logger,
    private readonly now: () => number = Date.now,
    private readonly consoleName: string = '',
  ) {
    this.startedAt = new Date(now()).toISOString();
  }

  get sessionId(): string {
    return this.id;
  }

  /** Reads a session record by id; null when there is none or the table cannot be read (logged). */
  async read(sessionId: string): Promise<StoredSession | null> {
    if (!this.tableName) return null;
    try {
      const out = await this.dynamo.send(new GetCommand({ TableName: this.tableName, Key: { session_id: sessionId } }));
      return (out.Item as StoredSession | undefined) ?? null;
    } catch (error) {
      this.logger.warn('sessions: could not read the session record of the live channels', {
        message: mapAwsError(error, 'Read the session').message,
      });
      return null;
    }
  }

  /**
   * Carries on the record of the show a previous run of a console left (the console restarted mid-show): same
   * session id, start, runs and events, open again; the restart is noted in its events.
   */
  resume(record: StoredSession): void {
    this.id = record.session_id;
    this.startedAt = record.started_at;
    this.runs = record.runs.map((run) => ({ ...run }));
    this.open.clear();
    for (const run of this.runs) if (run.ended_at === null) this.open.set(run.destination_id, run);
    this.events = [...record.events];
    const endAll = record.end_all_at ? Date.parse(record.end_all_at) : Number.NaN;
    this.endAllAt = Number.isFinite(endAll) ? endAll : null;
    const at = new Date(this.now()).toISOString();
    this.restarts = [...(record.restarts ?? []), at];
    this.events.push({
      at,
      level: 'info',
      title: `Console restarted mid-show; ${this.consoleName || this.who} continues this session`,
      destination_id: null,
    });
  }

  /** Another console still writes the show's record: this one keeps its own, naming that one. */
  runAlongside(sessionId: string): void {
    this.alongside = sessionId;
  }

  /**
   * Follows the runs and their time on air; true when one opened, went on or off air, or closed (worth writing at
   * once: a restart then finds it).
   */
  observe(statuses: Iterable<DestinationStatus>): boolean {
    const at = new Date(this.now()).toISOString();
    let changed = false;
    for (const status of statuses) {
      if (status.state === 'UNKNOWN') continue;
      let run = this.open.get(status.id);
      const billing = BILLING_STATES.has(status.state);
      const onAir = ON_AIR_STATES.has(status.state);
      if (billing && !run) {
        run = { destination_id: status.id, name: status.name, started_at: at, ended_at: null };
        this.open.set(status.id, run);
        this.runs.push(run);
        changed = true;
      }
      if (!run) continue;
      if (onAir && !run.on_air_at) {
        // On air since AWS said so (the channel's own record of it), not since this console saw it.
        run.on_air_at = status.runningSince !== null ? new Date(status.runningSince).toISOString() : at;
        changed = true;
      } else if (!onAir && run.on_air_at && !run.off_air_at) {
        run.off_air_at = at;
        changed = true;
      }
      if (!billing) {
        run.ended_at = at;
        this.open.delete(status.id);
        changed = true;
      }
    }
    return changed;
  }

  /** The operator ended the show: it is over once nothing is on air (channels may still be stopping). */
  markEndAll(): void {
    this.endAllAt = this.now();
  }

  /** The show so far: first take, end, time on air (in total and per destination). */
  timeline(): ShowTimeline {
    return showTimeline(this.runs, this.endAllAt);
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
            console_name: this.consoleName,
            restarts: this.restarts,
            alongside_session: this.alongside,
            end_all_at: this.endAllAt === null ? null : new Date(this.endAllAt).toISOString(),
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
