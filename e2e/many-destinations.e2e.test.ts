import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ARTIFACTS, eventually, startBooth, type BoothHarness } from './support/harness';

/**
 * Twenty destinations on the real core and the simulator (seeded as LUNORA_SIM_DESTINATIONS=20 seeds them), at
 * 1366x768: every tile has its own key, and one beyond the ninth goes live by keys alone, in two steps.
 */
let booth: BoothHarness;
const tile = (id: string) => booth.page.locator(`[data-testid="destination-tile"][data-destination-id="${id}"]`);
const startsSent = () => booth.simulator.control.requests({ service: 'medialive', operation: 'StartChannel' }).length;

beforeAll(async () => {
  booth = await startBooth({ window: 'operator', viewport: { width: 1366, height: 768 }, destinations: 20 });
  await eventually(
    async () => (await booth.page.locator('[data-testid="destination-tile"][data-state="IDLE"]').count()) === 20,
    'twenty IDLE tiles',
    20_000,
  );
}, 60_000);
afterAll(async () => booth?.close());

describe('operator window with 20 destinations (real core, simulator seeded with 20)', () => {
  it('shows them in the booth order, then natural order (Extra 2 before Extra 10), each with a distinct key', async () => {
    const names = await booth.page.getByTestId('tile-name').allTextContents();
    expect(names.map((n) => n.trim())).toEqual([
      'Primary HLS (MediaPackage)',
      'YouTube Live',
      'Twitch',
      'LinkedIn Live',
      'Custom RTMP',
      ...Array.from({ length: 15 }, (_, i) => `Extra ${i + 1}`),
    ]);
    const keys = await booth.page.getByTestId('tile-key').evaluateAll((els) => els.map((el) => el.dataset['key']));
    expect(new Set(keys).size).toBe(20);
    expect(keys.every((k) => typeof k === 'string' && /^[12]·\d$/.test(k))).toBe(true);
    expect(await booth.page.getByTestId('bank-bar').getAttribute('data-bank')).toBe('1');
    await booth.screenshot('scale-20-1366x768-idle.png');
    await booth.page.setViewportSize({ width: 1920, height: 1080 });
    await booth.page.waitForFunction(() => window.innerWidth === 1920);
    await booth.screenshot('scale-20-1920x1080-idle.png');
    await booth.page.setViewportSize({ width: 1366, height: 768 });
    await booth.page.waitForFunction(() => window.innerWidth === 1366);
  });

  it('changing bank while armed disarms and sends nothing; a take then has nothing to send', async () => {
    const { page } = booth;
    const before = startsSent();
    await page.keyboard.press('5');
    await eventually(async () => (await tile('custom').getAttribute('data-armed')) === 'start', 'Custom RTMP armed');
    await page.keyboard.press('b');
    await eventually(
      async () => (await page.getByTestId('bank-bar').getAttribute('data-bank')) === '2',
      'bank 2 in force',
    );
    expect(await page.locator('[data-testid="destination-tile"][data-armed]').count()).toBe(0);
    expect(await page.getByTestId('event-text').textContent()).toMatch(/^Bank 2 of 2: /);
    await page.keyboard.press('Enter');
    // Keys are handled in order: once the next arm shows, the Enter before it has been handled (and found nothing).
    await page.keyboard.press('5');
    await eventually(async () => (await tile('extra-10').getAttribute('data-armed')) === 'start', 'Extra 10 armed');
    await page.keyboard.press('Escape');
    await eventually(async () => (await tile('extra-10').getAttribute('data-armed')) === null, 'Extra 10 disarmed');
    expect(startsSent()).toBe(before);
    expect(await tile('custom').getAttribute('data-state')).toBe('IDLE');
  });

  it('arms and takes a destination beyond the ninth by keys: B, its digit, then Enter; the tile goes live', async () => {
    const { page } = booth;
    // Bank 2 is in force (previous test): 2·4 is the fourteenth tile, Extra 9.
    expect(await tile('extra-9').getByTestId('tile-key').getAttribute('data-key')).toBe('2·4');
    await page.keyboard.press('4');
    await eventually(async () => (await tile('extra-9').getAttribute('data-armed')) === 'start', 'Extra 9 armed');
    // Only that tile is armed: the 4 of bank 1 (LinkedIn Live) is not.
    expect(await page.locator('[data-testid="destination-tile"][data-armed]').count()).toBe(1);
    await booth.screenshot('scale-20-1366x768-armed.png');
    await page.keyboard.press('?');
    await page.getByTestId('help-overlay').waitFor();
    expect(await page.getByTestId('help-current-bank').textContent()).toBe('bank 2');
    const help = await page
      .getByTestId('help-destination')
      .evaluateAll((rows) => rows.map((row) => (row as HTMLElement).dataset['key']));
    expect(new Set(help).size).toBe(20);
    await booth.screenshot('scale-20-1366x768-help.png');
    await page.setViewportSize({ width: 1920, height: 1080 });
    await page.waitForFunction(() => window.innerWidth === 1920);
    await booth.screenshot('scale-20-1920x1080-help.png');
    await page.keyboard.press('Escape');
    await page.getByTestId('help-overlay').waitFor({ state: 'detached' });
    // Armed again (screenshots of twenty tiles can outlast the 5 s arming): the same key arms the same tile.
    await page.keyboard.press('4');
    await eventually(async () => (await tile('extra-9').getAttribute('data-armed')) === 'start', 'Extra 9 armed');
    await booth.screenshot('scale-20-1920x1080-armed.png');
    await page.setViewportSize({ width: 1366, height: 768 });
    await page.waitForFunction(() => window.innerWidth === 1366);
    await page.keyboard.press('?');
    await page.getByTestId('help-overlay').waitFor();
    await page.keyboard.press('4');
    await eventually(async () => (await tile('extra-9').getAttribute('data-armed')) === 'start', 'Extra 9 armed');
    // Help is a side panel: the take still works with it open.
    const before = startsSent();
    await page.keyboard.press('Enter');
    await eventually(
      async () => (await tile('extra-9').getAttribute('data-state')) === 'RUNNING',
      'Extra 9 on air',
      15_000,
    );
    expect(startsSent()).toBe(before + 1);
    expect(await tile('linkedin').getAttribute('data-state')).toBe('IDLE');
    await booth.assertNoPageProblems();
  }, 30_000);

  it('an admin moves a destination and sorts by name: every operator window shows that order, the keys follow', async () => {
    const admin = await booth.context.newPage();
    try {
      await admin.setViewportSize({ width: 1366, height: 768 });
      await admin.goto(booth.preview.adminUrl);
      await admin.getByTestId('tab-destinations').click();
      await eventually(async () => (await admin.getByTestId('destination-row').count()) === 20, 'twenty rows');
      const row = (id: string) => admin.locator(`[data-testid="destination-row"][data-destination-id="${id}"]`);
      const tileOrder = async () => (await booth.page.getByTestId('tile-name').allTextContents()).map((n) => n.trim());

      await row('extra-1').getByTestId('destination-move-down').click();
      await eventually(async () => (await tileOrder())[5] === 'Extra 2', 'the tiles in the new order');
      expect((await tileOrder()).slice(5, 7)).toEqual(['Extra 2', 'Extra 1']);
      expect(await tile('extra-2').getByTestId('tile-key').getAttribute('data-key')).toBe('1·6');
      expect(await tile('extra-1').getByTestId('tile-key').getAttribute('data-key')).toBe('1·7');
      // The moved row keeps the focus: the keyboard moves it on.
      expect(
        await row('extra-1')
          .getByTestId('destination-move-down')
          .evaluate((b) => b === document.activeElement),
      ).toBe(true);
      expect(await row('extra-1').getByTestId('destination-place').textContent()).toBe('7');
      await admin.screenshot({ path: `${ARTIFACTS}/scale-admin-order-1366x768.png` });

      await admin.getByTestId('destination-sort-natural').click();
      const natural = [
        'Custom RTMP',
        ...Array.from({ length: 15 }, (_, i) => `Extra ${i + 1}`),
        'LinkedIn Live',
        'Primary HLS (MediaPackage)',
        'Twitch',
        'YouTube Live',
      ];
      await eventually(async () => (await tileOrder())[0] === 'Custom RTMP', 'the tiles in natural order');
      expect(await tileOrder()).toEqual(natural);
      expect(await admin.getByTestId('destination-sort-natural').isDisabled()).toBe(true);
    } finally {
      await admin.close();
    }
  }, 30_000);
});
