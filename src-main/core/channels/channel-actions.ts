import {
  DescribeChannelCommand,
  StartChannelCommand,
  StopChannelCommand,
  type MediaLiveClient,
} from '@aws-sdk/client-medialive';
import { BILLING_STATES, toDestinationState, type DestinationState } from '../../../shared/domain/channel';
import { BoothError } from '../../../shared/domain/errors';
import { failureHeadline } from '../../../shared/domain/failure-headline';
import type { DestinationStatus } from '../../../shared/domain/destination';
import type { InvokeOutput } from '../../../shared/ipc/contract';
import { callAws, type RetryPolicy } from '../../aws/retry';
import type { Logger } from '../logger';
import type { Notifier } from '../notifications/notifier';
import type { ChannelMonitor } from './channel-monitor';
import type { ForgottenChannelWatch } from './forgotten-channels';
import type { ChannelAlarms } from './channel-alarms';
import type { StateNotifications } from './state-notifications';
import type { OnAirTagWriter } from './on-air-tags';
import type { SafetyStops } from './safety-stop';

type ActionResult = InvokeOutput<'channels.start'>;
type EndAllResult = InvokeOutput<'channels.endAll'>;
type Kind = 'start' | 'stop';

/** States in which a start (or a stop) has nothing to do: AWS is already there or on its way. */
const ALREADY: Record<Kind, ReadonlySet<DestinationState>> = {
  start: new Set(['STARTING', 'RUNNING', 'RECOVERING']),
  stop: new Set(['STOPPING', 'IDLE']),
};

/**
 * The states a request is sent from without reading the channel first, when AWS's pushed events keep the tile fresh:
 * a start from IDLE, a stop from on air. Never the other way: a stale "already running" would swallow a take. A
 * stale IDLE costs a refused request, which MediaLive answers with ConflictException (409; StartChannel and
 * StopChannel declare it in AWS's service model, `@aws-sdk/client-medialive` StartChannelCommand) and which is
 * re-read and shown below.
 */
const SEND_WITHOUT_READ: Record<Kind, ReadonlySet<DestinationState>> = {
  start: new Set(['IDLE']),
  stop: new Set(['RUNNING', 'RECOVERING']),
};

const VERB: Record<Kind, { label: string; requested: string; already: string }> = {
  start: { label: 'Start', requested: 'going live', already: 'already live or starting' },
  stop: { label: 'Stop', requested: 'going off air', already: 'already off air or stopping' },
};

/** What "End all" stops: last confirmed on air (not already stopping), or on a channel whose state is unconfirmed. */
function mayNeedStop(d: DestinationStatus): boolean {
  if (!d.channelId || d.state === 'MISSING') return false;
  if (d.unconfirmed) return true;
  return BILLING_STATES.has(d.state) && d.state !== 'STOPPING';
}

/** The tray's and the incident log's account of a failed action: what happened, what AWS said, how often. */
function failureDetails(failure: BoothError): string {
  // AWS's words without its exception name (that stays in the log with the code).
  const said =
    failure.awsCode && failure.detail?.startsWith(`${failure.awsCode}: `)
      ? failure.detail.slice(failure.awsCode.length + 2)
      : failure.detail;
  const status = failure.httpStatus !== undefined ? ` (HTTP ${failure.httpStatus})` : '';
  return [
    failure.message,
    // An ARN redacted for the log reads as "the resource" here: the tray is for people.
    said ? `AWS said${status}: "${said.replaceAll('arn:…', 'the resource')}".` : null,
    failure.requestId ? `Request id: ${failure.requestId}.` : null,
    `Attempts: ${failure.attempts}.`,
  ]
    .filter(Boolean)
    .join(' ');
}

export interface ChannelActionsDeps {
  medialive: MediaLiveClient;
  monitor: ChannelMonitor;
  notifier: Notifier;
  stateNotifications: StateNotifications;
  /** Told of every start and stop sent, so the change that follows is not taken for an unplanned one. */
  alarms: ChannelAlarms;
  forgotten: ForgottenChannelWatch;
  /** Records on the channel who started it and when (every console, and this one after a restart, reads it). */
  onAirTags?: OnAirTagWriter;
  /**
   * Warm standby: on a destination in warm mode the take is its input switch (never a StartChannel); absent, every
   * take is cold.
   */
  warm?: { takesOver(destinationId: string): boolean; take(destinationId: string): Promise<ActionResult> };
  /** The safety stop in AWS of each run this console starts (a schedule that stops the channel if nobody does). */
  safetyStop?: Pick<SafetyStops, 'arm' | 'disarm' | 'expectStop'>;
  logger: Logger;
  retry?: RetryPolicy;
  /** How long to poll fast after an action, to catch the end of the transition quickly. */
  fastPollAfterActionMs?: number;
  now?: () => number;
}

/**
 * Start and stop one destination's channel: idempotent against AWS state, single-flight per
 * destination (a second request while one is in flight joins it; nothing more is sent), retried
 * only on throttling and 5xx, shown as pending while it retries. A 4xx refusal is never retried
 * blindly: the state is re-read and shown.
 */
export class ChannelActions {
  private readonly inFlight = new Map<string, Promise<ActionResult>>();
  private readonly now: () => number;

  constructor(private readonly deps: ChannelActionsDeps) {
    this.now = deps.now ?? Date.now;
  }

  /** The take: a StartChannel (cold), or on a warm destination the one input switch to its live input. */
  start(destinationId: string): Promise<ActionResult> {
    const warm = this.deps.warm;
    if (warm?.takesOver(destinationId)) {
      this.deps.forgotten.showStarted();
      return this.joined(destinationId, () => warm.take(destinationId));
    }
    return this.startChannel(destinationId);
  }

  /** StartChannel, whatever the take mode: a cold take, or the start of a standby (on the slate). */
  startChannel(destinationId: string): Promise<ActionResult> {
    return this.singleFlight(destinationId, 'start');
  }

  stop(destinationId: string): Promise<ActionResult> {
    return this.singleFlight(destinationId, 'stop');
  }

  /** Ends the show: stops every destination that bills, each on its own (one failure stops none of the others). */
  async endAll(): Promise<EndAllResult> {
    this.deps.forgotten.showEnded();
    // Every channel last confirmed on air, and every channel whose state cannot be confirmed now (it may be on air):
    // a StopChannel on one that turns out to be idle is a harmless refusal, reported as such.
    const live = this.deps.monitor.snapshot().destinations.filter(mayNeedStop);
    const results = await Promise.all(
      live.map(async (d) => {
        try {
          const result = await this.stop(d.id);
          return {
            destinationId: d.id,
            ok: true,
            message: result.outcome === 'requested' ? `${d.name}: stop requested` : `${d.name}: ${VERB.stop.already}`,
          };
        } catch (error) {
          return { destinationId: d.id, ok: false, message: error instanceof Error ? error.message : String(error) };
        }
      }),
    );
    const failed = results.filter((r) => !r.ok);
    this.deps.notifier.notify({
      level: failed.length > 0 ? 'error' : 'info',
      kind: 'action',
      title:
        failed.length > 0
          ? `End all: ${failed.length} of ${results.length} could not be stopped`
          : `End all: ${results.length} channel(s) stopping`,
      message: results.length === 0 ? 'Nothing was live.' : results.map((r) => r.message).join(' · '),
    });
    return { results };
  }

  private singleFlight(destinationId: string, kind: Kind): Promise<ActionResult> {
    return this.joined(destinationId, () => this.perform(destinationId, kind));
  }

  /** A second request while one is in flight for the destination joins it; nothing more is sent. */
  private joined(destinationId: string, perform: () => Promise<ActionResult>): Promise<ActionResult> {
    const existing = this.inFlight.get(destinationId);
    if (existing) return existing;
    const run = perform().finally(() => {
      this.inFlight.delete(destinationId);
      this.deps.monitor.setPending(destinationId, null);
    });
    this.inFlight.set(destinationId, run);
    return run;
  }

  private async perform(destinationId: string, kind: Kind): Promise<ActionResult> {
    const { monitor, notifier } = this.deps;
    const status = monitor.status(destinationId);
    if (!status) throw new BoothError('not-found', `There is no destination "${destinationId}" in this show.`);
    const channelId = status.channelId;
    if (!channelId || status.state === 'MISSING') {
      throw new BoothError(
        'not-found',
        `${status.name} cannot ${kind}: ${status.problem ?? 'no MediaLive channel is mapped to it.'}`,
      );
    }
    const label = `${VERB[kind].label} ${status.name}`;
    // With events flowing the tile's state is fresh: the take is one request, StartChannel, with no DescribeChannel.
    const pushed = monitor.pushedState(destinationId);
    const since = this.now();
    // Shown once the request is on its way (the next turn of the event loop, before any answer can arrive): publishing
    // the pending tile to every window and its listeners first would delay the take itself.
    setImmediate(() => {
      if (this.inFlight.has(destinationId) && !monitor.status(destinationId)?.pending)
        monitor.setPending(destinationId, { action: kind, since, attempt: 1, note: null });
    });
    const retry = {
      ...(this.deps.retry ? { policy: this.deps.retry } : {}),
      onRetry: (attempt: number, reason: string) =>
        monitor.setPending(destinationId, { action: kind, since, attempt: attempt + 1, note: `Retrying: ${reason}` }),
    };
    const fastFor = this.deps.fastPollAfterActionMs ?? 30_000;
    const read =
      pushed !== null && SEND_WITHOUT_READ[kind].has(pushed)
        ? Promise.resolve(pushed)
        : this.readState(channelId, label);
    const current = await read.catch((error: unknown) => {
      // Ending must stay possible when the state cannot be read: send the stop anyway (AWS refuses it harmlessly
      // for a channel that is not running). A start is never sent without a state, read or pushed fresh.
      if (kind === 'stop') return null;
      return this.fail(
        destinationId,
        status.name,
        kind,
        error instanceof BoothError ? error : new BoothError('internal', `${label} failed.`, { cause: error }),
      );
    });
    if (current !== null && ALREADY[kind].has(current)) {
      void monitor.refresh(fastFor);
      notifier.notify({
        destinationId,
        level: 'info',
        kind: 'action',
        title: `${status.name}: ${VERB[kind].already}`,
        message: `MediaLive reports ${status.name} ${current}; nothing was sent.`,
      });
      return { outcome: 'already', state: current };
    }
    this.deps.alarms.expect(destinationId, kind);
    if (kind === 'stop') {
      this.deps.stateNotifications.expectStop(destinationId);
      this.deps.safetyStop?.expectStop(destinationId);
    } else this.deps.forgotten.showStarted();
    const sentAt = this.now();
    try {
      const response = await callAws(
        label,
        () =>
          this.deps.medialive.send(
            kind === 'start'
              ? new StartChannelCommand({ ChannelId: channelId })
              : new StopChannelCommand({ ChannelId: channelId }),
          ),
        retry,
      );
      monitor.setLastError(destinationId, null);
      this.deps.logger.info(`channels: ${kind} requested`, { destinationId, channelId });
      notifier.notify({
        destinationId,
        level: 'success',
        kind: 'action',
        title: `${status.name}: ${VERB[kind].requested}`,
        message:
          kind === 'start'
            ? `AWS accepted the start; MediaLive takes a minute or more to reach RUNNING.`
            : `AWS accepted the stop; the channel bills until it is IDLE.`,
      });
      void monitor.refresh(fastFor);
      // Never delays the take: a schedule that cannot be made is told on the tile and in the incident log.
      if (kind === 'start') void this.deps.safetyStop?.arm(destinationId, channelId, status.name);
      else void this.deps.safetyStop?.disarm(destinationId);
      if (kind === 'start' && this.deps.onAirTags) {
        // Never delays the answer; the poll after the write shows who started it.
        void this.deps.onAirTags.recordStart(destinationId, response.Arn, sentAt).then(() => monitor.refresh());
      }
      return { outcome: 'requested', state: toDestinationState(response.State) };
    } catch (error) {
      const failure =
        error instanceof BoothError ? error : new BoothError('internal', `${label} failed.`, { cause: error });
      void monitor.refresh(fastFor);
      if (kind === 'stop') this.deps.safetyStop?.expectStop(destinationId, false);
      if (failure.code === 'conflict' || failure.code === 'invalid-state') {
        // Refused for the state it is in: say which state AWS reports now rather than what we thought.
        const now = await this.readState(channelId, label).catch(() => 'UNKNOWN' as const);
        if (ALREADY[kind].has(now)) return { outcome: 'already', state: now };
        if (kind === 'stop' && current === null) {
          // Sent without a confirmed state, refused for the state it is in: the channel was not on air.
          notifier.notify({
            destinationId,
            level: 'info',
            kind: 'action',
            title: `${status.name}: was not on air`,
            message: `MediaLive refused the stop (${failure.message}); the channel was not running.`,
          });
          return { outcome: 'already', state: now };
        }
        return this.fail(
          destinationId,
          status.name,
          kind,
          new BoothError(failure.code, `${failure.message} The channel is ${now}.`, {
            ...(failure.detail ? { detail: failure.detail } : {}),
            ...(failure.requestId ? { requestId: failure.requestId } : {}),
            attempts: failure.attempts,
          }),
        );
      }
      return this.fail(destinationId, status.name, kind, failure);
    }
  }

  /**
   * Latches the failure on the tile (until the operator acknowledges it) and puts the whole story in the tray and the
   * incident log: the headline in words there too, then the console's message, AWS's own text, the request id and
   * how many times the request was sent.
   */
  private fail(destinationId: string, name: string, kind: Kind, failure: BoothError): never {
    const at = this.now();
    this.deps.monitor.setLastError(destinationId, { code: failure.code, message: failure.message, at, action: kind });
    this.deps.notifier.notify({
      destinationId,
      level: 'error',
      kind: 'action',
      title: `${name}: ${failureHeadline(kind, failure.code)}`,
      message: failureDetails(failure),
    });
    throw failure;
  }

  private async readState(channelId: string, label: string): Promise<DestinationState> {
    const channel = await callAws(
      label,
      () => this.deps.medialive.send(new DescribeChannelCommand({ ChannelId: channelId })),
      this.deps.retry ? { policy: this.deps.retry } : {},
    );
    return toDestinationState(channel.State);
  }
}
