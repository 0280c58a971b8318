import {
  BatchUpdateScheduleCommand,
  DescribeChannelCommand,
  paginateDescribeSchedule,
  type DescribeChannelResponse,
  type MediaLiveClient,
} from '@aws-sdk/client-medialive';
import { BILLING_STATES, ON_AIR_STATES, toDestinationState } from '../../../shared/domain/channel';
import type { DestinationStatus } from '../../../shared/domain/destination';
import { BoothError } from '../../../shared/domain/errors';
import { failureHeadline } from '../../../shared/domain/failure-headline';
import { clockTime } from '../../../shared/domain/time-format';
import { warmAttachments, type TakeMode, type WarmPhase, type WarmStatus } from '../../../shared/domain/warm-standby';
import type { InvokeOutput } from '../../../shared/ipc/contract';
import { callAws, type RetryPolicy } from '../../aws/retry';
import type { Logger } from '../logger';
import type { Notifier } from '../notifications/notifier';
import type { ChannelMonitor } from './channel-monitor';

type ActionResult = InvokeOutput<'warm.standby'>;
type Target = 'live' | 'slate';

/** The booth's own input switches carry this prefix, so clearing the schedule never touches anyone else's actions. */
const SWITCH_PREFIX = 'lunora-switch-';

/** What the console knows of one destination's channel inputs, from its last DescribeChannel. */
interface Known {
  /** The channel these inputs were read from (a destination remapped to another channel is read again). */
  channelId: string;
  live: string | null;
  slate: string | null;
  whyNot: string | null;
  standard: boolean;
  inputLossSlate: boolean;
  active: string | null;
  activeReadAt: number | null;
  /** When a read was last tried (or answered): the cadence of the next one. */
  lastReadAt: number;
  /** When a read last succeeded: the time the attachment shown was last confirmed. */
  confirmedAt: number;
  /**
   * Since when the active attachment cannot be confirmed (a read failed, or one has been on its way too long); null
   * while the reads succeed.
   */
  failedSince: number | null;
}

export interface WarmStandbyDeps {
  medialive: MediaLiveClient;
  monitor: Pick<
    ChannelMonitor,
    'status' | 'snapshot' | 'setWarm' | 'setLastError' | 'refresh' | 'inputAttachmentNames'
  >;
  /** The cold start (StartChannel, with its safety stop, on-air tags and alarms): what a standby start runs. */
  startChannel: (destinationId: string) => Promise<ActionResult>;
  /** What the destination's running channel bills per hour (the same figure as the session cost). */
  ratePerHour: (destinationId: string) => number;
  notifier: Notifier;
  logger: Logger;
  retry?: RetryPolicy;
  now?: () => number;
  /** How often a running channel's active input is read back (DescribeChannel); default 2 s. */
  readEveryMs?: number;
  /** How often while a switch is on its way; default 100 ms. */
  switchReadEveryMs?: number;
  /**
   * A read still on its way this long after the last confirmed one (DescribeChannel retried, or hanging until the
   * client's request timeout) marks the input unconfirmed, as a failed read does; default three reads (6 s).
   */
  inputStaleAfterMs?: number;
  /** A channel in standby this long without a take is said to be billing for nothing; default 2 h. */
  standbyWarnAfterMs?: number;
  /** Where the operator's take mode per destination is kept, so it survives a restart of the console. */
  modes?: TakeModeStore;
}

/** The take modes chosen per destination, kept across restarts (the console's local settings). */
export interface TakeModeStore {
  load(): Readonly<Record<string, TakeMode>>;
  save(destinationId: string, mode: TakeMode): void;
}

/** A destination whose inputs could not be read is tried again after this long (not on every tile change). */
const READ_RETRY_MS = 5_000;

/**
 * Warm standby per destination: the channel runs ahead of the show on its slate (a looping file input), and the take
 * is ONE BatchUpdateSchedule with an immediate input switch to the live attachment: "The schedule immediately passes
 * the action to the channel. The channel immediately starts to switch the input (for a single-pipeline channel)"; on
 * a STANDARD channel "MediaLive internally sets the start time to 10 seconds in the future"
 * (https://docs.aws.amazon.com/medialive/latest/ug/x-actions-in-schedule-ips.html). What the tile shows comes from
 * AWS: the attachment the pipeline reports (DescribeChannel PipelineDetails[].ActiveInputAttachmentName), never from
 * what was sent.
 */
export class WarmStandby {
  private readonly modes = new Map<string, TakeMode>();
  private readonly known = new Map<string, Known>();
  private readonly switching = new Map<string, { to: Target; since: number }>();
  private readonly startingToStandby = new Set<string>();
  private readonly standbySince = new Map<string, number>();
  private readonly standbyWarned = new Set<string>();
  /** Destinations whose schedule may hold the booth's switches from an earlier run: cleared once the channel is IDLE. */
  private readonly dirty = new Set<string>();
  /** One schedule change at a time per destination (a standby's switch is never cleared under it). */
  private readonly lanes = new Map<string, Promise<unknown>>();
  private readonly reading = new Set<string>();
  /**
   * Since when each running destination with a slate has been seen without its active input read for this run (the
   * console started, or it was first seen, with the channel already running): neither STANDBY nor ON AIR till then.
   */
  private readonly unreadSince = new Map<string, number>();
  /** Destinations seen billing since they were last seen stopped. */
  private readonly ran = new Set<string>();
  /** When each destination's inputs were last tried while none are known (a new or remapped destination). */
  private readonly triedAt = new Map<string, number>();
  /** The modes kept from before this run of the console, applied once each destination's inputs are read. */
  private stored: Readonly<Record<string, TakeMode>> = {};
  private timer: ReturnType<typeof setInterval> | null = null;
  private readonly now: () => number;
  private switchCount = 0;

  constructor(private readonly deps: WarmStandbyDeps) {
    this.now = deps.now ?? Date.now;
  }

  /** Reads every destination's inputs once, then keeps reading back the running ones. */
  async start(): Promise<void> {
    this.stored = this.deps.modes?.load() ?? {};
    const ids = this.deps.monitor
      .snapshot()
      .destinations.filter((d) => d.channelId)
      .map((d) => d.id);
    await Promise.all(ids.map((id) => this.read(id)));
    for (const id of ids) if (this.known.get(id)?.slate) this.dirty.add(id);
    this.timer = setInterval(() => void this.tick(), this.deps.switchReadEveryMs ?? 100);
    this.timer.unref?.();
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
  }

  mode(destinationId: string): TakeMode {
    return this.modes.get(destinationId) ?? 'cold';
  }

  /** True while the destination's run is a standby: started to its slate, or running on it. */
  onSlate(destinationId: string): boolean {
    const known = this.known.get(destinationId);
    return this.startingToStandby.has(destinationId) || (Boolean(known?.slate) && known?.active === known?.slate);
  }

  /**
   * Sees every status before the monitor publishes it (with the alarms' review): a channel with a slate attached that
   * runs while the input it ingests has not been read carries INPUT_UNCONFIRMED in the same delta as its state, so no
   * tile, tally or record ever takes it for ON AIR (or STANDBY) in between. Before its first DescribeChannel the slate
   * is known from the ListChannels summary's InputAttachments.
   */
  review(next: DestinationStatus): DestinationStatus {
    if (!next.channelId) return next;
    const known = this.known.get(next.id);
    if (known && known.channelId === next.channelId) {
      const stale = next.warm?.phase === 'INPUT_UNCONFIRMED';
      if (!stale && !(ON_AIR_STATES.has(next.state) && this.phaseOf(next) === 'INPUT_UNCONFIRMED')) return next;
      return { ...next, warm: this.toWarm(next) };
    }
    const found = warmAttachments(this.deps.monitor.inputAttachmentNames(next.id) ?? []);
    if (ON_AIR_STATES.has(next.state) && found.ok) return { ...next, warm: this.unreadWarm(next, found) };
    this.unreadSince.delete(next.id);
    if (next.warm?.phase !== 'INPUT_UNCONFIRMED') return next;
    // Not running any more (or its slate is gone) before its first read: nothing warm is known of it.
    const { warm: _unread, ...rest } = next;
    return rest;
  }

  /** True when the take on this destination is an input switch (warm mode), not a StartChannel. */
  takesOver(destinationId: string): boolean {
    return this.mode(destinationId) === 'warm';
  }

  async setMode(destinationId: string, mode: TakeMode): Promise<{ mode: TakeMode }> {
    const status = this.status(destinationId);
    if (mode === 'warm') {
      const known = this.known.get(destinationId) ?? (await this.read(destinationId));
      if (!known?.slate || !known.live)
        throw new BoothError(
          'invalid-state',
          `${status.name} cannot run warm: ${known?.whyNot ?? 'its inputs could not be read'}.`,
        );
    } else if (this.phaseOf(status) !== 'OFF' && this.mode(destinationId) === 'warm') {
      throw new BoothError(
        'invalid-state',
        `${status.name} is running warm: stop the channel before choosing cold (nothing was changed).`,
      );
    }
    this.setModeOf(destinationId, mode);
    // A cold start after a warm show must not be steered by the slate switch left in the schedule.
    if (mode === 'cold' && this.known.get(destinationId)?.slate) this.dirty.add(destinationId);
    this.publish(destinationId);
    return { mode };
  }

  /** Standby: schedule the slate on the idle channel (it then starts on it), then start it. */
  async standby(destinationId: string): Promise<ActionResult> {
    const status = this.status(destinationId);
    const known = this.requireWarm(status);
    if (ON_AIR_STATES.has(status.state) && !status.unconfirmed) {
      this.requireInputRead(status);
      if (known.active === known.slate) return { outcome: 'already', state: status.state };
      throw new BoothError(
        'invalid-state',
        `${status.name} is running on its live input: use Back to slate to show the slate (nothing was sent).`,
      );
    }
    if (status.state !== 'IDLE' || status.unconfirmed)
      throw new BoothError(
        'invalid-state',
        `${status.name} can go to standby only from IDLE; it is ${status.unconfirmed ? 'unconfirmed' : status.state} (nothing was sent).`,
      );
    return this.lane(destinationId, async () => {
      this.startingToStandby.add(destinationId);
      this.publish(destinationId);
      try {
        // "You can create actions when the channel is running or when it is idle"
        // (https://docs.aws.amazon.com/medialive/latest/ug/submitting-batch-command.html); at the start MediaLive looks for
        // "an input switch with an immediate switch ... If it finds this action, it switches to that input"
        // (https://docs.aws.amazon.com/medialive/latest/ug/ips-start-channel-multi-inputs.html).
        await this.sendSwitch(status, known, 'slate', 'Standby');
        this.dirty.delete(destinationId);
        const result = await this.deps.startChannel(destinationId);
        this.deps.notifier.notify({
          destinationId,
          level: 'success',
          kind: 'action',
          title: `${status.name}: going to standby`,
          message: `The channel starts on its slate (about $${this.deps.ratePerHour(destinationId).toFixed(2)}/h while it runs); the take then switches it to the live input in seconds.`,
        });
        return result;
      } catch (error) {
        this.startingToStandby.delete(destinationId);
        this.dirty.add(destinationId);
        this.publish(destinationId);
        throw error;
      }
    });
  }

  /** The warm take: one immediate switch to the live input, on a channel running on its slate. Never a StartChannel. */
  async take(destinationId: string): Promise<ActionResult> {
    const status = this.status(destinationId);
    const known = this.requireWarm(status);
    this.requireRunning(status, 'go live');
    this.requireInputRead(status);
    if (
      this.switching.get(destinationId)?.to === 'live' ||
      (known.active === known.live && !this.switching.has(destinationId))
    )
      return { outcome: 'already', state: status.state };
    return this.sendSwitch(status, known, 'live', 'Go live');
  }

  /** Back to slate: the channel keeps running (and billing) on its slate; the platform sees the slate. */
  async backToSlate(destinationId: string): Promise<ActionResult> {
    const status = this.status(destinationId);
    const known = this.requireWarm(status);
    this.requireRunning(status, 'go back to slate');
    this.requireInputRead(status);
    if (
      this.switching.get(destinationId)?.to === 'slate' ||
      (known.active === known.slate && !this.switching.has(destinationId))
    )
      return { outcome: 'already', state: status.state };
    return this.sendSwitch(status, known, 'slate', 'Back to slate');
  }

  /** Standby for every warm destination that is IDLE, each on its own. */
  async standbyAll(): Promise<InvokeOutput<'warm.standbyAll'>> {
    const idle = this.deps.monitor
      .snapshot()
      .destinations.filter((d) => this.mode(d.id) === 'warm' && d.state === 'IDLE' && !d.unconfirmed);
    const results = await Promise.all(
      idle.map(async (d) => {
        try {
          const r = await this.standby(d.id);
          return {
            destinationId: d.id,
            ok: true,
            message: `${d.name}: ${r.outcome === 'requested' ? 'standby requested' : 'already in standby'}`,
          };
        } catch (error) {
          return { destinationId: d.id, ok: false, message: error instanceof Error ? error.message : String(error) };
        }
      }),
    );
    return { results };
  }

  /** The hourly cost of every warm destination that is IDLE: what "standby all" would add. */
  standbyAllCostPerHour(): number {
    return this.deps.monitor
      .snapshot()
      .destinations.filter((d) => this.mode(d.id) === 'warm' && d.state === 'IDLE')
      .reduce((sum, d) => sum + this.deps.ratePerHour(d.id), 0);
  }

  /** Called with every change of the tiles: the phase follows the channel's state at once. */
  observe(changed: readonly DestinationStatus[]): void {
    for (const d of changed) {
      // A destination added (or remapped to another channel) while the console runs is read like the first ones.
      if (this.needsRead(d)) {
        this.readNew(d);
        continue;
      }
      const known = this.known.get(d.id);
      if (!known) continue;
      // A run may leave the booth's switches in the schedule (a slate switch would steer the next cold start).
      if (BILLING_STATES.has(d.state) && known.slate) this.dirty.add(d.id);
      if (BILLING_STATES.has(d.state)) this.ran.add(d.id);
      else if (this.ran.has(d.id)) {
        // The run is over (stopped, or a start that failed back to IDLE): no standby, no switch on its way.
        this.ran.delete(d.id);
        this.startingToStandby.delete(d.id);
        this.standbySince.delete(d.id);
        this.standbyWarned.delete(d.id);
      }
      if (!BILLING_STATES.has(d.state)) this.switching.delete(d.id);
      if (!ON_AIR_STATES.has(d.state)) this.unreadSince.delete(d.id);
      // The input a stopped run ingested says nothing of the next run (started elsewhere, or cold on its live input):
      // once it runs again it is unconfirmed until read, never shown on the last run's input. (Again as the next run
      // starts: a read answered just before the stop may have come back after it.)
      const runOver = !BILLING_STATES.has(d.state) || d.state === 'STARTING';
      if (runOver && (known.active !== null || known.failedSince !== null))
        this.known.set(d.id, { ...known, active: null, activeReadAt: null, failedSince: null });
      const expected = this.toWarm(d);
      if (JSON.stringify(expected) !== JSON.stringify(d.warm)) this.deps.monitor.setWarm(d.id, expected);
    }
  }

  // ---------------------------------------------------------------------------------------------------------------

  private async tick(): Promise<void> {
    const now = this.now();
    for (const d of this.deps.monitor.snapshot().destinations) {
      if (this.needsRead(d)) this.readNew(d);
      const known = this.known.get(d.id);
      if (!known?.slate) continue;
      if (this.reading.has(d.id)) {
        this.watchRead(d, known, now);
        continue;
      }
      if (d.state === 'IDLE' && this.dirty.has(d.id) && !this.startingToStandby.has(d.id)) {
        void this.lane(d.id, () => this.clearSwitches(d));
        continue;
      }
      if (!ON_AIR_STATES.has(d.state)) continue;
      const every = this.switching.has(d.id) ? (this.deps.switchReadEveryMs ?? 100) : (this.deps.readEveryMs ?? 2_000);
      if (now - known.lastReadAt >= every) void this.read(d.id);
      this.watchStandby(d, now);
    }
  }

  private needsRead(d: DestinationStatus): boolean {
    if (!d.channelId || d.state === 'MISSING' || this.reading.has(d.id) || this.timer === null) return false;
    const known = this.known.get(d.id);
    return !known || known.channelId !== d.channelId;
  }

  private readNew(d: DestinationStatus): void {
    const tried = this.triedAt.get(d.id);
    if (tried !== undefined && this.now() - tried < READ_RETRY_MS) return;
    this.triedAt.set(d.id, this.now());
    void this.read(d.id).then((known) => {
      // Its schedule may hold the booth's switches from an earlier run, as at the start.
      if (known?.slate && known.channelId === d.channelId) this.dirty.add(d.id);
    });
  }

  private setModeOf(destinationId: string, mode: TakeMode): void {
    if (this.modes.get(destinationId) === mode) return;
    this.modes.set(destinationId, mode);
    this.deps.modes?.save(destinationId, mode);
  }

  /** DescribeChannel: the inputs attached, the class, and the attachment the pipeline ingests now. */
  private async read(destinationId: string): Promise<Known | null> {
    const status = this.deps.monitor.status(destinationId);
    if (!status?.channelId) return null;
    this.reading.add(destinationId);
    const previous = this.known.get(destinationId);
    try {
      const channel = await callAws('Read the channel inputs', () =>
        this.deps.medialive.send(new DescribeChannelCommand({ ChannelId: status.channelId! })),
      );
      const fresh = this.knownFrom(channel, status.channelId);
      const firstRead = !previous || previous.channelId !== fresh.channelId;
      // The time shown is when this attachment was first reported: a read that confirms it changes nothing on the tile.
      const known =
        previous &&
        !firstRead &&
        previous.active === fresh.active &&
        fresh.active !== null &&
        previous.failedSince === null
          ? { ...fresh, activeReadAt: previous.activeReadAt }
          : fresh;
      this.known.set(destinationId, known);
      this.triedAt.delete(destinationId);
      if (known.active !== null) this.unreadSince.delete(destinationId);
      // The mode chosen before a restart comes back once the channel is seen able to run warm (else it runs cold).
      if (firstRead && !this.modes.has(destinationId) && this.stored[destinationId] === 'warm' && known.slate)
        this.modes.set(destinationId, 'warm');
      // Remapped to a channel without a slate: it runs cold (a warm take there could only be refused).
      if (firstRead && previous && !known.slate && this.mode(destinationId) === 'warm')
        this.modes.set(destinationId, 'cold');
      if (known.active && this.switching.has(destinationId)) {
        const target = this.switching.get(destinationId)!.to === 'live' ? known.live : known.slate;
        if (known.active === target) this.switching.delete(destinationId);
      }
      if (known.active === known.slate && known.slate) {
        this.startingToStandby.delete(destinationId);
        if (!this.standbySince.has(destinationId))
          this.standbySince.set(destinationId, known.activeReadAt ?? this.now());
        // A channel found running on its slate is warm, whatever was chosen before (a restart of the console).
        this.setModeOf(destinationId, 'warm');
      } else {
        this.standbySince.delete(destinationId);
        this.standbyWarned.delete(destinationId);
      }
      this.publish(destinationId);
      return known;
    } catch (error) {
      // The last confirmed input stays shown, marked unconfirmed since it was last confirmed (never a guess).
      this.logger.warn('warm: could not read the channel inputs', {
        destinationId,
        message: error instanceof Error ? error.message : String(error),
      });
      // (A read on its way too long may have marked it already: that time stays.)
      const current = this.known.get(destinationId) ?? previous;
      if (current) {
        this.known.set(destinationId, {
          ...current,
          lastReadAt: this.now(),
          failedSince: current.failedSince ?? this.now(),
        });
        this.publish(destinationId);
      }
      return previous ?? null;
    } finally {
      this.reading.delete(destinationId);
    }
  }

  private knownFrom(channel: DescribeChannelResponse, channelId: string): Known {
    const names = (channel.InputAttachments ?? []).map((a) => a.InputAttachmentName ?? '').filter(Boolean);
    const found = warmAttachments(names);
    const state = toDestinationState(channel.State);
    const active = ON_AIR_STATES.has(state) ? (channel.PipelineDetails?.[0]?.ActiveInputAttachmentName ?? null) : null;
    const now = this.now();
    return {
      channelId,
      live: found.live,
      slate: found.ok ? found.slate : null,
      whyNot: found.ok ? null : found.why,
      standard: channel.ChannelClass === 'STANDARD',
      inputLossSlate: channel.EncoderSettings?.GlobalConfiguration?.InputLossBehavior?.InputLossImageType === 'SLATE',
      active,
      activeReadAt: active ? now : null,
      lastReadAt: now,
      confirmedAt: now,
      failedSince: null,
    };
  }

  /** One BatchUpdateSchedule creating one immediate input switch: the only request of a warm take. */
  private async sendSwitch(status: DestinationStatus, known: Known, to: Target, label: string): Promise<ActionResult> {
    const attachment = to === 'live' ? known.live! : known.slate!;
    const id = status.id;
    const since = this.now();
    this.switchCount += 1;
    const actionName = `${SWITCH_PREFIX}${to}-${since}-${this.switchCount}`;
    if (ON_AIR_STATES.has(status.state)) this.switching.set(id, { to, since });
    // The request leaves first; the tile's SWITCHING is published (a task later) while it is on its way.
    const sent = callAws(
      `${label} ${status.name}`,
      () =>
        this.deps.medialive.send(
          new BatchUpdateScheduleCommand({
            ChannelId: status.channelId!,
            Creates: {
              ScheduleActions: [
                {
                  ActionName: actionName,
                  ScheduleActionStartSettings: { ImmediateModeScheduleActionStartSettings: {} },
                  ScheduleActionSettings: { InputSwitchSettings: { InputAttachmentNameReference: attachment } },
                },
              ],
            },
          }),
        ),
      this.deps.retry ? { policy: this.deps.retry } : {},
    );
    setTimeout(() => this.publish(id), 0);
    try {
      await sent;
      this.deps.monitor.setLastError(id, null);
      this.deps.logger.info('warm: input switch requested', { destinationId: id, to });
      if (ON_AIR_STATES.has(status.state)) {
        this.deps.notifier.notify({
          destinationId: id,
          level: 'success',
          kind: 'action',
          title: `${status.name}: ${to === 'live' ? 'switching to the live input' : 'switching to the slate'}`,
          message: known.standard
            ? 'AWS accepted the switch; on a STANDARD channel MediaLive makes an immediate switch 10 s later.'
            : 'AWS accepted the switch; the tile turns when MediaLive reports the new input.',
        });
      }
      return { outcome: 'requested', state: status.state };
    } catch (error) {
      this.switching.delete(id);
      const failure =
        error instanceof BoothError ? error : new BoothError('internal', `${label} failed.`, { cause: error });
      const action = to === 'live' ? 'start' : 'stop';
      const message = `${label} ${status.name}: AWS refused the input switch (${failure.message}) Nothing else was sent; the channel's input is read again.`;
      this.deps.monitor.setLastError(id, { code: failure.code, message, at: this.now(), action });
      this.deps.notifier.notify({
        destinationId: id,
        level: 'error',
        kind: 'action',
        title: `${status.name}: ${to === 'live' ? failureHeadline('start', failure.code) : `DID NOT SWITCH TO SLATE — ${failure.message}`}`,
        message: [message, failure.detail ? `AWS said: "${failure.detail}".` : null, `Attempts: ${failure.attempts}.`]
          .filter(Boolean)
          .join(' '),
      });
      void this.read(id);
      throw new BoothError(failure.code, message, {
        ...(failure.detail ? { detail: failure.detail } : {}),
        attempts: failure.attempts,
      });
    }
  }

  /** Deletes the booth's own input switches from an IDLE channel's schedule (executed ones stay until deleted). */
  private async clearSwitches(d: DestinationStatus): Promise<void> {
    if (!this.dirty.has(d.id) || this.startingToStandby.has(d.id) || !d.channelId) return;
    const current = this.deps.monitor.status(d.id);
    if (current?.state !== 'IDLE') return;
    try {
      const names: string[] = [];
      for await (const page of paginateDescribeSchedule({ client: this.deps.medialive }, { ChannelId: d.channelId }))
        for (const a of page.ScheduleActions ?? [])
          if (a.ActionName?.startsWith(SWITCH_PREFIX) && a.ScheduleActionSettings?.InputSwitchSettings)
            names.push(a.ActionName);
      // "You can delete an action when the channel is running or when it is idle"
      // (https://docs.aws.amazon.com/medialive/latest/ug/submitting-batch-command.html).
      if (names.length > 0)
        await callAws('Clear the input switches', () =>
          this.deps.medialive.send(
            new BatchUpdateScheduleCommand({ ChannelId: d.channelId!, Deletes: { ActionNames: names } }),
          ),
        );
      this.dirty.delete(d.id);
      if (names.length > 0)
        this.deps.logger.info('warm: input switches cleared', { destinationId: d.id, count: names.length });
    } catch (error) {
      this.deps.logger.warn('warm: could not clear the input switches', {
        destinationId: d.id,
        message: error instanceof Error ? error.message : String(error),
      });
    }
  }

  /**
   * A read on its way for longer than three reads (retrying, or waiting for the client's timeout): the attachment
   * shown is no longer confirmed, and the tile says so now rather than when the read finally fails.
   */
  private watchRead(d: DestinationStatus, known: Known, now: number): void {
    if (!ON_AIR_STATES.has(d.state) || known.active === null || known.failedSince !== null) return;
    const after = this.deps.inputStaleAfterMs ?? 3 * (this.deps.readEveryMs ?? 2_000);
    if (now - known.confirmedAt < after) return;
    this.known.set(d.id, { ...known, failedSince: now });
    this.publish(d.id);
  }

  private watchStandby(d: DestinationStatus, now: number): void {
    const since = this.standbySince.get(d.id);
    if (since === undefined || this.standbyWarned.has(d.id)) return;
    if (now - since < (this.deps.standbyWarnAfterMs ?? 2 * 3_600_000)) return;
    this.standbyWarned.add(d.id);
    this.deps.notifier.notify({
      destinationId: d.id,
      level: 'warning',
      kind: 'forgotten-channel',
      title: `${d.name} has been in standby since ${clockTime(since)}`,
      message: `${d.name} runs on its slate and bills about $${this.deps.ratePerHour(d.id).toFixed(2)}/h. Take it live, or stop the channel if the show is not starting.`,
    });
  }

  private lane<T>(destinationId: string, run: () => Promise<T>): Promise<T> {
    const before = this.lanes.get(destinationId) ?? Promise.resolve();
    const next = before.then(run, run);
    this.lanes.set(
      destinationId,
      next.catch(() => undefined),
    );
    return next;
  }

  private status(destinationId: string): DestinationStatus {
    const status = this.deps.monitor.status(destinationId);
    if (!status) throw new BoothError('not-found', `There is no destination "${destinationId}" in this show.`);
    if (!status.channelId || status.state === 'MISSING')
      throw new BoothError('not-found', `${status.name}: ${status.problem ?? 'no MediaLive channel is mapped to it.'}`);
    return status;
  }

  private requireWarm(status: DestinationStatus): Known {
    const known = this.known.get(status.id);
    if (this.mode(status.id) !== 'warm')
      throw new BoothError(
        'invalid-state',
        `${status.name} is set to cold: choose warm before the show (nothing was sent).`,
      );
    if (!known?.live || !known.slate)
      throw new BoothError(
        'invalid-state',
        `${status.name} cannot run warm: ${known?.whyNot ?? 'its inputs could not be read'} (nothing was sent).`,
      );
    return known;
  }

  /** Never a switch on a channel that is not running: AWS would accept it and it would steer the next start. */
  private requireRunning(status: DestinationStatus, what: string): void {
    if (status.unconfirmed)
      throw new BoothError(
        'invalid-state',
        `${status.name} cannot ${what}: its state cannot be confirmed (${status.unconfirmed.reason}); nothing was sent.`,
      );
    if (!ON_AIR_STATES.has(status.state))
      throw new BoothError(
        'invalid-state',
        `${status.name} cannot ${what}: the channel is ${status.state}, not running on its slate. Put it in standby first; nothing was sent.`,
      );
  }

  /**
   * Nothing is switched on a channel whose input is not read yet, or no longer confirmed (its reads fail): what the
   * switch would change cannot be said.
   */
  private requireInputRead(status: DestinationStatus): void {
    if (this.phaseOf(status) === 'INPUT_UNCONFIRMED')
      throw new BoothError(
        'invalid-state',
        `${status.name} is running and the input it ingests is not confirmed yet: wait for the tile to say STANDBY or ON AIR (nothing was sent).`,
      );
    const since = this.staleSince(status);
    if (since !== null)
      throw new BoothError(
        'invalid-state',
        `${status.name}: the input it ingests has not been confirmed since ${clockTime(since)} (AWS does not answer the reads); wait until the tile confirms it again (nothing was sent).`,
      );
  }

  /** When the input shown (the last one read) was last confirmed, while the reads that would confirm it fail. */
  private staleSince(d: DestinationStatus): number | null {
    const known = this.known.get(d.id);
    if (!known || known.failedSince === null || known.active === null || !ON_AIR_STATES.has(d.state)) return null;
    return known.confirmedAt;
  }

  private phaseOf(d: DestinationStatus): WarmPhase {
    const known = this.known.get(d.id);
    if (!known?.slate) return 'OFF';
    if (this.startingToStandby.has(d.id) && (d.state === 'IDLE' || d.state === 'STARTING'))
      return 'STARTING_TO_STANDBY';
    if (!ON_AIR_STATES.has(d.state)) return 'OFF';
    if (this.switching.has(d.id)) return 'SWITCHING';
    // Started to standby by this console: its slate is scheduled, it is not on air. Otherwise the console does not
    // know yet which input the running channel ingests: it says so, never a guess.
    if (known.active === null) return this.startingToStandby.has(d.id) ? 'STARTING_TO_STANDBY' : 'INPUT_UNCONFIRMED';
    return known.active === known.slate ? 'STANDBY' : 'ON_AIR';
  }

  private toWarm(d: DestinationStatus): WarmStatus {
    const known = this.known.get(d.id);
    const switching = this.switching.get(d.id) ?? null;
    const phase = this.phaseOf(d);
    return {
      mode: this.mode(d.id),
      capable: Boolean(known?.slate && known.live),
      whyNot: known ? known.whyNot : 'its inputs have not been read yet',
      liveAttachment: known?.live ?? null,
      slateAttachment: known?.slate ?? null,
      activeAttachment: ON_AIR_STATES.has(d.state) ? (known?.active ?? null) : null,
      activeReadAt: ON_AIR_STATES.has(d.state) ? (known?.activeReadAt ?? null) : null,
      inputUnconfirmedSince: phase === 'INPUT_UNCONFIRMED' ? this.unreadFrom(d.id) : this.staleSince(d),
      phase,
      switchingTo: switching?.to ?? null,
      switchSince: switching?.since ?? null,
      standbySince: phase === 'STANDBY' ? (this.standbySince.get(d.id) ?? null) : null,
      standbyPerHour: this.deps.ratePerHour(d.id),
      inputLossSlate: known?.inputLossSlate ?? false,
      standard: known?.standard ?? false,
    };
  }

  /** Since when the destination has been seen running with its input not read (kept from the first sight). */
  private unreadFrom(destinationId: string): number {
    const since = this.unreadSince.get(destinationId) ?? this.now();
    this.unreadSince.set(destinationId, since);
    return since;
  }

  /**
   * A running channel not read yet: its attachments (from ListChannels) and nothing else. Which one the pipeline
   * ingests is DescribeChannel's PipelineDetails[].ActiveInputAttachmentName, "the name of the active input attachment
   * currently being ingested by this pipeline", part of the "runtime details of a pipeline when a channel is running"
   * (https://docs.aws.amazon.com/sdk-for-ruby/v2/api/Aws/MediaLive/Types/PipelineDetail.html).
   */
  private unreadWarm(d: DestinationStatus, found: { live: string; slate: string }): WarmStatus {
    return {
      mode: this.mode(d.id),
      capable: true,
      whyNot: null,
      liveAttachment: found.live,
      slateAttachment: found.slate,
      activeAttachment: null,
      activeReadAt: null,
      inputUnconfirmedSince: this.unreadFrom(d.id),
      phase: 'INPUT_UNCONFIRMED',
      switchingTo: null,
      switchSince: null,
      standbySince: null,
      standbyPerHour: this.deps.ratePerHour(d.id),
      inputLossSlate: false,
      standard: false,
    };
  }

  private publish(destinationId: string): void {
    const status = this.deps.monitor.status(destinationId);
    if (status && this.known.has(destinationId)) this.deps.monitor.setWarm(destinationId, this.toWarm(status));
  }

  private get logger(): Logger {
    return this.deps.logger;
  }
}
