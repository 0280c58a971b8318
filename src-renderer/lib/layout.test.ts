import { describe, expect, it } from 'vitest';
import {
  BANK_BAR_GAP,
  BANK_BAR_HEIGHT,
  computeGridLayout,
  fixedTileHeight,
  gridAreaWidth,
  MIN_TILE_HEIGHT,
  sidePanelWidth,
  TILE_METRICS,
} from './layout';

// The grid's space on a screen: minus the SRT column and its gutters, the status bar (56), the footer (40) and the padding (24).
const area = (w: number, h: number) => [gridAreaWidth(w), h - 56 - 40 - 24] as const;

describe('computeGridLayout', () => {
  it('fits 20 destinations on 1366x768 and 1920x1080 without scrolling', () => {
    for (const [w, h] of [area(1366, 768), area(1920, 1080)]) {
      const layout = computeGridLayout(20, w, h);
      expect(layout.fits).toBe(true);
      expect(layout.columns * layout.rows).toBeGreaterThanOrEqual(20);
      expect(layout.rows * layout.tileHeight + (layout.rows - 1) * 10).toBeLessThanOrEqual(h);
      expect(layout.troubleLines).toBeGreaterThanOrEqual(1);
    }
  });

  it('leaves the SRT column the right-hand side, as in the sketch, on every screen, and 20 tiles beside it', () => {
    for (const w of [1280, 1366, 1600, 1920, 2560]) {
      expect(sidePanelWidth(w)).toBeGreaterThanOrEqual(300);
      expect(gridAreaWidth(w) + sidePanelWidth(w)).toBeLessThanOrEqual(w);
    }
    // 1366x768 with 20: five columns of at least the minimum width, four rows, under the key-bank bar.
    const banked = (w: number, h: number) => [area(w, h)[0], area(w, h)[1] - BANK_BAR_HEIGHT - BANK_BAR_GAP] as const;
    expect(computeGridLayout(20, ...banked(1366, 768))).toMatchObject({ columns: 5, rows: 4, fits: true });
    expect(computeGridLayout(20, ...banked(1920, 1080))).toMatchObject({ columns: 5, rows: 4, fits: true });
    // At 1920 the twenty keep the roomy tiles (larger state words) despite the two-line names and the bar.
    expect(computeGridLayout(20, ...banked(1920, 1080)).density).toBe('roomy');
  });

  it('gives five destinations large tiles with no more holes than needed', () => {
    const layout = computeGridLayout(5, ...area(1600, 900));
    expect(layout).toMatchObject({ columns: 3, rows: 2, density: 'large' });
  });

  it('never leaves a tile without a whole line for its problem', () => {
    for (let n = 1; n <= 40; n += 1) {
      for (const [w, h] of [area(1366, 768), area(1920, 1080), area(1024, 600)]) {
        const layout = computeGridLayout(n, w, h);
        const room = layout.tileHeight - fixedTileHeight(layout.density);
        expect(room, `${n} tiles in ${w}x${h}`).toBeGreaterThanOrEqual(
          TILE_METRICS[layout.density].line * layout.troubleLines,
        );
      }
    }
  });

  it('scrolls with the smallest tiles when even they cannot all fit', () => {
    const layout = computeGridLayout(60, ...area(1366, 768));
    expect(layout).toMatchObject({ fits: false, tileHeight: MIN_TILE_HEIGHT, density: 'compact' });
  });

  it('depends only on the count and the space, so a change of state never moves a tile', () => {
    expect(computeGridLayout(5, 1000, 700)).toEqual(computeGridLayout(5, 1000, 700));
  });
});
