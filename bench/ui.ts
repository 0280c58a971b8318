import path from 'node:path';
import type { Page } from 'playwright-core';
import { launchChromium } from '../e2e/support/browser';
import { startBoothCore, type BoothCore, type BoothCoreOptions } from '../src-main/app/booth-core';
import { silentLogger } from '../src-main/core/logger';
import { createMemorySettingsStore } from '../src-main/core/settings';
import { startWebPreview } from '../src-main/web/preview-server';
import { percentile, report, sleep } from './stats';

const RENDERER = path.resolve(import.meta.dirname, '../out/renderer');

interface Session {
  core: BoothCore;
  page: Page;
  close(): Promise<void>;
}

/** The console as in production (or with the given overrides), in Chromium through the web preview. */
async function openConsole(overrides: Partial<BoothCoreOptions>): Promise<Session> {
  const core = await startBoothCore({
    settings: createMemorySettingsStore(),
    logger: silentLogger,
    env: {},
    ...overrides,
  });
  const preview = await startWebPreview({ router: core.router, logger: silentLogger, rendererDir: RENDERER });
  const browser = await launchChromium();
  const page = await browser.newPage({ viewport: { width: 1600, height: 900 } });
  await page.goto(preview.operatorUrl);
  await page.waitForSelector('[data-testid="destination-tile"][data-state="IDLE"]');
  return {
    core,
    page,
    async close() {
      await browser.close();
      await preview.close();
      await core.close();
    },
  };
}

const tileState = (id: string, state: string) =>
  `[data-testid="destination-tile"][data-destination-id="${id}"][data-state="${state}"]`;

/**
 * Key press to StartChannel received by the simulator. The key's time is the browser event's own
 * timestamp (same machine clock as the simulator's log), so the figure is the console's latency:
 * renderer, socket, router, the state read, and the request.
 */
export async function benchKeyToRequest(takes = 200): Promise<void> {
  const session = await openConsole({
    simulator: { timings: { channelStartMs: 40, channelStopMs: 40 } },
    monitor: { fastIntervalMs: 100, slowIntervalMs: 100 },
  });
  const { core, page } = session;
  try {
    await page.evaluate(() => {
      const w = window as unknown as { __keyTimes: number[] };
      w.__keyTimes = [];
      window.addEventListener(
        'keydown',
        (e) => e.key === 'Enter' && w.__keyTimes.push(performance.timeOrigin + e.timeStamp),
        { capture: true },
      );
    });
    const control = core.simulator!.control;
    const youtube = core.simulator!.topology.destinations.find((d) => d.id === 'youtube')!;
    const latencies: number[] = [];
    for (let i = 0; i < takes; i += 1) {
      await page.waitForSelector(tileState('youtube', 'IDLE'));
      await page.keyboard.press('2');
      await page.waitForSelector('[data-destination-id="youtube"][data-armed="start"]');
      const before = control.requests({ operation: 'StartChannel' }).length;
      await page.keyboard.press('Enter');
      while (control.requests({ operation: 'StartChannel' }).length === before) await sleep(1);
      const received = control.requests({ operation: 'StartChannel' }).at(-1)!.at;
      const pressed = await page.evaluate(() => (window as unknown as { __keyTimes: number[] }).__keyTimes.at(-1)!);
      latencies.push(received - pressed);
      // Back to IDLE behind the console's back, ready for the next take.
      await control.waitForChannelState(youtube.channelId, 'RUNNING', 5_000);
      control.stopChannel(youtube.channelId);
      await control.waitForChannelState(youtube.channelId, 'IDLE', 5_000);
    }
    report('key_to_request_p50', percentile(latencies, 50), 'ms');
    report('key_to_request_p99', percentile(latencies, 99), 'ms');
    report('key_to_request_takes', latencies.length, 'takes');
  } finally {
    await session.close();
  }
}

/**
 * A state change in the simulator (behind the console's back) to the tile showing it, with the
 * production poll intervals: during transitions (another channel is STARTING, so polling is fast)
 * and in steady state (slow polling).
 */
export async function benchStateToScreen(samples = { transition: 30, steady: 10 }): Promise<void> {
  const session = await openConsole({ simulator: { timings: { channelStartMs: 600_000, channelStopMs: 300 } } });
  const { core, page } = session;
  try {
    const control = core.simulator!.control;
    const byId = (id: string) => core.simulator!.topology.destinations.find((d) => d.id === id)!.channelId;
    const measure = async (count: number, pollMs: number): Promise<number[]> => {
      const out: number[] = [];
      for (let i = 0; i < count; i += 1) {
        // A random phase against the poll cycle, as a real change would have (the previous sample's
        // IDLE was seen at a poll, so without this every change would land just after one).
        await sleep(Math.random() * pollMs);
        const t0 = Date.now();
        control.startChannel(byId('twitch'));
        await page.waitForSelector(tileState('twitch', 'STARTING'), { timeout: 20_000 });
        out.push(Date.now() - t0);
        control.stopChannel(byId('twitch'));
        await page.waitForSelector(tileState('twitch', 'IDLE'), { timeout: 20_000 });
      }
      return out;
    };
    const steady = await measure(samples.steady, 5_000);
    // A channel that stays STARTING keeps the monitor in its fast cadence.
    control.startChannel(byId('linkedin'));
    await page.waitForSelector(tileState('linkedin', 'STARTING'));
    const transition = await measure(samples.transition, 1_000);
    report('state_to_screen_transition_p50', percentile(transition, 50), 'ms');
    report('state_to_screen_transition_p95', percentile(transition, 95), 'ms');
    report('state_to_screen_steady_p50', percentile(steady, 50), 'ms');
    report('state_to_screen_steady_p95', percentile(steady, 95), 'ms');
  } finally {
    await session.close();
  }
}
