import { describe, expect, it } from 'vitest';
import type { ChartScale, HistoryPoint } from '../../shared/domain/flow';
import { alertWords, chartSeries, timeTicks, valueTicks } from './chart-scale';

const LOSS: ChartScale = { max: 2, alert: 0.5, alertWhen: 'above' };
const BITRATE: ChartScale = { max: 12_000_000, alert: 50_000, alertWhen: 'below' };

describe('chartSeries', () => {
  it('clamps values above the fixed max and remembers them, keeps gaps as gaps', () => {
    const points: HistoryPoint[] = [
      [1_000, 0.1],
      [2_000, null],
      [3_000, 4.1],
      [4_000, 2],
    ];
    const s = chartSeries(points, 'loss', LOSS);
    expect(s.xs).toEqual([1, 2, 3, 4]);
    expect(s.ys).toEqual([0.1, null, 2, 2]);
    // 2 is on the scale's top, not above it.
    expect(s.over).toEqual([2]);
    expect(s.peak).toBe(4.1);
  });

  it('charts bitrate in Mbps against the same fixed scale whatever the values', () => {
    const quiet = chartSeries([[0, 1_000_000]], 'bitrate', BITRATE);
    const busy = chartSeries([[0, 15_000_000]], 'bitrate', BITRATE);
    expect(quiet.ys).toEqual([1]);
    expect(busy.ys).toEqual([12]);
    expect(busy.over).toEqual([0]);
    expect(chartSeries([[0, null]], 'bitrate', BITRATE).peak).toBeNull();
  });
});

describe('valueTicks', () => {
  it('labels 0 and the max, with nice steps between when there is room', () => {
    expect(valueTicks(12, 47)).toEqual([0, 4, 8, 12]);
    expect(valueTicks(2, 150)).toEqual([0, 0.5, 1, 1.5, 2]);
    expect(valueTicks(2, 20)).toEqual([0, 2]);
  });
});

describe('timeTicks', () => {
  const from = Date.UTC(2026, 11, 1, 17, 44, 30);
  const to = from + 15 * 60_000;

  it('puts ticks on whole minutes inside the window and labels as many as fit, none cut at an edge', () => {
    const ticks = timeTicks(from, to, 100, 50);
    expect(ticks.length).toBeGreaterThanOrEqual(2);
    for (const t of ticks) {
      expect(t.at % 60_000).toBe(0);
      expect(t.at).toBeGreaterThanOrEqual(from);
      expect(t.at).toBeLessThanOrEqual(to);
    }
    const labelled = ticks.filter((t) => t.label !== null);
    expect(labelled.length).toBeGreaterThanOrEqual(1);
    const px = (t: number) => ((t - from) / (to - from)) * 100;
    for (const t of labelled) {
      expect(px(t.at)).toBeGreaterThanOrEqual(25);
      expect(px(t.at)).toBeLessThanOrEqual(75);
      expect(t.label).toMatch(/^\d\d:\d\d:00$/);
    }
  });

  it('labels more ticks on a wider chart, never closer than a label', () => {
    const ticks = timeTicks(from, to, 300, 50).filter((t) => t.label !== null);
    expect(ticks.length).toBeGreaterThanOrEqual(3);
    const px = (t: number) => ((t - from) / (to - from)) * 300;
    for (let i = 1; i < ticks.length; i += 1)
      expect(px(ticks[i]!.at) - px(ticks[i - 1]!.at)).toBeGreaterThanOrEqual(56);
  });
});

describe('alertWords', () => {
  it('says the threshold in units', () => {
    expect(alertWords('loss', LOSS)).toBe('alert at 0.5 %');
    expect(alertWords('bitrate', BITRATE)).toBe('lost below 0.05 Mbps');
  });
});
