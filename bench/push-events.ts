import path from 'node:path';
import { launchChromium } from '../e2e/support/browser';
import { startBoothCore, type BoothCore } from '../src-main/app/booth-core';
import { silentLogger } from '../src-main/core/logger';
import { createMemorySettingsStore } from '../src-main/core/settings';
import { startWebPreview } from '../src-main/web/preview-server';
import { installPageTiming, paintedAfter, type Painted } from './page-timing';
import { percentile, report, sleep } from './stats';

const RENDERER = path.resolve(import.meta.dirname, '../out/renderer');

/**
 * With channel state pushed by AWS (EventBridge -> the seat queue -> the console), production monitor intervals:
 * - calls_per_min_push_<n>: every AWS call the simulator receives while steady (SQS long polls, the ListChannels
 *   reconciler, the flow's reconciling DescribeFlow + GetMetricData, its source metadata now and then), and the
 *   channel part of it (MediaLive + SQS); the seat lease renewals go to DynamoDB, once a minute, and are not in the
 *   simulator's log. `calls_per_min_push_by_service_<n>` prints the split; `calls_per_min_push_live_<n>` the same with
 *   one channel on air (the stack's source alarms delivered, so the flow is read once a minute on air too: a source
 *   that degrades without an event raises its alarm's "CloudWatch Alarm State Change", which polls at once).
 *   BENCH_PUSH=calls runs only these, BENCH_PUSH=screen only the figures below.
 * - state_to_screen_push_p95: a channel started behind the console's back at a random moment (so at a random phase
 *   of the long poll and of the reconciler), events delayed 0-200 ms at random, to STARTING painted on the tile in
 *   Chromium (the in-page timing of page-timing.ts, not Playwright's selector waits); and the same on a second
 *   console of the booth (its own seat queue, its own window).
 */
async function callsPerMinute(
  destinations: number,
  windowMs: number,
  /** One channel on air (started behind the console's back) while counting: the flow is read every 15 s then. */
  live = false,
): Promise<{ all: number; channels: number; byService: Record<string, number> }> {
  const core = await startBoothCore({
    settings: createMemorySettingsStore(),
    logger: silentLogger,
    env: {},
    simulator: { extraDestinations: destinations - 5 },
  });
  try {
    const control = core.simulator!.control;
    if (live) {
      const channel = core.simulator!.topology.destinations[1]?.channelId ?? '';
      control.startChannel(channel);
      await control.waitForChannelState(channel, 'RUNNING', 30_000);
    }
    // Steady: past the start's own reads (the first flow polls, the source metadata once the feeding source is
    // known, which with events on comes at the second flow poll, a minute in).
    await sleep(65_000);
    control.clearRequests();
    await sleep(windowMs);
    const log = control.requests();
    const channels = log.filter((r) => r.service === 'medialive' || r.service === 'sqs').length;
    const byService: Record<string, number> = {};
    for (const r of log) {
      const key = `${r.service}:${r.operation}`;
      byService[key] = (byService[key] ?? 0) + 60_000 / windowMs;
    }
    return { all: (log.length * 60_000) / windowMs, channels: (channels * 60_000) / windowMs, byService };
  } finally {
    await core.close();
  }
}

async function openWindow(core: BoothCore) {
  const preview = await startWebPreview({ router: core.router, logger: silentLogger, rendererDir: RENDERER });
  const browser = await launchChromium();
  const page = await browser.newPage({ viewport: { width: 1600, height: 900 } });
  await installPageTiming(page);
  await page.goto(preview.operatorUrl);
  await page.waitForSelector('[data-testid="destination-tile"][data-state="IDLE"]');
  await page.waitForSelector('[data-testid="state-updates"][data-mode="events"]', { timeout: 20_000 });
  return {
    page,
    async close() {
      await browser.close();
      await preview.close();
    },
  };
}

async function stateToScreen(samples: number): Promise<{ first: number[]; second: number[] }> {
  const timings = { channelStartMs: 1_500, channelStopMs: 800 };
  const first = await startBoothCore({
    settings: createMemorySettingsStore(),
    logger: silentLogger,
    env: {},
    simulator: { timings },
  });
  const sim = first.simulator!;
  const second = await startBoothCore({
    settings: createMemorySettingsStore(),
    logger: silentLogger,
    env: {
      LUNORA_SIM_ENDPOINT: sim.endpoint,
      LUNORA_SIM_DYNAMO_ENDPOINT: sim.dynamoEndpoint ?? '',
      LUNORA_SIM_REGION: sim.region,
      LUNORA_CONSOLE_NAME: 'second-console',
    },
  });
  const a = await openWindow(first);
  const b = await openWindow(second);
  const out = { first: [] as number[], second: [] as number[] };
  try {
    sim.control.setEventDelivery({ minDelayMs: 0, maxDelayMs: 200 });
    const channel = sim.topology.destinations.find((d) => d.id === 'twitch')?.channelId ?? '';
    const starting = '[data-testid="destination-tile"][data-destination-id="twitch"][data-state="STARTING"]';
    const idle = '[data-testid="destination-tile"][data-destination-id="twitch"][data-state="IDLE"]';
    for (let i = 0; i < samples; i++) {
      await sleep(Math.random() * 5_000);
      let changedAt = 0;
      // Both windows watch before the change is made: the first's watch, then the second's, then the start.
      let onSecond: Painted | null = null;
      const onFirst = await paintedAfter(
        a.page,
        starting,
        async () => {
          onSecond = await paintedAfter(
            b.page,
            starting,
            () => {
              changedAt = Date.now();
              sim.control.startChannel(channel);
            },
            10_000,
          );
        },
        10_000,
      );
      if (!onSecond) throw new Error('the second console did not paint the change');
      out.first.push(onFirst.paintedEpoch - changedAt);
      out.second.push((onSecond as Painted).paintedEpoch - changedAt);
      await sim.control.waitForChannelState(channel, 'RUNNING');
      sim.control.stopChannel(channel);
      await sim.control.waitForChannelState(channel, 'IDLE');
      await Promise.all([a.page.waitForSelector(idle), b.page.waitForSelector(idle)]);
    }
  } finally {
    await a.close();
    await b.close();
    await second.close();
    await first.close();
  }
  return out;
}

export async function benchPushEvents(windowMs = 60_000, samples = 20): Promise<void> {
  const parts = process.env['BENCH_PUSH'] ?? 'calls,screen';
  if (parts.includes('calls')) {
    for (const live of [false, true]) {
      for (const destinations of [5, 50]) {
        const calls = await callsPerMinute(destinations, windowMs, live);
        const name = live ? `push_live_${destinations}` : `push_${destinations}`;
        report(`calls_per_min_${name}`, Math.round(calls.all), 'calls/min');
        report(
          `calls_per_min_${name.replace('push', 'push_channels')}`,
          Math.round(calls.channels * 10) / 10,
          'calls/min',
        );
        const split = Object.entries(calls.byService).map(([service, n]) => `${service}=${Math.round(n * 10) / 10}`);
        process.stdout.write(
          `calls_per_min_${name.replace('push', 'push_by_service')}: ${split.join(' ')} calls/min\n`,
        );
      }
    }
  }
  if (!parts.includes('screen')) return;
  const screen = await stateToScreen(samples);
  report('state_to_screen_push_p50', Math.round(percentile(screen.first, 50)), 'ms');
  report('state_to_screen_push_p95', Math.round(percentile(screen.first, 95)), 'ms');
  report('second_console_state_to_screen_p95', Math.round(percentile(screen.second, 95)), 'ms');
}
