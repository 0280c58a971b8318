import type { RunningSimulator } from '../index';

export const FAST_TIMINGS = {
  channelStartMs: 150,
  channelStopMs: 100,
  channelUpdateMs: 100,
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

export async function waitFor<T>(
  probe: () => T | Promise<T>,
  accept: (v: T) => boolean,
  timeoutMs = 5000,
  everyMs = 15,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const v = await probe();
    if (accept(v)) return v;
    if (Date.now() > deadline)
      throw new Error(`condition not met within ${timeoutMs} ms (last value: ${JSON.stringify(v)})`);
    await new Promise((r) => setTimeout(r, everyMs));
  }
}

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
