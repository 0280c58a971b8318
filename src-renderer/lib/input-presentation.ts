import type { FlowSourceStatus, FlowState, SourceRole } from '../../shared/domain/flow';
import { roleLabel } from './flow-presentation';
import { formatTimeOfDay } from './presentation';

/**
 * What the SRT input means for the destinations on air, and what the source cards offer: plain
 * functions of the flow state, unit-tested without a DOM.
 */

/** The strip an on-air tile wears when its input is not the normal one. */
export interface InputStrip {
  kind: 'no-input' | 'on-backup';
  label: string;
  detail: string;
  /** The flow view is the last confirmed one (AWS did not answer the last reads). */
  unconfirmed: boolean;
}

const RUNNING = new Set(['ACTIVE', 'UPDATING']);

export function inputStrip(flow: FlowState | null): InputStrip | null {
  if (!flow) return null;
  const unconfirmed = flow.unconfirmed !== null;
  const strip = (kind: InputStrip['kind'], detail: string): InputStrip => ({
    kind,
    label: `${kind === 'no-input' ? 'NO INPUT' : 'ON BACKUP'}${unconfirmed ? '?' : ''}`,
    detail,
    unconfirmed,
  });
  if (flow.status === 'MISSING') return strip('no-input', flow.problem ?? 'The MediaConnect flow does not exist.');
  if (flow.status === 'UNKNOWN') return null;
  if (!RUNNING.has(flow.status))
    return strip('no-input', `The flow is ${flow.status}: it carries no input to the channels.`);
  if (flow.inputOutage) return strip('no-input', flow.inputOutage.reason);
  if (flow.feeding.role === 'backup') {
    const main = flow.sources.find((s) => s.role === 'main');
    return strip('on-backup', `The backup source feeds the flow${main ? `; MAIN is ${main.grade}` : ''}.`);
  }
  return null;
}

/** The screen-wide input alarm: nothing feeds the flow while it should (sources lost), or while channels are live. */
export function inputAlarm(flow: FlowState | null, liveCount: number): { text: string; detail: string } | null {
  const strip = inputStrip(flow);
  if (!flow || strip?.kind !== 'no-input') return null;
  // A flow left in STANDBY before the show is not an alarm; with channels live it is.
  if (!flow.inputOutage && flow.status !== 'ERROR' && liveCount === 0) return null;
  const live = liveCount === 0 ? '' : ` ${liveCount} channel${liveCount === 1 ? ' is' : 's are'} live with no picture.`;
  const since = flow.inputOutage ? ` since ${formatTimeOfDay(flow.inputOutage.since)}` : '';
  return {
    text: `NO INPUT${strip.unconfirmed ? '?' : ''}: nothing feeds the flow${since}.${live}`,
    detail: strip.detail,
  };
}

const CAUSE_WORDS = {
  observed: null,
  'automatic-failover': 'automatic failover',
  'automatic-return': 'automatic return',
  'operator-switch': 'switched by the operator',
  recovered: 'after an outage',
} as const;

/** "Feeding since 10:58:25 (automatic failover)" on the card of the source that feeds. */
export function feedingSinceText(flow: FlowState, role: SourceRole): string | null {
  const f = flow.feedingSince;
  if (!f || f.role !== role || flow.feeding.role !== role) return null;
  const cause = CAUSE_WORDS[f.cause];
  return `Feeding since ${formatTimeOfDay(f.since)}${cause ? ` (${cause})` : ''}`;
}

/** What a source card offers, as data; the panel turns it into buttons. */
export type SourceOffer =
  /** A connected source that is not the primary: make it the primary. */
  | { kind: 'switch'; target: SourceRole; label: string }
  /** Not connected: only a forced switch, behind its own confirmation. */
  | { kind: 'force'; target: SourceRole; label: string }
  /** It feeds after an automatic failover: keep the primary (return when healthy) or prefer this one. */
  | { kind: 'failover-choice'; target: SourceRole; returnLabel: string; preferLabel: string }
  /** It feeds but is not the primary, the operator has chosen: preferring it stays possible. */
  | { kind: 'prefer'; target: SourceRole; label: string; note: string }
  | { kind: 'none'; note: string };

export function sourceOffer(flow: FlowState, source: FlowSourceStatus): SourceOffer {
  const primary = flow.failover?.primarySource ?? null;
  const isPrimary = primary !== null ? source.name === primary : flow.feeding.role === source.role;
  if (isPrimary) return { kind: 'none', note: 'Primary source: the flow prefers this one' };
  const me = roleLabel(source.role);
  const other = roleLabel(source.role === 'main' ? 'backup' : 'main');
  if (flow.feeding.role === source.role) {
    if (flow.feedingSince?.cause === 'automatic-failover' && !flow.feedingSince.acknowledged)
      return {
        kind: 'failover-choice',
        target: source.role,
        returnLabel: `Return to ${other} when healthy`,
        preferLabel: `Make ${me} preferred`,
      };
    return {
      kind: 'prefer',
      target: source.role,
      label: `Make ${me} preferred`,
      note: `${other} stays the primary: the flow returns to it when it is back`,
    };
  }
  if (source.connected !== true) return { kind: 'force', target: source.role, label: `Force ${me}…` };
  return { kind: 'switch', target: source.role, label: source.role === 'backup' ? 'Switch to BACKUP' : 'Back to MAIN' };
}
