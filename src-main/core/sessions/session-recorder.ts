import { randomUUID } from 'node:crypto';
import { BatchWriteCommand, PutCommand, UpdateCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { BILLING_STATES, ON_AIR_STATES } from '../../../shared/domain/channel';
import type { CostSnapshot } from '../../../shared/domain/cost';
import type { DestinationStatus } from '../../../shared/domain/destination';
import type { Notification } from '../../../shared/domain/notification';
import type { ShowTimeline } from '../../../shared/domain/show-time';
import { mapAwsError } from '../../aws/errors';
import type { Logger } from '../logger';
import { SessionIncidents } from './session-incidents';
import { eventKeys, headerKeys, incidentKeys, SHOW_LAYOUT_VERSION, takeKeys } from './show-items';
import { readShowTakes, type StoredShowForResume } from './show-store';
import { airKind, spansOf, standbyMsByDestination } from './air-kind';
import { showTimeline, type AirSpan, type InputUnconfirmedSpan, type TimedRun } from './show-timeline';

interface Take extends TimedRun {
  destination_id: string;
  name: string;
  started_at: string;
  ended_at: string | null;
  on_air_at: string | null;
  off_air_at: string | null;
  /** On the slate (standby) or on air, span by span: a warm run goes on and off air without stopping. */
  spans: AirSpan[];
  /** First seen running before its input was read: that time, counted neither on air nor in standby. */
  input_unconfirmed: InputUnconfirmedSpan | null;
  by_console: string;
  by_operator: string | null;
  /** Written as it is now (false: new, or its end not written yet). */
  written: boolean;
  /** In the table at all (its first write succeeded). */
  stored: boolean;
  /** Its times on air changed since it was stored. */
  timesChanged: boolean;
}

interface EventRow {
  /** Unique within the show (this console's writer id and a counter), so a retried write puts the same item. */
  key: string;
  at: string;
  level: string;
  title: string;
  destination_id: string | null;
}

/** A session record as another run of a console wrote it (only what continuing it needs). */
export type StoredSession = StoredShowForResume;

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

/** Events and incidents waiting for DynamoDB are kept up to this many while it cannot be written (then the oldest go). */
const MAX_PENDING = 5_000;
/** BatchWriteItem takes at most 25 put or delete requests (Amazon DynamoDB API Reference, BatchWriteItem). */
const BATCH = 25;

const TAKE_WRITES_AT_ONCE = 8;

const isConditionFailure = (error: unknown) => (error as { name?: string }).name === 'ConditionalCheckFailedException';

export interface SessionRecorderOptions {
  now?: () => number;
  /** The name this console writes on the channels it starts. */
  consoleName?: string;
  /** The person behind the credentials, recorded on the takes this console sees start without an on-air record. */
  operator?: string | null;
  /** What the destination's running channel bills per hour ($): the standby share of the session's cost. */
  ratePerHour?: (destinationId: string) => number;
}

/**
 * The streaming-sessions record of one console session: who ran it, what went live when and for how long, what it
 * cost, and the events and incidents of the show. Each take, event and incident is an item of its own under the show
 * (see show-items.ts), written once when new or changed; the show's header (a few hundred bytes) is rewritten every
 * minute and when the console closes. A failed write is logged and retried at the next flush.
 */
export class SessionRecorder {
  private id: string = randomUUID();
  /** The incident log of the session, written with the record. */
  readonly incidents = new SessionIncidents();
  private startedAt: string;
  /** Takes not yet written as they are now (ended and written ones leave: the header keeps their count). */
  private readonly takes: Take[] = [];
  /** Every take of the show with its times on air, for the show's timeline (a few strings a take). */
  private readonly timedRuns: TimedRun[] = [];
  /** The last End all of the show (epoch ms). */
  private endAllAt: number | null = null;
  private readonly open = new Map<string, Take>();
  private readonly names = new Map<string, string>();
  private pendingEvents: EventRow[] = [];
  private eventSeq = 0;
  private droppedEvents = 0;
  private takesCount = 0;
  /** When a console restarted mid-show and continued this record. */
  private restarts: string[] = [];
  /** The record a console still running writes for the same show, when this console joined it. */
  private alongside: string | null = null;
  /** Who writes the header: another console continuing the show takes it over only once this one stopped. */
  private readonly writer = randomUUID();
  /** The record being continued was written by an earlier version as one item: its inline lists are removed. */
  private dropInline = false;
  private flushing: Promise<boolean> = Promise.resolve(true);
  private readonly now: () => number;
  private readonly consoleName: string;
  private readonly operator: string | null;
  private readonly ratePerHour: (destinationId: string) => number;
  private warnedTakenOver = false;

  constructor(
    private readonly dynamo: DynamoDBDocumentClient,
    private readonly tableName: string | null,
    private readonly who: string,
    private readonly logger: Logger,
    options: SessionRecorderOptions = {},
  ) {
    this.now = options.now ?? Date.now;
    this.consoleName = options.consoleName ?? '';
    this.operator = options.operator ?? null;
    this.ratePerHour = options.ratePerHour ?? (() => 0);
    this.startedAt = new Date(this.now()).toISOString();
  }

  get sessionId(): string {
    return this.id;
  }

  /** Reads a session record and its takes by id; null when there is none or the table cannot be read (logged). */
  async read(sessionId: string): Promise<StoredSession | null> {
    if (!this.tableName) return null;
    try {
      return await readShowTakes(this.dynamo, this.tableName, sessionId);
    } catch (error) {
      this.logger.warn('sessions: could not read the session record of the live channels', {
        message: mapAwsError(error, 'Read the session').message,
      });
      return null;
    }
  }

  /**
   * Carries on the record of the show a previous run of a console left (the console restarted mid-show): same
   * session id, start and takes, open again; the restart is noted in its events.
   */
  resume(record: StoredSession): void {
    this.id = record.session_id;
    this.startedAt = record.started_at;
    this.takes.length = 0;
    this.timedRuns.length = 0;
    this.open.clear();
    for (const run of record.runs) {
      const take: Take = {
        destination_id: run.destination_id,
        name: run.name,
        started_at: run.started_at,
        ended_at: run.ended_at,
        on_air_at: run.on_air_at ?? null,
        off_air_at: run.off_air_at ?? null,
        spans: spansOf(run),
        input_unconfirmed: run.input_unconfirmed ? { ...run.input_unconfirmed } : null,
        by_console: run.by_console ?? '',
        by_operator: run.by_operator ?? null,
        // Takes of an earlier version's single item are not items yet: written as such at the next flush.
        written: !record.legacy,
        stored: !record.legacy,
        timesChanged: false,
      };
      this.takes.push(take);
      this.timedRuns.push(take);
      this.names.set(take.destination_id, take.name);
      if (take.ended_at === null) this.open.set(take.destination_id, take);
    }
    const endAll = record.end_all_at ? Date.parse(record.end_all_at) : Number.NaN;
    this.endAllAt = Number.isFinite(endAll) ? endAll : null;
    this.takesCount = record.runs.length;
    this.dropInline = record.legacy;
    this.pendingEvents = record.legacy ? record.events.map((e) => this.eventRow(e)) : [];
    if (record.legacy) for (const incident of record.incidents) this.incidents.restore(incident);
    else this.incidents.carryOver(record.incidents_count);
    const at = new Date(this.now()).toISOString();
    this.restarts = [...(record.restarts ?? []), at];
    this.pendingEvents.push(
      this.eventRow({
        at,
        level: 'info',
        title: `Console restarted mid-show; ${this.consoleName || this.who} continues this session`,
        destination_id: null,
      }),
    );
  }

  /** Another console still writes the show's record: this one keeps its own, naming that one. */
  runAlongside(sessionId: string): void {
    this.alongside = sessionId;
  }

  /**
   * Follows the takes and their time on air; true when one opened, went on or off air, or closed (worth writing at
   * once: a restart then finds it).
   */
  observe(statuses: Iterable<DestinationStatus>): boolean {
    const at = new Date(this.now()).toISOString();
    let changed = false;
    for (const status of statuses) {
      if (status.state === 'UNKNOWN') continue;
      let take = this.open.get(status.id);
      const billing = BILLING_STATES.has(status.state);
      if (billing && !take) {
        take = {
          destination_id: status.id,
          name: status.name,
          started_at: at,
          ended_at: null,
          on_air_at: null,
          off_air_at: null,
          spans: [],
          input_unconfirmed: null,
          by_console: status.startedBy?.console ?? this.consoleName,
          by_operator: status.startedBy?.operator ?? this.operator,
          written: false,
          stored: false,
          timesChanged: false,
        };
        this.open.set(status.id, take);
        this.takes.push(take);
        this.timedRuns.push(take);
        this.names.set(status.id, status.name);
        this.takesCount += 1;
        changed = true;
      }
      if (!take) continue;
      if (this.followSpans(take, status, at)) {
        take.timesChanged = true;
        this.rewrite(take);
        changed = true;
      }
      if (!billing) {
        take.ended_at = at;
        this.rewrite(take);
        this.open.delete(status.id);
        changed = true;
      }
    }
    return changed;
  }

  /**
   * Opens or closes the take's span as the destination is seen running on its slate (standby), on air, or neither;
   * true when a span changed. on_air_at / off_air_at stay the first time on air and the last time off it.
   */
  private followSpans(take: Take, status: DestinationStatus, at: string): boolean {
    const open = take.spans.at(-1)?.to === null ? take.spans.at(-1)! : null;
    const kind = airKind(status, open?.kind ?? null);
    const unread = this.followUnread(take, status, kind, open !== null, at);
    if (kind === (open?.kind ?? null)) return unread;
    // On air since AWS said so (the channel's own record of it) when this is the run's first span, not since seen;
    // after an unconfirmed input, since the read that confirmed it (what it ingested before then is not known).
    const from =
      kind !== null && take.spans.length === 0 && status.runningSince !== null && take.input_unconfirmed === null
        ? new Date(status.runningSince).toISOString()
        : at;
    if (open) open.to = from < open.from ? open.from : from;
    if (open?.kind === 'on_air') take.off_air_at = open.to;
    if (kind !== null) take.spans.push({ kind, from, to: null });
    if (kind === 'on_air') {
      take.on_air_at ??= from;
      take.off_air_at = null;
    }
    return true;
  }

  /**
   * The run's time running with its input not read yet: opened when it is first seen so with no span open (from when
   * AWS says it has been running), closed by the read that says which input, or when it stops running. True when it
   * changed.
   */
  private followUnread(
    take: Take,
    status: DestinationStatus,
    kind: AirSpan['kind'] | null,
    spanOpen: boolean,
    at: string,
  ): boolean {
    const unconfirmed = take.input_unconfirmed;
    if (unconfirmed === null) {
      if (spanOpen || take.spans.length > 0 || kind !== null || status.warm?.phase !== 'INPUT_UNCONFIRMED')
        return false;
      take.input_unconfirmed = {
        from: status.runningSince !== null ? new Date(status.runningSince).toISOString() : at,
        to: null,
      };
      return true;
    }
    if (unconfirmed.to !== null || (kind === null && ON_AIR_STATES.has(status.state))) return false;
    unconfirmed.to = at < unconfirmed.from ? unconfirmed.from : at;
    return true;
  }

  /** A take changed after it was written: it goes back on the list to write. */
  private rewrite(take: Take): void {
    take.written = false;
    if (!this.takes.includes(take)) this.takes.push(take);
  }

  /** The operator ended the show: it is over once nothing is on air (channels may still be stopping). */
  markEndAll(): void {
    this.endAllAt = this.now();
  }

  /** The show so far: first take, end, time on air and in standby (in total and per destination). */
  timeline(): ShowTimeline {
    return showTimeline(this.timedRuns, this.endAllAt);
  }

  note(notification: Notification): void {
    this.pendingEvents.push(
      this.eventRow({
        at: new Date(notification.at).toISOString(),
        level: notification.level,
        title: notification.title,
        destination_id: notification.destinationId,
      }),
    );
    if (this.pendingEvents.length > MAX_PENDING) {
      this.droppedEvents += this.pendingEvents.length - MAX_PENDING;
      this.pendingEvents.splice(0, this.pendingEvents.length - MAX_PENDING);
    }
  }

  private eventRow(event: Omit<EventRow, 'key'>): EventRow {
    this.eventSeq += 1;
    return { key: `${this.writer.slice(0, 8)}-${String(this.eventSeq).padStart(7, '0')}`, ...event };
  }

  /**
   * Writes what changed since the last flush (new and ended takes, new events and incidents) and the show's header;
   * `ended` marks the console closing. Flushes run one after the other. Never throws; false when a write failed.
   */
  flush(costs: CostSnapshot, ended = false): Promise<boolean> {
    const next = this.flushing.then(() => this.flushNow(costs, ended));
    this.flushing = next;
    return next;
  }

  private async flushNow(costs: CostSnapshot, ended: boolean): Promise<boolean> {
    if (!this.tableName) return false;
    const table = this.tableName;
    let ok = true;
    try {
      // Takes are items of their own: a few at a time (a console catching up after DynamoDB was away has many).
      const unwritten = this.takes.filter((t) => !t.written);
      for (let i = 0; i < unwritten.length; i += TAKE_WRITES_AT_ONCE) {
        await Promise.all(unwritten.slice(i, i + TAKE_WRITES_AT_ONCE).map((take) => this.writeTake(table, take)));
      }
      // Ended takes stay only until written: the show's header keeps their count.
      for (let i = this.takes.length - 1; i >= 0; i -= 1) {
        const take = this.takes[i]!;
        if (take.written && take.ended_at !== null) this.takes.splice(i, 1);
      }
      ok = (await this.writeEventsAndIncidents(table)) && ok;
      ok = (await this.writeHeader(table, costs, ended)) && ok;
      return ok;
    } catch (error) {
      this.logger.warn('sessions: could not write the session record', {
        message: mapAwsError(error, 'Record the session').message,
      });
      return false;
    }
  }

  /** A new take is put only where none is (two consoles continuing one show never overwrite each other's). */
  private async writeTake(table: string, take: Take): Promise<void> {
    const keys = takeKeys(this.id, take.destination_id, take.started_at);
    const { written: _written, stored, timesChanged: _times, ...attributes } = take;
    try {
      if (!stored) {
        await this.dynamo.send(
          new PutCommand({
            TableName: table,
            Item: { ...keys, show_id: this.id, ...attributes },
            ConditionExpression: 'attribute_not_exists(session_id)',
          }),
        );
        take.stored = true;
        take.written = true;
        take.timesChanged = false;
        return;
      }
    } catch (error) {
      if (!isConditionFailure(error)) throw error;
      // Already there (written by this console before a lost answer, or by the other console): end it below.
      take.stored = true;
    }
    // Only the times this console knows are set: a null never overwrites another console's time.
    const times: Record<string, unknown> = {};
    if (take.timesChanged && take.on_air_at !== null) times[':on'] = take.on_air_at;
    if (take.timesChanged && take.off_air_at !== null) times[':off'] = take.off_air_at;
    if (take.timesChanged && take.spans.length > 0) times[':spans'] = take.spans;
    if (take.timesChanged && take.input_unconfirmed !== null) times[':unread'] = take.input_unconfirmed;
    const setTimes = [
      ':on' in times ? 'on_air_at = :on' : null,
      ':off' in times ? 'off_air_at = :off' : null,
      ':spans' in times ? 'spans = :spans' : null,
      ':unread' in times ? 'input_unconfirmed = :unread' : null,
    ].filter((part): part is string => part !== null);
    if (take.ended_at === null) {
      if (setTimes.length > 0) {
        await this.dynamo.send(
          new UpdateCommand({
            TableName: table,
            Key: { session_id: keys.session_id },
            UpdateExpression: `SET ${setTimes.join(', ')}`,
            ConditionExpression: 'attribute_exists(session_id)',
            ExpressionAttributeValues: times,
          }),
        );
      }
      take.timesChanged = false;
      take.written = true;
      return;
    }
    try {
      // The first end recorded stands (with this console's times on air).
      await this.dynamo.send(
        new UpdateCommand({
          TableName: table,
          Key: { session_id: keys.session_id },
          UpdateExpression: `SET ${['ended_at = :ended', ...setTimes].join(', ')}`,
          ConditionExpression: 'attribute_exists(session_id) AND ended_at = :open',
          ExpressionAttributeValues: { ':ended': take.ended_at, ':open': null, ...times },
        }),
      );
    } catch (error) {
      if (!isConditionFailure(error)) throw error;
    }
    take.timesChanged = false;
    take.written = true;
  }

  private async writeEventsAndIncidents(table: string): Promise<boolean> {
    const events = this.pendingEvents;
    const incidents = this.incidents.pending();
    const items = [
      ...events.map(({ key, ...event }) => ({ ...eventKeys(this.id, event.at, key), show_id: this.id, ...event })),
      ...incidents.map((row) => ({ ...incidentKeys(this.id, row.id), show_id: this.id, ...row.item })),
    ];
    const failed = new Set<string>();
    for (let start = 0; start < items.length; start += BATCH) {
      let requests = items.slice(start, start + BATCH).map((Item) => ({ PutRequest: { Item } }));
      // Unprocessed items (throttling) are sent again a few times, then left for the next flush.
      for (let attempt = 0; attempt < 4 && requests.length > 0; attempt += 1) {
        const out = await this.dynamo.send(new BatchWriteCommand({ RequestItems: { [table]: requests } }));
        requests = (out.UnprocessedItems?.[table] ?? []) as typeof requests;
      }
      for (const left of requests) failed.add(String(left.PutRequest.Item.session_id));
    }
    // Events noted while this flush ran stay pending with the ones that failed.
    const sent = new Set(events);
    this.pendingEvents = this.pendingEvents.filter(
      (e) => !sent.has(e) || failed.has(eventKeys(this.id, e.at, e.key).session_id),
    );
    this.incidents.written(incidents.filter((row) => !failed.has(incidentKeys(this.id, row.id).session_id)));
    return failed.size === 0;
  }

  /**
   * The share of each destination's running charges spent in standby (on its slate): its time there at the channel's
   * hourly rate, never more than the destination's running charges. The rest of them is the time on air (and starting,
   * stopping).
   */
  private standbyCost(costs: CostSnapshot): { total: number; by_destination: Record<string, number> } {
    const running = new Map(costs.destinations.map((d) => [d.id, d.usd]));
    const byDestination: Record<string, number> = {};
    for (const [id, standbyMs] of standbyMsByDestination(this.timedRuns, this.now())) {
      const usd = Math.min((standbyMs / 3_600_000) * this.ratePerHour(id), running.get(id) ?? Infinity);
      byDestination[id] = Math.round(usd * 1_000_000) / 1_000_000;
    }
    return { total: Object.values(byDestination).reduce((sum, usd) => sum + usd, 0), by_destination: byDestination };
  }

  private async writeHeader(table: string, costs: CostSnapshot, ended: boolean): Promise<boolean> {
    const now = new Date(this.now()).toISOString();
    const byDestination = Object.fromEntries(costs.destinations.map((d) => [d.id, d.usd]));
    const standby = this.standbyCost(costs);
    const values: Record<string, unknown> = {
      ':started': this.startedAt,
      ':ended': ended ? now : null,
      ':console': this.who,
      ':name': this.consoleName,
      ':writer': this.writer,
      ':restarts': this.restarts,
      ':alongside': this.alongside,
      ':end_all': this.endAllAt === null ? null : new Date(this.endAllAt).toISOString(),
      ':cost': {
        total: costs.totalUsd,
        flow: costs.flowUsd,
        by_destination: byDestination,
        split: costs.split,
        standby,
      },
      ':destinations': Object.fromEntries(this.names),
      ':takes': this.takesCount,
      ':incidents': this.incidents.count(),
      ':dropped': this.droppedEvents,
      ':layout': SHOW_LAYOUT_VERSION,
      ':updated': now,
      ':stale': new Date(this.now() - SESSION_STALE_AFTER_MS).toISOString(),
      ':null': null,
    };
    const keys = headerKeys(this.id, this.startedAt);
    const set = [
      'group_key = :group',
      'item_key = :item',
      'started_at = :started',
      'ended_at = :ended',
      '#console = :console',
      'console_name = :name',
      'writer = :writer',
      'restarts = :restarts',
      'alongside_session = :alongside',
      'end_all_at = :end_all',
      'cost_usd = :cost',
      'destinations = :destinations',
      'takes_count = :takes',
      'incidents_count = :incidents',
      'events_not_recorded = :dropped',
      'layout = :layout',
      'updated_at = :updated',
    ];
    values[':group'] = keys.group_key;
    values[':item'] = keys.item_key;
    try {
      await this.dynamo.send(
        new UpdateCommand({
          TableName: table,
          Key: { session_id: this.id },
          UpdateExpression: `SET ${set.join(', ')}${this.dropInline ? ' REMOVE runs, events, incidents' : ''}`,
          // This console writes the header it created, or one whose console stopped (closed, or silent for three
          // minutes): never one another console is still writing.
          ConditionExpression:
            'attribute_not_exists(session_id) OR attribute_not_exists(writer) OR writer = :writer OR ended_at <> :null OR updated_at < :stale',
          ExpressionAttributeNames: { '#console': 'console' },
          ExpressionAttributeValues: values,
        }),
      );
      this.dropInline = false;
      return true;
    } catch (error) {
      if (!isConditionFailure(error)) throw error;
      if (!this.warnedTakenOver) {
        this.warnedTakenOver = true;
        this.logger.warn(
          'sessions: another console is writing this show record; this console leaves its header alone',
          {
            session: this.id,
          },
        );
      }
      return false;
    }
  }
}
