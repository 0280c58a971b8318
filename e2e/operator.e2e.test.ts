import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Locator, Page } from 'playwright-core';
import type { SimDestinationSeed } from '../src-main/simulator/index';
import { eventually, startBooth, type BoothHarness } from './support/harness';

let booth: BoothHarness;
let page: Page;

const tiles = () => page.locator('[data-testid="destination-tile"]');
const tile = (id: string): Locator => page.locator(`[data-testid="destination-tile"][data-destination-id="${id}"]`);
const stateOf = (id: string) => tile(id).getAttribute('data-state');
const waitForState = (id: string, state: string, timeout = 15_000) =>
  page.waitForSelector(`[data-testid="destination-tile"][data-destination-id="${id}"][data-state="${state}"]`, {
    timeout,
  });

function destination(id: string): SimDestinationSeed {
  const found = booth.simulator.topology.destinations.find((d) => d.id === id);
  if (!found) throw new Error(`the simulated topology has no ${id} destination`);
  return found;
}

async function allStates(): Promise<Record<string, string | null>> {
  const out: Record<string, string | null> = {};
  for (const d of booth.simulator.topology.destinations) out[d.id] = await stateOf(d.id);
  return out;
}

/** Every tile's box: nothing may move under the operator's pointer when states change. */
async function tileBoxes(): Promise<string> {
  const boxes = await tiles().evaluateAll((elements) =>
    elements.map((el) => {
      const r = el.getBoundingClientRect();
      return `${el.getAttribute('data-destination-id')}:${r.x},${r.y},${r.width},${r.height}`;
    }),
  );
  return boxes.join(' ');
}

beforeAll(async () => {
  booth = await startBooth({ window: 'operator', viewport: { width: 1600, height: 900 } });
  page = booth.page;
  await page.waitForSelector('[data-testid="destination-tile"]');
});

afterEach(async () => {
  await booth.assertNoPageProblems();
});

afterAll(async () => {
  await booth?.close();
});

describe('operator window (web preview, simulation)', () => {
  let initialBoxes = '';

  it('shows the five simulated destinations, all IDLE, under a SIMULATION badge', async () => {
    const topology = booth.simulator.topology.destinations;
    expect(topology).toHaveLength(5);
    await eventually(async () => (await tiles().count()) === 5, 'five tiles');

    for (const [index, seed] of topology.entries()) {
      const t = tile(seed.id);
      expect(await t.getAttribute('data-platform')).toBe(seed.platform);
      expect((await t.getByTestId('tile-name').textContent())?.trim()).toBe(seed.name);
      expect((await t.getByTestId('tile-platform').textContent())?.trim()).not.toBe('');
      expect((await t.locator('kbd').textContent())?.trim()).toBe(String(index + 1));
    }
    await eventually(async () => Object.values(await allStates()).every((s) => s === 'IDLE'), 'every tile IDLE');
    for (const seed of topology)
      expect((await tile(seed.id).getByTestId('tile-state').textContent())?.trim()).toBe('IDLE');
    // The default presets are mapped: each tile shows a summary such as "1080p30 6 Mbps".
    expect((await tile('youtube').getByTestId('tile-preset').textContent())?.trim()).toMatch(
      /^\d{3,4}p\d+ [\d.]+ Mbps$/,
    );

    const badge = page.getByTestId('mode-badge');
    await eventually(async () => (await badge.getAttribute('data-mode')) === 'simulation', 'the SIMULATION badge');
    expect((await badge.textContent())?.trim()).toBe('SIMULATION');
    expect((await page.getByTestId('live-count').textContent())?.replace(/\s+/g, ' ').trim()).toBe('LIVE 0/5');
    expect(await page.getByTestId('link-indicator').getAttribute('data-link')).toBe('connected');
    expect(await page.getByTestId('clock').textContent()).toMatch(/\d\d:\d\d:\d\d/);

    // Landmarks for assistive technology; state changes are announced from the footer.
    expect(await page.locator('header').count()).toBe(1);
    expect(await page.locator('main').count()).toBe(1);
    expect(await page.locator('footer [aria-live="polite"]').count()).toBe(1);

    initialBoxes = await tileBoxes();
    await booth.screenshot('operator-idle.png');
  });

  it('follows YouTube started behind its back: STARTING, then ON AIR with a ticking timer; the others stay IDLE', async () => {
    const youtube = destination('youtube');
    booth.simulator.control.startChannel(youtube.channelId);

    await waitForState('youtube', 'STARTING');
    expect((await tile('youtube').getByTestId('tile-state').textContent())?.trim()).toBe('STARTING');
    expect(await tile('youtube').getAttribute('data-tone')).toBe('transition');

    await waitForState('youtube', 'RUNNING');
    const state = tile('youtube').getByTestId('tile-state');
    expect((await state.textContent())?.trim()).toBe('ON AIR');
    expect(await tile('youtube').getAttribute('data-tone')).toBe('live');

    const timer = tile('youtube').getByTestId('tile-timer');
    const first = (await timer.textContent())?.trim() ?? '';
    expect(first).toMatch(/^\d\d:\d\d:\d\d$/);
    const later = await eventually(
      async () => {
        const now = (await timer.textContent())?.trim() ?? '';
        return now !== first ? now : null;
      },
      'the on-air timer to tick',
      3_000,
    );
    expect(later > first).toBe(true);

    const states = await allStates();
    for (const [id, s] of Object.entries(states)) if (id !== 'youtube') expect(s, id).toBe('IDLE');
    await eventually(async () => (await page.getByTestId('live-count').textContent())?.includes('1/5'), 'LIVE 1/5');
    expect(await page.getByTestId('event-text').textContent()).toMatch(/YouTube.*ON AIR/);

    expect(await tileBoxes()).toBe(initialBoxes);
    await booth.screenshot('operator-on-air.png');
  });

  it('follows YouTube stopped behind its back, back to IDLE', async () => {
    booth.simulator.control.stopChannel(destination('youtube').channelId);
    await waitForState('youtube', 'STOPPING');
    await waitForState('youtube', 'IDLE');
    expect((await tile('youtube').getByTestId('tile-state').textContent())?.trim()).toBe('IDLE');
    expect(await tile('youtube').getByTestId('tile-timer').count()).toBe(0);
    await eventually(async () => (await page.getByTestId('live-count').textContent())?.includes('0/5'), 'LIVE 0/5');
    expect(Object.values(await allStates()).every((s) => s === 'IDLE')).toBe(true);
    // The stop and when, not "Off air, ready"; one alarm for it, not a second "went off air" at IDLE.
    expect(await tile('youtube').getByTestId('tile-hint').textContent()).toMatch(/^off air since \d\d:\d\d:\d\d$/);
    const recent = (await booth.core.router.invoke('notifications.recent', {}, { role: 'operator' })) as {
      data: { notifications: { kind: string; title: string }[] };
    };
    const stops = recent.data.notifications.filter((n) => n.kind === 'alert' && /stopped|off air/.test(n.title));
    expect(stops.map((n) => n.title)).toEqual([expect.stringMatching(/^YouTube Live stopped outside this console/)]);
    for (const size of [
      { width: 1366, height: 768 },
      { width: 1920, height: 1080 },
    ]) {
      await page.setViewportSize(size);
      await booth.screenshot(`stopped-elsewhere-${size.width}x${size.height}.png`);
    }
    await page.setViewportSize({ width: 1600, height: 900 });
  });

  it('says a deleted channel is missing, and the other destinations keep working', async () => {
    const linkedin = destination('linkedin');
    booth.simulator.control.deleteChannel(linkedin.channelId);

    await waitForState('linkedin', 'MISSING');
    const missing = tile('linkedin');
    expect((await missing.getByTestId('tile-state').textContent())?.trim()).toBe('MISSING');
    expect(await missing.getAttribute('data-tone')).toBe('error');
    expect(await missing.getByTestId('tile-problem').textContent()).toMatch(/does not exist/i);
    expect(await page.getByTestId('event-text').textContent()).toMatch(/LinkedIn.*MISSING/);

    // Another channel still goes on air.
    booth.simulator.control.startChannel(destination('primary').channelId);
    await waitForState('primary', 'RUNNING');
    const states = await allStates();
    expect(states).toMatchObject({
      primary: 'RUNNING',
      youtube: 'IDLE',
      twitch: 'IDLE',
      linkedin: 'MISSING',
      custom: 'IDLE',
    });

    // And the layout has not shifted, whatever happened.
    expect(await tileBoxes()).toBe(initialBoxes);

    // The picture of record: one on air, one starting, one missing, two idle.
    booth.simulator.control.startChannel(destination('twitch').channelId);
    await waitForState('twitch', 'STARTING');
    // Starting for a second at least, so the picture shows its timer running.
    const timer = page.locator('[data-destination-id="twitch"] [data-testid="tile-timer"]');
    await eventually(async () => ((await timer.textContent()) ?? '') > '00:00:00', 'the starting timer to tick');
    const file = await booth.screenshot('operator.png');
    expect(file).toMatch(/operator\.png$/);
  });
});
