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
    expect(byId(report, 'identity')?.detail).toContain('123456789012');
    expect(byId(report, 'flow-sources')?.detail).toMatch(/main: .*:9998.*backup: .*:9999/);
    expect(byId(report, 'perm-sessions')?.status).toBe('pass');
    for (const dest of ['primary', 'youtube', 'twitch', 'linkedin', 'custom'])
      expect(byId(report, `destination-${dest}`)?.status).toBe('pass');
    expect(report.items.filter((i) => i.group === 'tables').map((i) => i.status)).toEqual(['pass', 'pass', 'pass']);
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

  it('refuses a malformed show end', async () => {
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

  it('saves the connection an admin chooses (validated), for the next start; operators may not change it', async () => {
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
    const same = await core.router.invoke(
      'connection.configure',
      { profile: null, region: 'us-east-1', stackName: 'lunora-booth' },
      { role: 'admin' },
    );
    expect(same).toMatchObject({ ok: true, data: { restartRequired: false } });
    const other = await core.router.invoke(
      'connection.configure',
      { profile: 'booth', region: 'eu-west-1', stackName: 'show-stack' },
      { role: 'admin' },
    );
    expect(other).toMatchObject({
      ok: true,
      data: { restartRequired: true, saved: { profile: 'booth', region: 'eu-west-1', stackName: 'show-stack' } },
    });
    expect(settings.get().connection).toEqual({ profile: 'booth', region: 'eu-west-1', stackName: 'show-stack' });
    const listed = await core.router.invoke('connection.profiles', {}, { role: 'operator' });
    expect(listed).toMatchObject({ ok: true, data: { saved: { profile: 'booth' } } });
  });
});
