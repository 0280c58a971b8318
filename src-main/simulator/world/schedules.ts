import type { TimerHandle } from '../../core/clock';
import { AwsError } from '../errors';
import type { TimerRegistry } from '../timers';

/** The universal target that calls MediaLive StopChannel, the only target the simulator runs. */
const STOP_CHANNEL_TARGET = /^arn:aws(-cn|-us-gov)?:scheduler:::aws-sdk:medialive:stopChannel$/;
/** "at(yyyy-mm-ddThh:mm:ss)" (Scheduler API Reference, CreateSchedule, ScheduleExpression). */
const AT_EXPRESSION = /^at\((\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})\)$/;
/** Schedule names: 1 to 64 of [0-9a-zA-Z-_.] (Scheduler API Reference, CreateSchedule, Name). */
const NAME = /^[0-9a-zA-Z\-_.]{1,64}$/;
const MAX_TIMER_MS = 2 ** 31 - 1;

export interface ScheduleRecord {
  name: string;
  group: string;
  arn: string;
  expression: string;
  /** When it fires (epoch ms, UTC). */
  at: number;
  target: { Arn: string; RoleArn: string; Input?: string };
  actionAfterCompletion: string;
  state: string;
  created: number;
  modified: number;
  description?: string;
}

/** What fired: the schedule and what its target call answered. */
export interface FiredSchedule {
  name: string;
  group: string;
  at: number;
  firedAt: number;
  channelId: string | null;
  outcome: string;
}

export interface ScheduleDeps {
  timers: TimerRegistry;
  now: () => number;
  region: string;
  accountId: string;
  /** The groups that exist (the stack's). */
  groups: () => string[];
  /** MediaLive StopChannel on the simulator's own channels (throws an AwsError as the API would). */
  stopChannel: (channelId: string) => void;
}

/**
 * EventBridge Scheduler one-time schedules: created, updated, read and deleted by name in a group; each fires at its
 * time on the simulator's clock, calls its universal target, and is deleted after it ran when ActionAfterCompletion
 * is DELETE ("EventBridge Scheduler deletes the schedule after its last target invocation",
 * https://docs.aws.amazon.com/scheduler/latest/UserGuide/managing-schedule-delete.html).
 */
export class ScheduleWorld {
  private readonly schedules = new Map<string, ScheduleRecord>();
  private readonly timers = new Map<string, TimerHandle>();
  readonly fired: FiredSchedule[] = [];

  constructor(private readonly deps: ScheduleDeps) {}

  list(): ScheduleRecord[] {
    return [...this.schedules.values()].map((s) => ({ ...s, target: { ...s.target } }));
  }

  get(name: string, group: string): ScheduleRecord {
    this.requireGroup(group);
    const schedule = this.schedules.get(key(name, group));
    if (!schedule) throw new AwsError('ResourceNotFoundException', 404, `Schedule ${name} does not exist.`);
    return schedule;
  }

  /** GetScheduleGroup's answer (timestamps in epoch seconds). */
  group(name: string): Record<string, unknown> {
    this.requireGroup(name);
    return {
      Name: name,
      Arn: `arn:aws:scheduler:${this.deps.region}:${this.deps.accountId}:schedule-group/${name}`,
      State: 'ACTIVE',
    };
  }

  create(name: string, body: Record<string, unknown>): string {
    const group = groupOf(body);
    this.requireGroup(group);
    if (this.schedules.has(key(name, group)))
      throw new AwsError('ConflictException', 409, `Schedule ${name} already exists.`);
    const record = this.validated(name, group, body, this.deps.now());
    this.schedules.set(key(name, group), record);
    this.arm(record);
    return record.arn;
  }

  update(name: string, body: Record<string, unknown>): string {
    const group = groupOf(body);
    const existing = this.get(name, group);
    const record = { ...this.validated(name, group, body, existing.created), modified: this.deps.now() };
    this.schedules.set(key(name, group), record);
    this.arm(record);
    return record.arn;
  }

  delete(name: string, group: string): void {
    this.get(name, group);
    this.disarm(key(name, group));
    this.schedules.delete(key(name, group));
  }

  /** Fires a schedule now, as if its time had come (control API). */
  fireNow(name: string, group: string): FiredSchedule {
    this.get(name, group);
    return this.fire(key(name, group));
  }

  /** Removes a schedule as someone else would (the console or a colleague in the AWS console); control API. */
  removeElsewhere(name: string, group: string): void {
    this.delete(name, group);
  }

  private validated(name: string, group: string, body: Record<string, unknown>, created: number): ScheduleRecord {
    if (!NAME.test(name)) throw new AwsError('ValidationException', 400, `Invalid schedule name ${name}.`);
    const expression = text(body['ScheduleExpression'], '');
    const match = AT_EXPRESSION.exec(expression);
    if (!match) throw new AwsError('ValidationException', 400, `Invalid Schedule Expression ${expression}.`);
    const timezone = text(body['ScheduleExpressionTimezone'], 'UTC');
    if (timezone !== 'UTC')
      throw new AwsError('ValidationException', 400, `The simulator evaluates UTC only, not ${timezone}.`);
    const [, y, mo, d, h, mi, s] = match.map(Number) as [number, number, number, number, number, number, number];
    const at = Date.UTC(y, mo - 1, d, h, mi, s);
    // A one-time schedule whose time has passed is refused (the time is checked on AWS's clock).
    if (at <= this.deps.now())
      throw new AwsError('ValidationException', 400, 'The schedule expression must be a time in the future.');
    const target = body['Target'] as Record<string, unknown> | undefined;
    if (!target || typeof target['Arn'] !== 'string' || typeof target['RoleArn'] !== 'string')
      throw new AwsError('ValidationException', 400, 'Target with Arn and RoleArn is required.');
    const flexible = body['FlexibleTimeWindow'] as Record<string, unknown> | undefined;
    if (!flexible || typeof flexible['Mode'] !== 'string')
      throw new AwsError('ValidationException', 400, 'FlexibleTimeWindow is required.');
    const now = this.deps.now();
    return {
      name,
      group,
      arn: `arn:aws:scheduler:${this.deps.region}:${this.deps.accountId}:schedule/${group}/${name}`,
      expression,
      at,
      target: {
        Arn: target['Arn'],
        RoleArn: target['RoleArn'],
        ...(typeof target['Input'] === 'string' ? { Input: target['Input'] } : {}),
      },
      actionAfterCompletion: text(body['ActionAfterCompletion'], 'NONE'),
      state: text(body['State'], 'ENABLED'),
      created,
      modified: now,
      ...(typeof body['Description'] === 'string' ? { description: body['Description'] } : {}),
    };
  }

  private requireGroup(group: string): void {
    if (!this.deps.groups().includes(group))
      throw new AwsError('ResourceNotFoundException', 404, `Schedule group ${group} does not exist.`);
  }

  private arm(record: ScheduleRecord): void {
    const k = key(record.name, record.group);
    this.disarm(k);
    if (record.state !== 'ENABLED') return;
    // Timers hold at most 2^31-1 ms (about 24.8 days; a longer delay fires at once): a far schedule waits in steps.
    const wait = record.at - this.deps.now();
    this.timers.set(
      k,
      this.deps.timers.setTimeout(
        () => (wait > MAX_TIMER_MS ? this.arm(record) : this.fire(k)),
        Math.min(wait, MAX_TIMER_MS),
      ),
    );
  }

  private disarm(k: string): void {
    const handle = this.timers.get(k);
    if (handle) this.deps.timers.clearTimeout(handle);
    this.timers.delete(k);
  }

  private fire(k: string): FiredSchedule {
    const record = this.schedules.get(k);
    if (!record) throw new AwsError('ResourceNotFoundException', 404, 'Schedule does not exist.');
    this.disarm(k);
    let channelId: string | null = null;
    let outcome = 'invoked';
    if (!STOP_CHANNEL_TARGET.test(record.target.Arn)) outcome = `target ${record.target.Arn} is not simulated`;
    else {
      try {
        const input = JSON.parse(record.target.Input ?? '{}') as { ChannelId?: unknown };
        channelId = typeof input.ChannelId === 'string' ? input.ChannelId : null;
        if (channelId === null) outcome = 'Input has no ChannelId';
        else this.deps.stopChannel(channelId);
      } catch (error) {
        outcome = error instanceof Error ? `StopChannel refused: ${error.message}` : 'StopChannel refused';
      }
    }
    if (record.actionAfterCompletion === 'DELETE') this.schedules.delete(k);
    const fired = {
      name: record.name,
      group: record.group,
      at: record.at,
      firedAt: this.deps.now(),
      channelId,
      outcome,
    };
    this.fired.push(fired);
    return fired;
  }
}

function key(name: string, group: string): string {
  return `${group}/${name}`;
}

function groupOf(body: Record<string, unknown>): string {
  return typeof body['GroupName'] === 'string' && body['GroupName'] !== '' ? body['GroupName'] : 'default';
}

/** A string member of the request, or its default when absent or not a string. */
function text(value: unknown, fallback: string): string {
  return typeof value === 'string' ? value : fallback;
}
