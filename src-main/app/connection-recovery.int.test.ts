import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { ConnectionInfo } from '../../shared/domain/connection';
import type { DestinationsFeed } from '../../shared/domain/destination';
import type { ReadinessReport } from '../../shared/domain/readiness';
import type { EventChannel } from '../../shared/ipc/channels';
import { silentLogger } from '../core/logger';
import { createMemorySettingsStore } from '../core/settings';
import { startBoothCore, type BoothCore } from './booth-core';

const admin = { role: 'admin' } as const;
const operator = { role: 'operator' } as const;
const FAST = { channelStartMs: 200, channelStopMs: 150, channelUpdateMs: 50 };
const MONITOR = { fastIntervalMs: 50, slowIntervalMs: 100, maxBackoffMs: 200 };

let core: BoothCore | null = null;
const savedConfig = process.env['AWS_CONFIG_FILE'];
const savedProfile = process.env['AWS_PROFILE'];
afterEach(async () => {
  await core?.close();
  core = null;
  for (const [key, value] of [
    ['AWS_CONFIG_FILE', savedConfig],
    ['AWS_PROFILE', savedProfile],
  ] as const) {
    if (value === undefined) delete process.env[key];
    else process.env[key] = value;
  }
});

async function startWithStack(stackName: string): Promise<BoothCore> {
  core = await startBoothCore({
    settings: createMemorySettingsStore({ connection: { profile: null, stackName } }),
    logger: silentLogger,
    env: {},
    simulator: { timings: FAST },
    monitor: MONITOR,
  });
  return core;
}

function events(booth: BoothCore) {
  const seen: Array<{ channel: EventChannel; payload: unknown }> = [];
  booth.router.attach('operator', (channel, payload) => seen.push({ channel, payload }));
  return {
    of: <T>(channel: EventChannel) => seen.filter((e) => e.channel === channel).map((e) => e.payload as T),
  };
}

describe('a stack that cannot be read', () => {
  it('does not stop the console: it runs disconnected and says what failed, naming the stack and the region', async () => {
    const booth = await startWithStack('lunora-boot');
    expect(booth.connection).toMatchObject({ status: 'failed', stackName: 'lunora-boot', region: 'us-east-1' });
    expect(booth.connection.problem).toMatchObject({ kind: 'stack' });
    expect(booth.connection.problem?.message).toBe(
      'There is no stack "lunora-boot" in us-east-1 (the built-in simulator) for these credentials.',
    );
    expect(booth.connection.problem?.message).not.toMatch(/ValidationError|arn:/);

    const snapshot = await booth.router.invoke('destinations.snapshot', {}, operator);
    expect(snapshot).toMatchObject({ ok: false, code: 'not-found' });
    expect(!snapshot.ok && snapshot.message).toMatch(/^Not connected: There is no stack "lunora-boot" in us-east-1/);
    // What needs no AWS still answers.
    expect(await booth.router.invoke('settings.get', {}, operator)).toMatchObject({ ok: true });
    expect(await booth.router.invoke('connection.describe', {}, operator)).toMatchObject({
      ok: true,
      data: { status: 'failed' },
    });

    const report = await booth.router.invoke('readiness.run', {}, admin);
    if (!report.ok) throw new Error(report.message);
    const items = (report.data as ReadinessReport).items;
    expect(items[0]).toMatchObject({ id: 'connection-stack', group: 'connection', status: 'fail' });
    expect(items[0]?.fix).toMatch(/stack name and the region/);
    expect(items.find((i) => i.id === 'stack-status')?.detail).toContain('in us-east-1');
    expect(items.find((i) => i.id === 'identity')?.status).toBe('pass');
    expect((report.data as ReadinessReport).ready).toBe(false);
  });

  it('connects at once when the admin corrects the name: tiles, a newer feed, and no channel touched', async () => {
    const booth = await startWithStack('lunora-boot');
    const seen = events(booth);
    const youtube = booth.simulator!.topology.destinations.find((d) => d.id === 'youtube')!;
    booth.simulator!.control.startChannel(youtube.channelId);

    const fixed = await booth.router.invoke(
      'connection.configure',
      { profile: null, region: null, stackName: 'lunora-booth' },
      admin,
    );
    expect(fixed).toMatchObject({ ok: true, data: { connection: { status: 'connected', problem: null } } });
    expect(seen.of<ConnectionInfo>('connection.changed').map((c) => c.status)).toEqual(['connected']);
    const snapshot = await booth.router.invoke('destinations.snapshot', {}, operator);
    if (!snapshot.ok) throw new Error(snapshot.message);
    const first = snapshot.data as Extract<DestinationsFeed, { kind: 'snapshot' }>;
    expect(first.destinations.map((d) => d.id)).toEqual(['primary', 'youtube', 'twitch', 'linkedin', 'custom']);

    // Another stack and back again: each connection's feed continues the numbering, and nothing was stopped.
    await booth.router.invoke('connection.configure', { profile: null, region: null, stackName: 'gone' }, admin);
    expect(booth.connection.status).toBe('failed');
    await booth.router.invoke(
      'connection.configure',
      { profile: null, region: null, stackName: 'lunora-booth' },
      admin,
    );
    const again = await booth.router.invoke('destinations.snapshot', {}, operator);
    if (!again.ok) throw new Error(again.message);
    expect((again.data as { seq: number }).seq).toBeGreaterThan(first.seq);
    const published = seen.of<DestinationsFeed>('destinations.feed');
    const seqs = published.map((f) => f.seq);
    expect(seqs).toEqual([...seqs].sort((a, b) => a - b));
    expect(booth.simulator!.control.requests({ service: 'medialive', operation: 'StopChannel' })).toEqual([]);
    expect(booth.simulator!.control.requests({ service: 'medialive', operation: 'StartChannel' })).toEqual([]);
  });

  it('retries the same connection on request, e.g. after a refused permission is granted', async () => {
    core = await startBoothCore({
      settings: createMemorySettingsStore(),
      logger: silentLogger,
      env: {},
      simulator: { timings: FAST },
      monitor: MONITOR,
    });
    // The first start worked; a reconnect meets a refusal, a retry after the fix connects.
    core.simulator!.control.addFault({ service: 'cloudformation', kind: 'access-denied', count: 1 });
    await core.router.invoke('connection.configure', { profile: null, region: null, stackName: 'lunora-booth' }, admin);
    expect(core.connection.problem).toMatchObject({ kind: 'access-denied' });
    expect(core.connection.problem?.message).toBe(
      'These credentials may not read stack lunora-booth in us-east-1 (the built-in simulator).',
    );
    const retried = await core.router.invoke('connection.retry', {}, operator);
    expect(retried).toMatchObject({ ok: true, data: { status: 'connected' } });
    expect(core.destinationIds()).toHaveLength(5);
  });

  it('says where to set a region when nothing names one, instead of using us-east-1', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'booth-noregion-'));
    writeFileSync(
      path.join(dir, 'config'),
      '[profile bare]\naws_access_key_id = AKIDBARE\naws_secret_access_key = x\n',
    );
    process.env['AWS_CONFIG_FILE'] = path.join(dir, 'config');
    core = await startBoothCore({
      settings: createMemorySettingsStore({ connection: { profile: 'bare' } }),
      logger: silentLogger,
      env: {},
    });
    expect(core.connection).toMatchObject({ status: 'failed', region: null, problem: { kind: 'region' } });
    expect(core.connection.problem?.fix).toMatch(/Choose the region .*or add "region = …" to profile bare/);
    const report = await core.router.invoke('readiness.run', {}, operator);
    expect(report).toMatchObject({ ok: true, data: { ready: false, items: [{ id: 'connection-region' }] } });
  });
});
