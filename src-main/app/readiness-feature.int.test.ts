import { afterEach, describe, expect, it } from 'vitest';
import type { ReadinessReport } from '../../shared/domain/readiness';
import { startBoothCore, type BoothCore } from './booth-core';
import { silentLogger } from '../core/logger';
import { createMemorySettingsStore } from '../core/settings';

let core: BoothCore | null = null;
afterEach(async () => {
  await core?.close();
  core = null;
});

async function run(payload: Record<string, unknown> = {}): Promise<ReadinessReport> {
  const result = await core!.router.invoke('readiness.run', payload, { role: 'operator' });
  if (!result.ok) throw new Error(result.message);
  return result.data as ReadinessReport;
}

const byId = (report: ReadinessReport, id: string) => report.items.find((i) => i.id === id);

describe('readiness check against the simulator', () => {
  it('is all green on the seeded topology, and names what it checked', async () => {
    core = await startBoothCore({ settings: createMemorySettingsStore(), logger: silentLogger, env: {} });
    const report = await run();
    expect(report.items.filter((i) => i.status === 'fail')).toEqual([]);
    expect(report.ready).toBe(true);
    expect(byId(report, 'identity')?.detail).toBe('Account 123456789012, operator as LunoraBoothSimulation');
    expect(byId(report, 'flow-sources')?.detail).toMatch(/main: .*:9998.*backup: .*:9999/);
    expect(byId(report, 'perm-sessions')?.status).toBe('pass');
    for (const dest of ['primary', 'youtube', 'twitch', 'linkedin', 'custom'])
      expect(byId(report, `destination-${dest}`)?.status).toBe('pass');
    expect(report.items.filter((i) => i.group === 'tables').map((i) => i.status)).toEqual(['pass', 'pass', 'pass']);
  });

  it('says which destinations can run warm (a slate attached) and which only cold, without failing the cold ones', async () => {
    core = await startBoothCore({
      settings: createMemorySettingsStore(),
      logger: silentLogger,
      env: {},
      simulator: { slateDestinations: ['youtube', 'twitch'] },
    });
    const report = await run();
    const warm = byId(report, 'warm-standby')!;
    expect(warm.status).toBe('info');
    expect(warm.detail).toBe(
      'Can run warm: YouTube Live, Twitch. Cold only (no slate input on the channel): Primary HLS (MediaPackage), LinkedIn Live, Custom RTMP.',
    );
    expect(warm.fix).toMatch(/Update the channels stack/);
    expect(report.ready).toBe(true);
  });

  it('turns the item of a deleted channel red, naming the destination, and the report not ready', async () => {
    core = await startBoothCore({ settings: createMemorySettingsStore(), logger: silentLogger, env: {} });
    const twitch = core.simulator!.topology.destinations.find((d) => d.id === 'twitch')!;
    core.simulator!.control.deleteChannel(twitch.channelId);
    const report = await run();
    const item = byId(report, 'destination-twitch')!;
    expect(item).toMatchObject({ status: 'fail', label: 'Twitch' });
    expect(item.detail).toContain(twitch.channelId);
    expect(item.fix).toBeTruthy();
    expect(report.ready).toBe(false);
    expect(byId(report, 'destination-youtube')?.status).toBe('pass');
  });

  it('warns on a flow in STANDBY and fails identity when AWS refuses the credentials', async () => {
    core = await startBoothCore({
      settings: createMemorySettingsStore(),
      logger: silentLogger,
      env: {},
      simulator: { flowInitiallyActive: false },
    });
    core.simulator!.control.addFault({ service: 'sts', kind: 'expired-token' });
    const report = await run();
    expect(byId(report, 'flow-status')?.status).toBe('warn');
    expect(byId(report, 'identity')).toMatchObject({ status: 'fail' });
    expect(byId(report, 'identity')?.detail).toContain('The AWS credentials have expired');
  });

  it('counts the channels and push inputs of other workloads in the region against the quota', async () => {
    core = await startBoothCore({ settings: createMemorySettingsStore(), logger: silentLogger, env: {} });
    const alone = await run();
    expect(byId(alone, 'quota-channels')).toMatchObject({
      status: 'pass',
      detail:
        '5 channels exist in the region (5 of this booth, 0 of other workloads): 5 of the default quota of 5 per region.',
    });
    expect(byId(alone, 'quota-push-inputs')?.detail).toMatch(/^No push inputs exist in the region/);
    await core.close();

    core = await startBoothCore({
      settings: createMemorySettingsStore(),
      logger: silentLogger,
      env: {},
      simulator: { neighbours: { channels: 1, pushInputs: 2 } },
    });
    const crowded = await run();
    expect(byId(crowded, 'quota-channels')).toMatchObject({
      status: 'warn',
      detail:
        '6 channels exist in the region (5 of this booth, 1 of other workloads): 6 of the default quota of 5 per region.',
    });
    expect(byId(crowded, 'quota-channels')?.fix).toContain('at least 6');
    expect(byId(crowded, 'quota-push-inputs')).toMatchObject({ status: 'pass' });
    expect(byId(crowded, 'quota-push-inputs')?.detail).toMatch(/^2 push inputs exist in the region \(2 RTMP_PUSH\)/);

    core.simulator!.control.addFault({ service: 'medialive', operation: 'ListInputs', kind: 'access-denied' });
    const denied = await run();
    expect(byId(denied, 'quota-push-inputs')).toMatchObject({
      status: 'warn',
      fix: 'The operator policy must allow medialive:ListInputs.',
    });
    expect(denied.ready).toBe(true);
  });

  it('takes no show end of its own: the end comes from the show plan', async () => {
    core = await startBoothCore({ settings: createMemorySettingsStore(), logger: silentLogger, env: {} });
    const result = await core.router.invoke('readiness.run', { showEndsAt: 'tonight' }, { role: 'operator' });
    expect(result).toMatchObject({ ok: false, code: 'invalid-input' });
  });

  it('describes what the console found in the stack', async () => {
    core = await startBoothCore({ settings: createMemorySettingsStore(), logger: silentLogger, env: {} });
    const result = await core.router.invoke('stack.describe', {}, { role: 'admin' });
    expect(result).toMatchObject({ ok: true, data: { stackName: 'lunora-booth', stackStatus: 'CREATE_COMPLETE' } });
    if (result.ok) {
      const data = result.data as {
        destinations: Array<{ id: string; channelId: string | null }>;
        ingest: { main: string | null };
      };
      expect(data.destinations.every((d) => d.channelId)).toBe(true);
      expect(data.ingest.main).toMatch(/^srt:\/\//);
    }
  });

  it('saves the connection an admin chooses (validated) and applies it at once; operators may not change it', async () => {
    const settings = createMemorySettingsStore();
    core = await startBoothCore({ settings, logger: silentLogger, env: {} });
    const bad = await core.router.invoke(
      'connection.configure',
      { profile: 'booth', region: 'moon-1', stackName: 'lunora-booth' },
      { role: 'admin' },
    );
    expect(bad).toMatchObject({ ok: false, code: 'invalid-input' });
    const operator = await core.router.invoke(
      'connection.configure',
      { profile: 'booth', region: 'eu-west-1', stackName: 'lunora-booth' },
      { role: 'operator' },
    );
    expect(operator).toMatchObject({ ok: false, code: 'forbidden' });
    const other = await core.router.invoke(
      'connection.configure',
      { profile: null, region: null, stackName: 'show-stack' },
      { role: 'admin' },
    );
    expect(other).toMatchObject({
      ok: true,
      data: { saved: { profile: null, region: null, stackName: 'show-stack' }, connection: { status: 'failed' } },
    });
    expect(settings.get().connection).toEqual({
      profile: null,
      region: null,
      stackName: 'show-stack',
      ssoSessionMinutes: 480,
    });
    const listed = await core.router.invoke('connection.profiles', {}, { role: 'operator' });
    expect(listed).toMatchObject({ ok: true, data: { saved: { stackName: 'show-stack' } } });
  });
});
