import { describe, expect, it } from 'vitest';
import type { DestinationStatus } from '../shared/domain/destination';
import type { WarmStatus } from '../shared/domain/warm-standby';
import { destinationStatus } from '../shared/domain/test-support/destination-status';
import { clockTime } from '../shared/domain/time-format';
import { sampleFlowSnapshot } from '../src-renderer/lib/test-support/flow-snapshot';
import { newWatchedPage } from './support/browser';
import { fakeBoothScript, SIMULATED_CONNECTION } from './support/fake-booth';
import { useFakeBoothPreview } from './support/fake-booth-preview';
import { nextPaint, saveScreenshot } from './support/harness';
import { warmStatus } from '../shared/domain/test-support/warm-status';

/**
 * Warm tiles whose input is not confirmed (fake window.booth): YouTube found running before its input was read
 * (INPUT_UNCONFIRMED), Twitch in standby and LinkedIn on air whose reads fail since their last confirmation, beside a
 * confirmed standby; screenshots at 1366x768 and 1920x1080.
 */
const booth = useFakeBoothPreview();

const warm = (extra: Partial<WarmStatus>): WarmStatus => warmStatus(extra);

function destinations(now: number): DestinationStatus[] {
  const running = (id: string, name: string, w: WarmStatus): DestinationStatus =>
    destinationStatus(id, 'RUNNING', {
      name,
      platform: id,
      channelId: `ch-${id}`,
      stateSince: now - 20 * 60_000,
      runningSince: now - 20 * 60_000,
      presetSummary: '1080p30 · 6 Mbit/s',
      bitrateBps: 6_000_000,
      warm: w,
    });
  return [
    running('youtube', 'YouTube Live', warm({ phase: 'INPUT_UNCONFIRMED', inputUnconfirmedSince: now - 8_000 })),
    running(
      'twitch',
      'Twitch',
      warm({
        phase: 'STANDBY',
        activeAttachment: 'slate',
        standbySince: now - 15 * 60_000,
        inputUnconfirmedSince: now - 42_000,
      }),
    ),
    running(
      'linkedin',
      'LinkedIn',
      warm({ phase: 'ON_AIR', activeAttachment: 'live', inputUnconfirmedSince: now - 42_000 }),
    ),
    running(
      'hls',
      'HLS backup',
      warm({ phase: 'STANDBY', activeAttachment: 'slate', standbySince: now - 15 * 60_000 }),
    ),
    destinationStatus('custom', 'IDLE', { name: 'Custom RTMP', platform: 'custom', channelId: 'ch-custom' }),
  ];
}

describe('warm tiles with their input unconfirmed (fake window.booth)', () => {
  for (const screen of [
    { width: 1366, height: 768 },
    { width: 1920, height: 1080 },
  ]) {
    it(`say what they last confirmed, marked, with its time, at ${screen.width}x${screen.height}`, async () => {
      const now = Date.now();
      const { context, page, problems } = await newWatchedPage(booth.browser, screen);
      try {
        await context.addInitScript({
          content: fakeBoothScript({
            destinations: destinations(now),
            connection: SIMULATED_CONNECTION,
            flow: sampleFlowSnapshot(),
          }),
        });
        await page.goto(`${booth.preview.origin}/operator/`);
        const tile = (id: string) => page.locator(`[data-testid="destination-tile"][data-destination-id="${id}"]`);
        const words = async (id: string, testId: string) =>
          ((await tile(id).getByTestId(testId).textContent()) ?? '').replace(/\s+/g, ' ').trim();
        await tile('youtube').waitFor();

        // Found running, input not read yet: RUNNING with since when; never ON AIR or STANDBY.
        expect(await words('youtube', 'tile-state')).toBe('RUNNING');
        expect(await words('youtube', 'tile-hint')).toBe('input not read yet');
        expect(await words('youtube', 'tile-unconfirmed')).toBe(
          `UNCONFIRMED input not read yet, since ${clockTime(now - 8_000)}`,
        );
        expect(await tile('youtube').getAttribute('data-warm')).toBe('INPUT_UNCONFIRMED');
        // Reads failing: the input last read, "?", hatched, with the time it was last confirmed.
        expect(await words('twitch', 'tile-state')).toBe('STANDBY?');
        expect(await words('twitch', 'tile-hint')).toBe('$0.56/h, input unconfirmed');
        expect(await words('twitch', 'tile-unconfirmed')).toBe(
          `UNCONFIRMED slate, last confirmed ${clockTime(now - 42_000)}`,
        );
        expect(await tile('twitch').getAttribute('data-input-unconfirmed')).toBe('true');
        expect(await tile('twitch').getAttribute('class')).toMatch(/\bunconfirmed\b/);
        expect(await words('linkedin', 'tile-state')).toBe('ON AIR?');
        expect(await words('linkedin', 'tile-hint')).toBe('input unconfirmed');
        expect(await words('linkedin', 'tile-unconfirmed')).toBe(
          `UNCONFIRMED live input, last confirmed ${clockTime(now - 42_000)}`,
        );
        // The confirmed standby beside them is unmarked.
        expect(await words('hls', 'tile-state')).toBe('STANDBY');
        expect(await tile('hls').getAttribute('data-input-unconfirmed')).toBeNull();
        expect(await tile('hls').getByTestId('tile-unconfirmed').count()).toBe(0);
        // The take on an unconfirmed input arms an end only; the confirmed standby's take goes live.
        for (const id of ['youtube', 'twitch', 'linkedin']) expect(await words(id, 'tile-arm')).toBe('ARM END');
        expect(await words('hls', 'tile-arm')).toBe('ARM GO LIVE');
        // LIVE counts what may be on air: three of them, unconfirmed.
        expect(await page.getByTestId('live-count').textContent()).toMatch(/≥3\/5/);

        const report = await page.evaluate(() =>
          [...document.querySelectorAll<HTMLElement>('[data-testid="destination-tile"]')].flatMap((t) =>
            [...t.children]
              .filter((row) => (row as HTMLElement).scrollHeight > (row as HTMLElement).clientHeight + 2)
              .map(() => t.dataset['destinationId']),
          ),
        );
        expect(report).toEqual([]);

        await nextPaint(page);
        await saveScreenshot(page, `warm-input-unconfirmed-${screen.width}x${screen.height}.png`);
        expect(problems.take()).toEqual([]);
      } finally {
        await context.close();
      }
    });
  }
});
