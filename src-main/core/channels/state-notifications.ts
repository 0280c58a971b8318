import { BILLING_STATES, type DestinationState } from '../../../shared/domain/channel';
import type { DestinationStatus, Unconfirmed } from '../../../shared/domain/destination';
import type { Notifier } from '../notifications/notifier';
import { alarmRaisedByThisChange } from './channel-alarms';

/**
 * Turns state changes AWS reports into notifications an operator understands: on air, off air,
 * RECOVERING, failures, a channel gone missing, and a channel that went off air on its own.
 */
export class StateNotifications {
  private readonly last = new Map<string, DestinationState>();
  private readonly stopRequested = new Set<string>();
  /** Since when channel states cannot be confirmed (an outage of MediaLive reads), or null. */
  private outageSince: number | null = null;
  private readonly unconfirmed = new Set<string>();
  /** Destinations that went RUNNING with their input not read yet: ON AIR or STANDBY is said once the read says which. */
  private readonly awaitingInput = new Set<string>();

  constructor(
    private readonly notifier: Notifier,
    private readonly now: () => number = Date.now,
    /** True while the destination's run is a standby on its slate (RUNNING then is not ON AIR). */
    private readonly onSlate: (destinationId: string) => boolean = () => false,
  ) {}

  /** The console asked for this stop; an IDLE that follows is expected, not an alarm. */
  expectStop(destinationId: string): void {
    this.stopRequested.add(destinationId);
  }

  observe(statuses: DestinationStatus[]): void {
    this.observeOutage(statuses);
    for (const status of statuses) {
      const before = this.last.get(status.id);
      this.last.set(status.id, status.state);
      if (this.awaitingInput.has(status.id) && status.warm?.phase !== 'INPUT_UNCONFIRMED') {
        this.awaitingInput.delete(status.id);
        if (status.state === 'RUNNING' && before === 'RUNNING') this.announce(status, 'STARTING');
      }
      if (before === undefined || before === status.state || before === 'UNKNOWN' || status.state === 'UNKNOWN')
        continue;
      // The alarm this change raised has told the operator already, in its own words.
      if (alarmRaisedByThisChange(status)) {
        if (status.state === 'IDLE') this.stopRequested.delete(status.id);
        // A stop made elsewhere has been told by its alarm: the IDLE that follows is routine, not a second alarm.
        if (status.state === 'STOPPING') this.stopRequested.add(status.id);
        continue;
      }
      this.announce(status, before);
    }
  }

  /** One warning when states stop being confirmed, one note when they are all confirmed again (and how long it took). */
  private observeOutage(statuses: DestinationStatus[]): void {
    for (const status of statuses) {
      if (status.unconfirmed) {
        if (this.unconfirmed.size === 0 && this.outageSince === null) this.announceOutage(status.unconfirmed, statuses);
        this.unconfirmed.add(status.id);
      } else this.unconfirmed.delete(status.id);
    }
    if (this.outageSince !== null && this.unconfirmed.size === 0) {
      const seconds = Math.max(0, Math.round((this.now() - this.outageSince) / 1000));
      this.outageSince = null;
      this.notifier.notify({
        level: 'success',
        kind: 'alert',
        title: 'Channel states confirmed again',
        message: `MediaLive answers again after about ${seconds} s; every tile shows what AWS reports now.`,
      });
    }
  }

  private announceOutage(first: Unconfirmed, statuses: DestinationStatus[]): void {
    this.outageSince = first.since;
    const onAir = statuses.filter((s) => s.unconfirmed && BILLING_STATES.has(s.state)).length;
    this.notifier.notify({
      level: 'error',
      kind: 'alert',
      title: 'Channel states cannot be confirmed',
      message: `${first.reason} The tiles show the last confirmed state, marked unconfirmed${
        onAir > 0 ? `; ${onAir} channel(s) were last seen on air and may still be billing` : ''
      }. Ending stays possible.`,
    });
  }

  private announce(status: DestinationStatus, before: DestinationState): void {
    const { name, id } = status;
    const base = { destinationId: id };
    switch (status.state) {
      case 'RUNNING':
        if (before === 'RECOVERING')
          this.notifier.notify({
            ...base,
            level: 'success',
            kind: 'state',
            title: `${name} recovered`,
            message: `${name} is back ON AIR after RECOVERING.`,
          });
        else if (status.warm?.phase === 'INPUT_UNCONFIRMED') this.awaitingInput.add(id);
        else if (this.onSlate(id))
          this.notifier.notify({
            ...base,
            level: 'success',
            kind: 'state',
            title: `${name} is in STANDBY`,
            message: `MediaLive reports ${name} RUNNING on its slate: the platform receives the slate until the take.`,
          });
        else
          this.notifier.notify({
            ...base,
            level: 'success',
            kind: 'state',
            title: `${name} is ON AIR`,
            message: `MediaLive reports ${name} RUNNING.`,
          });
        return;
      case 'RECOVERING':
        this.notifier.notify({
          ...base,
          level: 'warning',
          kind: 'alert',
          title: `${name} is RECOVERING`,
          message: `MediaLive is recovering ${name}'s pipeline; viewers may see a glitch. Watch the input health.`,
        });
        return;
      case 'IDLE':
        if (BILLING_STATES.has(before) && !this.stopRequested.has(id)) {
          this.notifier.notify({
            ...base,
            level: 'error',
            kind: 'alert',
            title: `${name} went off air`,
            message: `${name} stopped (now IDLE) without a stop from this console: another console, a person in the AWS console, or a failure.`,
          });
        } else if (before === 'STOPPING') {
          this.notifier.notify({
            ...base,
            level: 'info',
            kind: 'state',
            title: `${name} is off air`,
            message: `MediaLive reports ${name} IDLE; it no longer bills.`,
          });
        }
        this.stopRequested.delete(id);
        return;
      case 'CREATE_FAILED':
      case 'UPDATE_FAILED':
        this.notifier.notify({
          ...base,
          level: 'error',
          kind: 'alert',
          title: `${name}: ${status.state.replace('_', ' ').toLowerCase()}`,
          message: `MediaLive reports ${status.state} for ${name}. An admin must fix the channel before it can go live.`,
        });
        return;
      case 'MISSING':
        this.notifier.notify({
          ...base,
          level: 'error',
          kind: 'alert',
          title: `${name}: channel missing`,
          message: status.problem ?? `${name}'s MediaLive channel no longer exists.`,
        });
        return;
      default:
        return;
    }
  }
}
