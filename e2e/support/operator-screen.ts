import type { Locator, Page } from 'playwright-core';
import type { BoothHarness } from './harness';

/** The two screens the booth runs on: every operator-window spec looks at both. */
const BOOTH_SIZES = [
  [1366, 768],
  [1920, 1080],
] as const;

/** A destination's tile in the operator window. */
export const tileOf = (page: Page, id: string): Locator =>
  page.locator(`[data-testid="destination-tile"][data-destination-id="${id}"]`);

/** A source card (main or backup) in the operator window. */
export const sourceCardOf = (page: Page, role: 'main' | 'backup'): Locator =>
  page.locator(`[data-testid="source-card"][data-role="${role}"]`);

/**
 * Arms a destination with the key its tile shows, takes it with Enter, and (unless told not to) waits until the tile
 * reads RUNNING.
 */
export async function goLive(page: Page, id: string, { waitRunning = true } = {}): Promise<void> {
  const tile = tileOf(page, id);
  const key = (await tile.locator('kbd.key').textContent())?.trim();
  if (!key) throw new Error(`${id} has no key`);
  await page.keyboard.press(key);
  await tile.locator('[data-testid="tile-armed"]').waitFor();
  await page.keyboard.press('Enter');
  if (waitRunning)
    await page.waitForSelector(`[data-testid="destination-tile"][data-destination-id="${id}"][data-state="RUNNING"]`, {
      timeout: 15_000,
    });
}

/**
 * The same screen at the booth's two sizes (`{name}-1366x768.png`, `{name}-1920x1080.png` in e2e/artifacts), each after
 * a rendered frame, then back to the viewport the page had.
 */
export async function boothScreenshots(booth: BoothHarness, name: string): Promise<void> {
  const { page } = booth;
  const before = page.viewportSize();
  for (const [width, height] of BOOTH_SIZES) {
    await page.setViewportSize({ width, height });
    await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => resolve(null))));
    await booth.screenshot(`${name}-${width}x${height}.png`);
  }
  if (before) await page.setViewportSize(before);
}
