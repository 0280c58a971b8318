/**
 * Tile grid geometry: every tile the same fixed size, chosen from the number of destinations
 * and the space available, so that 5 tiles read from across the booth and 20 still fit a
 * 1366x768 screen without scrolling. Sizes change only when the window or the number of
 * destinations does, never when a state changes.
 *
 * The tile's row heights live here (and reach the CSS as custom properties), so the number of
 * lines left for a problem or an error is computed, never guessed: a line is shown whole or not.
 */
export type Density = 'large' | 'roomy' | 'compact';

export interface TileMetrics {
  /** The header: the key, and the name on up to two lines. */
  /** Padding top; bottom is pad - 4; left is pad + 8 (the tally strip). */
  pad: number;
  gap: number;
  head: number;
  state: number;
  detail: number;
  /** 0: the preset shares the detail row (compact). */
  preset: number;
  actions: number;
  /** Line height of a problem / error line. */
  line: number;
}

export const TILE_METRICS: Record<Density, TileMetrics> = {
  large: { pad: 18, gap: 7, head: 46, state: 78, detail: 38, preset: 24, actions: 34, line: 19 },
  roomy: { pad: 12, gap: 4, head: 38, state: 52, detail: 28, preset: 20, actions: 26, line: 17 },
  compact: { pad: 8, gap: 3, head: 30, state: 30, detail: 22, preset: 0, actions: 20, line: 15 },
};

const BORDER = 2;

/** Height of everything but the trouble lines. */
export function fixedTileHeight(density: Density): number {
  const m = TILE_METRICS[density];
  const rows = [m.head, m.state, m.detail, m.preset, m.actions].filter((h) => h > 0);
  // rows + the trouble row, separated by gaps
  return m.pad + (m.pad - 4) + 2 * BORDER + rows.reduce((a, b) => a + b, 0) + m.gap * rows.length;
}

function troubleLinesFor(density: Density, tileHeight: number): number {
  return Math.floor((tileHeight - fixedTileHeight(density)) / TILE_METRICS[density].line);
}

export interface GridLayout {
  columns: number;
  rows: number;
  tileWidth: number;
  tileHeight: number;
  density: Density;
  /** Whole lines available for a configuration problem and the last error (at least 1). */
  troubleLines: number;
  /** False when even the smallest tiles cannot all fit: the grid scrolls. */
  fits: boolean;
}

export const GRID_GAP = 10;
/**
 * The key-bank bar above the tiles (more than ten destinations), and its gap: there from the first paint whenever
 * there is more than one bank, so it never moves a tile when a state changes.
 */
export const BANK_BAR_HEIGHT = 24;
export const BANK_BAR_GAP = 4;
/**
 * 190 (not wider): with the SRT input column on the right, 20 destinations on a 1366x768 screen
 * need five columns (four would need five rows, too short for a compact tile).
 */
const MIN_TILE_WIDTH = 190;
export const MIN_TILE_HEIGHT = fixedTileHeight('compact') + TILE_METRICS.compact.line;
const MAX_TILE_HEIGHT = 330;
const IDEAL_WIDTH = 420;
const IDEAL_HEIGHT = 300;
const LARGE_MIN_WIDTH = 400;

/** The biggest variant whose rows fit, with two trouble lines for large and one for the others. */
function densityFor(tileWidth: number, tileHeight: number): Density {
  if (tileWidth >= LARGE_MIN_WIDTH && troubleLinesFor('large', tileHeight) >= 2) return 'large';
  if (troubleLinesFor('roomy', tileHeight) >= 1) return 'roomy';
  return 'compact';
}

function shape(columns: number, rows: number, tileWidth: number, tileHeight: number, fits: boolean): GridLayout {
  const density = densityFor(tileWidth, tileHeight);
  return {
    columns,
    rows,
    tileWidth,
    tileHeight,
    density,
    troubleLines: Math.max(1, troubleLinesFor(density, tileHeight)),
    fits,
  };
}

export function computeGridLayout(count: number, width: number, height: number, gap = GRID_GAP): GridLayout {
  const n = Math.max(1, count);
  let best: { layout: GridLayout; score: number; empty: number } | null = null;
  for (let columns = 1; columns <= Math.min(n, 10); columns += 1) {
    const tileWidth = Math.floor((width - gap * (columns - 1)) / columns);
    if (tileWidth < MIN_TILE_WIDTH && columns > 1) break;
    const rows = Math.ceil(n / columns);
    const available = Math.floor((height - gap * (rows - 1)) / rows);
    if (available < MIN_TILE_HEIGHT) continue;
    const tileHeight = Math.min(MAX_TILE_HEIGHT, available);
    const score = Math.round(Math.min(1, tileWidth / IDEAL_WIDTH, tileHeight / IDEAL_HEIGHT) * 100) / 100;
    const empty = columns * rows - n;
    // Biggest tiles first; on a tie, the fewest holes in the last row, then more columns.
    if (!best || score > best.score || (score === best.score && empty <= best.empty)) {
      best = { layout: shape(columns, rows, tileWidth, tileHeight, true), score, empty };
    }
  }
  if (best) return best.layout;
  // Too many for the space: smallest tiles, as many columns as fit, and the grid scrolls.
  const columns = Math.max(1, Math.floor((width + gap) / (MIN_TILE_WIDTH + gap)));
  return shape(
    columns,
    Math.ceil(n / columns),
    Math.floor((width - gap * (columns - 1)) / columns),
    MIN_TILE_HEIGHT,
    false,
  );
}

/** Padding of the tile area and gutter between it and the SRT column (App.svelte's .main / .side). */
const SIDE_GUTTER = 12;

/**
 * Width of the SRT input column (source cards) for a window width: as wide as the sketch's right
 * column on big screens, narrower on small ones so that 20 tiles still fit beside it. Depends
 * only on the window's width, never on a state.
 */
export function sidePanelWidth(windowWidth: number): number {
  if (windowWidth >= 1800) return 420;
  if (windowWidth >= 1560) return 340;
  return 310;
}

/** Width left for the tile grid in a window: minus the SRT column, its gutter and the paddings. */
export function gridAreaWidth(windowWidth: number): number {
  return windowWidth - sidePanelWidth(windowWidth) - 3 * SIDE_GUTTER;
}
