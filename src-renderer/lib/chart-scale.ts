import type { ChartScale, HistoryPoint } from '../../shared/domain/flow';
import { clockTime } from '../../shared/domain/time-format';

/**
 * The geometry of a source chart, apart from uPlot: values in the unit the chart shows (Mbps, %), clamped to the
 * fixed scale with every point above it remembered (drawn "off the top", never silently cut), the y ticks of the
 * fixed scale and the time ticks of the window. Sizes in CSS pixels.
 */
export type ChartKind = 'bitrate' | 'loss';

/** From the metric's unit (bits/s, percent) to the chart's (Mbps, percent). */
export function toChartUnit(kind: ChartKind, value: number): number {
  return kind === 'bitrate' ? value / 1e6 : value;
}

export interface ChartSeries {
  /** Period starts in seconds (uPlot's time scale). */
  xs: number[];
  /** In the chart's unit, clamped to the scale's max; null stays null (a gap, never a zero). */
  ys: (number | null)[];
  /** Indices of the points above the scale's max, drawn at the top with a mark. */
  over: number[];
  /** The highest value in the chart's unit, null without any datapoint. */
  peak: number | null;
}

export function chartSeries(points: readonly HistoryPoint[], kind: ChartKind, scale: ChartScale): ChartSeries {
  const max = toChartUnit(kind, scale.max);
  const xs: number[] = [];
  const ys: (number | null)[] = [];
  const over: number[] = [];
  let peak: number | null = null;
  points.forEach(([t, raw], i) => {
    xs.push(t / 1000);
    if (raw === null) {
      ys.push(null);
      return;
    }
    const v = toChartUnit(kind, raw);
    peak = peak === null ? v : Math.max(peak, v);
    if (v > max) over.push(i);
    ys.push(Math.min(v, max));
  });
  return { xs, ys, over, peak };
}

const NICE_STEPS = [0.1, 0.2, 0.5, 1, 2, 4, 5, 10, 20, 50, 100];
/** More labels than this on a small chart are noise. */
const MAX_VALUE_SLOTS = 4;

/**
 * Ticks of a fixed scale from 0 to its max (in the chart's unit): the finest nice step that leaves `minSpacingPx`
 * between labels over `heightPx`, the max always labelled.
 */
export function valueTicks(max: number, heightPx: number, minSpacingPx = 14): number[] {
  const slots = Math.min(MAX_VALUE_SLOTS, Math.max(1, Math.floor(heightPx / minSpacingPx)));
  const step = NICE_STEPS.find((s) => max / s <= slots) ?? max;
  const ticks: number[] = [];
  for (let k = 0; k * step < max - 1e-9; k += 1) ticks.push(round(k * step));
  // The max itself, dropping a step tick too close below it to have its own label.
  if (ticks.length > 1 && ((max - ticks.at(-1)!) / max) * heightPx < minSpacingPx) ticks.pop();
  ticks.push(max);
  return ticks;
}

const round = (v: number) => Math.round(v * 1e6) / 1e6;

/** A y label: whole numbers bare, fractions with what they need ("0", "0.5", "12"). */
export function valueLabel(v: number): string {
  return String(round(v));
}

const MINUTE = 60_000;
const TIME_STEPS_MIN = [1, 2, 5, 10, 15, 30, 60];
/** Closest two time ticks may be: a grid line every few pixels would be noise. */
const MIN_TICK_SPACING_PX = 20;

export interface TimeTick {
  at: number;
  /** clockTime of the tick, or null for a tick without a label (no room for one). */
  label: string | null;
}

/**
 * Time ticks on whole-minute boundaries within [fromMs, toMs], the finest step at least `MIN_TICK_SPACING_PX`
 * apart. Labels (`labelPx` wide) go on the newest ticks first, one wherever it fits: never closer than a label and
 * a gap to the next, never so near an edge that it would be cut. A window wider than twice a label's width always
 * has one.
 */
export function timeTicks(fromMs: number, toMs: number, widthPx: number, labelPx: number): TimeTick[] {
  const span = toMs - fromMs;
  if (span <= 0 || widthPx <= 0) return [];
  const pxPerMs = widthPx / span;
  const stepMin = TIME_STEPS_MIN.find((m) => m * MINUTE * pxPerMs >= MIN_TICK_SPACING_PX) ?? TIME_STEPS_MIN.at(-1)!;
  const step = stepMin * MINUTE;
  const ticks: TimeTick[] = [];
  for (let t = Math.floor(toMs / step) * step; t >= fromMs; t -= step) ticks.push({ at: t, label: null });
  const half = labelPx / 2;
  let lastLabelPx = Infinity;
  for (const tick of ticks) {
    const x = (tick.at - fromMs) * pxPerMs;
    if (x - half < 0 || x + half > widthPx || lastLabelPx - x < labelPx + 6) continue;
    tick.label = clockTime(tick.at);
    lastLabelPx = x;
  }
  return ticks.reverse();
}

/** The threshold in words, for the chart's caption and its description. */
export function alertWords(kind: ChartKind, scale: ChartScale): string {
  const v = valueLabel(toChartUnit(kind, scale.alert));
  const unit = kind === 'bitrate' ? ' Mbps' : ' %';
  return scale.alertWhen === 'above' ? `alert at ${v}${unit}` : `lost below ${v}${unit}`;
}
