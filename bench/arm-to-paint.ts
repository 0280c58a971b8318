import { openConsole } from './console-session';
import { paintedAfter } from './page-timing';
import { percentile, report, sleep } from './stats';

const armedTile = (id: string) => `[data-testid="destination-tile"][data-destination-id="${id}"][data-armed]`;

/**
 * Key press to the armed tile on screen: from the digit's keydown (the event's own timestamp) to the first frame
 * painted after the tile turned armed, in the page, with 5 and with 50 destinations. Every other press moves the
 * arm from the tile armed before (its countdown ticking), the others arm from nothing armed; each press comes at a
 * random moment, so it falls anywhere in the frame and the countdown's cycle.
 */
export async function benchArmToPaint(presses = 120): Promise<void> {
  for (const destinations of [5, 50]) {
    const session = await openConsole({ destinations });
    const { page } = session;
    try {
      const ids = await page.$$eval('[data-testid="destination-tile"]', (tiles) =>
        tiles.slice(0, 5).map((t) => t.getAttribute('data-destination-id')!),
      );
      const latencies: number[] = [];
      const toDom: number[] = [];
      for (let i = 0; i < presses; i += 1) {
        const index = i % ids.length;
        const fromNothing = i % 2 === 0;
        if (fromNothing) {
          await page.keyboard.press('Escape');
          await page.waitForFunction(() => !document.querySelector('[data-armed]'));
        }
        await sleep(50 + Math.random() * 250);
        const painted = await paintedAfter(page, armedTile(ids[index]!), () => page.keyboard.press(String(index + 1)));
        if (painted.keyAt === null) throw new Error('the page saw no keydown');
        latencies.push(painted.paintedAt - painted.keyAt);
        toDom.push(painted.mutatedAt - painted.keyAt);
      }
      report(`arm_to_paint_p50_${destinations}`, percentile(latencies, 50), 'ms');
      report(`arm_to_paint_p95_${destinations}`, percentile(latencies, 95), 'ms');
      report(`arm_to_paint_p99_${destinations}`, percentile(latencies, 99), 'ms');
      // The console's own share: keydown handler, arming, and the DOM update (the rest is Chromium's frame).
      report(`arm_to_dom_p50_${destinations}`, percentile(toDom, 50), 'ms');
      report(`arm_to_dom_p99_${destinations}`, percentile(toDom, 99), 'ms');
      report(`arm_to_paint_presses_${destinations}`, latencies.length, 'presses');
    } finally {
      await session.close();
    }
  }
}
