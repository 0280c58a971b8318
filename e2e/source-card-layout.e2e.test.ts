import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { FlowSnapshot, SourceFigures } from '../shared/domain/flow';
import { sampleFlowSnapshot } from '../src-renderer/lib/test-support/flow-snapshot';
import { newWatchedPage } from './support/browser';
import { useFakeBoothPreview } from './support/fake-booth-preview';
import { fakeBoothScript, manyDestinations, SIMULATED_CONNECTION } from './support/fake-booth';
import { ARTIFACTS, nextPaint } from './support/harness';

/**
 * The source cards' figure block (NOT REC, RECOV, ARQ, JITTER, LATENCY) at the booth's two screens: captions and
 * figures never run into each other, whether CloudWatch gave figures or nothing ("—" and "no data", the widest).
 */
const booth = useFakeBoothPreview();

function withFigures(figures: (f: SourceFigures) => SourceFigures): FlowSnapshot {
  const snapshot = sampleFlowSnapshot();
  const sources = snapshot.flow.sources.map((s) => ({ ...s, figures: figures(s.figures) }));
  return { ...snapshot, flow: { ...snapshot.flow, sources } };
}

const NO_DATA = (f: SourceFigures): SourceFigures => ({
  ...f,
  notRecoveredPackets: null,
  recoveredPackets: null,
  arqRequests: null,
  jitterMs: null,
  latencyMs: null,
});
/** The widest figures a count or a time can show. */
const LARGE = (f: SourceFigures): SourceFigures => ({
  ...f,
  notRecoveredPackets: 12_345,
  recoveredPackets: 98_765,
  arqRequests: 123_456,
  jitterMs: 1_234,
  latencyMs: 4_321,
});

const SCREENS = [
  { width: 1366, height: 768 },
  { width: 1920, height: 1080 },
];
const CASES = [
  { name: 'no-data', figures: NO_DATA, nodata: 5 },
  { name: 'large', figures: LARGE, nodata: 0 },
];

describe('source card figures (fake window.booth)', () => {
  for (const screen of SCREENS)
    for (const { name, figures, nodata } of CASES)
      it(`lays out NOT REC / RECOV / ARQ / JITTER / LATENCY without overlap at ${screen.width}x${screen.height} (${name})`, async () => {
        const { context, page, problems } = await newWatchedPage(booth.browser, screen);
        try {
          await context.addInitScript({
            content: fakeBoothScript({
              destinations: manyDestinations(5),
              connection: SIMULATED_CONNECTION,
              flow: withFigures(figures),
            }),
          });
          await page.goto(`${booth.preview.origin}/operator/`);
          await page.waitForSelector('[data-testid="source-card"][data-role="backup"] [data-testid="fig-arq"]');
          await nextPaint(page);
          mkdirSync(ARTIFACTS, { recursive: true });
          await page.screenshot({
            path: path.join(ARTIFACTS, `source-figures-${name}-${screen.width}x${screen.height}.png`),
          });
          await page.locator('[data-testid="source-card"][data-role="main"] .figures').screenshot({
            path: path.join(ARTIFACTS, `source-figures-${name}-${screen.width}x${screen.height}-main-block.png`),
          });

          const report = await page.evaluate(() => {
            const cards = [...document.querySelectorAll<HTMLElement>('[data-testid="source-card"]')];
            return cards.map((card) => {
              const block = card.querySelector<HTMLElement>('.figures')!.getBoundingClientRect();
              const cells = [...card.querySelectorAll<HTMLElement>('.figures .cell')];
              // Every caption, figure and unit (or "no data") as its box: a figure wider than its cell spills out of it.
              const parts = cells.flatMap((cell) =>
                [...cell.querySelectorAll<HTMLElement>('.caption, .value, small')].map((el) => {
                  const r = el.getBoundingClientRect();
                  return {
                    el,
                    what: `${cell.dataset['testid']}:${el.tagName === 'SMALL' ? 'unit' : el.className.split(' ')[0]}`,
                    text: el.textContent ?? '',
                    left: r.left,
                    right: r.right,
                    top: r.top,
                    bottom: r.bottom,
                    cut: el.scrollWidth > el.clientWidth + 1,
                  };
                }),
              );
              const overlaps: string[] = [];
              for (const [i, a] of parts.entries())
                for (const b of parts.slice(i + 1))
                  if (
                    !a.el.contains(b.el) &&
                    !b.el.contains(a.el) &&
                    a.left < b.right - 0.5 &&
                    b.left < a.right - 0.5 &&
                    a.top < b.bottom - 0.5 &&
                    b.top < a.bottom - 0.5
                  )
                    overlaps.push(`${a.what} "${a.text}" overlaps ${b.what} "${b.text}"`);
              const outside = parts
                .filter(
                  (p) =>
                    p.left < block.left - 0.5 ||
                    p.right > block.right + 0.5 ||
                    p.top < block.top - 0.5 ||
                    p.bottom > block.bottom + 0.5,
                )
                .map((p) => `${p.what} "${p.text}"`);
              return {
                role: card.dataset['role'],
                overlaps,
                outside,
                cut: parts.filter((p) => p.cut).map((p) => `${p.what} "${p.text}"`),
                nodata: card.querySelectorAll('.figures .cell.nodata').length,
              };
            });
          });
          expect(report).toHaveLength(2);
          for (const card of report) {
            expect(card.nodata, card.role).toBe(nodata);
            expect(card.overlaps, card.role).toEqual([]);
            expect(card.outside, card.role).toEqual([]);
            expect(card.cut, card.role).toEqual([]);
          }
          expect(problems.take()).toEqual([]);
        } finally {
          await context.close();
        }
      });
});
