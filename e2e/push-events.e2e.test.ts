import { mkdirSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { eventually, startBooth, type BoothHarness } from './support/harness';

/**
 * State pushed by AWS, in Chromium: a channel started behind the console's back (the simulator's HTTP control API)
 * reaches its tile through EventBridge -> SQS -> the console, while the console polls MediaLive only once a minute.
 * The status bar's UPDATES cell says EVENTS, and POLLING with the reason once the queue is deleted.
 */
let booth: BoothHarness;
let page: Page;
const SHOTS = new URL('./artifacts', import.meta.url).pathname;

/** The channel monitor's polls: a tile that changes without one was pushed. */
const listChannelsCalls = () =>
  booth.simulator.control.requests({ service: 'medialive', operation: 'ListChannels' }).length;

async function control(path: string, method = 'POST'): Promise<void> {
  const res = await fetch(`${booth.simulator.endpoint}/_sim/${path}`, {
    method,
    headers: { 'x-sim-token': booth.simulator.controlToken },
  });
  expect(res.status).toBe(200);
}

async function shoot(name: string) {
  mkdirSync(SHOTS, { recursive: true });
  for (const size of [
    { width: 1366, height: 768 },
    { width: 1920, height: 1080 },
  ]) {
    await page.setViewportSize(size);
    await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));
    await page.screenshot({ path: `${SHOTS}/events-${name}-${size.width}x${size.height}.png` });
  }
}

beforeAll(async () => {
  booth = await startBooth({
    window: 'operator',
    viewport: { width: 1600, height: 900 },
    monitor: { fastIntervalMs: 60_000, slowIntervalMs: 60_000 },
  });
  page = booth.page;
  await eventually(
    async () => (await page.locator('[data-testid="destination-tile"][data-state="IDLE"]').count()) === 5,
    'five IDLE tiles',
  );
}, 60_000);

afterAll(async () => {
  await booth?.close();
});

describe('channel states pushed by AWS, in the operator window', () => {
  it('a start made behind the console reaches the tile without a poll; UPDATES says EVENTS', async () => {
    const cell = page.locator('[data-testid="state-updates"]');
    await eventually(async () => (await cell.getAttribute('data-mode')) === 'events', 'UPDATES: events');
    expect((await cell.textContent())?.replace(/\s+/g, ' ').trim()).toBe('UPDATES EVENTS');
    const polls = listChannelsCalls();
    const channelId = booth.simulator.topology.destinations.find((d) => d.id === 'youtube')?.channelId ?? '';
    await control(`channels/${channelId}/start`);
    await page.waitForSelector(
      '[data-testid="destination-tile"][data-destination-id="youtube"][data-state="STARTING"]',
      {
        timeout: 5_000,
      },
    );
    await page.waitForSelector(
      '[data-testid="destination-tile"][data-destination-id="youtube"][data-state="RUNNING"]',
      {
        timeout: 10_000,
      },
    );
    // Both states came by the seat queue: no ListChannels meanwhile (its polls are a minute apart here).
    // How fast is the bench's figure (state_to_screen_push_p95), not this test's.
    expect(listChannelsCalls()).toBe(polls);
    expect(booth.simulator.control.requests({ service: 'sqs', operation: 'ReceiveMessage' }).length).toBeGreaterThan(0);
    await shoot('events');
    await booth.assertNoPageProblems();
  });

  it('a MediaLive alert raised behind the console: AWS ALERT on the tile, then cleared; the tally does not change', async () => {
    const channelId = booth.simulator.topology.destinations.find((d) => d.id === 'twitch')?.channelId ?? '';
    const raise = async (body: Record<string, string>) => {
      const res = await fetch(`${booth.simulator.endpoint}/_sim/events/alert`, {
        method: 'POST',
        headers: { 'x-sim-token': booth.simulator.controlToken, 'content-type': 'application/json' },
        body: JSON.stringify({ channelId, ...body }),
      });
      expect(res.status).toBe(200);
      return (await res.json()) as { alarmId: string };
    };
    const { alarmId } = await raise({
      state: 'SET',
      type: 'Failed to Create Output File or Socket',
      message: 'RTMP push refused by the platform.',
    });
    const tile = page.locator('[data-testid="destination-tile"][data-destination-id="twitch"]');
    await eventually(async () => (await tile.getAttribute('data-alarm')) === 'aws-alert', 'AWS ALERT on the tile');
    await eventually(async () => /AWS ALERT \d\d:\d\d:\d\d/.test((await tile.textContent()) ?? ''), 'its headline');
    expect(await tile.getAttribute('data-state')).toBe('IDLE');
    await shoot('alert');
    await raise({ state: 'CLEARED', alarmId });
    await eventually(async () => /, cleared \d\d:\d\d:\d\d/.test((await tile.textContent()) ?? ''), 'cleared');
    await booth.assertNoPageProblems();
  });

  it('the queue deleted mid-show: UPDATES says POLLING and why', async () => {
    const queue = booth.simulator.topology.events.queues[0] ?? '';
    await control(`queues/${queue}`, 'DELETE');
    const cell = page.locator('[data-testid="state-updates"]');
    await eventually(async () => (await cell.getAttribute('data-mode')) === 'polling', 'UPDATES: polling', 15_000);
    expect(await cell.getAttribute('title')).toMatch(/event queue does not exist.*MediaLive is read every 60 s/);
    await shoot('polling');
    await control(`queues/${queue}/restore`);
    await eventually(async () => (await cell.getAttribute('data-mode')) === 'events', 'UPDATES: events again', 15_000);
  });
});
