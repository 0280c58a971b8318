import { describe, expect, it } from 'vitest';
import { BoothError } from '../../shared/domain/errors';
import type { Preset } from '../../shared/domain/preset';
import { OfflineCatalog } from './catalog-cache';
import type { DestinationRecord, DestinationStore } from './destinations/destination-store';
import { silentLogger } from './logger';
import { DEFAULT_PRESETS } from './presets/default-presets';
import type { PresetStore } from './presets/preset-store';
import { createMemorySettingsStore } from './settings';

const presets: Preset[] = DEFAULT_PRESETS.map((p) => ({
  ...p,
  is_active: true,
  created_by: 'system',
  created_at: 't',
  updated_at: 't',
  version: 1,
}));
const records: DestinationRecord[] = [
  { id: 'youtube', platform: 'youtube', name: 'YouTube', medialive_channel_id: '1' },
  { id: 'old', platform: 'custom', name: 'Old', is_active: false },
];

function stores(fail: () => BoothError | null) {
  const guard = async <T>(value: T) => {
    const error = fail();
    if (error) throw error;
    return value;
  };
  const presetStore = { listActive: () => guard(presets) } as unknown as PresetStore;
  const destinationStore = {
    listActive: () => guard(records.filter((r) => r.is_active !== false)),
    listAll: () => guard(records),
  } as unknown as DestinationStore;
  return { presetStore, destinationStore };
}

describe('offline catalog', () => {
  it('serves the last good copy when DynamoDB cannot be reached, and says since when', async () => {
    const settings = createMemorySettingsStore();
    let failure: BoothError | null = null;
    const catalog = new OfflineCatalog(settings, silentLogger, () => 1_000);
    const live = stores(() => failure);
    const p = catalog.presets(live.presetStore);
    const d = catalog.destinations(live.destinationStore);
    expect((await d.listActive()).map((r) => r.id)).toEqual(['youtube']);
    expect(await p.listActive()).toHaveLength(7);
    expect(catalog.servedFromCacheAt).toBeNull();

    failure = new BoothError('network', 'AWS could not be reached');
    expect((await d.listActive()).map((r) => r.id)).toEqual(['youtube']);
    expect((await d.listAll()).map((r) => r.id).sort()).toEqual(['old', 'youtube']);
    expect((await p.listActive('twitch'))[0]?.platform).toBe('twitch');
    expect(catalog.servedFromCacheAt).toBe(1_000);

    failure = null;
    await d.listActive();
    expect(catalog.servedFromCacheAt).toBeNull();
  });

  it('does not hide a failure that is not about reaching DynamoDB, nor invent data it never had', async () => {
    const catalog = new OfflineCatalog(createMemorySettingsStore(), silentLogger);
    const live = stores(() => new BoothError('network', 'down'));
    await expect(catalog.destinations(live.destinationStore).listActive()).rejects.toMatchObject({ code: 'network' });
    const settings = createMemorySettingsStore();
    const cached = new OfflineCatalog(settings, silentLogger);
    let failure: BoothError | null = null;
    const s = stores(() => failure);
    await cached.presets(s.presetStore).listActive();
    failure = new BoothError('validation', 'bad request');
    await expect(cached.presets(s.presetStore).listActive()).rejects.toMatchObject({ code: 'validation' });
  });

  it('keeps no secret: the cached copy is the records as read, which carry no stream key', async () => {
    const settings = createMemorySettingsStore();
    const catalog = new OfflineCatalog(settings, silentLogger);
    const live = stores(() => null);
    await catalog.destinations(live.destinationStore).listAll();
    expect(JSON.stringify(settings.get().catalogCache)).not.toMatch(/stream_?key|StreamName/i);
  });
});
