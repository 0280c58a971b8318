import { describe, expect, it } from 'vitest';
import type { OutputHealth, Thumbnail } from '../../shared/domain/confidence';
import { ageText, healthView, thumbView } from './confidence-presentation';

const T0 = Date.UTC(2026, 0, 1, 20, 0, 0);
const picture = (over: Partial<Thumbnail> = {}): Thumbnail => ({
  status: 'ok',
  dataUrl: 'data:image/jpeg;base64,AAAA',
  capturedAt: T0,
  width: 480,
  height: 270,
  checkedAt: T0,
  message: null,
  ...over,
});
const figures = (over: Partial<OutputHealth> = {}): OutputHealth => ({
  status: 'ok',
  at: T0,
  checkedAt: T0,
  networkOutMbps: 6.4,
  activeAlerts: 0,
  fillMsec: 0,
  inputLossSeconds: 0,
  audioDbfs: -18,
  message: null,
  ...over,
});

describe('confidence presentation', () => {
  it('says a picture’s age in whole seconds, a clock behind AWS’s as now', () => {
    expect(ageText(T0, T0 + 2_400)).toBe('2 s ago');
    expect(ageText(T0, T0 - 500)).toBe('now');
    expect(ageText(T0, T0 + 5 * 60_000)).toBe('5 min ago');
  });
  it('marks a picture past 10 s stale, never current, and keeps the reason', () => {
    expect(thumbView(picture(), T0 + 2_000, 'YouTube')).toMatchObject({ tone: 'ok', badge: '2 s ago', stale: false });
    const stale = thumbView(picture({ status: 'throttled', message: 'AWS is throttling' }), T0 + 14_000, 'YouTube');
    expect(stale).toMatchObject({ tone: 'stale', badge: 'STALE 14 s', stale: true });
    expect(stale.title).toContain('not the current picture');
    expect(stale.title).toContain('AWS is throttling');
  });
  it('dims the last good picture at once when AWS’s newer one was refused, saying why', () => {
    const refused = picture({ status: 'corrupt', message: 'AWS sent a thumbnail that is not a readable picture.' });
    expect(thumbView(refused, T0 + 2_000, 'YouTube')).toMatchObject({
      tone: 'stale',
      badge: 'BAD PICTURE',
      stale: true,
    });
    expect(thumbView(refused, T0 + 2_000, 'YouTube').title).toContain('not a readable picture');
    expect(thumbView(picture({ status: 'oversize' }), T0, 'YouTube').badge).toBe('TOO LARGE');
    expect(thumbView(picture({ status: 'corrupt', dataUrl: null, capturedAt: null }), T0, 'YouTube')).toMatchObject({
      tone: 'none',
      badge: 'BAD PICTURE',
    });
  });
  it('puts the reason in words where there is no picture', () => {
    expect(thumbView(null, T0, 'YouTube').badge).toBe('WAITING');
    expect(thumbView(picture({ status: 'disabled', dataUrl: null, capturedAt: null }), T0, 'Twitch').badge).toBe(
      'THUMBNAILS OFF',
    );
  });
  it('says the output in one line: the trouble first, in the alarm tone', () => {
    expect(healthView(figures(), T0 + 5_000)).toMatchObject({ tone: 'ok', text: '6.4 Mb/s · no alerts' });
    expect(healthView(figures({ fillMsec: 60_000, activeAlerts: 1 }), T0)).toMatchObject({
      tone: 'bad',
      text: 'fill frames 60 s · 1 alert',
    });
    expect(healthView(figures({ audioDbfs: -90 }), T0).tone).toBe('warn');
    expect(healthView(figures(), T0 + 60_000)).toMatchObject({ tone: 'none', text: 'figures 60 s old' });
    expect(healthView(figures({ status: 'no-data', at: null }), T0).text).toBe('figures: none yet');
  });
});
