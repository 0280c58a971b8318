import { copyFileSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import type { Browser, BrowserContext, Locator, Page } from 'playwright-core';
import { startBoothCore, type BoothCore } from '../../src-main/app/booth-core';
import { createConsoleLogger } from '../../src-main/core/logger';
import { createMemorySettingsStore } from '../../src-main/core/settings';
import type { RunningSimulator, SimTimings, SimulatorOptions } from '../../src-main/simulator/index';
import type { FlowMonitorOptions } from '../../src-main/core/flow/flow-monitor';
import type { ChannelMonitorOptions } from '../../src-main/core/channels/channel-monitor';
import { startWebPreview, type WebPreview } from '../../src-main/web/preview-server';
import { launchChromium, newWatchedPage, type PageProblems } from './browser';
import { afterEach, vi } from 'vitest';

export const REPO = path.resolve(import.meta.dirname, '../..');
export const ARTIFACTS = path.join(REPO, 'e2e/artifacts');

/** A screenshot into e2e/artifacts, copied to LUNORA_SHOTS_DIR when set (for a look at the layout outside the repo). */
export async function saveScreenshot(page: Page, name: string): Promise<void> {
  mkdirSync(ARTIFACTS, { recursive: true });
  const file = path.join(ARTIFACTS, name);
  await page.screenshot({ path: file });
  const shots = process.env['LUNORA_SHOTS_DIR'];
  if (shots) copyFileSync(file, path.join(shots, name));
}

/**
 * Fast but observable: a start takes long enough that a 250 ms poll sees STARTING, so the
 * tests can assert the transition an operator would see, not only its end.
 */
const E2E_TIMINGS: Partial<SimTimings> = {
  channelStartMs: 2_000,
  channelStopMs: 1_200,
  channelUpdateMs: 800,
  metricSampleMs: 500,
};

export interface BoothHarness {
  core: BoothCore;
  simulator: RunningSimulator;
  preview: WebPreview;
  browser: Browser;
  context: BrowserContext;
  page: Page;
  problems: PageProblems;
  /** What the console stored, as its settings file would hold it. */
  storedSettings(): unknown;
  /** Fails with every console error, uncaught exception, failed request and CSP violation seen so far. */
  assertNoPageProblems(): Promise<void>;
  screenshot(name: string): Promise<string>;
  close(): Promise<void>;
}

export interface HarnessOptions {
  window: 'operator' | 'admin';
  viewport?: { width: number; height: number };
  timings?: Partial<SimTimings>;
  /** Flow monitor overrides (faster polling, 1 s periods, thresholds) for the input-health tests. */
  flow?: Partial<FlowMonitorOptions>;
  /** Stored settings the console starts with (a wrong stack name, say). */
  settings?: unknown;
  /** Destinations the simulator seeds, as LUNORA_SIM_DESTINATIONS does (the booth's five by default). */
  destinations?: number;
  /** Channel monitor overrides (the pushed-state tests poll once a minute to prove what the events do). */
  monitor?: Partial<ChannelMonitorOptions>;
  /** The simulator's booth needs an IAM Identity Center sign-in, as LUNORA_SIM_SSO=1 makes it. */
  simulatorSignIn?: boolean;
  /** Destinations whose channel also has a slate input (warm standby), as LUNORA_SIM_SLATES does. */
  slateDestinations?: readonly string[];
  /** Warm standby's read-back cadence (the active input while switching). */
  warm?: { readEveryMs?: number; switchReadEveryMs?: number };
  /** The simulated AWS Price List's MediaLive products (default: the documented ones). */
  priceList?: SimulatorOptions['priceList'];
}

/**
 * The console as an operator meets it, minus Electron: the real core in simulation mode
 * (simulator + dynalite + the real SDK clients), the web preview over loopback, the built
 * renderer in Chromium.
 */
export async function startBooth(options: HarnessOptions): Promise<BoothHarness> {
  const cleanups: (() => Promise<unknown>)[] = [];
  const cleanup = async () => {
    for (const fn of cleanups.splice(0).reverse()) {
      await fn().catch((error: unknown) => console.warn('e2e teardown:', error));
    }
  };
  try {
    const logger = createConsoleLogger(process.env['LUNORA_E2E_LOG'] === 'debug' ? 'debug' : 'warn');
    const settings = createMemorySettingsStore(options.settings);
    const core = await startBoothCore({
      settings,
      logger,
      // Whatever the developer's shell has, these tests run against the embedded simulator.
      env: {},
      simulator: {
        timings: { ...E2E_TIMINGS, ...options.timings },
        ...(options.destinations !== undefined ? { destinationCount: options.destinations } : {}),
        ...(options.slateDestinations ? { slateDestinations: options.slateDestinations } : {}),
        ...(options.priceList ? { priceList: options.priceList } : {}),
      },
      ...(options.warm ? { warm: options.warm } : {}),
      monitor: { fastIntervalMs: 250, slowIntervalMs: 250, maxBackoffMs: 500, ...options.monitor },
      ...(options.flow ? { flow: options.flow } : {}),
      ...(options.simulatorSignIn ? { simulatorSignIn: true } : {}),
      // Any free port: several boots run side by side.
      controlPort: 0,
    });
    cleanups.push(() => core.close());
    if (!core.simulator) throw new Error('the e2e harness expects simulation mode');
    const preview = await startWebPreview({
      router: core.router,
      logger,
      rendererDir: path.join(REPO, 'out/renderer'),
    });
    cleanups.push(() => preview.close());
    const browser = await launchChromium();
    cleanups.push(() => browser.close());
    const { context, page, problems } = await newWatchedPage(browser, options.viewport ?? { width: 1600, height: 900 });
    await page.goto(options.window === 'operator' ? preview.operatorUrl : preview.adminUrl);

    return {
      core,
      simulator: core.simulator,
      preview,
      browser,
      context,
      page,
      problems,
      storedSettings: () => settings.get(),
      async assertNoPageProblems() {
        await problems.collectCsp(page);
        const seen = problems.take();
        if (seen.length > 0) throw new Error(`The page reported problems:\n  ${seen.join('\n  ')}`);
      },
      async screenshot(name) {
        mkdirSync(ARTIFACTS, { recursive: true });
        const file = path.join(ARTIFACTS, name);
        await page.screenshot({ path: file });
        return file;
      },
      close: cleanup,
    };
  } catch (error) {
    await cleanup();
    throw error;
  }
}

/**
 * An operator window whose flow monitor and simulated SRT signal run fast: 1 s CloudWatch periods, 250 ms samples,
 * a 200 ms failover, so input faults show within seconds.
 */
export const FAST_FLOW_OPERATOR: HarnessOptions = {
  window: 'operator',
  viewport: { width: 1600, height: 900 },
  timings: { metricSampleMs: 250, failoverMs: 200, flowUpdateMs: 300 },
  flow: {
    steadyIntervalMs: 500,
    // The same while events flow: these tests degrade sources without an event (packet loss, bitrate).
    pushSteadyIntervalMs: 500,
    pushLiveIntervalMs: 500,
    fastIntervalMs: 250,
    maxBackoffMs: 2_000,
    periodSec: 1,
    thresholds: { staleAfterMs: 4_000, lostAfterNoBitrateMs: 1_500, lossWindowMs: 3_000 },
  },
};

/** The booth's window (the operator's at 1600x900 unless told otherwise); an operator window once its five tiles read IDLE. */
export async function startOperatorBooth(options: Partial<HarnessOptions> = {}): Promise<BoothHarness> {
  const booth = await startBooth({ window: 'operator', viewport: { width: 1600, height: 900 }, ...options });
  if ((options.window ?? 'operator') !== 'operator') return booth;
  try {
    await eventually(
      async () => (await booth.page.locator('[data-testid="destination-tile"][data-state="IDLE"]').count()) === 5,
      'five IDLE tiles',
    );
  } catch (error) {
    await booth.close();
    throw error;
  }
  return booth;
}

/** Status bar cells that overlap another: none may (a wide cell must not push the left group under LIVE). */
export const overlappingStatusCells = (page: Page): Promise<string[]> =>
  page.evaluate(() => {
    const cells = [...document.querySelectorAll('[data-testid="status-bar"] [data-cell]')].map((e) => ({
      cell: (e as HTMLElement).dataset['cell'],
      r: e.getBoundingClientRect(),
    }));
    const found: string[] = [];
    for (const [i, a] of cells.entries())
      for (const b of cells.slice(i + 1))
        if (a.r.width && b.r.width && a.r.left < b.r.right - 0.5 && b.r.left < a.r.right - 0.5)
          if (a.r.top < b.r.bottom && b.r.top < a.r.bottom) found.push(`${a.cell} overlaps ${b.cell}`);
    return found;
  });

/** What a locator shows, its white space squashed. */
export const squashedText = async (locator: Locator): Promise<string> =>
  ((await locator.textContent()) ?? '').replace(/\s+/g, ' ').trim();

/**
 * Records what the operator window asks the console core from now on (the channel of every invoke frame on the web
 * preview's socket). A take or an end-all sends its frame in the same key or click handler, so once a press or click
 * has returned, a request not recorded was never sent: "nothing sent" is read at once instead of waiting a while for
 * a request that might still be on its way.
 */
export async function recordConsoleCalls(page: Page): Promise<() => Promise<string[]>> {
  await page.evaluate(() => {
    const calls: string[] = [];
    (window as unknown as { __calls: string[] }).__calls = calls;
    const send = WebSocket.prototype.send;
    WebSocket.prototype.send = function (this: WebSocket, data) {
      const frame = typeof data === 'string' ? (JSON.parse(data) as { type?: string; channel?: string }) : {};
      if (frame.type === 'invoke' && frame.channel) calls.push(frame.channel);
      send.call(this, data);
    };
  });
  return () => page.evaluate(() => (window as unknown as { __calls: string[] }).__calls);
}

/** The calls that put something on or off air: none may leave for a press that finds nothing armed. */
export const onOrOffAirCalls = (calls: string[]): string[] =>
  calls.filter((c) => /^(channels\.(start|stop|endAll)|arming\.take|remote\.take|warm\.)/.test(c));

/** Two animation frames: the layout after a resize has run (its observers included) and been painted. */
export const nextPaint = (page: Page): Promise<void> =>
  page.evaluate(() => new Promise<void>((done) => requestAnimationFrame(() => requestAnimationFrame(() => done()))));

export interface OperatorBooth {
  /** Starts this test's booth (see startOperatorBooth); it is closed after the test. */
  start(options?: Partial<HarnessOptions>): Promise<BoothHarness>;
  /** The booth of the running test. */
  readonly harness: BoothHarness;
  /** A destination's tile in the operator window. */
  tile(id: string): Locator;
  /** Arms and takes (or ends) a destination with its key and Enter, and waits until its tile reads `state`. */
  take(key: string, id: string, state: 'RUNNING' | 'IDLE'): Promise<void>;
}

/** One booth per test, closed after it: `const booth = useOperatorBooth();` at the top of an e2e file. */
export function useOperatorBooth(): OperatorBooth {
  let current: BoothHarness | null = null;
  afterEach(async () => {
    await current?.close();
    current = null;
  });
  const harness = () => {
    if (!current) throw new Error('start the booth first (useOperatorBooth().start)');
    return current;
  };
  const tile = (id: string) => harness().page.locator(`[data-testid="destination-tile"][data-destination-id="${id}"]`);
  return {
    async start(options) {
      current = await startOperatorBooth(options);
      return current;
    },
    get harness() {
      return harness();
    },
    tile,
    async take(key, id, state) {
      const { page } = harness();
      await page.keyboard.press(key);
      await page.keyboard.press('Enter');
      await eventually(async () => (await tile(id).getAttribute('data-state')) === state, `${id} ${state}`, 15_000);
    },
  };
}

/** Waits (vi.waitFor) until `probe` returns a truthy value and returns it; fails naming what it waited for. */
export async function eventually<T>(
  probe: () => Promise<T>,
  what: string,
  timeoutMs = 10_000,
): Promise<NonNullable<T>> {
  let last: T | undefined;
  try {
    return await vi.waitFor(
      async () => {
        last = await probe();
        if (!last) throw new Error('not yet');
        return last;
      },
      { timeout: timeoutMs, interval: 50 },
    );
  } catch {
    throw new Error(`Timed out after ${timeoutMs} ms waiting for ${what} (last: ${JSON.stringify(last)})`);
  }
}
