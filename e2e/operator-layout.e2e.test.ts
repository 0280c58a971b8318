import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { newWatchedPage } from './support/browser';
import { useFakeBoothPreview } from './support/fake-booth-preview';
import { sampleFlowSnapshot } from '../src-renderer/lib/test-support/flow-snapshot';
import { fakeBoothScript, manyDestinations, SIMULATED_CONNECTION } from './support/fake-booth';
import { ARTIFACTS, nextPaint } from './support/harness';

const booth = useFakeBoothPreview();

const CASES = [
  { count: 20, width: 1920, height: 1080 },
  { count: 20, width: 1366, height: 768 },
  { count: 12, width: 1600, height: 900 },
  { count: 5, width: 1366, height: 768 },
];

describe('operator window layout with many destinations (fake window.booth)', () => {
  for (const { count, ...screen } of CASES) {
    it(`fits ${count} tiles on a ${screen.width}x${screen.height} screen without scrolling, states and lines in full`, async () => {
      const { context, page, problems } = await newWatchedPage(booth.browser, screen);
      try {
        await context.addInitScript({
          content: fakeBoothScript({
            destinations: manyDestinations(count),
            connection: SIMULATED_CONNECTION,
            flow: sampleFlowSnapshot(),
          }),
        });
        await page.goto(`${booth.preview.origin}/operator/`);
        await page.waitForSelector('[data-testid="destination-tile"]');
        await page.waitForSelector(
          '[data-testid="source-card"][data-role="backup"] [data-testid="chart-bitrate"][data-has-data="true"]',
        );
        expect(await page.locator('[data-testid="destination-tile"]').count()).toBe(count);

        await nextPaint(page);
        mkdirSync(ARTIFACTS, { recursive: true });
        await page.screenshot({ path: path.join(ARTIFACTS, `operator-${count}-${screen.width}x${screen.height}.png`) });

        const report = await page.evaluate(() => {
          const tiles = [...document.querySelectorAll<HTMLElement>('[data-testid="destination-tile"]')];
          const main = document.querySelector('main')!.getBoundingClientRect();
          const grid = document.querySelector<HTMLElement>('[data-testid="destination-grid"]')!;
          const viewport = grid.parentElement!;
          const outside = tiles.filter((t) => {
            const r = t.getBoundingClientRect();
            return r.top < main.top || r.bottom > main.bottom + 0.5 || r.left < main.left || r.right > main.right + 0.5;
          });
          // A state word is never cut: the operator must read ON AIR, not ON A…
          const clipped = tiles
            .map((t) => t.querySelector<HTMLElement>('[data-testid="tile-state"]')!)
            .filter((s) => s.scrollWidth > s.clientWidth + 1)
            .map((s) => s.textContent);
          // Nothing spills out of its row (every line is reserved and clipped, never pushing the next).
          const overflowingRows = tiles.flatMap((t) =>
            [...t.children]
              .filter((row) => (row as HTMLElement).scrollHeight > (row as HTMLElement).clientHeight + 2)
              .map((row) => `${t.dataset['destinationId']}:${row.className}`),
          );
          const sizes = new Set(
            tiles.map(
              (t) => `${Math.round(t.getBoundingClientRect().width)}x${Math.round(t.getBoundingClientRect().height)}`,
            ),
          );
          return {
            outside: outside.length,
            clipped,
            overflowingRows,
            sizes: [...sizes],
            scrolls: viewport.scrollHeight > viewport.clientHeight + 1,
            columns: grid.dataset['columns'],
            density: grid.dataset['density'],
          };
        });
        expect(report.outside, JSON.stringify(report)).toBe(0);
        expect(report.scrolls).toBe(false);
        expect(report.clipped).toEqual([]);
        expect(report.overflowingRows).toEqual([]);
        expect(report.sizes).toHaveLength(1);

        // The SRT column beside the tiles: both cards whole, nothing of them cut or overlapping the tiles.
        const side = await page.evaluate(() => {
          const cards = [...document.querySelectorAll<HTMLElement>('[data-testid="source-card"]')];
          const panel = document.querySelector<HTMLElement>('[data-testid="flow-panel"]')!.getBoundingClientRect();
          const main = document.querySelector('main')!.getBoundingClientRect();
          const clip = (el: HTMLElement | null) =>
            el ? el.scrollWidth > el.clientWidth + 1 || el.scrollHeight > el.clientHeight + 2 : false;
          return {
            cards: cards.length,
            besideTiles: panel.left >= main.right,
            insideWindow: panel.right <= window.innerWidth && panel.bottom <= window.innerHeight,
            clipped: cards.flatMap((c) =>
              ['source-state', 'source-endpoint', 'source-feeding']
                .filter((id) => clip(c.querySelector<HTMLElement>(`[data-testid="${id}"]`)))
                .map((id) => `${c.dataset['role']}:${id}`),
            ),
            figuresCut: cards.flatMap((c) =>
              [...c.querySelectorAll<HTMLElement>('.cell .value')]
                .filter((v) => v.scrollWidth > v.clientWidth + 1)
                .map((v) => `${c.dataset['role']}:${v.textContent}`),
            ),
            chartHeights: cards.map((c) =>
              Math.round(c.querySelector<HTMLElement>('[data-testid="chart-bitrate"]')!.getBoundingClientRect().height),
            ),
          };
        });
        expect(side, JSON.stringify(side)).toMatchObject({
          cards: 2,
          besideTiles: true,
          insideWindow: true,
          clipped: [],
          figuresCut: [],
        });
        for (const h of side.chartHeights) expect(h).toBeGreaterThanOrEqual(40);
        // Every tile shows its key, all distinct: digits 1-9 then 0 up to ten, bank·digit (1·4, 2·4) beyond.
        const keys = await page.getByTestId('tile-key').evaluateAll((els) => els.map((el) => el.dataset['key'] ?? ''));
        expect(keys).toHaveLength(count);
        expect(new Set(keys).size).toBe(count);
        if (count <= 10) expect(keys).toEqual(['1', '2', '3', '4', '5', '6', '7', '8', '9', '0'].slice(0, count));
        else {
          expect(keys.slice(0, 2)).toEqual(['1·1', '1·2']);
          expect(keys[10]).toBe('2·1');
          expect(await page.getByTestId('bank-bar').getAttribute('data-bank')).toBe('1');
        }
        // The name first, whole on its two lines (a short name never shrinks to "Y." or "Destinati…").
        const names = await page.evaluate(() =>
          [...document.querySelectorAll<HTMLElement>('[data-testid="tile-name"]')].map((name) => {
            const block = name.parentElement!;
            return {
              name: name.textContent?.trim() ?? '',
              whole: name.getBoundingClientRect().bottom <= block.getBoundingClientRect().bottom + 1,
              // A word broken across lines shows as more lines than the words need: check no line starts mid-word.
              lines: Math.round(name.getBoundingClientRect().height / parseFloat(getComputedStyle(name).lineHeight)),
            };
          }),
        );
        for (const n of names.filter((x) => x.name.length <= 15))
          expect(n, JSON.stringify(n)).toMatchObject({ whole: true, lines: 1 });

        // Armed (amber, "ARMED: GO LIVE" and the countdown) fits the same tile, nothing cut, nothing moved.
        const before = await page
          .locator('[data-testid="destination-tile"]')
          .evaluateAll((els) => els.map((el) => JSON.stringify(el.getBoundingClientRect())).join());
        await page.keyboard.press('2');
        await page.waitForSelector('[data-armed="start"] [data-testid="tile-countdown"]');
        const armed = await page.evaluate(() => {
          const badge = document.querySelector<HTMLElement>('[data-armed] [data-testid="tile-armed"]')!;
          const countdown = document.querySelector<HTMLElement>('[data-armed] [data-testid="tile-countdown"]')!;
          const tile = document.querySelector<HTMLElement>('[data-armed]')!.getBoundingClientRect();
          return {
            clipped: badge.scrollWidth > badge.clientWidth + 1,
            countdownInside: countdown.getBoundingClientRect().right <= tile.right,
          };
        });
        expect(armed).toEqual({ clipped: false, countdownInside: true });
        expect(
          await page
            .locator('[data-testid="destination-tile"]')
            .evaluateAll((els) => els.map((el) => JSON.stringify(el.getBoundingClientRect())).join()),
        ).toBe(before);
        await page.screenshot({
          path: path.join(ARTIFACTS, `operator-${count}-${screen.width}x${screen.height}-armed.png`),
        });
        await page.keyboard.press('Escape');

        await problems.collectCsp(page);
        expect(problems.take()).toEqual([]);
      } finally {
        await context.close();
      }
    });
  }
});
