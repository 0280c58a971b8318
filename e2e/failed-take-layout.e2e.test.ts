import { describe, expect, it } from 'vitest';
import { newWatchedPage } from './support/browser';
import { useFakeBoothPreview } from './support/fake-booth-preview';
import { sampleFlowSnapshot } from '../src-renderer/lib/test-support/flow-snapshot';
import { fakeBoothScript, manyDestinations, SIMULATED_CONNECTION } from './support/fake-booth';
import { nextPaint, saveScreenshot } from './support/harness';

/** A failed go-live and a STOPPING tile among 20 compact tiles: the headline and the reasons still read. */
const booth = useFakeBoothPreview();

function destinations() {
  const now = Date.now();
  const list = manyDestinations(20, now);
  // dest-2 is IDLE: its go-live failed with 503s; dest-4 is IDLE: its start was refused for permissions.
  list[1] = {
    ...list[1]!,
    lastError: {
      code: 'unavailable',
      message: 'Start Destination 2 failed: AWS kept answering 503 (service unavailable); gave up after 5 tries.',
      at: now - 4_000,
      action: 'start',
    },
  };
  list[3] = {
    ...list[3]!,
    lastError: { code: 'access-denied', message: 'Start failed: not allowed.', at: now - 9_000, action: 'start' },
  };
  return list;
}

describe('a failed take among 20 destinations (fake window.booth)', () => {
  for (const screen of [
    { width: 1366, height: 768 },
    { width: 1920, height: 1080 },
  ]) {
    it(`shows the headline, RETRY and the STOPPING reason at ${screen.width}x${screen.height}`, async () => {
      const { context, page, problems } = await newWatchedPage(booth.browser, screen);
      try {
        await context.addInitScript({
          content: fakeBoothScript({
            destinations: destinations(),
            connection: SIMULATED_CONNECTION,
            flow: sampleFlowSnapshot(),
          }),
        });
        await page.goto(`${booth.preview.origin}/operator/`);
        const failed = page.locator('[data-destination-id="dest-2"]');
        await failed.getByTestId('tile-failure').waitFor();
        expect(await failed.getByTestId('tile-failure-headline').innerText()).toBe(
          'DID NOT GO LIVE — AWS service error',
        );
        expect(await failed.getByTestId('tile-arm').innerText()).toBe('RETRY');
        expect(await failed.getAttribute('data-failed')).toBe('start');
        expect(
          await page.locator('[data-destination-id="dest-4"]').getByTestId('tile-failure-headline').innerText(),
        ).toBe('DID NOT GO LIVE — permission denied');
        const stopping = page.locator('[data-destination-id="dest-7"]');
        expect(await stopping.getAttribute('data-state')).toBe('STOPPING');
        expect(await stopping.getByTestId('tile-refusal').isVisible()).toBe(true);

        // The headline starts inside the tile and its first word is not cut; nothing overflows its row.
        const report = await failed.evaluate((tile) => {
          const headline = tile
            .querySelector<HTMLElement>('[data-testid="tile-failure-headline"]')!
            .getBoundingClientRect();
          const box = tile.getBoundingClientRect();
          const rows = [...tile.children].filter(
            (row) => (row as HTMLElement).scrollHeight > (row as HTMLElement).clientHeight + 2,
          );
          return { inside: headline.left >= box.left && headline.top < box.bottom, overflowing: rows.length };
        });
        expect(report).toEqual({ inside: true, overflowing: 0 });

        await nextPaint(page);
        await saveScreenshot(page, `failure-20-destinations-${screen.width}x${screen.height}.png`);
        expect(problems.take()).toEqual([]);
      } finally {
        await context.close();
      }
    });
  }
});
