import { describe, expect, it } from 'vitest';
import type { FlowState } from '../../shared/domain/flow';
import { armSwitch, armTest, FlowArming } from './go-live/flow-arming';
import { feedingSinceText, inputAlarm, inputStrip, sourceOffer } from './input-presentation';
import { sampleFlowSnapshot } from './test-support/flow-snapshot';

const base = () => sampleFlowSnapshot().flow;
const lost = (flow: FlowState, ...roles: Array<'main' | 'backup'>): FlowState => ({
  ...flow,
  sources: flow.sources.map((s) =>
    roles.includes(s.role)
      ? { ...s, grade: 'lost' as const, connected: false, gradeCause: 'not-connected' as const }
      : s,
  ),
});
const afterFailover = (): FlowState => {
  const flow = lost(base(), 'main');
  return {
    ...flow,
    feeding: {
      source: 'backup',
      role: 'backup',
      inferred: true,
      reason: 'failover',
      signal: 'inferred from SourceConnected',
    },
    feedingSince: {
      source: 'backup',
      role: 'backup',
      since: new Date(2026, 11, 1, 10, 58, 25).getTime(),
      cause: 'automatic-failover',
      acknowledged: false,
    },
  };
};

describe('input strips and the screen-wide alarm', () => {
  it('both sources lost: NO INPUT on the tiles and the alarm, with the live channels counted', () => {
    const flow = {
      ...lost(base(), 'main', 'backup'),
      feeding: {
        source: null,
        role: null,
        inferred: true as const,
        reason: 'none',
        signal: 'inferred from SourceConnected',
      },
      inputOutage: { since: Date.now(), reason: 'Both SRT sources are lost: nothing feeds the flow.' },
    };
    expect(inputStrip(flow)).toMatchObject({ kind: 'no-input', label: 'NO INPUT' });
    expect(inputAlarm(flow, 2)!.text).toMatch(/^NO INPUT: nothing feeds the flow since .*2 channels are live/);
    expect(inputAlarm(flow, 0)).not.toBeNull();
  });

  it('flow in STANDBY: NO INPUT on on-air tiles; the alarm only while channels are live', () => {
    const flow = {
      ...base(),
      status: 'STANDBY' as const,
      feeding: {
        source: null,
        role: null,
        inferred: true as const,
        reason: '',
        signal: 'inferred from SourceConnected',
      },
    };
    expect(inputStrip(flow)).toMatchObject({ kind: 'no-input', detail: expect.stringMatching(/STANDBY/) });
    expect(inputAlarm(flow, 0)).toBeNull();
    expect(inputAlarm(flow, 1)).not.toBeNull();
  });

  it('on the backup: ON BACKUP, no alarm; a healthy main feeding: nothing', () => {
    expect(inputStrip(afterFailover())).toMatchObject({ kind: 'on-backup', label: 'ON BACKUP' });
    expect(inputAlarm(afterFailover(), 3)).toBeNull();
    expect(inputStrip(base())).toBeNull();
  });

  it('marks a strip from an unconfirmed view', () => {
    expect(inputStrip({ ...afterFailover(), unconfirmed: { since: 1, reason: 'throttled' } })!.label).toBe(
      'ON BACKUP?',
    );
  });
});

describe('source cards after a failover', () => {
  it('the backup card says since when and why it feeds, and offers return or prefer (not "Switch to BACKUP")', () => {
    const flow = afterFailover();
    const backup = flow.sources.find((s) => s.role === 'backup')!;
    expect(feedingSinceText(flow, 'backup')).toBe('Feeding since 10:58:25 (automatic failover)');
    expect(feedingSinceText(flow, 'main')).toBeNull();
    expect(sourceOffer(flow, backup)).toEqual({
      kind: 'failover-choice',
      target: 'backup',
      returnLabel: 'Return to MAIN when healthy',
      preferLabel: 'Make BACKUP preferred',
    });
    const acknowledged = { ...flow, feedingSince: { ...flow.feedingSince!, acknowledged: true } };
    expect(sourceOffer(acknowledged, backup)).toMatchObject({ kind: 'prefer', label: 'Make BACKUP preferred' });
  });

  it('offers a source that is not connected only a forced switch', () => {
    const flow = lost(base(), 'backup');
    expect(
      sourceOffer(
        flow,
        flow.sources.find((s) => s.role === 'backup')!,
      ),
    ).toMatchObject({ kind: 'force' });
    expect(
      sourceOffer(
        base(),
        base().sources.find((s) => s.role === 'backup')!,
      ),
    ).toMatchObject({
      kind: 'switch',
      label: 'Switch to BACKUP',
    });
    expect(
      sourceOffer(
        base(),
        base().sources.find((s) => s.role === 'main')!,
      ).kind,
    ).toBe('none');
  });
});

describe('switch and test-backup keys: arm, then take once', () => {
  it('arms what the card offers, refuses a source that is not connected, and a take consumes the arm', () => {
    expect(armSwitch(base())).toEqual({
      ok: true,
      action: { kind: 'switch', target: 'backup', words: 'SWITCH TO BACKUP' },
    });
    expect(armSwitch(afterFailover())).toMatchObject({ ok: true, action: { words: 'MAKE BACKUP PREFERRED' } });
    expect(armSwitch(lost(base(), 'backup'))).toMatchObject({
      ok: false,
      reason: expect.stringMatching(/not connected/),
    });
    expect(armTest(base())).toMatchObject({ ok: true });
    const arming = new FlowArming();
    const armed = armSwitch(base());
    if (!armed.ok) throw new Error('not armed');
    arming.arm(armed.action, 1_000, 5, 'a1');
    expect(arming.take(1_500, true)).toBeNull();
    expect(arming.take(2_000)).toEqual({ id: 'a1', action: armed.action, expiresAt: 6_000 });
    expect(arming.take(2_001)).toBeNull();
    arming.arm(armed.action, 1_000, 5, 'a2');
    expect(arming.take(7_000)).toBeNull();
  });
});
