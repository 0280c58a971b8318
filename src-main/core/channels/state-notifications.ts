import { BILLING_STATES, type DestinationState } from '../../../shared/domain/channel';
import type { DestinationStatus } from '../../../shared/domain/destination';
import type { Notifier } from '../notifications/notifier';

/**
 * Turns state changes AWS reports into notifications an operator understands: on air, off air,
 * RECOVERING, failures, a channel gone missing, and a channel that went off air on its own.
 */
export class StateNotifications {
  private readonly last = new Map<string, DestinationState>();
  private readonly stopRequested = new Set<string>();

  constructor(private readonly notifier: Notifier) {}

  /** The console asked for this stop; an IDLE that follows is expected, not an alarm. */
  expectStop(destinationId: string): void {
    this.stopRequested.add(destinationId);
  }

  observe(statuses: DestinationStatus[]): void {
    for (const status of statuses) {
      const before = this.last.get(status.id);
      this.last.set(status.id, status.state);
      if (before === undefined || before === status.state || before === 'UNKNOWN' || status.state === 'UNKNOWN')
        continue;
      this.announce(status, before);
    }
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
