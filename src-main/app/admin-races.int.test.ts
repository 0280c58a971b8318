import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { InvokeOutput } from '../../shared/ipc/contract';
import { silentLogger } from '../core/logger';
import { createMemorySettingsStore } from '../core/settings';
import { startBoothCore, type BoothCore } from './booth-core';

/**
 * Two busy admins (or two hundred requests from runaway windows) writing the same records at once: exactly one write
 * of each round wins, every other is told it lost with the newer version, and the stored record is the winner's.
 */
const admin = { role: 'admin' } as const;
const ROUND = 200;

let core: BoothCore;
beforeAll(async () => {
  core = await startBoothCore({
    settings: createMemorySettingsStore(),
    logger: silentLogger,
    env: {},
    simulator: { timings: { channelStartMs: 200, channelStopMs: 150, channelUpdateMs: 50 } },
    monitor: { fastIntervalMs: 50, slowIntervalMs: 200 },
    // What is tested is who wins, not how fast: 200 sockets opened at once to dynalite on a loaded 2-core machine
    // can take longer than the console's 3 s connection timeout, which would turn a conflict into a timeout.
    aws: { connectionTimeoutMs: 60_000, requestTimeoutMs: 60_000 },
  });
});
afterAll(async () => core?.close());

type Destinations = InvokeOutput<'destinations.listAll'>['destinations'];
const listDestinations = async (): Promise<Destinations> => {
  const out = await core.router.invoke('destinations.listAll', {}, admin);
  if (!out.ok) throw new Error(out.message);
  return (out.data as InvokeOutput<'destinations.listAll'>).destinations;
};

describe(`${ROUND} concurrent admin writes`, () => {
  it('renaming one destination: one wins, the others get a conflict with the winner, nothing is lost or mixed', async () => {
    const before = (await listDestinations()).find((d) => d.id === 'custom')!;
    const results = await Promise.all(
      Array.from({ length: ROUND }, (_, i) =>
        core.router.invoke(
          'destinations.update',
          { id: 'custom', expected_version: before.version!, changes: { name: `Custom RTMP ${i}` } },
          admin,
        ),
      ),
    );
    const outcomes = results.map((r) => (r.ok ? (r.data as { status: string }).status : `failed:${r.code}`));
    expect(outcomes.filter((o) => o === 'saved')).toHaveLength(1);
    expect(outcomes.filter((o) => o === 'conflict')).toHaveLength(ROUND - 1);
    const winner = results.findIndex((r) => r.ok && (r.data as { status: string }).status === 'saved');
    const after = (await listDestinations()).find((d) => d.id === 'custom')!;
    expect(after).toMatchObject({ name: `Custom RTMP ${winner}`, version: before.version! + 1 });
    const lost = results.find((r) => r.ok && (r.data as { status: string }).status === 'conflict');
    expect(lost?.ok && (lost.data as { current: { name: string } | null }).current?.name).toBe(`Custom RTMP ${winner}`);
  });

  it('editing one preset: one wins, the others are told, and the stored preset is the winner', async () => {
    const listed = await core.router.invoke('presets.listAll', {}, admin);
    if (!listed.ok) throw new Error(listed.message);
    const preset = (listed.data as InvokeOutput<'presets.listAll'>).presets.find(
      (p) => p.preset_id === 'preset_generic_720p',
    )!;
    const { preset_id: _id, version, created_at: _c, updated_at: _u, created_by: _b, is_active: _a, ...draft } = preset;
    const results = await Promise.all(
      Array.from({ length: ROUND }, (_, i) =>
        core.router.invoke(
          'presets.update',
          { preset_id: preset.preset_id, expected_version: version, draft: { ...draft, description: `round ${i}` } },
          admin,
        ),
      ),
    );
    const statuses = results.map((r) => (r.ok ? (r.data as { status: string }).status : `failed:${r.code}`));
    expect(statuses.filter((s) => s === 'saved')).toHaveLength(1);
    expect(statuses.filter((s) => s === 'conflict')).toHaveLength(ROUND - 1);
    const winner = statuses.indexOf('saved');
    const again = await core.router.invoke('presets.listAll', {}, admin);
    const stored = again.ok
      ? (again.data as InvokeOutput<'presets.listAll'>).presets.find((p) => p.preset_id === preset.preset_id)
      : undefined;
    expect(stored).toMatchObject({ description: `round ${winner}`, version: version + 1 });
  });
});
