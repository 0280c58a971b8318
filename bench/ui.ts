import path from 'node:path';
import { launchChromium } from '../e2e/support/browser';
import { startBoothCore } from '../src-main/app/booth-core';
import { silentLogger } from '../src-main/core/logger';
import { createMemorySettingsStore } from '../src-main/core/settings';
import { startWebPreview } from '../src-main/web/preview-server';
import { openConsole, tileState } from './console-session';
import { startSimulatorProcess } from './simulator-process';
import { paintedAfter } from './page-timing';
import { percentile, report, sleep } from './stats';

const RENDERER = path.resolve(process.env['BENCH_RENDERER'] ?? path.join(import.meta.dirname, '../out/renderer'));

/**
 * Key press to StartChannel received by the simulator. The key's time is the browser event's own
 * timestamp (same machine clock as the simulator's log), so the figure is the console's latency:
 * renderer, socket, router and the request. With events flowing (as here) the take sends StartChannel alone; polling,
 * it reads the channel first (DescribeChannel), one round trip more. The simulator runs in its own process, as AWS
 * does on its own machines: in the console's process it would read the request only once the console's event loop
 * let it, and count the console's work after the send as the take's.
 */
export async function benchKeyToRequest(takes = 200): Promise<void> {
  const sim = await startSimulatorProcess();
  const core = await startBoothCore({
    settings: createMemorySettingsStore(),
    logger: silentLogger,
    env: { ...sim.env, LUNORA_CONSOLE_NAME: 'bench-keys' },
  });
  const preview = await startWebPreview({ router: core.router, logger: silentLogger, rendererDir: RENDERER });
  const browser = await launchChromium();
  try {
    await sim.control('PATCH', 'timings', { channelStartMs: 40, channelStopMs: 40 });
    const state = (await sim.control('GET', 'state')) as { channels: { id: string; destinationId: string | null }[] };
    const youtube = state.channels.find((c) => c.destinationId === 'youtube')?.id ?? '';
    const page = await browser.newPage({ viewport: { width: 1600, height: 900 } });
    await page.goto(preview.operatorUrl);
    await page.waitForSelector(tileState('youtube', 'IDLE'), { timeout: 60_000 });
    await page.waitForSelector('[data-testid="state-updates"][data-mode="events"]', { timeout: 30_000 });
    await page.evaluate(() => {
      const w = window as unknown as { __keyTimes: number[] };
      w.__keyTimes = [];
      window.addEventListener(
        'keydown',
        (e) => e.key === 'Enter' && w.__keyTimes.push(performance.timeOrigin + e.timeStamp),
        { capture: true },
      );
    });
    // The arrival time is the simulator's own record: asking for it less often changes nothing measured, and asks
    // the console's process (which sends the asks) for less time while it takes.
    const until = async (want: string) => {
      while ((await sim.channelState(youtube)) !== want) await sleep(25);
    };
    const latencies: number[] = [];
    for (let i = 0; i < takes; i += 1) {
      await page.waitForSelector(tileState('youtube', 'IDLE'));
      await page.keyboard.press('2');
      await page.waitForSelector('[data-destination-id="youtube"][data-armed="start"]');
      const before = (await sim.arrivals('StartChannel')).length;
      await page.keyboard.press('Enter');
      let arrivals = await sim.arrivals('StartChannel');
      while (arrivals.length === before) {
        await sleep(25);
        arrivals = await sim.arrivals('StartChannel');
      }
      const pressed = await page.evaluate(() => (window as unknown as { __keyTimes: number[] }).__keyTimes.at(-1)!);
      latencies.push(arrivals.at(-1)! - pressed);
      // Back to IDLE behind the console's back, ready for the next take.
      await until('RUNNING');
      await sim.control('POST', `channels/${youtube}/stop`);
      await until('IDLE');
    }
    report('key_to_request_p50', percentile(latencies, 50), 'ms');
    report('key_to_request_p99', percentile(latencies, 99), 'ms');
    report('key_to_request_takes', latencies.length, 'takes');
  } finally {
    await browser.close();
    await preview.close();
    await core.close();
    await sim.close();
  }
}

/**
 * A state change in the simulator (behind the console's back) to the tile showing it, with the production poll
 * intervals: during transitions (another channel is STARTING, so polling is fast) and in steady state (slow
 * polling). The change's time is the wall clock when the simulator made it, the screen's is the wall clock in the
 * page after the first frame painted with it: the same clock, read by two processes on one machine.
 */
export async function benchStateToScreen(samples = 30): Promise<void> {
  const session = await openConsole({ simulator: { timings: { channelStartMs: 600_000, channelStopMs: 300 } } });
  const { page, simulator } = session;
  try {
    const control = simulator.control;
    // Polling only, the baseline the pushed figures (push-events.ts) are set beside: without its seat queues the
    // console reads MediaLive at its polling cadence.
    for (const queue of simulator.topology.events.queues) control.deleteQueue(queue);
    await page.waitForSelector('[data-testid="state-updates"][data-mode="polling"]', { timeout: 30_000 });
    const twitch = session.channelOf('twitch');
    const measure = async (pollMs: number): Promise<number[]> => {
      const out: number[] = [];
      for (let i = 0; i < samples; i += 1) {
        // A random phase against the poll cycle, as a real change would have (the previous sample's
        // IDLE was seen at a poll, so without this every change would land just after one).
        await sleep(Math.random() * pollMs);
        let changedAt = 0;
        const painted = await paintedAfter(page, tileState('twitch', 'STARTING'), () => {
          changedAt = Date.now();
          control.startChannel(twitch);
        });
        out.push(painted.paintedEpoch - changedAt);
        control.stopChannel(twitch);
        await page.waitForSelector(tileState('twitch', 'IDLE'), { timeout: 30_000 });
      }
      return out;
    };
    const steady = await measure(5_000);
    // A channel that stays STARTING keeps the monitor in its fast cadence.
    control.startChannel(session.channelOf('linkedin'));
    await page.waitForSelector(tileState('linkedin', 'STARTING'), { timeout: 30_000 });
    const transition = await measure(1_000);
    report('state_to_screen_transition_p50', percentile(transition, 50), 'ms');
    report('state_to_screen_transition_p95', percentile(transition, 95), 'ms');
    report('state_to_screen_transition_samples', transition.length, 'samples');
    report('state_to_screen_steady_p50', percentile(steady, 50), 'ms');
    report('state_to_screen_steady_p95', percentile(steady, 95), 'ms');
    report('state_to_screen_steady_samples', steady.length, 'samples');
  } finally {
    await session.close();
  }
}
