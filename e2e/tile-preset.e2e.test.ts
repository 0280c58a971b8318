import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { DestinationStatus } from '../shared/domain/destination';
import type { ShowSnapshot } from '../shared/domain/show-time';
import { sampleFlowSnapshot } from '../src-renderer/lib/test-support/flow-snapshot';
import { newWatchedPage } from './support/browser';
import { useFakeBoothPreview } from './support/fake-booth-preview';
import { fakeBoothScript, manyDestinations, SIMULATED_CONNECTION } from './support/fake-booth';
import { ARTIFACTS, nextPaint } from './support/harness';

/**
 * A tile on air holds its preset (resolution, frame rate, bitrate) and the show's time on air on one line: the preset
 * is read whole, never cut behind the time on air, at the booth's two screens; the grid keeps its fixed tiles.
 */
const booth = useFakeBoothPreview();

const PRESETS = ['1080p29.97 12.5 Mbps', '1080p30 6 Mbps', '720p30 2.5 Mbps', '1080p60 9 Mbps'];
/** What a narrow compact tile (20 on a 1366x768 screen) shows of them beside its timer: resolution and bitrate. */
const SHORT = ['1080p 12.5M', '1080p 6M', '720p 2.5M', '1080p 9M'];

/** Every tile on air, over an hour in this show, half of them after a long standby: the longest on-air line. */
function onAir(count: number, now: number): { destinations: DestinationStatus[]; show: ShowSnapshot } {
  const destinations = manyDestinations(count, now).map((d, i) => ({
    ...d,
    platform: i === 1 ? 'youtube' : d.platform,
    name: i === 1 ? 'YouTube Live' : d.name,
    state: 'RUNNING' as const,
    runningSince: now - 3_725_000 - i * 1_000,
    presetSummary: PRESETS[i % PRESETS.length]!,
    problem: null,
    lastError: null,
    pending: null,
  }));
  const show: ShowSnapshot = {
    at: now,
    plan: null,
    timeline: {
      startedAt: now - 4 * 3_600_000,
      endedAt: null,
      endedBy: null,
      onAir: { ms: 3_600_000, since: now - 125_000 },
      standby: { ms: 0, since: null },
      destinations: destinations.map((d, i) => ({
        id: d.id,
        onAir: { ms: 3_600_000, since: now - 125_000 },
        standby: { ms: i % 2 ? 754_000 : 0, since: null },
      })),
    },
    standbyOffer: null,
  };
  return { destinations, show };
}

const CASES = [
  { count: 5, width: 1366, height: 768 },
  { count: 5, width: 1920, height: 1080 },
  { count: 8, width: 1366, height: 768 },
  { count: 12, width: 1366, height: 768 },
  { count: 12, width: 1920, height: 1080 },
  { count: 20, width: 1366, height: 768 },
];

describe('the preset line of a tile on air (fake window.booth)', () => {
  for (const { count, ...screen } of CASES)
    it(`${count} on air at ${screen.width}x${screen.height}: the preset whole, the grid fixed`, async () => {
      const { context, page, problems } = await newWatchedPage(booth.browser, screen);
      try {
        const now = Date.now();
        const { destinations, show } = onAir(count, now);
        await context.addInitScript({
          content: fakeBoothScript({
            destinations,
            connection: SIMULATED_CONNECTION,
            flow: sampleFlowSnapshot(),
            show,
          }),
        });
        await page.goto(`${booth.preview.origin}/operator/`);
        await page.waitForSelector('[data-testid="tile-on-air"]', { state: 'attached' });
        await nextPaint(page);
        mkdirSync(ARTIFACTS, { recursive: true });
        await page.screenshot({
          path: path.join(ARTIFACTS, `tile-preset-${count}-${screen.width}x${screen.height}.png`),
        });
        await page
          .locator('[data-testid="destination-tile"]')
          .nth(1)
          .screenshot({ path: path.join(ARTIFACTS, `tile-preset-${count}-${screen.width}x${screen.height}-tile.png`) });

        const report = await page.evaluate(
          ({ presets, short }) => {
            const tiles = [...document.querySelectorAll<HTMLElement>('[data-testid="destination-tile"]')];
            const main = document.querySelector('main')!.getBoundingClientRect();
            const grid = document.querySelector<HTMLElement>('[data-testid="destination-grid"]')!;
            const cut: string[] = [];
            const overlapping: string[] = [];
            const untitled: string[] = [];
            for (const tile of tiles) {
              const id = tile.dataset['destinationId'];
              const row = tile.querySelector<HTMLElement>('[data-testid="tile-preset"]')!;
              // The preset's text the row shows (whole or short), wherever the row puts it.
              const walker = document.createTreeWalker(row, NodeFilter.SHOW_TEXT);
              let node: Node | null = null;
              let preset = '';
              while (walker.nextNode()) {
                const current = walker.currentNode;
                const said = current.textContent?.trim() ?? '';
                const i = Math.max(presets.indexOf(said), short.indexOf(said));
                if (i < 0 || !current.parentElement?.getClientRects().length) continue;
                [node, preset] = [current, presets[i]!];
              }
              if (!node) {
                cut.push(`${id}: no preset text`);
                continue;
              }
              const range = document.createRange();
              range.selectNodeContents(node);
              const text = range.getBoundingClientRect();
              // Cut: the text runs past an ancestor that clips it (an ellipsis hides the rest, the layout does not).
              for (
                let el: HTMLElement | null = node.parentElement;
                el && el !== tile.parentElement;
                el = el.parentElement
              ) {
                if (getComputedStyle(el).overflowX === 'visible') continue;
                const box = el.getBoundingClientRect();
                if (text.left < box.left - 0.5 || text.right > box.right + 0.5 || text.bottom > box.bottom + 0.5)
                  cut.push(`${id}: "${node.textContent}" cut by ${el.className.split(' ')[0]}`);
              }
              const total = tile.querySelector('[data-testid="tile-on-air"]')?.getBoundingClientRect();
              if (total && total.width > 0 && text.left < total.right && total.left < text.right)
                if (text.top < total.bottom && total.top < text.bottom)
                  overlapping.push(`${id}: "${node.textContent}"`);
              // What gives way is never lost: the row's title says the preset and the time on air in full.
              const title = row.getAttribute('title') ?? '';
              const parts = [...(tile.querySelector('[data-testid="tile-on-air"]')?.children ?? [])].map((p) =>
                (p.textContent ?? '').replace(/^\s*·\s*/, '').trim(),
              );
              if (!title.includes(preset) || parts.length === 0 || parts.some((p) => !title.includes(p)))
                untitled.push(`${id}: ${title}`);
            }
            const outside = tiles.filter((t) => {
              const r = t.getBoundingClientRect();
              return (
                r.top < main.top || r.bottom > main.bottom + 0.5 || r.left < main.left || r.right > main.right + 0.5
              );
            }).length;
            const viewport = grid.parentElement!;
            return {
              cut,
              overlapping,
              untitled,
              outside,
              scrolls: viewport.scrollHeight > viewport.clientHeight + 1,
              density: grid.dataset['density'],
            };
          },
          { presets: [...PRESETS], short: [...SHORT] },
        );
        expect(report.cut, JSON.stringify(report)).toEqual([]);
        expect(report.overlapping).toEqual([]);
        expect(report.untitled).toEqual([]);
        expect(report.outside).toBe(0);
        expect(report.scrolls).toBe(false);
        expect(problems.take()).toEqual([]);
      } finally {
        await context.close();
      }
    });
});
