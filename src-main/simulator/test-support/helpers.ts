import type { RunningSimulator } from '../index';

export const FAST_TIMINGS = {
  channelStartMs: 150,
  channelStopMs: 100,
  channelUpdateMs: 100,
  inputSwitchMs: 50,
  flowStartMs: 100,
  flowStopMs: 100,
  flowUpdateMs: 100,
  failoverMs: 60,
  metricSampleMs: 20,
};

export function clientConfig(sim: RunningSimulator, extra: Record<string, unknown> = {}) {
  return {
    region: sim.region,
    endpoint: sim.endpoint,
    credentials: { accessKeyId: 'sim', secretAccessKey: 'sim' },
    ...extra,
  };
}

/** For expect.poll / vi.waitFor: the simulated transitions take 60-150 ms, check often and allow for a loaded machine. */
export const POLL = { interval: 10, timeout: 5_000 } as const;

/** Captures the SDK error (fails the test when the call succeeds). */
export async function sdkError(
  p: Promise<unknown>,
): Promise<{ name: string; message: string; $metadata: { httpStatusCode?: number }; [k: string]: unknown }> {
  try {
    await p;
  } catch (e) {
    return e as { name: string; message: string; $metadata: { httpStatusCode?: number } };
  }
  throw new Error('expected the call to fail');
}
