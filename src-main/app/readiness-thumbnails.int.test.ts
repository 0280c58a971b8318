import { afterEach, describe, expect, it, vi } from 'vitest';
import { MediaConnectClient, UpdateFlowCommand } from '@aws-sdk/client-mediaconnect';
import type { ReadinessReport } from '../../shared/domain/readiness';
import { startBoothCore, type BoothCore } from './booth-core';
import { silentLogger } from '../core/logger';
import { createMemorySettingsStore } from '../core/settings';

let core: BoothCore | null = null;
afterEach(async () => {
  await core?.close();
  core = null;
});

async function run(): Promise<ReadinessReport> {
  const result = await core!.router.invoke('readiness.run', {}, { role: 'operator' });
  if (!result.ok) throw new Error(result.message);
  return result.data as ReadinessReport;
}
const byId = (report: ReadinessReport, id: string) => report.items.find((i) => i.id === id);

describe('readiness: where thumbnails are off', () => {
  it('passes on the seeded stack, and names the channels and the flow that have them off', async () => {
    core = await startBoothCore({
      settings: createMemorySettingsStore(),
      logger: silentLogger,
      env: {},
      simulator: { timings: { flowUpdateMs: 200, channelUpdateMs: 200 } },
    });
    let report = await run();
    expect(byId(report, 'thumbnails-channels')).toMatchObject({
      status: 'pass',
      detail: 'Thumbnails are on in all 5 channels.',
    });
    expect(byId(report, 'thumbnails-flow')?.status).toBe('pass');

    const sim = core.simulator!;
    const twitch = sim.topology.destinations.find((d) => d.id === 'twitch')!;
    sim.control.confidence.setChannelThumbnails(twitch.channelId, false);
    await sim.control.waitForChannelState(twitch.channelId, 'IDLE');
    const mc = new MediaConnectClient({
      region: sim.region,
      endpoint: sim.endpoint,
      credentials: { accessKeyId: 'sim', secretAccessKey: 'sim' },
    });
    await mc.send(
      new UpdateFlowCommand({ FlowArn: sim.topology.flowArn, SourceMonitoringConfig: { ThumbnailState: 'DISABLED' } }),
    );
    mc.destroy();
    await vi.waitFor(() => expect(sim.control.state().flow.status).toBe('ACTIVE'));
    report = await run();
    const channels = byId(report, 'thumbnails-channels')!;
    expect(channels.status).toBe('warn');
    expect(channels.detail).toBe('Thumbnails are off in Twitch: their tiles will show no picture.');
    expect(channels.fix).toContain('ThumbnailConfiguration');
    expect(byId(report, 'thumbnails-flow')).toMatchObject({ status: 'warn' });
    // Pictures are a help, not a condition of going on air.
    expect(report.items.filter((i) => i.status === 'fail')).toEqual([]);
  });
});
