import { afterEach } from 'vitest';
import { silentLogger } from '../../core/logger';
import { createMemorySettingsStore } from '../../core/settings';
import type { RunningSimulator } from '../../simulator/index';
import { startBoothCore, type BoothCore, type BoothCoreOptions } from '../booth-core';

/**
 * A whole console core on its embedded simulator for each test (memory settings, no logging, no AWS environment),
 * closed after the test; a second start in one test closes the first.
 */
export function useBoothCore(): (options?: Partial<BoothCoreOptions>) => Promise<BoothCore> {
  let core: BoothCore | null = null;
  afterEach(async () => {
    await core?.close();
    core = null;
  });
  return async (options = {}) => {
    await core?.close();
    core = await startBoothCore({ settings: createMemorySettingsStore(), logger: silentLogger, env: {}, ...options });
    return core;
  };
}

/** The console's cadences at test speed: the channel monitor and warm standby's reads of the active input. */
export const TEST_CADENCES = {
  monitor: { fastIntervalMs: 50, slowIntervalMs: 200 },
  warm: { readEveryMs: 100, switchReadEveryMs: 30 },
} satisfies Partial<BoothCoreOptions>;

/**
 * The flow read at test speed, for a simulator whose flow figures and failovers are scaled down as well; with events
 * flowing too (their reconcile is a minute in production, longer than a test waits for the first figures).
 */
export const TEST_FLOW_CADENCE = {
  flow: {
    steadyIntervalMs: 200,
    fastIntervalMs: 100,
    pushSteadyIntervalMs: 200,
    pushLiveIntervalMs: 200,
    periodSec: 1,
  },
} satisfies Partial<BoothCoreOptions>;

/** Simulator timings for warm standby: a start, a stop and an input switch each in a fraction of a second. */
export const WARM_TEST_TIMINGS = { channelStartMs: 300, channelStopMs: 200, inputSwitchMs: 150 };

/** Simulator timings for the flow's figures, failovers and updates, matching TEST_FLOW_CADENCE. */
export const FLOW_TEST_TIMINGS = { metricSampleMs: 100, failoverMs: 100, flowUpdateMs: 100 };

/** The environment that points a console at a simulator running on its own (as `npm run sim` does). */
export function externalSimulatorEnv(sim: RunningSimulator, consoleName?: string): Record<string, string> {
  return {
    LUNORA_SIM_ENDPOINT: sim.endpoint,
    LUNORA_SIM_DYNAMO_ENDPOINT: sim.dynamoEndpoint ?? '',
    LUNORA_SIM_REGION: sim.region,
    ...(consoleName !== undefined ? { LUNORA_CONSOLE_NAME: consoleName } : {}),
  };
}
