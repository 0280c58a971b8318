import { BILLING_STATES } from '../../shared/domain/channel';
import type { ChannelMonitor } from '../core/channels/channel-monitor';
import type { CostMeter } from '../core/costs/cost-meter';
import type { Logger } from '../core/logger';
import type { Notifier } from '../core/notifications/notifier';
import { sessionDecision, type SessionRecorder } from '../core/sessions/session-recorder';
import { clockTime } from '../../shared/domain/time-format';

export interface ShowResumeDeps {
  monitor: ChannelMonitor;
  sessions: SessionRecorder;
  costs: CostMeter;
  notifier: Notifier;
  logger: Logger;
  consoleName: string;
  now: () => number;
}

/** The session the live channels name most (their `lunora:session` tag), or null when none is live or tagged. */
function showSessionOfLiveChannels(monitor: ChannelMonitor): string | null {
  const counts = new Map<string, number>();
  for (const status of monitor.snapshot().destinations) {
    if (!BILLING_STATES.has(status.state)) continue;
    const session = monitor.channelTags(status.id)?.tags.origin?.session;
    if (session) counts.set(session, (counts.get(session) ?? 0) + 1);
  }
  let best: string | null = null;
  for (const [session, count] of counts) if (best === null || count > (counts.get(best) ?? 0)) best = session;
  return best;
}

/**
 * At start, after the first poll: when channels are live and name the session record of the show, this console
 * continues that record (the console that wrote it restarted or closed mid-show) with the show's cost so far, or,
 * when that console is still writing it, keeps its own record linked to it. Returns what it did.
 */
export async function resumeShow(deps: ShowResumeDeps): Promise<'continued' | 'alongside' | 'new'> {
  const sessionId = showSessionOfLiveChannels(deps.monitor);
  if (!sessionId) return 'new';
  const record = await deps.sessions.read(sessionId);
  const decision = sessionDecision(record, deps.now());
  if (decision.kind === 'alongside') {
    deps.sessions.runAlongside(decision.sessionId);
    deps.logger.info('sessions: another console is recording this show; keeping a linked record', {
      alongside: decision.sessionId,
    });
    return 'alongside';
  }
  if (decision.kind === 'new') return 'new';
  const stored = decision.record;
  const startedAtOf = new Map(
    deps.monitor.snapshot().destinations.flatMap((d) => (d.startedBy ? [[d.id, d.startedBy.startedAt] as const] : [])),
  );
  deps.costs.resume({
    startedAt: Date.parse(stored.started_at),
    runs: stored.runs.map((run) => {
      const recorded = Date.parse(run.started_at);
      // The start recorded on the channel is the real one (the record has when that console first saw it billing).
      const onChannel = run.ended_at === null ? startedAtOf.get(run.destination_id) : undefined;
      return {
        destinationId: run.destination_id,
        startedAt: onChannel !== undefined ? Math.min(onChannel, recorded) : recorded,
        endedAt: run.ended_at === null ? null : Date.parse(run.ended_at),
      };
    }),
    // This machine's saved month total already holds what this console metered of the show before it restarted.
    monthAlreadyHoldsUsd:
      stored.console_name === deps.consoleName && stored.cost_usd
        ? Math.max(0, stored.cost_usd.total - stored.cost_usd.flow)
        : 0,
  });
  deps.sessions.resume(stored);
  deps.notifier.notify({
    level: 'info',
    kind: 'alert',
    title: 'Show continued after a restart',
    message: `Channels were live when this console started: it continues the show's session (started ${clockTime(Date.parse(stored.started_at))}) with its on-air times and cost so far.`,
  });
  return 'continued';
}
