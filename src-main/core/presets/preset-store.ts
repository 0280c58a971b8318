import { PutCommand, paginateScan } from '@aws-sdk/lib-dynamodb';
import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { PresetSchema, type Preset } from '../../../shared/domain/preset';
import { callAws } from '../../aws/retry';
import type { Logger } from '../logger';
import { DEFAULT_PRESETS } from './default-presets';

export interface PresetStore {
  /** Writes the defaults that are not there yet; never overwrites one an admin edited. */
  seedDefaults(now?: Date): Promise<{ created: number }>;
  listActive(platform?: Preset['platform']): Promise<Preset[]>;
}

/** The plan's order for a platform: the platform's own presets first, then defaults, then by name. */
export function orderForPlatform(presets: Preset[], platform: Preset['platform'] | undefined): Preset[] {
  const rank = (preset: Preset) => (platform && preset.platform === platform ? 0 : 1);
  return [...presets].sort(
    (a, b) => rank(a) - rank(b) || Number(b.is_default) - Number(a.is_default) || a.name.localeCompare(b.name),
  );
}

export function createPresetStore(dynamo: DynamoDBDocumentClient, tableName: string, logger: Logger): PresetStore {
  async function seedDefaults(now = new Date()): Promise<{ created: number }> {
    let created = 0;
    for (const preset of DEFAULT_PRESETS) {
      const item: Preset = {
        ...preset,
        is_active: true,
        created_by: 'system',
        created_at: now.toISOString(),
        updated_at: now.toISOString(),
        version: 1,
      };
      try {
        await callAws('Seed default presets', () =>
          dynamo.send(
            new PutCommand({ TableName: tableName, Item: item, ConditionExpression: 'attribute_not_exists(preset_id)' }),
          ),
        );
        created += 1;
      } catch (error) {
        // Already there (a previous start, or another console starting at the same moment): leave it as it is.
        if ((error as { code?: string }).code === 'conflict') continue;
        throw error;
      }
    }
    return { created };
  }

  async function listActive(platform?: Preset['platform']): Promise<Preset[]> {
    const presets: Preset[] = [];
    await callAws('List presets', async () => {
      presets.length = 0;
      for await (const page of paginateScan({ client: dynamo }, { TableName: tableName })) {
        for (const raw of page.Items ?? []) {
          const parsed = PresetSchema.safeParse(raw);
          if (!parsed.success) {
            logger.warn('presets: skipped a record that does not match the schema', { preset_id: raw['preset_id'] });
            continue;
          }
          if (parsed.data.is_active) presets.push(parsed.data);
        }
      }
    });
    const filtered = platform ? presets.filter((p) => p.platform === platform || p.type === 'generic') : presets;
    return orderForPlatform(filtered, platform);
  }

  return { seedDefaults, listActive };
}
