import { BILLING_STATES, type DestinationState } from '../../../shared/domain/channel';
import type { Alarm, DestinationStatus } from '../../../shared/domain/destination';
import type { Notifier } from '../notifications/notifier';

/**
 * How long a start or stop this console sent explains the change that follows (MediaLive takes a minute or two).
 * Bounded, so that a request AWS refused does not hide a change made elsewhere for the rest of the show.
 */
const EXPECT_MS = 10 * 60_000;

/** On air for the tally: running, or recovering after running. */
const ON_AIR: ReadonlySet<DestinationState> = new Set(['RUNNING', 'RECOVERING']);
/** States a channel that was on air should never fall into on its own. */
const FAILED: ReadonlySet<DestinationState> = new Set(['CREATE_FAILED', 'UPDATE_FAILED', 'MISSING', 'DELETED']);

type Intent = 'start' | 'stop';

/** True once the stop has been announced by the explainer itself; null when it has nothing to say about it. */
export type StopExplainer = (destinationId: string) => Promise<boolean> | null;

/** The alarms of a channel that left the air: the ones a safety stop may explain. */
const STOP_KINDS: ReadonlySet<Alarm['kind']> = new Set(['stopped-elsewhere', 'dropped']);

const hms = (ms: number) => {
  const total = Math.max(0, Math.floor(ms / 1_000));
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${pad(Math.floor(total / 3_600))}:${pad(Math.floor((total % 3_600) / 60))}:${pad(total % 60)}`;
};

/**
 * Turns the changes nobody at this console asked for into latched alarms on the tile (the `alarm` field), with a
 * notification each: a channel that leaves the air without this console's stop, enters RECOVERING, fails while on
 * air, or is started or stopped elsewhere. The latch holds until the operator acknowledges it, even when the
 * channel recovers on its own: an operator who looked away must still learn that viewers saw a drop.
 *
 * The channel monitor calls `review` on every status it is about to publish, so the alarm travels in the same
 * delta as the state change that raised it.
 */
export class ChannelAlarms {
  private readonly expected = new Map<string, Partial<Record<Intent, number>>>();
  private explainStop: StopExplainer | null = null;

  constructor(
    private readonly notifier: Notifier,
    private readonly now: () => number = Date.now,
  ) {}

  /**
   * Something that may say an unplanned stop in its own words (the safety stop that fired): asked before a stop's
   * alarm is announced, so the operator gets one alarm, not two. The latch on the tile is raised at once either way.
   */
  explainStopsWith(explain: StopExplainer): void {
    this.explainStop = explain;
  }

  /** This console is about to send a start or a stop: the change that follows is planned. */
  expect(destinationId: string, intent: Intent): void {
    this.expected.set(destinationId, { ...this.expected.get(destinationId), [intent]: this.now() });
  }

  /** The status to publish: `next`, with an alarm raised (or updated) when the change from `previous` is unplanned. */
  review(previous: DestinationStatus | undefined, next: DestinationStatus): DestinationStatus {
    // Only a change AWS confirmed counts: an unconfirmed tile keeps its last confirmed state, and UNKNOWN is "never read".
    if (!previous || previous.state === next.state || next.unconfirmed) return next;
    if (previous.state === 'UNKNOWN' || next.state === 'UNKNOWN') return next;
    const at = next.stateSince ?? this.now();
    const alarm = this.alarmFor(previous, next, at);
    if (next.state === 'RUNNING') this.consume(next.id, 'start');
    if (!BILLING_STATES.has(next.state)) this.consume(next.id, 'stop');
    if (alarm === undefined) return next;
    if (alarm.recoveredAt === null) this.announce(next, alarm);
    return { ...next, alarm };
  }

  /** Undefined when the change raises nothing (the current latch, if any, stays as it is). */
  private alarmFor(previous: DestinationStatus, next: DestinationStatus, at: number): Alarm | undefined {
    const { name } = next;
    const from = previous.state;
    const onAirFor = ON_AIR.has(from) && previous.runningSince !== null ? at - previous.runningSince : null;
    const raise = (kind: Alarm['kind'], message: string): Alarm => ({
      kind,
      at,
      message,
      onAirFor: kind === 'started-elsewhere' ? null : onAirFor,
      recoveredAt: null,
    });
    const billing = BILLING_STATES.has(from);
    const stopPlanned = this.isExpected(next.id, 'stop');
    switch (next.state) {
      case 'RECOVERING':
        return from === 'RUNNING'
          ? raise(
              'recovering',
              `MediaLive is recovering ${name}'s pipeline: it is still on air, but viewers may see a glitch or a freeze. Watch the input health.`,
            )
          : undefined;
      case 'RUNNING':
        if (from === 'RECOVERING' && next.alarm?.kind === 'recovering' && next.alarm.recoveredAt === null)
          return { ...next.alarm, recoveredAt: at };
        if (!billing && !this.isExpected(next.id, 'start'))
          return raise('started-elsewhere', `${name} went on air without a take from this console.`);
        return undefined;
      case 'STARTING':
        return !billing && !this.isExpected(next.id, 'start')
          ? raise(
              'started-elsewhere',
              `${name} was started outside this console (another console, a person in the AWS console, or a script). It bills from now on.`,
            )
          : undefined;
      case 'STOPPING':
        return ON_AIR.has(from) && !stopPlanned
          ? raise(
              'stopped-elsewhere',
              `${name} is being stopped outside this console (another console, a person in the AWS console, or a script). Viewers lose the stream.`,
            )
          : undefined;
      case 'IDLE':
        if (from === 'STOPPING' || !billing || stopPlanned) return undefined;
        return from === 'STARTING'
          ? raise(
              'failed',
              `${name} stopped while it was starting, without a stop from this console; it never went on air.`,
            )
          : raise(
              'dropped',
              `${name} went off air without a stop from this console: a failure, another console, or a person in the AWS console. Viewers lost the stream.`,
            );
      default:
        return FAILED.has(next.state) && billing
          ? raise(
              'failed',
              `${name}'s channel reads ${next.state.replace('_', ' ')} while it was on air: ${next.problem ?? 'MediaLive reports a failure'}. An admin must look at the channel.`,
            )
          : undefined;
    }
  }

  private isExpected(destinationId: string, intent: Intent): boolean {
    const at = this.expected.get(destinationId)?.[intent];
    return at !== undefined && this.now() - at <= EXPECT_MS;
  }

  private consume(destinationId: string, intent: Intent): void {
    const current = this.expected.get(destinationId);
    if (!current?.[intent]) return;
    const { [intent]: _done, ...rest } = current;
    this.expected.set(destinationId, rest);
  }

  private announce(status: DestinationStatus, alarm: Alarm): void {
    const explained = STOP_KINDS.has(alarm.kind) ? this.explainStop?.(status.id) : null;
    if (!explained) return this.notifyAlarm(status, alarm);
    void explained.then(
      (said) => {
        if (!said) this.notifyAlarm(status, alarm);
      },
      () => this.notifyAlarm(status, alarm),
    );
  }

  private notifyAlarm(status: DestinationStatus, alarm: Alarm): void {
    const { name, id } = status;
    const after = alarm.onAirFor !== null ? ` after ${hms(alarm.onAirFor)} on air` : '';
    const titles: Record<Alarm['kind'], string> = {
      dropped: `${name} DROPPED off air${after}`,
      recovering: `${name} is RECOVERING (still on air)`,
      failed: `${name} failed`,
      'started-elsewhere': `${name} started outside this console`,
      'stopped-elsewhere': `${name} stopped outside this console${after}`,
      // Raised from AWS's alert events (alert-events.ts), never from a change of state.
      'aws-alert': `${name}: MediaLive alert`,
    };
    this.notifier.notify({
      destinationId: id,
      level: alarm.kind === 'recovering' || alarm.kind === 'started-elsewhere' ? 'warning' : 'error',
      // 'alert' is what raises the desktop alert in the shell.
      kind: 'alert',
      title: titles[alarm.kind],
      message: `${alarm.message} The alarm stays on the tile until an operator acknowledges it.`,
    });
  }
}

/** True when this status's alarm was raised by the change of state it carries (its notification said it all). */
export function alarmRaisedByThisChange(status: DestinationStatus): boolean {
  return status.alarm !== null && status.alarm.recoveredAt === null && status.alarm.at === status.stateSince;
}
