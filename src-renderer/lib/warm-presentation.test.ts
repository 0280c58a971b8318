import { describe, expect, it } from 'vitest';
import type { WarmStatus } from '../../shared/domain/warm-standby';
import { destinationStatus } from '../../shared/domain/test-support/destination-status';
import { planFor } from './go-live/arming';
import { airTally, isOnAirNow, liveSummary } from './tally';
import {
  inputTroubleText,
  standbyAllTargets,
  standbyLine,
  warmActFor,
  warmPlan,
  warmPresentation,
} from './warm-presentation';
import { warmStatus } from '../../shared/domain/test-support/warm-status';

const warm = (extra: Partial<WarmStatus> = {}): WarmStatus =>
  warmStatus({ liveAttachment: 'yt-srt', slateAttachment: 'yt-slate', ...extra });
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
      hint: 'input not read yet',
    });
    // Since when has a line of its own on the tile (the hint is cut on the narrowest one).
    expect(inputTroubleText(d)).toBe('input not read yet, since 18:40:07');
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

  it('reads failing after a confirmed read: the last input read stays, marked unconfirmed since it was confirmed', () => {
    const since = at1840 + 12_000;
    const standby = destinationStatus('youtube', 'RUNNING', {
      runningSince: at1840,
      warm: warm({
        phase: 'STANDBY',
        activeAttachment: 'yt-slate',
        standbySince: at1840,
        inputUnconfirmedSince: since,
      }),
    });
    expect(warmPresentation(standby)).toEqual({
      label: 'STANDBY',
      tone: 'standby',
      hint: 'input unconfirmed',
    });
    // The cost stays first on the line; the standby it cannot confirm is not claimed. The time of the last
    // confirmation has the tile's UNCONFIRMED line, as an unconfirmed state's "last confirmed" has.
    expect(standbyLine(standby, at1840 + 60_000)).toBe('$0.56/h, input unconfirmed');
    expect(inputTroubleText(standby)).toBe('slate, last confirmed 18:40:12');
    expect(airTally([standby])[0]).toMatchObject({
      word: 'STANDBY?',
      tone: 'unconfirmed',
      note: 'slate (unconfirmed since 18:40:12)',
    });
    expect(liveSummary([standby]).text).toBe('≥1/1');
    // The take behaves as on an unconfirmed state: no switch is armed, ending what bills stays possible.
    expect(warmPlan(standby)).toBeNull();
    expect(planFor(standby)).toEqual({ ok: true, action: 'stop' });
    expect(warmActFor(standby)).toBeNull();

    const onAir = destinationStatus('youtube', 'RUNNING', {
      runningSince: at1840,
      warm: warm({ phase: 'ON_AIR', activeAttachment: 'yt-srt', inputUnconfirmedSince: since }),
    });
    expect(warmPresentation(onAir)).toMatchObject({ label: 'ON AIR', hint: 'input unconfirmed' });
    expect(inputTroubleText(onAir)).toBe('live input, last confirmed 18:40:12');
    expect(isOnAirNow(onAir)).toBe(true);
    expect(liveSummary([onAir])).toMatchObject({ confirmed: 0, unconfirmed: 1, text: '≥1/1' });
    expect(airTally([onAir])[0]).toMatchObject({
      word: 'ON AIR?',
      tone: 'unconfirmed',
      note: 'live input (unconfirmed since 18:40:12)',
    });
    expect(warmActFor(onAir)).toBeNull();
    expect(planFor(onAir)).toEqual({ ok: true, action: 'stop' });

    // A later read that succeeds clears the mark: the plain words, the take from standby armed again.
    const readAgain = { ...standby, warm: { ...standby.warm!, inputUnconfirmedSince: null } };
    expect(warmPresentation(readAgain)?.hint).toBe('Running on the slate; the take switches to live');
    expect(inputTroubleText(readAgain)).toBeNull();
    expect(standbyLine(readAgain, at1840 + 60_000)).toBe('$0.56/h, standby since 18:40');
    expect(airTally([readAgain])[0]).toMatchObject({ word: 'STANDBY', tone: 'transition', note: null });
    expect(planFor(readAgain)).toEqual({ ok: true, action: 'start' });
    expect(warmActFor(readAgain)).toBe('stop');
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
