import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Locator, Page } from 'playwright-core';
import { eventually, startBooth, type BoothHarness } from './support/harness';
import { boothScreenshots, goLive as goLiveOn, tileOf } from './support/operator-screen';

/**
 * Confidence monitoring as the operator sees it: three channels on air, each tile with its picture and its age, the
 * output in one line with an audio meter, the source card's picture; a channel with thumbnails off, figures that go
 * bad, throttled thumbnails turning stale, the large view, and a hidden window that asks AWS for nothing. The real
 * core against the simulator (real clock: AWS's 2 s cadence), the built renderer in Chromium.
 */
let booth: BoothHarness;
let page: Page;

const tile = (id: string): Locator => tileOf(page, id);
const control = () => booth.simulator.control;
const channelOf = (id: string) => booth.simulator.topology.destinations.find((d) => d.id === id)?.channelId ?? '';
/** The pictures' requests (the figures' GetMetricData shares its operation with the flow monitor's: the int test counts it). */
const confidenceCalls = () =>
  control()
    .requests()
    .filter((r) => r.operation === 'DescribeThumbnails' || r.operation === 'DescribeFlowSourceThumbnail');
const shots = (name: string) => boothScreenshots(booth, `confidence-${name}`);
const goLive = (id: string) => goLiveOn(page, id);

async function setVisibility(state: 'visible' | 'hidden') {
  await page.evaluate((s) => {
    Object.defineProperty(document, 'visibilityState', { value: s, configurable: true });
    document.dispatchEvent(new Event('visibilitychange'));
  }, state);
}

beforeAll(async () => {
  booth = await startBooth({ window: 'operator', viewport: { width: 1366, height: 768 } });
  page = booth.page;
  await eventually(
    async () => (await page.locator('[data-testid="destination-tile"][data-state="IDLE"]').count()) === 5,
    'five IDLE tiles',
  );
  // Twitch's channel was deployed without thumbnails (an update of the idle channel, as UpdateChannel would).
  control().confidence.setChannelThumbnails(channelOf('twitch'), false);
  await control().waitForChannelState(channelOf('twitch'), 'IDLE');
}, 60_000);

afterEach(async () => {
  await booth.assertNoPageProblems();
});

afterAll(async () => {
  await booth?.close();
});

describe('confidence monitoring (web preview, simulation)', () => {
  it('shows each running destination’s picture with its age, its output in one line, and the source picture', async () => {
    expect(await page.locator('[data-testid="tile-thumbnail"]').count()).toBe(0);
    for (const id of ['youtube', 'twitch', 'linkedin']) await goLive(id);
    const img = tile('youtube').locator('[data-testid="tile-thumbnail-image"]');
    await img.waitFor({ timeout: 10_000 });
    // Chromium decoded the simulator's JPEG (a data: URL under the window's CSP).
    await eventually(
      async () => (await img.evaluate((el) => (el as HTMLImageElement).naturalWidth)) === 480,
      'decoded',
    );
    expect(await tile('youtube').locator('[data-testid="tile-thumbnail-age"]').textContent()).toMatch(
      /^(now|\d s ago)$/,
    );
    await eventually(
      async () =>
        (await tile('twitch').locator('[data-testid="tile-thumbnail"]').getAttribute('data-status')) === 'disabled',
      'twitch says its thumbnails are off',
    );
    expect(await tile('twitch').locator('[data-testid="tile-thumbnail-age"]').textContent()).toBe('THUMBNAILS OFF');
    await eventually(
      async () => ((await tile('youtube').locator('[data-testid="tile-health"]').textContent()) ?? '').includes('Mb/s'),
      'output figures on the youtube tile',
    );
    expect(await tile('youtube').locator('[data-testid="tile-health"]').getAttribute('data-tone')).toBe('ok');
    expect(await tile('youtube').locator('[data-testid="tile-audio-meter"]').count()).toBe(1);
    // Idle tiles ask for nothing and show nothing.
    expect(await tile('primary').locator('[data-testid="tile-thumbnail"]').count()).toBe(0);
    const main = page.locator('[data-testid="source-card"][data-role="main"] [data-testid="source-thumbnail"]');
    await eventually(async () => (await main.getAttribute('data-status')) === 'ok', 'source picture');
    expect(
      await page
        .locator('[data-testid="source-card"][data-role="backup"] [data-testid="source-thumbnail"]')
        .getAttribute('data-status'),
    ).toBe('not-feeding');
    await shots('live');
  }, 60_000);

  it('opens the picture large on a click and closes on Escape', async () => {
    await tile('youtube').locator('[data-testid="tile-thumbnail"]').click();
    const viewer = page.locator('[data-testid="thumbnail-viewer"]');
    await viewer.waitFor();
    expect(await viewer.locator('[data-testid="thumbnail-viewer-image"]').count()).toBe(1);
    expect(await viewer.textContent()).toContain('YouTube');
    await shots('viewer');
    await page.keyboard.press('Escape');
    await viewer.waitFor({ state: 'detached' });
    // The key way: the picture focused, Space (Enter stays the take key).
    await tile('youtube').locator('[data-testid="tile-thumbnail"]').focus();
    await page.keyboard.press(' ');
    await viewer.waitFor();
    await page.keyboard.press('Escape');
    await viewer.waitFor({ state: 'detached' });
  });

  it('refuses a damaged or oversize picture with a placeholder in words, and nothing stays stuck', async () => {
    // A channel whose very first picture is cut short: the reason in words, no picture at all.
    control().confidence.setThumbnailFault(channelOf('custom'), 'corrupt');
    await goLive('custom');
    const custom = tile('custom').locator('[data-testid="tile-thumbnail"]');
    await eventually(async () => (await custom.getAttribute('data-status')) === 'corrupt', 'custom refused', 15_000);
    expect(await custom.locator('[data-testid="tile-thumbnail-image"]').count()).toBe(0);
    expect(await custom.locator('[data-testid="tile-thumbnail-age"]').textContent()).toBe('BAD PICTURE');
    expect(await custom.getAttribute('title')).toContain('not a readable picture');
    // Markers intact but the data scrambled (only decoding finds it), and a file too large: the last good picture
    // dimmed at once, the reason on it.
    control().confidence.setThumbnailFault(channelOf('youtube'), 'garbled');
    control().confidence.setThumbnailFault(channelOf('linkedin'), 'oversize');
    const youtube = tile('youtube').locator('[data-testid="tile-thumbnail"]');
    const linkedin = tile('linkedin').locator('[data-testid="tile-thumbnail"]');
    await eventually(async () => (await youtube.getAttribute('data-status')) === 'corrupt', 'youtube refused', 10_000);
    await eventually(
      async () => (await linkedin.getAttribute('data-status')) === 'oversize',
      'linkedin refused',
      10_000,
    );
    expect(await youtube.getAttribute('data-tone')).toBe('stale');
    expect(await youtube.locator('[data-testid="tile-thumbnail-age"]').textContent()).toBe('BAD PICTURE');
    expect(await youtube.locator('[data-testid="tile-thumbnail-image"]').count()).toBe(1);
    expect(await linkedin.locator('[data-testid="tile-thumbnail-age"]').textContent()).toBe('TOO LARGE');
    await shots('refused');
    for (const id of ['custom', 'youtube', 'linkedin']) control().confidence.setThumbnailFault(channelOf(id), null);
    for (const thumb of [custom, youtube, linkedin])
      await eventually(async () => (await thumb.getAttribute('data-status')) === 'ok', 'pictures back', 10_000);
    expect(await custom.locator('[data-testid="tile-thumbnail-image"]').count()).toBe(1);
  }, 60_000);

  it('raises the output alarm when figures go bad, and marks a throttled picture stale, never current', async () => {
    control().confidence.setChannelHealth(channelOf('linkedin'), {
      fillMsec: 60_000,
      inputLossSeconds: 10,
      activeAlerts: 2,
    });
    control().addFault({ service: 'medialive', operation: 'DescribeThumbnails', kind: 'throttle' });
    await eventually(
      async () => (await tile('linkedin').locator('[data-testid="tile-health"]').getAttribute('data-tone')) === 'bad',
      'linkedin output alarm',
      15_000,
    );
    expect(await tile('linkedin').locator('[data-testid="tile-health"]').textContent()).toMatch(/input lost \d+ s/);
    await eventually(
      async () =>
        (await tile('youtube').locator('[data-testid="tile-thumbnail"]').getAttribute('data-tone')) === 'stale',
      'youtube picture stale',
      20_000,
    );
    expect(await tile('youtube').locator('[data-testid="tile-thumbnail-age"]').textContent()).toMatch(/^STALE \d+ s$/);
    expect(await tile('youtube').locator('[data-testid="tile-thumbnail"]').getAttribute('data-status')).toBe(
      'throttled',
    );
    await page.click('[data-testid="open-notifications"]');
    expect((await page.locator('[data-testid="notification"]').allTextContents()).join('\n')).toContain(
      'output in trouble',
    );
    await page.keyboard.press('Escape');
    await shots('trouble');
    control().clearFaults();
    control().confidence.setChannelHealth(channelOf('linkedin'), null);
    await eventually(
      async () => (await tile('youtube').locator('[data-testid="tile-thumbnail"]').getAttribute('data-tone')) === 'ok',
      'youtube picture current again',
      25_000,
    );
  }, 90_000);

  it('asks AWS for nothing while the window is hidden, and again once it is shown', async () => {
    await setVisibility('hidden');
    await new Promise((resolve) => setTimeout(resolve, 500));
    control().clearRequests();
    await new Promise((resolve) => setTimeout(resolve, 5_000));
    expect(confidenceCalls()).toEqual([]);
    await setVisibility('visible');
    await eventually(async () => confidenceCalls().length > 0, 'requests again once visible');
  }, 30_000);
});
