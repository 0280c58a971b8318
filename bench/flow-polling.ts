import { startBoothCore } from '../src-main/app/booth-core';
import { silentLogger } from '../src-main/core/logger';
import { createMemorySettingsStore } from '../src-main/core/settings';
import { report, sleep } from './stats';

/** AWS calls per minute of the SRT flow monitor with its production intervals: steady, and with the main source lost. */
async function measure(
  unhealthy: boolean,
  windowMs: number,
): Promise<{ total: number; mediaconnect: number; cloudwatch: number }> {
  const core = await startBoothCore({ settings: createMemorySettingsStore(), logger: silentLogger, env: {} });
  try {
    const control = core.simulator!.control;
    if (unhealthy) control.loseSource('main');
    await sleep(6_000);
    control.clearRequests();
    await sleep(windowMs);
    const perMinute = (service: 'mediaconnect' | 'cloudwatch') =>
      (control.requests({ service }).length * 60_000) / windowMs;
    const mediaconnect = perMinute('mediaconnect');
    const cloudwatch = perMinute('cloudwatch');
    return { total: mediaconnect + cloudwatch, mediaconnect, cloudwatch };
  } finally {
    await core.close();
  }
}

export async function benchFlowPolling(windowMs = 20_000): Promise<void> {
  for (const [label, unhealthy] of [
    ['steady', false],
    ['unhealthy', true],
  ] as const) {
    const calls = await measure(unhealthy, windowMs);
    report(`flow_calls_per_min_${label}`, Math.round(calls.total), 'calls/min');
    report(`flow_mediaconnect_calls_per_min_${label}`, Math.round(calls.mediaconnect), 'calls/min');
    report(`flow_cloudwatch_calls_per_min_${label}`, Math.round(calls.cloudwatch), 'calls/min');
  }
}
