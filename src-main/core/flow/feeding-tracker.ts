import type {
  FeedingCause,
  FeedingSince,
  FlowState,
  FlowStatus,
  InputOutage,
  SourceRole,
} from '../../../shared/domain/flow';

/** A change of what feeds the flow, as the console saw it: a failover, a return, an outage and its end. */
export type InputEvent =
  | {
      kind: 'feeding-changed';
      at: number;
      cause: Exclude<FeedingCause, 'observed'>;
      source: string;
      role: SourceRole;
      /** The source that fed before (null after an outage). */
      previous: { source: string; role: SourceRole } | null;
      message: string;
    }
  | { kind: 'outage-started'; at: number; reason: string; message: string }
  | { kind: 'outage-ended'; at: number; since: number; durationMs: number; message: string };

/** A switch the operator asked for explains a change of the feeding source for this long after it ends. */
const SWITCH_EXPLAINS_MS = 30_000;
const RUNNING: ReadonlySet<FlowStatus> = new Set(['ACTIVE', 'UPDATING']);

const label = (role: SourceRole) => (role === 'main' ? 'MAIN' : 'BACKUP');

function formatDuration(ms: number): string {
  const s = Math.max(0, Math.round(ms / 1000));
  if (s < 60) return `${s} s`;
  const m = Math.floor(s / 60);
  return m < 60 ? `${m} min ${s % 60} s` : `${Math.floor(m / 60)} h ${m % 60} min`;
}

/** Why nothing feeds the flow now, when that is established (not merely unknown); null when something feeds. */
function outageReason(state: FlowState): string | null {
  if (state.status === 'ERROR') return 'MediaConnect reports the flow in ERROR.';
  if (!RUNNING.has(state.status) || state.sources.length === 0 || state.feeding.source !== null) return null;
  if (!state.sources.every((s) => s.grade === 'lost')) return null;
  return state.sources.length > 1
    ? 'Both SRT sources are lost: nothing feeds the flow.'
    : 'The SRT source is lost: nothing feeds the flow.';
}

/**
 * Follows which source feeds the flow (inferred by the monitor) from one confirmed poll to the next,
 * and names each change: an automatic failover (the primary stopped), an automatic return (the
 * primary came back), the result of an operator's switch, or the end of an outage. In FAILOVER mode
 * MediaConnect always uses the primary source when it is available ("If set, MediaConnect always
 * uses this source when it is available", AWS CDK FailoverFailoverOptions.primarySource,
 * https://docs.aws.amazon.com/cdk/api/v2/docs/@aws-cdk_aws-mediaconnect-alpha.FailoverFailoverOptions.html),
 * so a move back to the primary that nobody asked for is the automatic return.
 * An unconfirmed poll changes nothing: the last confirmed view stays.
 */
export class FeedingTracker {
  private feeding: FeedingSince | null = null;
  private outage: InputOutage | null = null;
  /** The last source that fed and since when, kept across polls where it is not known which one feeds. */
  private lastFed: FeedingSince | null = null;
  private seen = false;

  current(): { feedingSince: FeedingSince | null; inputOutage: InputOutage | null } {
    return { feedingSince: this.feeding, inputOutage: this.outage };
  }

  observe(state: FlowState, now: number): InputEvent[] {
    if (state.unconfirmed !== null) return [];
    const events: InputEvent[] = [];
    const reason = outageReason(state);
    let outageEnded = false;
    if (reason && !this.outage) {
      this.outage = { since: now, reason };
      events.push({ kind: 'outage-started', at: now, reason, message: `Input outage: ${reason}` });
    } else if (!reason && this.outage) {
      const durationMs = now - this.outage.since;
      const why = state.feeding.source
        ? `${label(state.feeding.role!)} feeds the flow again`
        : `the flow is ${state.status}`;
      events.push({
        kind: 'outage-ended',
        at: now,
        since: this.outage.since,
        durationMs,
        message: `Input outage over after ${formatDuration(durationMs)}: ${why}.`,
      });
      this.outage = null;
      outageEnded = true;
    } else if (reason && this.outage) {
      this.outage = { ...this.outage, reason };
    }
    if (reason) this.lastFed = null;

    const { source, role } = state.feeding;
    if (source === null || role === null) {
      // Nothing feeds, or it is not known which one does: no "since" to show.
      this.feeding = null;
      if (RUNNING.has(state.status) && state.sources.length > 0) this.seen = true;
      else if (!RUNNING.has(state.status)) this.lastFed = null;
      return events;
    }
    if (this.feeding?.source === source) return events;
    const previous = this.lastFed;
    if (previous?.source === source && !outageEnded) {
      // The same source as before a poll that could not tell: it has been feeding all along.
      this.feeding = previous;
      return events;
    }
    let cause: FeedingCause;
    if (!this.seen) cause = 'observed';
    else if (previous === null || outageEnded) cause = 'recovered';
    else if (this.explainedBySwitch(state, source, now)) cause = 'operator-switch';
    else if (state.failover?.primarySource === source) cause = 'automatic-return';
    else cause = 'automatic-failover';
    this.seen = true;
    this.feeding = { source, role, since: now, cause, acknowledged: false };
    this.lastFed = this.feeding;
    if (cause !== 'observed') {
      const from = previous ? { source: previous.source, role: previous.role } : null;
      events.push({
        kind: 'feeding-changed',
        at: now,
        cause,
        source,
        role,
        previous: from,
        message: describe(cause, role, from),
      });
    }
    return events;
  }

  /** The operator chose to return to the primary when it is healthy (no AWS call: the primary stays). */
  acknowledge(): boolean {
    if (!this.feeding || this.feeding.cause !== 'automatic-failover' || this.feeding.acknowledged) return false;
    this.feeding = { ...this.feeding, acknowledged: true };
    this.lastFed = this.feeding;
    return true;
  }

  private explainedBySwitch(state: FlowState, source: string, now: number): boolean {
    const s = state.lastSwitch;
    if (!s || s.target !== source) return false;
    return s.finishedAt === null || now - s.finishedAt <= SWITCH_EXPLAINS_MS;
  }
}

function describe(
  cause: Exclude<FeedingCause, 'observed'>,
  role: SourceRole,
  previous: { source: string; role: SourceRole } | null,
): string {
  const to = label(role);
  const from = previous ? label(previous.role) : null;
  switch (cause) {
    case 'automatic-failover':
      return `Automatic failover: ${to} feeds the flow; ${from ?? 'the primary source'} stopped (MediaConnect switched on its own).`;
    case 'automatic-return':
      return `Automatic return: ${to} is back and feeds the flow again${from ? ` instead of ${from}` : ''} (MediaConnect prefers the primary source).`;
    case 'operator-switch':
      return `${to} feeds the flow after the operator's switch${from ? ` from ${from}` : ''}.`;
    case 'recovered':
      return `Input restored: ${to} feeds the flow.`;
  }
}
