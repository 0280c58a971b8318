import { paginateListChannels, type ChannelSummary, type MediaLiveClient } from '@aws-sdk/client-medialive';
import {
  BILLING_STATES,
  isTransitional,
  toDestinationState,
  type DestinationState,
} from '../../../shared/domain/channel';
import type {
  DestinationsFeed,
  DestinationsSnapshot,
  DestinationStatus,
  ErrorSummary,
  PendingAction,
} from '../../../shared/domain/destination';
import { mapAwsError } from '../../aws/errors';
import type { Logger } from '../logger';
import { PollLoop } from '../poll-loop';
import { readOnAirTags, type OnAirTags } from './on-air-tags';

/** A destination as configured (destinations table + stack outputs), before AWS says anything about it. */
export interface ConfiguredDestination {
  id: string;
  platform: string;
  name: string;
  channelId: string | null;
  presetSummary: string | null;
  /** Video + audio bitrate of its preset, bits/s. */
  bitrateBps: number | null;
  /** A configuration problem already known before polling (e.g. no channel mapped). */
  problem: string | null;
}

export interface ChannelMonitorOptions {
  /** Poll interval while any channel is moving between states, or just after an action. */
  fastIntervalMs: number;
  /** Poll interval when every channel is steady. */
  slowIntervalMs: number;
  /** After this many failed polls in a row the tiles mark their state unconfirmed (it may be stale). */
  staleAfterFailures: number;
  /** Longest wait between polls while they keep failing (they back off, with jitter, up to this). */
  maxBackoffMs: number;
  now: () => number;
  /** 0..1; jitter of the backoff (tests pin it). */
  random: () => number;
  /**
   * Sees every status before it is published and may add to it (the alarms of unplanned changes), so what it
   * adds travels in the same delta as the change.
   */
  review?: (previous: DestinationStatus | undefined, next: DestinationStatus) => DestinationStatus;
  /** This console's name, to tell a run it started from one another console started. */
  consoleName?: string;
  /** While AWS pushes channel events: the steady poll only reconciles, this seldom. */
  reconcileIntervalMs: number;
  /** While AWS pushes channel events and a channel moves (or just after an action): a lost event costs at most this. */
  pushMovingIntervalMs: number;
}

const RECONCILE_GAP_MS = 2_000;

/** What an event did to the tiles. */
export type EventOutcome = 'applied' | 'same' | 'stale' | 'unknown-channel' | 'out-of-sequence';

/**
 * The moves MediaLive's channel state machine makes ("States for channels", MediaLive User Guide). Two events of the
 * same second (event `time` has whole seconds) are told apart by this: the later state is the one the earlier can
 * move to.
 */
const NEXT_STATES: Partial<Record<DestinationState, readonly DestinationState[]>> = {
  CREATING: ['IDLE', 'CREATE_FAILED'],
  IDLE: ['STARTING', 'UPDATING', 'DELETING'],
  STARTING: ['RUNNING', 'STOPPING', 'IDLE', 'RECOVERING'],
  RUNNING: ['STOPPING', 'RECOVERING'],
  RECOVERING: ['RUNNING', 'STOPPING', 'IDLE'],
  STOPPING: ['IDLE'],
  UPDATING: ['IDLE', 'UPDATE_FAILED'],
  DELETING: ['DELETED'],
};

const DEFAULT_MONITOR_OPTIONS: ChannelMonitorOptions = {
  fastIntervalMs: 1_000,
  slowIntervalMs: 5_000,
  staleAfterFailures: 3,
  maxBackoffMs: 15_000,
  now: () => Date.now(),
  random: Math.random,
  reconcileIntervalMs: 60_000,
  pushMovingIntervalMs: 5_000,
};

const canMove = (from: DestinationState, to: DestinationState): boolean => (NEXT_STATES[from] ?? []).includes(to);

const onAir = (state: DestinationState) => state === 'RUNNING' || state === 'RECOVERING';

type Health = { problem: string | null; state: DestinationState };

/** What the channel's own configuration says is missing, read from the ListChannels summary (never its secrets). */
export function checkChannelConfiguration(channel: ChannelSummary): string | null {
  if ((channel.InputAttachments?.length ?? 0) === 0)
    return 'The MediaLive channel has no input attached; attach the MediaConnect input in the stack.';
  if ((channel.Destinations?.length ?? 0) === 0)
    return 'The MediaLive channel has no output destination set; set the platform URL and stream key in the admin window.';
  return null;
}

function healthOf(dest: ConfiguredDestination, channel: ChannelSummary | undefined): Health {
  if (dest.problem) return { problem: dest.problem, state: dest.channelId ? 'UNKNOWN' : 'MISSING' };
  if (!channel) {
    return {
      problem: `MediaLive channel ${dest.channelId} does not exist in this account and region (deleted, or the stack mapping is out of date).`,
      state: 'MISSING',
    };
  }
  return { problem: checkChannelConfiguration(channel), state: toDestinationState(channel.State) };
}

/**
 * Watches every destination's channel with ONE paginated ListChannels per poll (never one
 * DescribeChannel per channel), polls fast while anything is in transition and slowly when
 * all is steady, and publishes a snapshot then deltas of what changed.
 */
export class ChannelMonitor {
  private readonly options: ChannelMonitorOptions;
  private statuses = new Map<string, DestinationStatus>();
  private pollErrors = new Set<string>();
  private seq = 0;
  private readonly loop: PollLoop;
  private fastUntil = 0;
  private failures = 0;
  /** When each destination's state was last read from AWS (kept here: a field on the tile would change every poll). */
  private readonly confirmedAt = new Map<string, number>();
  /** Each destination's channel ARN and on-air tags, as the last poll read them. */
  private readonly tags = new Map<string, { arn: string | null; tags: OnAirTags }>();
  /** Each destination's input attachment names, as the last poll read them (ListChannels carries them). */
  private readonly attachments = new Map<string, readonly string[]>();
  /** The event time (ms, whole seconds) of the last event applied to each destination. */
  private readonly eventTimes = new Map<string, number>();
  /** When the last poll that read a destination was sent: its answer is no older than this. */
  private readonly polledFrom = new Map<string, number>();
  private pushing = false;
  private lastPollStartedAt = 0;
  /** A reconciling poll asked for by an event the console could not apply, due then (0: none). */
  private reconcileAt = 0;

  constructor(
    private readonly medialive: MediaLiveClient,
    private destinations: ConfiguredDestination[],
    private readonly publish: (feed: DestinationsFeed) => void,
    private readonly logger: Logger,
    options: Partial<ChannelMonitorOptions> = {},
  ) {
    const merged = { ...DEFAULT_MONITOR_OPTIONS, ...options };
    // Unless set, the pushed cadences follow the polling one: 60 s and 5 s for the default 5 s (with SQS's 3 long
    // polls and the flow's reconciler, about 6 calls a minute in all).
    merged.reconcileIntervalMs = options.reconcileIntervalMs ?? merged.slowIntervalMs * 12;
    merged.pushMovingIntervalMs = options.pushMovingIntervalMs ?? merged.slowIntervalMs;
    this.options = merged;
    this.loop = new PollLoop(
      () => this.poll(),
      () => this.nextDelayMs(),
    );
    for (const dest of destinations) this.statuses.set(dest.id, this.initialStatus(dest));
  }

  private initialStatus(dest: ConfiguredDestination): DestinationStatus {
    return {
      id: dest.id,
      platform: dest.platform,
      name: dest.name,
      channelId: dest.channelId,
      state: dest.channelId ? 'UNKNOWN' : 'MISSING',
      stateSince: null,
      runningSince: null,
      unconfirmed: null,
      alarm: null,
      presetSummary: dest.presetSummary,
      problem: dest.problem,
      lastError: null,
      pending: null,
      bitrateBps: dest.bitrateBps,
      startedBy: null,
    };
  }

  /** Starts the polling cycle; call `refresh()` first when the first state must be known before going on. */
  start(): void {
    this.loop.start();
  }

  stop(): void {
    this.loop.stop();
  }

  snapshot(): DestinationsSnapshot {
    return { kind: 'snapshot', seq: this.seq, at: this.options.now(), destinations: this.ordered() };
  }

  status(destinationId: string): DestinationStatus | undefined {
    return this.statuses.get(destinationId);
  }

  /** Polls now (joining a poll already under way) and keeps polling fast for a while: used right after an action. */
  async refresh(fastForMs = 0): Promise<void> {
    if (fastForMs > 0) this.fastUntil = Math.max(this.fastUntil, this.options.now() + fastForMs);
    return this.loop.run();
  }

  /** The channel's ARN and on-air tags as last read (undefined before the first poll that saw the channel). */
  channelTags(destinationId: string): { arn: string | null; tags: OnAirTags } | undefined {
    return this.tags.get(destinationId);
  }

  /**
   * The names of the channel's input attachments as the last poll read them (undefined before one saw the channel):
   * ListChannels' ChannelSummary carries InputAttachments but no PipelineDetails, so which one is active is
   * DescribeChannel's to say (https://docs.aws.amazon.com/sdk-for-ruby/v3/api/Aws/MediaLive/Types/ChannelSummary.html).
   */
  inputAttachmentNames(destinationId: string): readonly string[] | undefined {
    return this.attachments.get(destinationId);
  }

  /** Records the outcome of an operator action on a tile, or clears it with null. */
  setLastError(destinationId: string, error: ErrorSummary | null): void {
    const current = this.statuses.get(destinationId);
    if (!current) return;
    this.apply([{ ...current, lastError: error }]);
  }

  /**
   * Takes a new destination list (an admin added, edited or retired one): keeps what is known of
   * the destinations that remain, announces the removed ones, and re-reads AWS at once.
   */
  reconfigure(destinations: ConfiguredDestination[]): Promise<void> {
    const next = new Map(destinations.map((d) => [d.id, d]));
    const removed = this.destinations.filter((d) => !next.has(d.id)).map((d) => d.id);
    // A delta cannot say "moved": when the kept destinations change places, every window gets a snapshot instead.
    const keptBefore = this.destinations.filter((d) => next.has(d.id)).map((d) => d.id);
    const keptAfter = destinations.filter((d) => this.statuses.has(d.id)).map((d) => d.id);
    const reordered = keptBefore.some((id, i) => id !== keptAfter[i]);
    this.destinations = destinations;
    for (const id of removed) {
      this.statuses.delete(id);
      this.confirmedAt.delete(id);
      this.tags.delete(id);
      this.attachments.delete(id);
      this.eventTimes.delete(id);
      this.polledFrom.delete(id);
    }
    const changed: DestinationStatus[] = [];
    for (const dest of destinations) {
      const previous = this.statuses.get(dest.id);
      const updated: DestinationStatus = previous
        ? {
            ...previous,
            platform: dest.platform,
            name: dest.name,
            channelId: dest.channelId,
            presetSummary: dest.presetSummary,
            problem: dest.problem,
            bitrateBps: dest.bitrateBps,
            // A remapped channel is a different channel: its state is unknown until read.
            ...(previous.channelId === dest.channelId
              ? {}
              : {
                  state: dest.channelId ? 'UNKNOWN' : 'MISSING',
                  stateSince: null,
                  runningSince: null,
                  startedBy: null,
                  unconfirmed: null,
                  alarm: null,
                }),
          }
        : this.initialStatus(dest);
      if (JSON.stringify(previous) === JSON.stringify(updated)) continue;
      this.statuses.set(dest.id, updated);
      changed.push(updated);
    }
    if (reordered) {
      this.seq += 1;
      this.publish(this.snapshot());
    } else if (changed.length > 0 || removed.length > 0) {
      this.seq += 1;
      this.publish({ kind: 'delta', seq: this.seq, at: this.options.now(), changed, removed });
    }
    return this.refresh();
  }

  /** Clears a destination's latched alarm (the operator has seen it); its state stays what AWS reports. */
  acknowledgeAlarm(destinationId: string): boolean {
    const current = this.statuses.get(destinationId);
    if (!current?.alarm) return false;
    this.apply([{ ...current, alarm: null }]);
    return true;
  }

  /**
   * Changes what the tiles of a channel show from an event that is not a state (a MediaLive alert): `change` returns
   * the new status, or null for none. 'unknown-channel' when no destination of the booth uses the channel.
   */
  updateChannelTiles(
    channelId: string,
    change: (status: DestinationStatus) => DestinationStatus | null,
  ): 'applied' | 'same' | 'unknown-channel' {
    const targets = this.destinations.filter((d) => d.channelId === channelId && !d.problem);
    if (targets.length === 0) return 'unknown-channel';
    const next: DestinationStatus[] = [];
    for (const dest of targets) {
      const updated = change(this.statuses.get(dest.id) ?? this.initialStatus(dest));
      if (updated) next.push(updated);
    }
    this.apply(next);
    return next.length > 0 ? 'applied' : 'same';
  }

  /** Clears a failed go-live or end latched on the tile (the operator has seen it); the state stays what AWS reports. */
  acknowledgeFailure(destinationId: string): boolean {
    const current = this.statuses.get(destinationId);
    if (!current?.lastError?.action) return false;
    this.apply([{ ...current, lastError: null }]);
    return true;
  }

  /** Shows the run's safety stop (armed, missing or fired), or clears it with null. */
  setSafetyStop(destinationId: string, safetyStop: DestinationStatus['safetyStop']): void {
    const current = this.statuses.get(destinationId);
    if (!current) return;
    this.apply([{ ...current, safetyStop }]);
  }

  /** Shows the destination's warm standby (mode, slate, the input its pipeline reports). */
  setWarm(destinationId: string, warm: NonNullable<DestinationStatus['warm']>): void {
    const current = this.statuses.get(destinationId);
    if (!current) return;
    this.apply([{ ...current, warm }]);
  }

  /** Shows an action AWS has not answered yet (and why it is taking long), or clears it with null. */
  setPending(destinationId: string, pending: PendingAction | null): void {
    const current = this.statuses.get(destinationId);
    if (!current) return;
    this.apply([{ ...current, pending }]);
  }

  private ordered(): DestinationStatus[] {
    return this.destinations.map((d) => this.statuses.get(d.id)).filter((s): s is DestinationStatus => s !== undefined);
  }

  private nextDelayMs(): number {
    const { fastIntervalMs, slowIntervalMs, maxBackoffMs } = this.options;
    if (this.failures > 0) {
      // A throttled or unreachable API is not hammered: 1 s, 2 s, 4 s … up to the cap, each ±20 %.
      const backoff = Math.min(fastIntervalMs * 2 ** (this.failures - 1), maxBackoffMs);
      return Math.round(backoff * (0.8 + 0.4 * this.options.random()));
    }
    const moving = [...this.statuses.values()].some((s) => isTransitional(s.state));
    const now = this.options.now();
    const soon = moving || now < this.fastUntil;
    const regular = this.pushing
      ? soon
        ? this.options.pushMovingIntervalMs
        : this.options.reconcileIntervalMs
      : soon
        ? fastIntervalMs
        : slowIntervalMs;
    return this.reconcileAt > now ? Math.min(regular, this.reconcileAt - now) : regular;
  }

  /** The steady poll interval now: the reconciler's while events are pushed, else the polling one. */
  get steadyIntervalMs(): number {
    return this.pushing ? this.options.reconcileIntervalMs : this.options.slowIntervalMs;
  }

  /**
   * The tile's state when AWS's pushed events keep it fresh (events flow and the state is confirmed), else null: what
   * a take may act on without reading the channel first.
   */
  pushedState(destinationId: string): DestinationState | null {
    if (!this.pushing) return null;
    const status = this.statuses.get(destinationId);
    if (!status || status.unconfirmed || status.pending || status.state === 'UNKNOWN') return null;
    return status.state;
  }

  /**
   * Events flow (true) or cannot be read (false): the poll slows to a reconciler, or goes back to today's cadence at
   * once.
   */
  setPushing(pushing: boolean): void {
    if (this.pushing === pushing) return;
    this.pushing = pushing;
    this.loop.reschedule();
  }

  /**
   * A poll soon, for an event the console cannot apply itself: now, or 2 s after the last poll, so that a stream of
   * such events never becomes a stream of polls.
   */
  reconcileSoon(): void {
    const due = this.lastPollStartedAt + RECONCILE_GAP_MS;
    if (this.options.now() >= due) {
      void this.loop.run();
      return;
    }
    if (this.reconcileAt === 0 || due < this.reconcileAt) this.reconcileAt = due;
    this.loop.reschedule();
  }

  /**
   * Applies a channel state pushed by AWS at once. Idempotent and ordered by event time: an event older than what a
   * poll or a later event already showed is dropped; two of the same second are ordered by the state machine.
   */
  applyChannelEvent(channelId: string, state: DestinationState, eventTimeMs: number): EventOutcome {
    const targets = this.destinations.filter((d) => d.channelId === channelId && !d.problem);
    if (targets.length === 0) return 'unknown-channel';
    const now = this.options.now();
    const next: DestinationStatus[] = [];
    let outcome: EventOutcome = 'same';
    for (const dest of targets) {
      const previous = this.statuses.get(dest.id) ?? this.initialStatus(dest);
      const lastEvent = this.eventTimes.get(dest.id);
      const polledFrom = this.polledFrom.get(dest.id) ?? -Infinity;
      // The event's change happened within [time, time + 1 s); a poll sent after that already saw it or later.
      if (eventTimeMs + 1_000 <= polledFrom || (lastEvent !== undefined && eventTimeMs < lastEvent)) {
        outcome = 'stale';
        continue;
      }
      // Within one second (of the last event, or of the poll that read the state shown) order is unknown: the later
      // state is the one the shown state can move to.
      const sameSecond = eventTimeMs <= polledFrom || eventTimeMs === lastEvent;
      if (sameSecond && state !== previous.state && !canMove(previous.state, state)) {
        outcome = 'out-of-sequence';
        continue;
      }
      this.eventTimes.set(dest.id, eventTimeMs);
      this.confirmedAt.set(dest.id, now);
      if (state === previous.state && !previous.unconfirmed) continue;
      const billing = BILLING_STATES.has(state);
      next.push({
        ...previous,
        state,
        stateSince: state !== previous.state ? now : previous.stateSince,
        runningSince: onAir(state) ? (onAir(previous.state) ? (previous.runningSince ?? now) : now) : null,
        startedBy: billing ? previous.startedBy : null,
        unconfirmed: null,
      });
      outcome = 'applied';
    }
    if (next.length > 0) this.apply(next);
    return outcome;
  }

  /** Failed polls in a row (0 while AWS answers). */
  get consecutiveFailures(): number {
    return this.failures;
  }

  private async poll(): Promise<void> {
    const byId = new Map<string, ChannelSummary>();
    const startedAt = this.options.now();
    this.lastPollStartedAt = startedAt;
    this.reconcileAt = 0;
    try {
      for await (const page of paginateListChannels({ client: this.medialive, pageSize: 100 }, {})) {
        for (const channel of page.Channels ?? []) if (channel.Id) byId.set(channel.Id, channel);
      }
    } catch (error) {
      this.onPollFailure(error);
      return;
    }
    this.failures = 0;
    const now = this.options.now();
    const next: DestinationStatus[] = [];
    let recheck = false;
    for (const dest of this.destinations) {
      const previous = this.statuses.get(dest.id) ?? this.initialStatus(dest);
      const channel = dest.channelId ? byId.get(dest.channelId) : undefined;
      const health = healthOf(dest, channel);
      const lastEvent = this.eventTimes.get(dest.id);
      // An event applied while this poll was under way may be newer than what it read: the event's state stands
      // until a poll sent after it says otherwise.
      const eventMayBeNewer =
        lastEvent !== undefined && lastEvent + 1_000 > startedAt && health.state !== previous.state;
      if (eventMayBeNewer) recheck = true;
      else this.polledFrom.set(dest.id, startedAt);
      const { state, problem } = eventMayBeNewer ? { state: previous.state, problem: previous.problem } : health;
      const changed = state !== previous.state;
      const tags = readOnAirTags(channel?.Tags);
      if (channel) this.tags.set(dest.id, { arn: channel.Arn ?? null, tags });
      else this.tags.delete(dest.id);
      if (channel)
        this.attachments.set(
          dest.id,
          (channel.InputAttachments ?? []).map((a) => a.InputAttachmentName ?? '').filter(Boolean),
        );
      else this.attachments.delete(dest.id);
      const billing = BILLING_STATES.has(state);
      next.push({
        ...previous,
        state,
        problem,
        stateSince: changed ? now : previous.stateSince,
        // The on-air time recorded on the channel wins (it survives restarts and is the same on every console);
        // else RECOVERING after RUNNING is still on air: the on-air time runs on through it.
        runningSince: onAir(state)
          ? (tags.onAirSince ?? (onAir(previous.state) ? (previous.runningSince ?? now) : now))
          : null,
        startedBy:
          billing && tags.origin
            ? {
                startedAt: tags.origin.startedAt,
                console: tags.origin.console,
                operator: tags.origin.operator,
                thisConsole: tags.origin.console === this.options.consoleName,
              }
            : null,
        unconfirmed: null,
        lastError: this.pollErrors.has(dest.id) ? null : previous.lastError,
      });
    }
    for (const dest of this.destinations) this.confirmedAt.set(dest.id, now);
    this.pollErrors.clear();
    if (recheck) this.fastUntil = Math.max(this.fastUntil, now + this.options.pushMovingIntervalMs);
    this.apply(next);
  }

  private onPollFailure(error: unknown): void {
    this.failures += 1;
    const mapped = mapAwsError(error, 'Read channel states');
    this.logger.warn('channels: poll failed', { code: mapped.code, failures: this.failures, message: mapped.message });
    if (this.failures < this.options.staleAfterFailures) return;
    // After repeated failures every tile keeps the state AWS last confirmed, marked unconfirmed since now: never a
    // guess, never IDLE. A channel on air stays on air (and its on-air time runs on) until AWS says otherwise.
    const now = this.options.now();
    const next: DestinationStatus[] = [];
    for (const status of this.statuses.values()) {
      if (!status.channelId) continue;
      this.pollErrors.add(status.id);
      next.push({
        ...status,
        unconfirmed: {
          since: status.unconfirmed?.since ?? now,
          lastConfirmedAt: this.confirmedAt.get(status.id) ?? null,
          code: mapped.code,
          reason: mapped.message,
        },
        lastError: { code: mapped.code, message: mapped.message, at: status.unconfirmed?.since ?? now },
      });
    }
    this.apply(next);
  }

  private apply(updates: DestinationStatus[]): void {
    const changed: DestinationStatus[] = [];
    for (const proposed of updates) {
      const previous = this.statuses.get(proposed.id);
      const update = this.options.review ? this.options.review(previous, proposed) : proposed;
      if (previous && JSON.stringify(previous) === JSON.stringify(update)) continue;
      this.statuses.set(update.id, update);
      changed.push(update);
    }
    if (changed.length === 0) return;
    this.seq += 1;
    this.publish({ kind: 'delta', seq: this.seq, at: this.options.now(), changed, removed: [] });
  }
}
