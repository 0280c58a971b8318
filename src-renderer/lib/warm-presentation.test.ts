import { describe, expect, it } from 'vitest';
import type { WarmStatus } from '../../shared/domain/warm-standby';
import { destinationStatus } from '../../shared/domain/test-support/destination-status';
import { planFor } from './go-live/arming';
import { airTally, isOnAirNow, liveSummary } from './tally';
import { standbyAllTargets, standbyLine, warmActFor, warmPlan, warmPresentation } from './warm-presentation';

const warm = (extra: Partial<WarmStatus> = {}): WarmStatus => ({
  mode: 'warm',
  capable: true,
  whyNot: null,
  liveAttachment: 'yt-srt',
  slateAttachment: 'yt-slate',
  activeAttachment: null,
  activeReadAt: null,
  inputUnconfirmedSince: null,
  phase: 'OFF',
  switchingTo: null,
  switchSince: null,
  standbySince: null,
  standbyPerHour: 0.56,
  inputLossSlate: true,
  standard: false,
  ...extra,
});
const at1840 = new Date(2026, 11, 1, 18, 40, 0).getTime();

describe('warm standby on the tile', () => {
  it('a channel running on its slate reads STANDBY with its cost, and is not counted on air', () => {
    const d = destinationStatus('youtube', 'RUNNING', {
      runningSince: at1840,
      warm: warm({ phase: 'STANDBY', activeAttachment: 'yt-slate', standbySince: at1840 }),
    });
    expect(warmPresentation(d)).toMatchObject({ label: 'STANDBY', tone: 'standby' });
    expect(standbyLine(d, at1840 + 60_000)).toBe('$0.56/h, standby since 18:40');
    expect(liveSummary([d]).text).toBe('0/1');
    expect(airTally([d])[0]).toMatchObject({ word: 'STANDBY', tone: 'transition' });
    const onAir = { ...d, warm: warm({ phase: 'ON_AIR', activeAttachment: 'yt-srt' }) };
    expect(warmPresentation(onAir)?.label).toBe('ON AIR');
    expect(liveSummary([onAir]).text).toBe('1/1');
  });

  it('a channel running with its input not read yet reads RUNNING, input unconfirmed since when: never ON AIR', () => {
    const d = destinationStatus('youtube', 'RUNNING', {
      runningSince: at1840,
      warm: warm({ phase: 'INPUT_UNCONFIRMED', inputUnconfirmedSince: at1840 + 7_000 }),
    });
    expect(warmPresentation(d)).toEqual({
      label: 'RUNNING',
      tone: 'transition',
      hint: 'input unconfirmed since 18:40:07',
    });
    expect(isOnAirNow(d)).toBe(false);
    expect(liveSummary([d]).text).toBe('≥1/1');
    expect(airTally([d])[0]).toMatchObject({
      word: 'RUNNING?',
      tone: 'unconfirmed',
      note: 'input unconfirmed since 18:40:07',
    });
    // No take, standby or back to slate is offered meanwhile; ending follows the cold rules (it bills).
    expect(warmActFor(d)).toBeNull();
    expect(warmPlan(d)).toBeNull();
  });

  it('switching to live is not on air yet; switching to slate still is; a STANDARD channel says its 10 s', () => {
    const toLive = destinationStatus('y', 'RUNNING', {
      warm: warm({ phase: 'SWITCHING', switchingTo: 'live', standard: true }),
    });
    expect(liveSummary([toLive]).confirmed).toBe(0);
    expect(warmPresentation(toLive)?.hint).toMatch(/10 s/);
    const toSlate = destinationStatus('y', 'RUNNING', { warm: warm({ phase: 'SWITCHING', switchingTo: 'slate' }) });
    expect(liveSummary([toSlate]).confirmed).toBe(1);
  });

  it('the take from standby is a go-live; an idle warm channel must go to standby first; ending stays possible', () => {
    const standby = destinationStatus('y', 'RUNNING', { warm: warm({ phase: 'STANDBY' }) });
    expect(planFor(standby)).toEqual({ ok: true, action: 'start' });
    const idle = destinationStatus('y', 'IDLE', { warm: warm() });
    expect(planFor(idle)).toMatchObject({ ok: false, short: 'standby first' });
    expect(planFor(destinationStatus('y', 'RUNNING', { warm: warm({ phase: 'ON_AIR' }) }))).toEqual({
      ok: true,
      action: 'stop',
    });
    expect(planFor(destinationStatus('y', 'STARTING', { warm: warm({ phase: 'STARTING_TO_STANDBY' }) }))).toEqual({
      ok: true,
      action: 'stop',
    });
    // Cold mode, or a channel without a slate: the cold rules, unchanged.
    expect(warmPlan(destinationStatus('y', 'IDLE', { warm: warm({ mode: 'cold' }) }))).toBeNull();
    expect(planFor(destinationStatus('y', 'IDLE', { warm: warm({ mode: 'cold', capable: false }) }))).toEqual({
      ok: true,
      action: 'start',
    });
  });

  it('offers the take mode while idle, STOP in standby, TO SLATE on air; nothing on a channel without a slate', () => {
    expect(warmActFor(destinationStatus('y', 'IDLE', { warm: warm() }))).toBe('mode');
    expect(warmActFor(destinationStatus('y', 'RUNNING', { warm: warm({ phase: 'STANDBY' }) }))).toBe('stop');
    expect(warmActFor(destinationStatus('y', 'RUNNING', { warm: warm({ phase: 'ON_AIR' }) }))).toBe('back-to-slate');
    expect(warmActFor(destinationStatus('y', 'IDLE', { warm: warm({ capable: false }) }))).toBeNull();
    const list = [
      destinationStatus('a', 'IDLE', { warm: warm() }),
      destinationStatus('b', 'IDLE', { warm: warm({ mode: 'cold' }) }),
      destinationStatus('c', 'RUNNING', { warm: warm({ phase: 'STANDBY' }) }),
    ];
    expect(standbyAllTargets(list).map((d) => d.id)).toEqual(['a']);
  });
});
