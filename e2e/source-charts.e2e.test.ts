import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import type { FlowSnapshot, HistorySeries } from '../shared/domain/flow';
import { sampleFlowSnapshot } from '../src-renderer/lib/test-support/flow-snapshot';
import { newWatchedPage } from './support/browser';
import { useFakeBoothPreview } from './support/fake-booth-preview';
import { fakeBoothScript, manyDestinations, SIMULATED_CONNECTION } from './support/fake-booth';
import { ARTIFACTS } from './support/harness';

/**
 * The source cards' charts (fake window.booth: a scripted flow snapshot). Both cards' charts of one metric share
 * the scale the feed sends, whatever each one's values are; the alert threshold is drawn; a value above the scale
 * is marked off the top; captions sit above the plots; the charts are big enough to read at 1366x768.
 */
const booth = useFakeBoothPreview();

/** Main with a loss burst far above the 2 % scale (4.1 % at its peak), backup clean. */
function lossyMain(): FlowSnapshot {
  const snapshot = sampleFlowSnapshot();
  const history: HistorySeries[] = snapshot.history.map((s) =>
    s.source === 'main' && s.metric === 'packetLossPercent'
      ? {
          ...s,
          points: s.points.map(([t, v], i, all) =>
            i >= all.length - 24 ? [t, i === all.length - 6 ? 4.1 : 1.4 + (i % 5) * 0.4] : [t, v],
          ),
        }
      : s,
  );
  const sources = snapshot.flow.sources.map((s) =>
    s.role === 'main'
      ? {
          ...s,
          grade: 'degraded' as const,
          gradeCause: 'packet-loss' as const,
          gradeReason: 'Packet loss 2.6 % over 10 s (threshold 0.5 %).',
          figures: { ...s.figures, packetLossPercent: 2.6 },
        }
      : s,
  );
  return { ...snapshot, history, flow: { ...snapshot.flow, sources } };
}

interface ChartReport {
  role: string;
  metric: string;
  yMax: string;
  alertLine: string;
  over: string;
  timeTicks: string;
  timeLabels: string;
  offScale: string;
  width: number;
  height: number;
  captionAbovePlot: boolean;
  captionCut: boolean;
}

async function charts(page: Page): Promise<ChartReport[]> {
  return page.locator('[data-testid="chart-bitrate"], [data-testid="chart-loss"]').evaluateAll((els) =>
    els.map((el) => {
      const plot = el.querySelector<HTMLElement>('.plot')!;
      const caption = el.querySelector<HTMLElement>('.caption')!;
      const r = el.getBoundingClientRect();
      return {
        role: el.closest<HTMLElement>('[data-testid="source-card"]')!.dataset['role']!,
        metric: el.getAttribute('data-testid')!,
        yMax: plot.dataset['yMax'] ?? '',
        alertLine: plot.dataset['alertLine'] ?? '',
        over: plot.dataset['over'] ?? '',
        timeTicks: plot.dataset['timeTicks'] ?? '',
        timeLabels: plot.dataset['timeLabels'] ?? '',
        offScale: el.getAttribute('data-off-scale') ?? '',
        width: Math.round(r.width),
        height: Math.round(r.height),
        captionAbovePlot: caption.getBoundingClientRect().bottom <= plot.getBoundingClientRect().top + 0.5,
        captionCut: [...caption.children].some((c) => (c as HTMLElement).getBoundingClientRect().right > r.right),
      };
    }),
  );
}

const SCREENS = [
  { width: 1366, height: 768 },
  { width: 1920, height: 1080 },
];

describe('source charts: fixed scales, alert lines, time ticks (fake window.booth)', () => {
  for (const screen of SCREENS) {
    for (const variant of ['normal', 'loss-above-threshold'] as const) {
      it(`${screen.width}x${screen.height}, ${variant}: the same scale on both cards, the threshold drawn, readable`, async () => {
        const { context, page, problems } = await newWatchedPage(booth.browser, screen);
        try {
          const flow = variant === 'normal' ? sampleFlowSnapshot() : lossyMain();
          await context.addInitScript({
            content: fakeBoothScript({ destinations: manyDestinations(5), connection: SIMULATED_CONNECTION, flow }),
          });
          await page.goto(`${booth.preview.origin}/operator/`);
          await page.waitForSelector('[data-testid="source-card"][data-role="backup"] .plot[data-y-max]');
          mkdirSync(ARTIFACTS, { recursive: true });
          await page.screenshot({
            path: path.join(ARTIFACTS, `source-charts-${variant}-${screen.width}x${screen.height}.png`),
          });
          await page.locator('[data-testid="flow-panel"]').screenshot({
            path: path.join(ARTIFACTS, `source-charts-cards-${variant}-${screen.width}x${screen.height}.png`),
          });
          const report = await charts(page);
          expect(report).toHaveLength(4);
          for (const c of report) {
            // The scale drawn is the feed's, not one fitted to the card's own values.
            expect(c.yMax, JSON.stringify(c)).toBe(c.metric === 'chart-loss' ? '2' : '12');
            expect(c.alertLine).toBe(c.metric === 'chart-loss' ? '0.5' : '0.05');
            // Time ticks across the window, at least one labelled with a time of day.
            expect(Number(c.timeTicks), JSON.stringify(c)).toBeGreaterThanOrEqual(2);
            expect(c.timeLabels, JSON.stringify(c)).toMatch(/^\d\d:\d\d:00( \d\d:\d\d:00)*$/);
            expect(c.captionAbovePlot).toBe(true);
            expect(c.captionCut, JSON.stringify(c)).toBe(false);
            // Enough to read at 1366x768: the issue measured 125x54.
            expect(c.width).toBeGreaterThanOrEqual(125);
            expect(c.height, JSON.stringify(c)).toBeGreaterThanOrEqual(screen.width === 1366 ? 84 : 150);
          }
          const cut = await page
            .locator('[data-testid="source-card"]')
            .evaluateAll((cards) =>
              cards.flatMap((c) =>
                [
                  ...c.querySelectorAll<HTMLElement>(
                    '.cell > *, .state-side > *, .latest, [data-testid="source-state"]',
                  ),
                ]
                  .filter(
                    (el) =>
                      el.scrollWidth > el.clientWidth + 1 ||
                      el.getBoundingClientRect().right > c.getBoundingClientRect().right,
                  )
                  .map((el) => `${(c as HTMLElement).dataset['role']}:${el.textContent}`),
              ),
            );
          expect(cut).toEqual([]);
          const loss = report.filter((c) => c.metric === 'chart-loss');
          expect(new Set(loss.map((c) => c.yMax)).size).toBe(1);
          const mainLoss = loss.find((c) => c.role === 'main')!;
          if (variant === 'normal') {
            expect(report.every((c) => c.over === '0' && c.offScale === 'false')).toBe(true);
          } else {
            // 4.1 % on a 2 % scale: marked off the top and named, never cut silently.
            expect(Number(mainLoss.over)).toBeGreaterThan(0);
            expect(mainLoss.offScale).toBe('true');
            const main = page.locator('[data-testid="source-card"][data-role="main"]');
            expect(await main.locator('[data-testid="chart-loss-over"]').textContent()).toContain('4.1');
            expect(loss.find((c) => c.role === 'backup')!.offScale).toBe('false');
          }
          await problems.collectCsp(page);
          expect(problems.take()).toEqual([]);
        } finally {
          await context.close();
        }
      });
    }
  }
});
