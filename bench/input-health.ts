import path from 'node:path';
import { launchChromium } from '../e2e/support/browser';
import { startBoothCore } from '../src-main/app/booth-core';
import { silentLogger } from '../src-main/core/logger';
import { createMemorySettingsStore } from '../src-main/core/settings';
import { startWebPreview } from '../src-main/web/preview-server';
import { percentile, report, sleep } from './stats';

const RENDERER = path.resolve(import.meta.dirname, '../out/renderer');
const cardGrade = (role: string, grade: string) =>
  `[data-testid="source-card"][data-role="${role}"][data-grade="${grade}"]`;

/**
 * Source loss to screen: `loseSource('main')` in the simulator to the main card showing LOST in
 * Chromium, with the PRODUCTION flow monitor options and simulator timings (no overrides): the
 * figure includes the poll cadence, CloudWatch's period, the grading thresholds and the renderer.
 * Between samples the source is restored and the card waits for healthy again.
 */
export async function benchSourceLossToScreen(samples = 10): Promise<void> {
  const core = await startBoothCore({ settings: createMemorySettingsStore(), logger: silentLogger, env: {} });
  const preview = await startWebPreview({ router: core.router, logger: silentLogger, rendererDir: RENDERER });
  const browser = await launchChromium();
  try {
    const page = await browser.newPage({ viewport: { width: 1600, height: 900 } });
    await page.goto(preview.operatorUrl);
    const control = core.simulator!.control;
    await page.waitForSelector(cardGrade('main', 'healthy'), { timeout: 120_000 });
    const latencies: number[] = [];
    for (let i = 0; i < samples; i += 1) {
      // Random phase against the poll cycle, as a real loss would have.
      await sleep(Math.random() * 5_000);
      const t0 = Date.now();
      control.loseSource('main');
      await page.waitForSelector(`${cardGrade('main', 'lost')} [data-testid="source-state"]:text-is("LOST")`, {
        timeout: 120_000,
      });
      latencies.push(Date.now() - t0);
      control.restoreSource('main');
      await page.waitForSelector(cardGrade('main', 'healthy'), { timeout: 120_000 });
    }
    report('source_loss_to_screen_p50', percentile(latencies, 50), 'ms');
    report('source_loss_to_screen_p95', percentile(latencies, 95), 'ms');
    report('source_loss_to_screen_samples', latencies.length, 'samples');
  } finally {
    await browser.close();
    await preview.close();
    await core.close();
  }
}
