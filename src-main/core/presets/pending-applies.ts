import type { DestinationStatus } from '../../../shared/domain/destination';
import type { ApplyOutput, PendingApply } from '../../../shared/ipc/features/admin.contract';
import type { Logger } from '../logger';
import type { NotificationInput } from '../notifications/notifier';

/**
 * Presets an admin asked for while the channel was running (UpdateChannel needs IDLE): one per
 * destination, applied the first time the operator's feed shows the channel IDLE, with the outcome
 * told to everyone. Kept in memory: a queued change does not outlive the console that queued it.
 */
export class PendingApplies {
  private readonly pending = new Map<string, PendingApply>();
  private readonly running = new Set<string>();

  constructor(
    private readonly apply: (destinationId: string, presetId: string) => Promise<ApplyOutput>,
    private readonly notify: (input: NotificationInput) => unknown,
    private readonly logger: Logger,
  ) {}

  add(request: PendingApply): PendingApply {
    this.pending.set(request.destinationId, request);
    return request;
  }

  list(): PendingApply[] {
    return [...this.pending.values()];
  }

  cancel(destinationId: string): boolean {
    return this.pending.delete(destinationId);
  }

  observe(statuses: DestinationStatus[]): void {
    for (const status of statuses) {
      const request = this.pending.get(status.id);
      if (!request || status.state !== 'IDLE' || this.running.has(status.id)) continue;
      this.pending.delete(status.id);
      this.running.add(status.id);
      void this.run(request).finally(() => this.running.delete(status.id));
    }
  }

  private async run(request: PendingApply): Promise<void> {
    const base = { destinationId: request.destinationId, kind: 'action' as const };
    try {
      const outcome = await this.apply(request.destinationId, request.presetId);
      if (outcome.status === 'applied') {
        this.notify({
          ...base,
          level: 'success',
          title: `${request.destinationName}: preset applied`,
          message: `"${request.presetName}" was applied at the stop${outcome.updated ? '' : ' (the channel already ran it)'}.`,
        });
      } else {
        const why =
          outcome.status === 'invalid'
            ? outcome.errors.map((e) => `${e.field}: ${e.message}`).join('; ')
            : outcome.reason;
        this.notify({
          ...base,
          level: 'error',
          title: `${request.destinationName}: queued preset not applied`,
          message: `"${request.presetName}" was not applied: ${why}`,
        });
      }
    } catch (error) {
      this.logger.warn('presets: queued apply failed', {
        destinationId: request.destinationId,
        error: error instanceof Error ? error.message : String(error),
      });
      this.notify({
        ...base,
        level: 'error',
        title: `${request.destinationName}: queued preset not applied`,
        message: error instanceof Error ? error.message : String(error),
      });
    }
  }
}
