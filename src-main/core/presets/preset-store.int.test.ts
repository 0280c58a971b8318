import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { silentLogger } from '../logger';
import { DEFAULT_PRESETS } from './default-presets';
import { startHarness, type SimHarness } from './test-support/sim-harness';
import { createPresetStore, PresetConflictError, PresetValidationError, type PresetStore } from './preset-store';

let h: SimHarness;
let store: PresetStore;

beforeAll(async () => {
  h = await startHarness();
  store = createPresetStore(h.dynamo, h.sim.topology.tables.presets, silentLogger);
});
afterAll(async () => h?.close());

const twitch = DEFAULT_PRESETS.find((p) => p.preset_id === 'preset_twitch_1080p_60fps')!;
const { preset_id: _id, ...twitchDraft } = twitch;

describe('preset store (dynalite)', () => {
  it('seeds once: two consoles starting together never duplicate or overwrite', async () => {
    const other = createPresetStore(h.dynamo, h.sim.topology.tables.presets, silentLogger);
    const [a, b] = await Promise.all([
      store.seedDefaults(new Date('2025-01-01T00:00:00Z')),
      other.seedDefaults(new Date('2025-01-02T00:00:00Z')),
    ]);
    expect(a.created + b.created).toBe(DEFAULT_PRESETS.length);
    const all = await store.listActive();
    expect(all).toHaveLength(DEFAULT_PRESETS.length);
    expect(new Set(all.map((p) => p.preset_id)).size).toBe(DEFAULT_PRESETS.length);
    // an edited default survives a later start
    const yt = (await store.get('preset_youtube_1080p_optimized'))!;
    await store.update(yt.preset_id, { ...stripMeta(yt), description: 'edited by admin' }, yt.version);
    expect(await store.seedDefaults()).toEqual({ created: 0 });
    expect((await store.get(yt.preset_id))?.description).toBe('edited by admin');
  });

  it('lists for a platform: own first, then defaults, then by name', async () => {
    const list = await store.listActive('twitch');
    expect(list.map((p) => p.preset_id)).toEqual([
      'preset_twitch_1080p_60fps',
      'preset_twitch_720p_standard',
      'preset_generic_720p',
      'preset_generic_1080p',
    ]);
  });

  it('creates a validated preset with a generated id; refuses an invalid one with field errors and writes nothing', async () => {
    const before = (await store.listActive()).length;
    const bad = await store
      .create({ ...twitchDraft, name: 'Bad', video: { ...twitch.video, bitrate: 50_000 } }, 'admin@x')
      .catch((e: unknown) => e);
    expect(bad).toBeInstanceOf(PresetValidationError);
    expect((bad as PresetValidationError).errors).toContainEqual({
      field: 'video.bitrate',
      message: 'the video bitrate is at least 100 kbps',
    });
    expect((await store.listActive()).length).toBe(before);

    const { preset } = await store.create({ ...twitchDraft, name: 'Night Show', is_default: false }, 'admin@x');
    expect(preset.preset_id).toMatch(/^preset_twitch_night_show_[0-9a-f]{8}$/);
    expect(preset).toMatchObject({ version: 1, is_active: true, created_by: 'admin@x' });
    expect(await store.get(preset.preset_id)).toEqual(preset);
  });

  it('two concurrent edits of one preset: one wins, the other gets the conflict with the newer record; no lost update', async () => {
    const { preset } = await store.create({ ...twitchDraft, name: 'Race', is_default: false }, 'admin@x');
    const editA = { ...twitchDraft, name: 'Race', is_default: false, description: 'A' };
    const editB = { ...twitchDraft, name: 'Race', is_default: false, video: { ...twitch.video, bitrate: 5_000_000 } };
    const results = await Promise.allSettled([
      store.update(preset.preset_id, editA, 1),
      store.update(preset.preset_id, editB, 1),
    ]);
    const won = results.filter((r) => r.status === 'fulfilled');
    const lost = results.filter((r): r is PromiseRejectedResult => r.status === 'rejected');
    expect(won).toHaveLength(1);
    expect(lost).toHaveLength(1);
    const err = lost[0]!.reason as PresetConflictError;
    expect(err).toBeInstanceOf(PresetConflictError);
    expect(err.code).toBe('conflict');
    expect(err.current?.version).toBe(2);
    expect(err.message).toMatch(/version 1, it is now version 2/);
    const stored = (await store.get(preset.preset_id))!;
    expect(stored.version).toBe(2);
    expect(stored).toEqual(err.current);
    // the loser redoes the change on top of the newer version: both changes are kept
    await store.update(
      preset.preset_id,
      { ...stripMeta(stored), description: 'A', video: { ...stored.video, bitrate: 5_000_000 } },
      2,
    );
    const final = (await store.get(preset.preset_id))!;
    expect(final).toMatchObject({ version: 3, description: 'A', video: { bitrate: 5_000_000 } });
  });

  it('soft-deletes conditionally; a stale version is a conflict', async () => {
    const { preset } = await store.create({ ...twitchDraft, name: 'Temp', is_default: false }, 'admin@x');
    await expect(store.softDelete(preset.preset_id, 7)).rejects.toBeInstanceOf(PresetConflictError);
    const deleted = await store.softDelete(preset.preset_id, 1);
    expect(deleted).toMatchObject({ is_active: false, version: 2 });
    expect((await store.listActive()).some((p) => p.preset_id === preset.preset_id)).toBe(false);
    await expect(store.update(preset.preset_id, { ...twitchDraft, name: 'Temp' }, 2)).rejects.toBeInstanceOf(
      PresetConflictError,
    );
    await expect(store.softDelete('nope', 1)).rejects.toMatchObject({ code: 'conflict', current: null });
  });
});

function stripMeta(p: Record<string, unknown>) {
  const { preset_id: _a, is_active: _b, created_by: _c, created_at: _d, updated_at: _e, version: _f, ...rest } = p;
  return rest;
}
