import { BILLING_STATES } from '../../../shared/domain/channel';
import type { DestinationStatus } from '../../../shared/domain/destination';
import type { Notifier } from '../notifications/notifier';

export interface ForgottenChannelOptions {
  /** How long after the show ended a channel may still be billing before the operator is warned. */
  graceMs: number;
  /** How often the watch looks again on its own, when nothing on the tiles changes. */
  checkEveryMs: number;
  /** How often the warning repeats while the channel keeps billing. */
  repeatMs: number;
  now: () => number;
}

/**
 * After the operator ends the show, a channel that keeps running keeps billing by the hour.
 * This watches for that and keeps saying so until the channel stops or a new show starts.
 */
export class ForgottenChannelWatch {
  private endedAt: number | null = null;
  private readonly warnedAt = new Map<string, number>();
  private timer: ReturnType<typeof setInterval> | null = null;

  constructor(
    private readonly notifier: Notifier,
    private readonly ratePerHour: (destinationId: string) => number,
    private readonly options: ForgottenChannelOptions,
  ) {}

  /**
   * Looks at `read()` every `checkEveryMs` as well as on every change of the tiles: a channel left running after the
   * show changes nothing on its tile, so a watch fed only by changes would never warn about it.
   */
  startChecking(read: () => Iterable<DestinationStatus>): void {
    this.stopChecking();
    this.timer = setInterval(() => this.observe(read()), this.options.checkEveryMs);
    this.timer.unref?.();
  }

  stopChecking(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
  }

  showEnded(): void {
    this.endedAt = this.options.now();
    this.warnedAt.clear();
  }

  /** A new go-live means a new show: stop watching. */
  showStarted(): void {
    this.endedAt = null;
    this.warnedAt.clear();
  }

  observe(statuses: Iterable<DestinationStatus>): void {
    if (this.endedAt === null) return;
    const now = this.options.now();
    if (now - this.endedAt < this.options.graceMs) return;
    for (const status of statuses) {
      if (!BILLING_STATES.has(status.state)) {
        this.warnedAt.delete(status.id);
        continue;
      }
      const last = this.warnedAt.get(status.id);
      if (last !== undefined && now - last < this.options.repeatMs) continue;
      this.warnedAt.set(status.id, now);
      const minutes = Math.round((now - this.endedAt) / 60_000);
      this.notifier.notify({
        destinationId: status.id,
        level: 'warning',
        kind: 'forgotten-channel',
        title: `${status.name} is still running`,
        message: `${status.name} is ${status.state} ${minutes} min after the show ended and bills about $${this.ratePerHour(status.id).toFixed(2)}/h. Arm and end it, or stop it in AWS.`,
      });
    }
  }
}
