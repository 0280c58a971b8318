import type { FlowState, SourceRole } from '../../../shared/domain/flow';
import { roleLabel } from '../flow-presentation';
import { sourceOffer } from '../input-presentation';

/**
 * The switch and "Test backup" keys take the same two steps as going live: the key arms (the
 * panel says what a take will do, for a few seconds), the take key does it, once. Plain
 * TypeScript so it is unit-tested without a DOM.
 */
export type FlowArmAction = { kind: 'switch'; target: SourceRole; words: string } | { kind: 'test'; words: string };

export interface FlowArmed {
  /** The arm's id in main, where a switch arm is held so a Stream Deck's take takes it. */
  id: string;
  action: FlowArmAction;
  expiresAt: number;
}

export type FlowArmResult = { ok: true; action: FlowArmAction } | { ok: false; reason: string };

/** What the switch key would arm now, or why it arms nothing (a source that is not connected only by its card's Force). */
export function armSwitch(flow: FlowState | null): FlowArmResult {
  if (!flow) return { ok: false, reason: 'The SRT flow has not been read yet' };
  if (flow.failover?.mode !== 'FAILOVER')
    return { ok: false, reason: 'The flow has no FAILOVER configuration: there is no primary source to change' };
  if (flow.status !== 'ACTIVE' && flow.status !== 'STANDBY')
    return {
      ok: false,
      reason: `The flow is ${flow.status}: MediaConnect takes a new primary when it is ACTIVE or STANDBY`,
    };
  for (const source of flow.sources) {
    const offer = sourceOffer(flow, source);
    const name = roleLabel(source.role);
    if (offer.kind === 'switch')
      return { ok: true, action: { kind: 'switch', target: source.role, words: `SWITCH TO ${name}` } };
    if (offer.kind === 'failover-choice' || offer.kind === 'prefer')
      return { ok: true, action: { kind: 'switch', target: source.role, words: `MAKE ${name} PREFERRED` } };
    if (offer.kind === 'force')
      return { ok: false, reason: `${name} is not connected: a forced switch only from its card ("Force…")` };
  }
  return { ok: false, reason: 'There is no other source to switch to' };
}

export function armTest(flow: FlowState | null): FlowArmResult {
  if (!flow) return { ok: false, reason: 'The SRT flow has not been read yet' };
  if (!flow.sources.some((s) => s.role === 'backup')) return { ok: false, reason: 'The flow has no backup source' };
  return { ok: true, action: { kind: 'test', words: 'TEST BACKUP' } };
}

/** One armed flow action at a time; a take consumes it synchronously, so a repeated key finds nothing. */
export class FlowArming {
  armed: FlowArmed | null = null;

  arm(action: FlowArmAction, now: number, timeoutSeconds: number, id: string): FlowArmed {
    this.armed = { id, action, expiresAt: now + timeoutSeconds * 1000 };
    return this.armed;
  }

  take(now: number, repeat = false): FlowArmed | null {
    if (repeat || !this.armed) return null;
    const armed = this.armed;
    this.armed = null;
    return now <= armed.expiresAt ? armed : null;
  }

  disarm(): boolean {
    const was = this.armed !== null;
    this.armed = null;
    return was;
  }
}
