import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { eventually, startBooth, type BoothHarness } from './support/harness';

/**
 * The admin window's forms at 1366x768 and 1920x1080 (real core, simulation): a preset with several errors reports
 * them all at once in words and units and focuses the first; fixed, it saves. The buttons stay inside the window;
 * the apply preview reads as a preset; the live tally shows what is on air.
 */
let booth: BoothHarness;
let page: Page;

const SMALL = { width: 1366, height: 768 };
const LARGE = { width: 1920, height: 1080 };
const NAME = 'Forms check 720p';

const presetForm = () => page.getByTestId('preset-form');
const field = (name: string) => presetForm().locator(`.input[data-field="${name}"]`);

async function openTab(id: 'presets' | 'destinations' | 'apply') {
  await page.getByTestId(`tab-${id}`).click();
  await page.waitForSelector(`[data-testid="tab-${id}"][aria-selected="true"]`);
}

/** Screenshots at both sizes; the page is left at 1366x768. */
async function shots(name: string) {
  await page.setViewportSize(LARGE);
  await booth.screenshot(`admin-forms-${name}-1920x1080.png`);
  await page.setViewportSize(SMALL);
  await booth.screenshot(`admin-forms-${name}-1366x768.png`);
}

/**
 * Every button of `selector` lies whole inside the window and inside every box that clips it (a table's scroll
 * wrapper, the panel), at both sizes.
 */
async function buttonsWhole(selector: string) {
  for (const size of [SMALL, LARGE]) {
    await page.setViewportSize(size);
    const cut = await page.locator(`${selector} button`).evaluateAll((buttons) =>
      buttons
        .filter((b) => (b as HTMLElement).offsetParent !== null)
        .filter((b) => {
          const r = b.getBoundingClientRect();
          if (b.scrollWidth > b.clientWidth + 1 || r.left < 0 || r.right > document.documentElement.clientWidth + 0.5)
            return true;
          for (let a = b.parentElement; a; a = a.parentElement) {
            const style = getComputedStyle(a);
            if (style.overflowX === 'visible') continue;
            const box = a.getBoundingClientRect();
            if (r.left < box.left - 0.5 || r.right > box.right + 0.5) return true;
          }
          return false;
        })
        .map((b) => b.textContent?.trim()),
    );
    expect(cut, `${size.width}x${size.height}`).toEqual([]);
  }
  await page.setViewportSize(SMALL);
}

/** The form's save button is on screen without scrolling the window to it. */
async function saveInView(testid: string) {
  for (const size of [SMALL, LARGE]) {
    await page.setViewportSize(size);
    const box = await page.getByTestId(testid).boundingBox();
    expect(box, testid).not.toBeNull();
    expect(box!.y + box!.height, `${testid} at ${size.width}x${size.height}`).toBeLessThanOrEqual(size.height);
  }
  await page.setViewportSize(SMALL);
}

beforeAll(async () => {
  booth = await startBooth({ window: 'admin', viewport: SMALL });
  page = booth.page;
  await page.waitForSelector('[data-testid="preset-row"]');
});

afterEach(async () => {
  await booth.assertNoPageProblems();
});

afterAll(async () => {
  await booth?.close();
});

describe('admin forms (web preview, simulation)', () => {
  it('reports every error of a preset at once, in words and units, focuses the first; fixed, it saves', async () => {
    await openTab('presets');
    await page.getByTestId('preset-new').click();
    await field('name').fill(NAME);
    await field('platform').selectOption('youtube');
    await field('type').selectOption('platform_specific');
    await field('video.resolution').fill('1921x1081');
    await field('video.framerate').fill('');
    await field('video.bitrate').fill('90000');
    await field('audio.bitrate').selectOption('320');
    await field('audio.coding_mode').selectOption('CODING_MODE_1_0');
    await field('audio.sample_rate').selectOption('32000');
    await page.getByTestId('preset-save').click();
    await page.getByTestId('error-count').waitFor();

    const errors = await presetForm()
      .locator('[data-testid="field-error"]')
      .evaluateAll((els) => els.map((e) => [e.getAttribute('data-field'), e.textContent?.trim()]));
    expect(errors.map(([f]) => f)).toEqual(['video.resolution', 'video.framerate', 'video.bitrate', 'audio.bitrate']);
    const text = errors.map(([, m]) => m).join(' | ');
    expect(text).toContain('did you mean 1920x1080?');
    expect(text).toContain('enter the frame rate (1 to 60 fps)');
    expect(text).toContain('MediaLive encodes H.264 at up to 80 Mbps');
    expect(text).toContain('AAC-LC mono at 32 kHz takes 32 kbps to 192 kbps: choose 192 kbps');
    expect(text).not.toMatch(/H264_LEVEL|CODING_MODE|\d{5,}|\bbps\b|1922x1082/);
    expect(await page.getByTestId('error-count').textContent()).toContain('Fix 4 fields');
    // The first field in error has the focus.
    expect(await page.evaluate(() => document.activeElement?.getAttribute('data-field'))).toBe('video.resolution');
    await buttonsWhole('[data-testid="preset-form"]');
    await buttonsWhole('[data-testid="presets-table"]');
    await saveInView('preset-save');
    await shots('preset-errors');

    // Everything fixed in one go: nothing new turns up, and it saves.
    await field('video.resolution').fill('1280x720');
    await field('video.framerate').fill('30');
    await field('video.bitrate').fill('4000');
    await field('audio.bitrate').selectOption('128');
    await eventually(
      async () => (await presetForm().locator('[data-testid="field-error"]').count()) === 0,
      'every error to clear',
    );
    await page.getByTestId('preset-save').click();
    await page.locator('[data-testid="presets-message"]', { hasText: `Saved "${NAME}"` }).waitFor();
    await buttonsWhole('main');
    await shots('presets');
  });

  it('shows the destination form whole, buttons inside the window', async () => {
    await openTab('destinations');
    await page
      .locator('[data-testid="destination-row"][data-destination-id="twitch"] [data-testid="destination-edit"]')
      .click();
    await page.getByTestId('destination-form').waitFor();
    await buttonsWhole('[data-testid="destination-form"]');
    await buttonsWhole('[data-testid="destinations-table"]');
    await saveInView('destination-save');
    await shots('destination-form');
    await page.getByTestId('destination-form').getByRole('button', { name: 'Cancel' }).click();
    await buttonsWhole('main');
    await shots('destinations');
  });

  it('previews an apply as a preset reads: video, audio, output, values in units', async () => {
    await openTab('apply');
    await page.getByTestId('apply-destination').selectOption('youtube');
    const preset = await page.getByTestId('apply-preset').locator('option', { hasText: NAME }).getAttribute('value');
    expect(preset).toBeTruthy();
    await page.getByTestId('apply-preset').selectOption(preset ?? '');
    await page.getByTestId('apply-preview').click();
    await page.getByTestId('apply-diff').waitFor();
    const groups = await page.getByTestId('diff-group').allTextContents();
    expect(groups.slice(0, 2)).toEqual(['Video', 'Audio']);
    const cells = await page.locator('[data-testid="diff-row"] td').allTextContents();
    expect(cells.join(' ')).not.toMatch(/\d{5,}|H264_LEVEL|CODING_MODE/);
    // Clean rows: every cell of a row is as tall as the row (no header cell laid out outside the table).
    const ragged = await page.locator('[data-testid="diff-row"]').evaluateAll(
      (rows) =>
        rows.filter((r) => {
          const h = r.getBoundingClientRect().height;
          return [...r.children].some((c) => Math.abs(c.getBoundingClientRect().height - h) > 1);
        }).length,
    );
    expect(ragged).toBe(0);
    await shots('apply-diff');
  });

  it('shows a live tally of what is on air, read-only', async () => {
    const tally = page.getByTestId('admin-tally');
    await tally.getByTestId('admin-tally-none').waitFor();
    const channel = booth.simulator.control.state().channels.find((c) => c.destinationId === 'youtube')!;
    booth.simulator.control.startChannel(channel.id);
    await tally.locator('[data-testid="admin-tally-entry"][data-id="youtube"]').waitFor();
    await eventually(
      async () =>
        /ON AIR|STARTING/.test(
          (await tally.locator('[data-testid="admin-tally-entry"][data-id="youtube"]').textContent()) ?? '',
        ),
      'YouTube in the tally',
    );
    await booth.simulator.control.waitForChannelState(channel.id, 'RUNNING');
    await eventually(
      async () =>
        (await tally.locator('[data-testid="admin-tally-entry"][data-id="youtube"] .word').textContent()) === 'ON AIR',
      'YouTube ON AIR',
    );
    // Read-only: nothing in it can start or stop a channel.
    expect(await tally.locator('button').count()).toBe(0);
    await shots('tally');
    booth.simulator.control.stopChannel(channel.id);
    await booth.simulator.control.waitForChannelState(channel.id, 'IDLE');
  });
});
