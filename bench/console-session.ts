import path from 'node:path';
import type { Page } from 'playwright-core';
import { launchChromium } from '../e2e/support/browser';
import { startBoothCore, type BoothCore, type BoothCoreOptions } from '../src-main/app/booth-core';
import { silentLogger } from '../src-main/core/logger';
import { createMemorySettingsStore } from '../src-main/core/settings';
import type { RunningSimulator } from '../src-main/simulator/index';
import { startWebPreview } from '../src-main/web/preview-server';
import { installPageTiming } from './page-timing';

/** The built renderer (`npm run bench` builds it); BENCH_RENDERER points at another build, to compare two. */
const RENDERER = path.resolve(process.env['BENCH_RENDERER'] ?? path.join(import.meta.dirname, '../out/renderer'));

export interface ConsoleSession {
  core: BoothCore;
  simulator: RunningSimulator;
  page: Page;
  /** The simulated channel id of a destination. */
  channelOf(destinationId: string): string;
  close(): Promise<void>;
}

export interface ConsoleOptions extends Partial<Omit<BoothCoreOptions, 'settings' | 'logger'>> {
  /** Destinations in the booth (the simulator seeds five; more are added as `extra-1`…). */
  destinations?: number;
}

/** The core in simulation mode, production settings unless overridden, with no window. */
export async function startCore(
  options: ConsoleOptions = {},
): Promise<{ core: BoothCore; simulator: RunningSimulator }> {
  const { destinations = 5, simulator, ...overrides } = options;
  const core = await startBoothCore({
    settings: createMemorySettingsStore(),
    logger: silentLogger,
    env: {},
    ...overrides,
    simulator: { ...simulator, extraDestinations: destinations - 5 },
  });
  if (!core.simulator) throw new Error('the bench expects simulation mode');
  return { core, simulator: core.simulator };
}

/**
 * The operator window in Chromium through the web preview, on that core, with the in-page timing helper installed,
 * once every tile has read its first state (IDLE: the seeded channels are all off air).
 */
export async function openConsole(options: ConsoleOptions = {}): Promise<ConsoleSession> {
  const { core, simulator } = await startCore(options);
  const preview = await startWebPreview({ router: core.router, logger: silentLogger, rendererDir: RENDERER });
  const browser = await launchChromium();
  const close = async () => {
    await browser.close();
    await preview.close();
    await core.close();
  };
  try {
    const page = await browser.newPage({ viewport: { width: 1600, height: 900 } });
    await installPageTiming(page);
    await page.goto(preview.operatorUrl);
    const count = options.destinations ?? 5;
    await page.waitForFunction(
      (n) => document.querySelectorAll('[data-testid="destination-tile"][data-state="IDLE"]').length === n,
      count,
      { timeout: 60_000 },
    );
    const channelOf = (id: string) => {
      const destination = simulator.topology.destinations.find((d) => d.id === id);
      if (!destination) throw new Error(`no simulated destination ${id}`);
      return destination.channelId;
    };
    return { core, simulator, page, channelOf, close };
  } catch (error) {
    await close();
    throw error;
  }
}

export const tileState = (id: string, state: string) =>
  `[data-testid="destination-tile"][data-destination-id="${id}"][data-state="${state}"]`;
