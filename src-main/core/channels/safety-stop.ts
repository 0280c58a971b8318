import {
  CreateScheduleCommand,
  DeleteScheduleCommand,
  GetScheduleCommand,
  UpdateScheduleCommand,
  type CreateScheduleCommandInput,
  type SchedulerClient,
} from '@aws-sdk/client-scheduler';
import type { DestinationStatus } from '../../../shared/domain/destination';
import type { BoothError } from '../../../shared/domain/errors';
import { SAFETY_STOP_DEFAULT_RUN_MS, type SafetyStop } from '../../../shared/domain/safety-stop';
import { clockTime } from '../../../shared/domain/time-format';
import { callAws, type RetryPolicy } from '../../aws/retry';
import type { Logger } from '../logger';
import type { Notifier } from '../notifications/notifier';

/** A stop seen this close before the schedule's time is still taken for the schedule's (AWS runs at-schedules within
 * the minute: "invoke their targets with 60 second precision",
 * https://docs.aws.amazon.com/scheduler/latest/UserGuide/schedule-types.html). */
const FIRE_TOLERANCE_MS = 90_000;
/**
 * A schedule still there when its channel stops at its time is asked about again after these waits: AWS "deletes the
 * schedule after its last target invocation" (https://docs.aws.amazon.com/scheduler/latest/UserGuide/managing-schedule-delete.html),
 * not at the same instant as the StopChannel it sent.
 */
const RECHECK_DUE_MS = [5_000, 15_000, 30_000];
/** A clock difference between this PC and AWS beyond this is corrected in the schedule and told to the operator. */
const SKEW_TOLERANCE_MS = 60_000;

interface Run {
  channelId: string;
  name: string;
  startedAt: number;
  /** When the channel is to stop, on this PC's clock. */
  at: number;
  /** A stop from this console is on its way: the stop that follows is not the schedule's. */
  stopping?: boolean;
  /** Seen starting or on air since it was armed: an IDLE before that is the state before the take, not a stop. */
  seenLive?: boolean;
  /** The question put to AWS about a stop nobody here sent: true when it was the schedule (asked once per run). */
  explained?: Promise<boolean>;
}

/** States a run is picked up in after a restart (a channel on its way to the air or on it). */
const LIVE_STATES: ReadonlySet<DestinationStatus['state']> = new Set(['STARTING', 'RUNNING', 'RECOVERING']);

/** "at(2026-12-01T22:30:00)" in UTC back to epoch ms; null for any other expression (rate, cron, another zone). */
function parseAtExpression(expression: string | undefined, timezone: string | undefined): number | null {
  const match = /^at\((\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d)\)$/.exec(expression ?? '');
  // The zone defaults to UTC (Scheduler API Reference, CreateSchedule, ScheduleExpressionTimezone).
  if (!match || (timezone !== undefined && timezone !== 'UTC')) return null;
  const at = Date.parse(`${match[1]}Z`);
  return Number.isFinite(at) ? at : null;
}

export interface SafetyStopDeps {
  scheduler: SchedulerClient;
  /** The stack's schedule group and the role the schedules run with; null on a stack without them. */
  group: string | null;
  roleArn: string | null;
  region: string;
  monitor: { setSafetyStop(destinationId: string, value: SafetyStop | null): void };
  notifier: Notifier;
  logger: Logger;
  now: () => number;
  /** The admin's grace period after the planned end (minutes). */
  graceMinutes: () => number;
  /** The show plan's end (epoch ms), or null without a plan. */
  plannedEnd: () => number | null;
  retry?: RetryPolicy;
  /** The waits before asking again about a due schedule still there (tests shorten them). */
  recheckDueMs?: readonly number[];
}

/** "lunora-<destination id>": one schedule per destination (a name is 1 to 64 of [0-9a-zA-Z-_.]). */
export function scheduleName(destinationId: string): string {
  return `lunora-${destinationId}`.slice(0, 64);
}

/** "at(2026-12-01T22:30:00)" in UTC (Scheduler API Reference, CreateSchedule, ScheduleExpression). */
export function atExpression(epochMs: number): string {
  return `at(${new Date(epochMs).toISOString().slice(0, 19)})`;
}

/**
 * The universal target that calls MediaLive StopChannel: "arn:aws:scheduler:::aws-sdk:service:apiAction", its Input
 * the API's request parameters (https://docs.aws.amazon.com/scheduler/latest/UserGuide/managing-targets-universal.html).
 */
function stopChannelTarget(region: string): string {
  const partition = region.startsWith('cn-') ? 'aws-cn' : region.startsWith('us-gov-') ? 'aws-us-gov' : 'aws';
  return `arn:${partition}:scheduler:::aws-sdk:medialive:stopChannel`;
}

/**
 * The safety net in AWS itself: a channel the console starts gets a one-time EventBridge Scheduler schedule that calls
 * StopChannel at the show's planned end plus the admin's grace period (without a plan, four hours after the start plus
 * the grace), so a booth PC that crashes or is switched off leaves nothing billing for ever. Moving the planned end
 * moves every schedule; a stop from the console deletes its schedule. A take never waits for any of this: when the
 * schedule cannot be made, the operator is told at once (the tile and the incident log) and the channel stays live.
 */
export class SafetyStops {
  private readonly runs = new Map<string, Run>();
  /** This PC's clock minus AWS's (ms), as last measured from a schedule's CreationDate. */
  private skewMs = 0;
  /** Runs already looked up after a restart ("destination@start"), so each is picked up once. */
  private readonly pickedUp = new Set<string>();
  /** When this console (session) started: a run started before then by this console is picked up, not armed. */
  private readonly since: number;

  constructor(private readonly deps: SafetyStopDeps) {
    this.since = deps.now();
  }

  /** When the run started at `startedAt` is to stop, on this PC's clock. */
  stopTime(startedAt: number): number {
    const end = this.deps.plannedEnd();
    const base = end !== null && end > startedAt ? end : startedAt + SAFETY_STOP_DEFAULT_RUN_MS;
    return base + this.deps.graceMinutes() * 60_000;
  }

  /** The channel was started from this console: create its schedule (replacing one left from an earlier run). */
  async arm(destinationId: string, channelId: string, name: string): Promise<void> {
    const run: Run = { channelId, name, startedAt: this.deps.now(), at: 0 };
    run.at = this.stopTime(run.startedAt);
    this.runs.set(destinationId, run);
    const { group, roleArn } = this.deps;
    if (!group || !roleArn) {
      this.missing(destinationId, run, 'the stack has no safety-stop schedule group or role (update the stack)');
      return;
    }
    try {
      await this.send('create', destinationId, run);
    } catch (error) {
      const failure = error as BoothError;
      if (failure.awsCode !== 'ConflictException') return this.missing(destinationId, run, failure.message);
      // A schedule of this name is left from an earlier run (a console that crashed before its stop): take it over.
      try {
        await this.send('update', destinationId, run);
        this.deps.logger.info('safety-stop: replaced a schedule left from an earlier run', { destinationId });
      } catch (again) {
        return this.missing(destinationId, run, (again as BoothError).message);
      }
    }
    await this.checkClock(destinationId, run);
    if (this.runs.get(destinationId) === run) this.show(destinationId, run);
  }

  /** A stop from this console is about to be sent (or failed: `false`). */
  expectStop(destinationId: string, expected = true): void {
    const run = this.runs.get(destinationId);
    if (run) run.stopping = expected;
  }

  /** The channel was stopped from this console: its schedule goes (one already gone is fine). */
  async disarm(destinationId: string): Promise<void> {
    const run = this.runs.get(destinationId);
    this.runs.delete(destinationId);
    this.deps.monitor.setSafetyStop(destinationId, null);
    if (!run || !this.deps.group) return;
    try {
      await callAws(
        'Delete the safety stop',
        () =>
          this.deps.scheduler.send(
            new DeleteScheduleCommand({ Name: scheduleName(destinationId), GroupName: this.deps.group ?? undefined }),
          ),
        this.policy(),
      );
    } catch (error) {
      const failure = error as BoothError;
      if (failure.awsCode === 'ResourceNotFoundException') return;
      // Harmless when it fires (StopChannel on an idle channel is refused), but the operator should know it is there.
      this.deps.notifier.notify({
        destinationId,
        level: 'warning',
        kind: 'alert',
        title: `${run.name}: safety stop not removed`,
        message: `The schedule ${scheduleName(destinationId)} remains in AWS (${failure.message}). It stops the channel at ${clockTime(run.at, this.deps.now())} if it is running then.`,
      });
    }
  }

  /** The show's planned end moved (or the grace changed): every schedule moves with it. */
  async replan(): Promise<void> {
    await Promise.all(
      [...this.runs.entries()].map(async ([destinationId, run]) => {
        const at = this.stopTime(run.startedAt);
        if (at === run.at) return;
        run.at = at;
        await this.move(destinationId, run);
      }),
    );
  }

  /** Checks every schedule still exists: one deleted by someone else is created again, and the operator told. */
  async verify(): Promise<void> {
    if (!this.deps.group) return;
    await Promise.all(
      [...this.runs.entries()].map(async ([destinationId, run]) => {
        if (run.at <= this.deps.now()) return;
        try {
          await callAws(
            'Read the safety stop',
            () =>
              this.deps.scheduler.send(
                new GetScheduleCommand({ Name: scheduleName(destinationId), GroupName: this.deps.group ?? undefined }),
              ),
            this.policy(),
          );
        } catch (error) {
          if ((error as BoothError).awsCode === 'ResourceNotFoundException') await this.recreate(destinationId, run);
        }
      }),
    );
  }

  /**
   * Channel states as AWS reports them: a run that stops without a stop from this console is asked about in AWS.
   * Its schedule gone means it fired (a one-time schedule with ActionAfterCompletion DELETE deletes itself once it
   * ran): the tile says so as an alarm, not as a routine change. Still there, the channel was stopped elsewhere and
   * its schedule has nothing left to do. Asking AWS, not the clock, keeps this right when the PC's clock is off.
   */
  observe(destinations: DestinationStatus[]): void {
    for (const d of destinations) {
      const run = this.runs.get(d.id);
      if (!run) {
        this.pickUp(d);
        continue;
      }
      if (run.stopping) continue;
      if (LIVE_STATES.has(d.state)) run.seenLive = true;
      if (d.state === 'STOPPING' || d.state === 'IDLE') void this.explain(d.id);
    }
  }

  /**
   * A stop of a run nobody at this console asked for: was it the safety schedule? Null when there is nothing to ask
   * (no run watched, a stop from this console, or the state before the take). Asked once per run; the channel alarms
   * wait for the answer so that the operator gets one alarm, the safety stop's or their own, not both.
   */
  explain(destinationId: string): Promise<boolean> | null {
    const run = this.runs.get(destinationId);
    if (!run || (run.stopping && !run.explained) || !run.seenLive) return null;
    run.stopping = true;
    run.explained ??= this.explainStop(destinationId, run);
    return run.explained;
  }

  /**
   * After a restart (or a reconnection), a channel this console started before it came up is still live: its
   * schedule in AWS is picked up (not created twice), moved if the plan changed meanwhile, and created if it is gone.
   */
  private pickUp(d: DestinationStatus): void {
    const origin = d.startedBy;
    if (!origin?.thisConsole || !d.channelId || !LIVE_STATES.has(d.state) || origin.startedAt >= this.since) return;
    const key = `${d.id}@${origin.startedAt}`;
    if (this.pickedUp.has(key)) return;
    this.pickedUp.add(key);
    const run: Run = { channelId: d.channelId, name: d.name, startedAt: origin.startedAt, at: 0 };
    run.at = this.stopTime(run.startedAt);
    run.seenLive = d.state !== 'STARTING';
    this.runs.set(d.id, run);
    void this.adopt(d.id, run);
  }

  private async adopt(destinationId: string, run: Run): Promise<void> {
    const { group, roleArn } = this.deps;
    if (!group || !roleArn) {
      this.missing(destinationId, run, 'the stack has no safety-stop schedule group or role (update the stack)');
      return;
    }
    let inAws: number | null;
    try {
      const read = await callAws(
        'Read the safety stop',
        () => this.deps.scheduler.send(new GetScheduleCommand({ Name: scheduleName(destinationId), GroupName: group })),
        this.policy(),
      );
      inAws = parseAtExpression(read.ScheduleExpression, read.ScheduleExpressionTimezone);
    } catch (error) {
      if (this.runs.get(destinationId) !== run) return;
      const failure = error as BoothError;
      if (failure.awsCode === 'ResourceNotFoundException') return this.recreate(destinationId, run, 'restart');
      return this.missing(destinationId, run, failure.message);
    }
    if (this.runs.get(destinationId) !== run) return;
    this.deps.logger.info('safety-stop: picked up the schedule of a run started before this console', {
      destinationId,
    });
    // Whole seconds in AWS: a schedule at the time this console would set is left as it is.
    if (inAws !== null && Math.abs(inAws - run.at) < 1_000) return this.show(destinationId, run);
    await this.move(destinationId, run);
  }

  private async explainStop(destinationId: string, run: Run): Promise<boolean> {
    const seenAt = this.deps.now();
    let gone = await this.scheduleGone(destinationId);
    // Due now: the schedule may be on its way out. The clock only decides whether to ask again, never the answer.
    const due = seenAt >= run.at - FIRE_TOLERANCE_MS;
    for (const wait of due ? (this.deps.recheckDueMs ?? RECHECK_DUE_MS) : []) {
      if (gone || this.runs.get(destinationId) !== run) break;
      await new Promise((resolve) => setTimeout(resolve, wait));
      gone = await this.scheduleGone(destinationId);
    }
    if (this.runs.get(destinationId) !== run) return false;
    if (!gone) {
      // Stopped elsewhere (another console, the AWS console): the answer goes at once (the alarm waits for it), and
      // the schedule it no longer needs is deleted after.
      void this.disarm(destinationId);
      return false;
    }
    this.runs.delete(destinationId);
    // AWS fires within the minute of its time; a stop seen earlier (the schedule was run by hand) keeps its own time.
    const at = seenAt < run.at - FIRE_TOLERANCE_MS ? seenAt : run.at;
    const note = `stopped by its safety schedule at ${clockTime(at, this.deps.now())}`;
    this.deps.monitor.setSafetyStop(destinationId, { state: 'fired', at, note });
    this.deps.notifier.notify({
      destinationId,
      level: 'error',
      kind: 'alert',
      title: `${run.name}: ${note}`,
      message: `AWS stopped ${run.name} on its safety schedule (the planned end plus ${this.deps.graceMinutes()} min grace). Take it live again if the show goes on.`,
    });
    return true;
  }

  /** True when AWS no longer has the schedule (a one-time schedule that ran deletes itself). */
  private async scheduleGone(destinationId: string): Promise<boolean> {
    try {
      await this.deps.scheduler.send(
        new GetScheduleCommand({ Name: scheduleName(destinationId), GroupName: this.deps.group ?? undefined }),
      );
      return false;
    } catch (error) {
      return (error as { name?: string }).name === 'ResourceNotFoundException';
    }
  }

  private async move(destinationId: string, run: Run): Promise<void> {
    if (!this.deps.group || !this.deps.roleArn) return;
    try {
      await this.send('update', destinationId, run);
      this.show(destinationId, run);
    } catch (error) {
      const failure = error as BoothError;
      if (failure.awsCode === 'ResourceNotFoundException') return this.recreate(destinationId, run);
      this.missing(destinationId, run, failure.message);
    }
  }

  private async recreate(destinationId: string, run: Run, found: 'deleted' | 'restart' = 'deleted'): Promise<void> {
    try {
      await this.send('create', destinationId, run);
      this.show(destinationId, run);
      const name = scheduleName(destinationId);
      const at = clockTime(run.at, this.deps.now());
      this.deps.notifier.notify({
        destinationId,
        level: 'warning',
        kind: 'alert',
        title:
          found === 'deleted'
            ? `${run.name}: safety stop was deleted outside the console`
            : `${run.name}: safety stop was missing after the console restarted`,
        message:
          found === 'deleted'
            ? `Someone deleted the schedule ${name} in AWS; the console created it again for ${at}.`
            : `${run.name} was live without its schedule ${name} in AWS (deleted, or never made before the console went down); the console created it for ${at}.`,
      });
    } catch (error) {
      this.missing(destinationId, run, (error as BoothError).message);
    }
  }

  /**
   * Measures this PC's clock against AWS's from the schedule's CreationDate; beyond a minute, the schedule is set
   * again in AWS's time so that it fires when this PC's clock shows the stop time, and the operator is told.
   */
  private async checkClock(destinationId: string, run: Run): Promise<void> {
    try {
      const before = this.deps.now();
      const read = await this.deps.scheduler.send(
        new GetScheduleCommand({ Name: scheduleName(destinationId), GroupName: this.deps.group ?? undefined }),
      );
      const created = read.LastModificationDate ?? read.CreationDate;
      if (!created) return;
      const skew = Math.round((before + this.deps.now()) / 2) - created.getTime();
      if (Math.abs(skew) <= SKEW_TOLERANCE_MS) return;
      this.skewMs = skew;
      await this.send('update', destinationId, run);
      this.deps.notifier.notify({
        destinationId,
        level: 'warning',
        kind: 'alert',
        title: `This PC's clock is ${Math.round(Math.abs(skew) / 1000)} s ${skew > 0 ? 'ahead of' : 'behind'} AWS`,
        message: `The safety stop of ${run.name} was set in AWS's time so it stops at ${clockTime(run.at, this.deps.now())} on this PC's clock. Set the PC's clock (automatic time) before the next show.`,
      });
    } catch (error) {
      this.deps.logger.warn('safety-stop: could not compare the clock with AWS', {
        message: error instanceof Error ? error.message : String(error),
      });
    }
  }

  private send(kind: 'create' | 'update', destinationId: string, run: Run): Promise<unknown> {
    const input: CreateScheduleCommandInput = {
      Name: scheduleName(destinationId),
      GroupName: this.deps.group ?? undefined,
      // In AWS's time: a PC clock ahead of AWS by `skewMs` shows the stop at `at` when AWS's shows `at - skewMs`.
      ScheduleExpression: atExpression(run.at - this.skewMs),
      ScheduleExpressionTimezone: 'UTC',
      FlexibleTimeWindow: { Mode: 'OFF' },
      ActionAfterCompletion: 'DELETE',
      Description: `Lunora Booth safety stop of ${run.name}`.slice(0, 512),
      Target: {
        Arn: stopChannelTarget(this.deps.region),
        RoleArn: this.deps.roleArn ?? '',
        Input: JSON.stringify({ ChannelId: run.channelId }),
      },
    };
    const label = kind === 'create' ? 'Create the safety stop' : 'Move the safety stop';
    return callAws(
      label,
      () =>
        this.deps.scheduler.send(
          kind === 'create' ? new CreateScheduleCommand(input) : new UpdateScheduleCommand(input),
        ),
      this.policy(),
    );
  }

  private show(destinationId: string, run: Run): void {
    this.deps.monitor.setSafetyStop(destinationId, {
      state: 'armed',
      at: run.at,
      note: `auto-stop ${clockTime(run.at, this.deps.now())}`,
    });
  }

  private missing(destinationId: string, run: Run, why: string): void {
    this.deps.monitor.setSafetyStop(destinationId, { state: 'missing', at: null, note: 'no auto-stop in AWS' });
    this.deps.notifier.notify({
      destinationId,
      level: 'error',
      kind: 'alert',
      title: `${run.name}: no safety stop in AWS`,
      message: `${run.name} is live, but its safety stop could not be set: ${why} If this PC goes down, nothing stops the channel: end it yourself.`,
    });
  }

  private policy(): { policy?: RetryPolicy } {
    return this.deps.retry ? { policy: this.deps.retry } : {};
  }
}
