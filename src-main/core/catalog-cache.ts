import { z } from 'zod';
import { isBoothError } from '../../shared/domain/errors';
import { PresetSchema, type Preset } from '../../shared/domain/preset';
import {
  DestinationRecordSchema,
  orderDestinations,
  type DestinationRecord,
  type DestinationStore,
} from './destinations/destination-store';
import type { Logger } from './logger';
import { orderForPlatform, type PresetStore } from './presets/preset-store';
import type { SettingsStore } from './settings';

/** Failures after which the last good copy is better than nothing: AWS could not be reached or would not answer. */
const UNREACHABLE = new Set(['network', 'timeout', 'unavailable', 'throttled', 'expired-credentials', 'access-denied']);

export const CatalogCacheSchema = z.object({
  at: z.number(),
  presets: z.array(PresetSchema),
  destinations: z.array(DestinationRecordSchema),
});
export type CatalogCacheData = z.infer<typeof CatalogCacheSchema>;

/**
 * The presets and destinations as last read from DynamoDB, kept in the local settings (no secrets are
 * in either: stream keys live on the channels). When DynamoDB cannot be reached the console shows this
 * copy, says since when, and the admin window stays read-only until DynamoDB answers again.
 */
export class OfflineCatalog {
  /** When the copy in use was taken; null while DynamoDB answers. */
  servedFromCacheAt: number | null = null;

  constructor(
    private readonly settings: SettingsStore,
    private readonly logger: Logger,
    private readonly now: () => number = Date.now,
  ) {}

  private load(): CatalogCacheData | null {
    const parsed = CatalogCacheSchema.safeParse(this.settings.get().catalogCache);
    return parsed.success ? parsed.data : null;
  }

  private save(part: Partial<Pick<CatalogCacheData, 'presets' | 'destinations'>>): void {
    const previous = this.load() ?? { at: this.now(), presets: [], destinations: [] };
    this.settings.update((current) => ({ ...current, catalogCache: { ...previous, ...part, at: this.now() } }));
  }

  private async read<T>(
    what: 'presets' | 'destinations',
    live: () => Promise<T>,
    fromCache: (cache: CatalogCacheData) => T,
    store: (value: T) => void,
  ): Promise<T> {
    try {
      const value = await live();
      store(value);
      this.servedFromCacheAt = null;
      return value;
    } catch (error) {
      const cache = this.load();
      if (!cache || !isBoothError(error) || !UNREACHABLE.has(error.code)) throw error;
      if (this.servedFromCacheAt === null)
        this.logger.warn(`catalog: DynamoDB unreachable; serving cached ${what}`, {
          code: error.code,
          cachedAt: cache.at,
        });
      this.servedFromCacheAt = cache.at;
      return fromCache(cache);
    }
  }

  presets(store: PresetStore): PresetStore {
    return {
      ...store,
      listActive: (platform) =>
        this.read(
          'presets',
          () => store.listActive(platform),
          (cache) =>
            orderForPlatform(
              cache.presets.filter(
                (p) => p.is_active && (!platform || p.platform === platform || p.type === 'generic'),
              ),
              platform,
            ),
          (presets: Preset[]) => {
            if (!platform) this.save({ presets });
          },
        ),
    };
  }

  destinations(store: DestinationStore): DestinationStore {
    return {
      ...store,
      listActive: () =>
        this.read(
          'destinations',
          () => store.listAll(),
          (cache) => cache.destinations,
          (destinations: DestinationRecord[]) => this.save({ destinations }),
        ).then((all) => orderDestinations(all.filter((d) => d.is_active !== false))),
      listAll: () =>
        this.read(
          'destinations',
          () => store.listAll(),
          (cache) => cache.destinations,
          (destinations) => this.save({ destinations }),
        ),
    };
  }
}
