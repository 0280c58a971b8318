import { GetCommand, PutCommand, UpdateCommand, paginateScan } from '@aws-sdk/lib-dynamodb';
import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { BoothError, isBoothError } from '../../../shared/domain/errors';
import { PresetSchema, type Preset } from '../../../shared/domain/preset';
import { validatePreset, validatePresetDraft, type FieldError } from '../../../shared/domain/preset-validation';
import { callAws } from '../../aws/retry';
import type { Logger } from '../logger';
import { DEFAULT_PRESETS } from './default-presets';
import { PresetConflictError, PresetValidationError } from './preset-errors';

export { PresetConflictError, PresetValidationError } from './preset-errors';

export interface PresetWriteResult {
  preset: Preset;
  /** Accepted, but worth showing (e.g. a GOP shorter than the platform's keyframe interval). */
  warnings: FieldError[];
}

export interface PresetStore {
  /** Writes the defaults that are not there yet; never overwrites one an admin edited or deleted. */
  seedDefaults(now?: Date): Promise<{ created: number }>;
  listActive(platform?: Preset['platform']): Promise<Preset[]>;
  /** Strongly consistent read; null when there is no such preset (soft-deleted ones are returned). */
  get(presetId: string): Promise<Preset | null>;
  /** Validates (throws PresetValidationError) and writes a new preset with a generated id, version 1. */
  create(input: unknown, createdBy: string, now?: Date): Promise<PresetWriteResult>;
  /** Replaces the editable fields if the stored version is `expectedVersion`; else PresetConflictError with the newer record. */
  update(presetId: string, input: unknown, expectedVersion: number, now?: Date): Promise<PresetWriteResult>;
  /** is_active = false, conditional on the version. */
  softDelete(presetId: string, expectedVersion: number, now?: Date): Promise<Preset>;
}

/** The order for a platform: the platform's own presets first, then defaults, then by name. */
export function orderForPlatform(presets: Preset[], platform: Preset['platform'] | undefined): Preset[] {
  const rank = (preset: Preset) => (platform && preset.platform === platform ? 0 : 1);
  return [...presets].sort(
    (a, b) => rank(a) - rank(b) || Number(b.is_default) - Number(a.is_default) || a.name.localeCompare(b.name),
  );
}

/** "preset_twitch_night_show_3f9a1c2b": readable, unique (random suffix), within the 128-character key limit. */
function newPresetId(
  platform: string,
  name: string,
  random: () => string = () => globalThis.crypto.randomUUID(),
): string {
  const slug = name
    .toLowerCase()
    .normalize('NFKD')
    .replace(/[^a-z0-9]+/g, '_')
    .replace(/^_+|_+$/g, '')
    .slice(0, 48);
  return `preset_${platform}_${slug || 'custom'}_${random().replace(/-/g, '').slice(0, 8)}`;
}

const isConflict = (error: unknown): boolean => isBoothError(error) && error.code === 'conflict';

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
            new PutCommand({
              TableName: tableName,
              Item: item,
              ConditionExpression: 'attribute_not_exists(preset_id)',
            }),
          ),
        );
        created += 1;
      } catch (error) {
        // Already there (a previous start, or another console starting at the same moment): leave it as it is.
        if (isConflict(error)) continue;
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

  async function get(presetId: string): Promise<Preset | null> {
    const out = await callAws('Read preset', () =>
      dynamo.send(new GetCommand({ TableName: tableName, Key: { preset_id: presetId }, ConsistentRead: true })),
    );
    if (!out.Item) return null;
    const parsed = PresetSchema.safeParse(out.Item);
    if (!parsed.success) {
      logger.warn('presets: stored record does not match the schema', { preset_id: presetId });
      throw new BoothError('internal', `Preset ${presetId} is stored in a shape the console does not understand.`);
    }
    return parsed.data;
  }

  /** After a failed condition: read the newer record and report it. */
  async function conflict(presetId: string, expectedVersion: number): Promise<never> {
    const current = await get(presetId);
    logger.info('presets: edit refused, version moved on', {
      preset_id: presetId,
      expectedVersion,
      currentVersion: current?.version,
    });
    throw new PresetConflictError(presetId, expectedVersion, current);
  }

  async function create(input: unknown, createdBy: string, now = new Date()): Promise<PresetWriteResult> {
    const draft = validatePresetDraft(input);
    if (!draft.ok) throw new PresetValidationError(draft.errors);
    const stamp = now.toISOString();
    const preset: Preset = {
      ...draft.preset,
      preset_id: newPresetId(draft.preset.platform, draft.preset.name),
      is_active: true,
      created_by: createdBy,
      created_at: stamp,
      updated_at: stamp,
      version: 1,
    };
    await callAws('Create preset', () =>
      dynamo.send(
        new PutCommand({ TableName: tableName, Item: preset, ConditionExpression: 'attribute_not_exists(preset_id)' }),
      ),
    );
    logger.info('presets: created', { preset_id: preset.preset_id, by: createdBy });
    return { preset, warnings: draft.warnings };
  }

  async function update(
    presetId: string,
    input: unknown,
    expectedVersion: number,
    now = new Date(),
  ): Promise<PresetWriteResult> {
    const draft = validatePresetDraft(input);
    if (!draft.ok) throw new PresetValidationError(draft.errors);
    const current = await get(presetId);
    if (!current || current.version !== expectedVersion || !current.is_active)
      return conflict(presetId, expectedVersion);
    const next: Preset = {
      ...draft.preset,
      preset_id: presetId,
      is_active: true,
      created_by: current.created_by,
      created_at: current.created_at,
      updated_at: now.toISOString(),
      version: expectedVersion + 1,
    };
    const checked = validatePreset(next);
    if (!checked.ok) throw new PresetValidationError(checked.errors);
    try {
      await callAws('Save preset', () =>
        dynamo.send(
          new PutCommand({
            TableName: tableName,
            Item: next,
            ConditionExpression: 'attribute_exists(preset_id) AND #v = :expected AND is_active = :active',
            ExpressionAttributeNames: { '#v': 'version' },
            ExpressionAttributeValues: { ':expected': expectedVersion, ':active': true },
          }),
        ),
      );
    } catch (error) {
      if (isConflict(error)) return conflict(presetId, expectedVersion);
      throw error;
    }
    logger.info('presets: updated', { preset_id: presetId, version: next.version });
    return { preset: next, warnings: draft.warnings };
  }

  async function softDelete(presetId: string, expectedVersion: number, now = new Date()): Promise<Preset> {
    try {
      const out = await callAws('Delete preset', () =>
        dynamo.send(
          new UpdateCommand({
            TableName: tableName,
            Key: { preset_id: presetId },
            UpdateExpression: 'SET is_active = :inactive, updated_at = :now, #v = :next',
            ConditionExpression: 'attribute_exists(preset_id) AND #v = :expected',
            ExpressionAttributeNames: { '#v': 'version' },
            ExpressionAttributeValues: {
              ':inactive': false,
              ':now': now.toISOString(),
              ':next': expectedVersion + 1,
              ':expected': expectedVersion,
            },
            ReturnValues: 'ALL_NEW',
          }),
        ),
      );
      logger.info('presets: soft-deleted', { preset_id: presetId });
      return PresetSchema.parse(out.Attributes);
    } catch (error) {
      if (isConflict(error)) return conflict(presetId, expectedVersion);
      throw error;
    }
  }

  return { seedDefaults, listActive, get, create, update, softDelete };
}
