import type { FlowAlert, FlowAlertKind, FlowState } from '../../../shared/domain/flow';

interface Condition {
  id: string;
  kind: FlowAlertKind;
  severity: FlowAlert['severity'];
  source: string | null;
  message: string;
}

/**
 * The alert conditions true in one state. Thresholds are not repeated here: the grades (health.ts)
 * already encode them, so an alert and the card can never disagree.
 */
function activeConditions(state: FlowState, liveCount: number): Condition[] {
  const out: Condition[] = [];
  const main = state.sources.find((s) => s.role === 'main');
  const backup = state.sources.find((s) => s.role === 'backup');
  if (main?.grade === 'lost') {
    out.push({
      id: `main-lost:${main.name}`,
      kind: 'main-lost',
      severity: 'critical',
      source: main.name,
      message: `Main source ${main.name} LOST: ${main.gradeReason}`,
    });
  }
  for (const s of state.sources) {
    if (s.gradeCause === 'packet-loss' || s.gradeCause === 'not-recovered') {
      out.push({
        id: `packet-loss:${s.name}`,
        kind: 'packet-loss',
        severity: 'warning',
        source: s.name,
        message: `${s.role === 'main' ? 'Main' : 'Backup'} source ${s.name}: ${s.gradeReason}`,
      });
    }
  }
  if (main && (main.grade === 'degraded' || main.grade === 'lost') && backup?.grade !== 'healthy') {
    const why = backup ? `${backup.grade.toUpperCase()}: ${backup.gradeReason}` : 'the flow has no backup source';
    out.push({
      id: 'backup-not-ready',
      kind: 'backup-not-ready',
      severity: 'critical',
      source: backup?.name ?? null,
      message: `Main is ${main.grade} and the backup is not ready (${why})`,
    });
  }
  // UPDATING during a switch we asked for is expected; everything else not ACTIVE while on air is not.
  const ourUpdate = state.status === 'UPDATING' && state.lastSwitch !== null && state.lastSwitch.outcome === null;
  if (liveCount > 0 && state.status !== 'ACTIVE' && !ourUpdate) {
    out.push({
      id: 'flow-not-active',
      kind: 'flow-not-active',
      severity: 'critical',
      source: null,
      message: `The flow is ${state.status} while ${liveCount} channel${liveCount === 1 ? ' is' : 's are'} live${state.problem ? `: ${state.problem}` : ''}`,
    });
  }
  return out;
}

/**
 * Turns successive flow states into alert events: 'raised' when a condition becomes true,
 * 'cleared' when it stops; nothing while it persists (one notification per incident).
 * `liveCount` comes from the channel monitor (channels RUNNING now).
 */
export class FlowAlerts {
  private readonly active = new Map<string, FlowAlert>();

  constructor(
    private readonly liveCount: () => number,
    private readonly emit: (alert: FlowAlert) => void,
    private readonly now: () => number = () => Date.now(),
  ) {}

  /** Call with every new state (and when the live count changes). Returns the events emitted. */
  observe(state: FlowState): FlowAlert[] {
    const at = this.now();
    const events: FlowAlert[] = [];
    const current = new Map(activeConditions(state, this.liveCount()).map((c) => [c.id, c]));
    for (const [id, c] of current) {
      if (this.active.has(id)) continue;
      const alert: FlowAlert = { ...c, state: 'raised', at };
      this.active.set(id, alert);
      events.push(alert);
    }
    for (const [id, alert] of this.active) {
      if (current.has(id)) continue;
      this.active.delete(id);
      events.push({ ...alert, state: 'cleared', at, message: `Cleared: ${alert.message}` });
    }
    for (const e of events) this.emit(e);
    return events;
  }

  /** Alerts raised and not cleared, for a window opened mid-incident. */
  raised(): FlowAlert[] {
    return [...this.active.values()];
  }
}
