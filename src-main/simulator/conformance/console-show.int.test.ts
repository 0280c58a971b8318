import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { startBoothCore, type BoothCore } from '../../app/booth-core';
import { watch } from '../../app/test-support/watch-feed';
import { silentLogger } from '../../core/logger';
import { createMemorySettingsStore } from '../../core/settings';
import type { SimExchange } from '../index';
import { checkExchange } from './test-support/conformance';

const operator = { role: 'operator' } as const;
const admin = { role: 'admin' } as const;

/**
 * A short show through the console's own services (the router, as a window calls it) against the simulator, recording
 * every AWS request on the wire and the simulator's raw answer, then holding each against AWS's service model.
 */
const exchanges: SimExchange[] = [];
let core: BoothCore;

beforeAll(async () => {
  core = await startBoothCore({
    settings: createMemorySettingsStore(),
    logger: silentLogger,
    env: {},
    simulator: {
      timings: {
        channelStartMs: 150,
        channelStopMs: 100,
        channelUpdateMs: 100,
        flowUpdateMs: 100,
        failoverMs: 100,
        metricSampleMs: 100,
      },
      neighbours: { channels: 1, pushInputs: 1 },
      onExchange: (e) => exchanges.push(e),
    },
    monitor: { fastIntervalMs: 50, slowIntervalMs: 200 },
    flow: { steadyIntervalMs: 200, fastIntervalMs: 100, periodSec: 1 },
    retry: { retries: 1, minTimeoutMs: 5, maxTimeoutMs: 10 },
  });
  const ok = async (channel: string, payload: unknown, role: typeof operator | typeof admin) => {
    const result = await core.router.invoke(channel, payload, role);
    if (!result.ok) throw new Error(`${channel}: ${result.code} ${result.message}`);
    return result.data;
  };
  const feed = await watch(core);
  await ok('readiness.run', {}, operator);
  await ok('stack.describe', {}, operator);
  await ok('channels.start', { destinationId: 'youtube' }, operator);
  await feed.until(() => feed.tiles.get('youtube')?.state === 'RUNNING');
  await ok('channels.stop', { destinationId: 'youtube' }, operator);
  await feed.until(() => feed.tiles.get('youtube')?.state === 'IDLE');
  await ok('presets.apply', { destinationId: 'linkedin', presetId: 'preset_generic_720p' }, admin);
  await core.simulator!.control.waitForChannelState(
    core.simulator!.topology.destinations.find((d) => d.id === 'linkedin')!.channelId,
    'IDLE',
  );
  await ok(
    'destinations.setStreamKey',
    { id: 'custom', url: 'rtmps://ingest.example.com:443/live', streamKey: 'live_conformance_key_1234' },
    admin,
  );
  await ok('flow.snapshot', {}, operator);
  await vi.waitFor(
    () => {
      if (!exchanges.some((e) => e.operation === 'GetMetricData' && e.response.body.includes('"Values":[')))
        throw new Error('no metric read yet');
    },
    { timeout: 8_000, interval: 25 },
  );
  await ok('flow.switchSource', { target: 'backup' }, operator);
  await ok('flow.switchSource', { target: 'main' }, operator);
}, 30_000);
afterAll(async () => core?.close());

describe('the console and the simulator against AWS service models', () => {
  it('covered the show: channel start/stop, preset apply, stream-key change, flow and metric reads, source switch, readiness', () => {
    const operations = new Set(exchanges.map((e) => `${e.service}.${e.operation}`));
    for (const op of [
      'sts.GetCallerIdentity',
      'cloudformation.DescribeStacks',
      'medialive.DescribeChannel',
      'medialive.StartChannel',
      'medialive.StopChannel',
      'medialive.UpdateChannel',
      'medialive.ListInputs',
      'mediaconnect.DescribeFlow',
      'mediaconnect.UpdateFlow',
      'cloudwatch.GetMetricData',
    ])
      expect(operations).toContain(op);
  });

  it('sent only requests the models accept, and got only answers the models define and the SDK parses', async () => {
    const issues: string[] = [];
    for (const exchange of exchanges) issues.push(...(await checkExchange(exchange)));
    expect([...new Set(issues)]).toEqual([]);
  });
});
