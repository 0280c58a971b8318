import { DescribeChannelCommand, StartChannelCommand, StopChannelCommand, type MediaLiveClient } from '@aws-sdk/client-medialive';
import { toDestinationState, type DestinationState } from '../../../shared/domain/channel';
import { BoothError } from '../../../shared/domain/errors';
import type { InvokeOutput } from '../../../shared/ipc/contract';
import { callAws, type RetryPolicy } from '../../aws/retry';
import type { Logger } from '../logger';
import type { ChannelMonitor } from './channel-monitor';

type ActionResult = InvokeOutput<'channels.start'>;
type Kind = 'start' | 'stop';

/** States in which a start (or a stop) has nothing to do: AWS is already there or on its way. */
const ALREADY: Record<Kind, ReadonlySet<DestinationState>> = {
  start: new Set(['STARTING', 'RUNNING', 'RECOVERING']),
  stop: new Set(['STOPPING', 'IDLE']),
};

export interface ChannelActionsOptions {
  retry?: RetryPolicy;
  /** How long to poll fast after an action, to catch the end of the transition quickly. */
  fastPollAfterActionMs?: number;
}

/**
 * Start and stop one destination's channel: idempotent against AWS state, single-flight per
 * destination (a second request while one is in flight joins it; nothing more is sent), retried
 * only on throttling and 5xx. A 4xx refusal is never retried blindly: the state is re-read and shown.
 */
export class ChannelActions {
  private readonly inFlight = new Map<string, Promise<ActionResult>>();

  constructor(
    private readonly medialive: MediaLiveClient,
    private readonly monitor: ChannelMonitor,
    private readonly logger: Logger,
    private readonly options: ChannelActionsOptions = {},
  ) {}

  start(destinationId: string): Promise<ActionResult> {
    return this.singleFlight(destinationId, 'start');
  }

  stop(destinationId: string): Promise<ActionResult> {
    return this.singleFlight(destinationId, 'stop');
  }

  private singleFlight(destinationId: string, kind: Kind): Promise<ActionResult> {
    const existing = this.inFlight.get(destinationId);
    if (existing) return existing;
    const run = this.perform(destinationId, kind).finally(() => this.inFlight.delete(destinationId));
    this.inFlight.set(destinationId, run);
    return run;
  }

  private async perform(destinationId: string, kind: Kind): Promise<ActionResult> {
    const status = this.monitor.status(destinationId);
    if (!status) throw new BoothError('not-found', `There is no destination "${destinationId}" in this show.`);
    const channelId = status.channelId;
    if (!channelId || status.state === 'MISSING') {
      throw new BoothError('not-found', `${status.name} cannot ${kind}: ${status.problem ?? 'no MediaLive channel is mapped to it.'}`);
    }
    const label = `${kind === 'start' ? 'Start' : 'Stop'} ${status.name}`;
    const current = await this.readState(channelId, label);
    if (ALREADY[kind].has(current)) {
      void this.monitor.refresh(this.options.fastPollAfterActionMs ?? 30_000);
      return { outcome: 'already', state: current };
    }
    try {
      const response = await callAws(
        label,
        () => this.medialive.send(kind === 'start' ? new StartChannelCommand({ ChannelId: channelId }) : new StopChannelCommand({ ChannelId: channelId })),
        this.options.retry ? { policy: this.options.retry } : {},
      );
      this.monitor.setLastError(destinationId, null);
      this.logger.info(`channels: ${kind} requested`, { destinationId, channelId });
      void this.monitor.refresh(this.options.fastPollAfterActionMs ?? 30_000);
      return { outcome: 'requested', state: toDestinationState(response.State) };
    } catch (error) {
      const failure = error instanceof BoothError ? error : new BoothError('internal', `${label} failed.`, { cause: error });
      this.monitor.setLastError(destinationId, { code: failure.code, message: failure.message, at: Date.now() });
      void this.monitor.refresh(this.options.fastPollAfterActionMs ?? 30_000);
      if (failure.code === 'conflict' || failure.code === 'invalid-state') {
        // Refused for the state it is in: say which state AWS reports now rather than what we thought.
        const now = await this.readState(channelId, label).catch(() => 'UNKNOWN' as const);
        if (ALREADY[kind].has(now)) return { outcome: 'already', state: now };
        throw new BoothError(failure.code, `${failure.message} The channel is ${now}.`);
      }
      throw failure;
    }
  }

  private async readState(channelId: string, label: string): Promise<DestinationState> {
    const channel = await callAws(label, () => this.medialive.send(new DescribeChannelCommand({ ChannelId: channelId })), this.options.retry ? { policy: this.options.retry } : {});
    return toDestinationState(channel.State);
  }
}
