import {
  GetCommand,
  PutCommand,
  UpdateCommand,
  paginateScan,
  type DynamoDBDocumentClient,
} from '@aws-sdk/lib-dynamodb';
import { z } from 'zod';
import { BoothError, isBoothError } from '../../../shared/domain/errors';
import { callAws } from '../../aws/retry';
import type { Logger } from '../logger';
import {
  DestinationCreateSchema,
  DestinationUpdateSchema,
  fieldErrors,
  slugId,
} from '../../../shared/domain/destination-inputs';

export { fieldErrors };

/**
 * A destinations-table record as the console reads it. Older records may lack the channel fields (plan, section 2.2).
 * `z.object` strips unknown attributes, so a stream key an old version stored never leaves this module.
 */
export const DestinationRecordSchema = z.object({
  id: z.string().min(1),
  platform: z.string().min(1),
  name: z.string().min(1),
  preset_id: z.string().nullish(),
  medialive_channel_id: z.string().nullish(),
  medialive_channel_arn: z.string().nullish(),
  channel_status: z.string().nullish(),
  last_channel_sync: z.string().nullish(),
  is_active: z.boolean().optional(),
  sort_order: z.number().optional(),
  created_at: z.string().optional(),
  updated_at: z.string().optional(),
  version: z.number().optional(),
});
export type DestinationRecord = z.infer<typeof DestinationRecordSchema>;

/** The order operators expect: Primary first, then the seeded platforms, then what admins added, by name. */
const PLATFORM_ORDER = ['primary', 'youtube', 'twitch', 'linkedin', 'custom'];

export function orderDestinations(records: DestinationRecord[]): DestinationRecord[] {
  const rank = (r: DestinationRecord) => {
    if (r.sort_order !== undefined) return r.sort_order;
    const index = PLATFORM_ORDER.indexOf(r.id);
    return index === -1 ? PLATFORM_ORDER.length : index;
  };
  return [...records].sort((a, b) => rank(a) - rank(b) || a.name.localeCompare(b.name));
}

/** The edit lost a race or named an old version: nothing was written; `current` is the newer record. */
export class DestinationConflictError extends BoothError {
  readonly current: DestinationRecord | null;
  constructor(id: string, expectedVersion: number, current: DestinationRecord | null) {
    super(
      'conflict',
      current
        ? `Destination "${current.name}" was changed meanwhile (you edited version ${expectedVersion}, it is now version ${current.version ?? '?'}). Nothing was saved: review it and apply your change again.`
        : `Destination ${id} does not exist. Nothing was saved.`,
    );
    this.name = 'DestinationConflictError';
    this.current = current;
  }
}

export class DestinationInputError extends BoothError {
  readonly errors: Array<{ field: string; message: string }>;
  constructor(errors: Array<{ field: string; message: string }>) {
    super('invalid-input', `The destination is not valid: ${errors.map((e) => `${e.field}: ${e.message}`).join('; ')}`);
    this.name = 'DestinationInputError';
    this.errors = errors;
  }
}

export interface DestinationStore {
  listActive(): Promise<DestinationRecord[]>;
  /** Active and retired (the admin's list). */
  listAll(): Promise<DestinationRecord[]>;
  get(id: string): Promise<DestinationRecord | null>;
  create(input: unknown, now?: Date): Promise<DestinationRecord>;
  update(id: string, input: unknown, expectedVersion: number, now?: Date): Promise<DestinationRecord>;
  /** is_active = false (the channel is left alone; deleting it is a stack change). */
  retire(id: string, expectedVersion: number, now?: Date): Promise<DestinationRecord>;
  /** Records what the channel monitor saw; unconditional on version (status fields only). */
  recordChannelStatus(id: string, status: string, now?: Date): Promise<void>;
}

const isConflict = (e: unknown) => isBoothError(e) && e.code === 'conflict';

export function createDestinationStore(
  dynamo: DynamoDBDocumentClient,
  tableName: string,
  logger: Logger,
): DestinationStore {
  async function scan(): Promise<DestinationRecord[]> {
    const records: DestinationRecord[] = [];
    await callAws('Read destinations', async () => {
      records.length = 0;
      for await (const page of paginateScan({ client: dynamo }, { TableName: tableName })) {
        for (const raw of page.Items ?? []) {
          const parsed = DestinationRecordSchema.safeParse(raw);
          if (!parsed.success) {
            logger.warn('destinations: skipped a record that does not match the schema', { id: raw['id'] });
            continue;
          }
          records.push(parsed.data);
        }
      }
    });
    return orderDestinations(records);
  }

  async function get(id: string): Promise<DestinationRecord | null> {
    const out = await callAws('Read destination', () =>
      dynamo.send(new GetCommand({ TableName: tableName, Key: { id }, ConsistentRead: true })),
    );
    if (!out.Item) return null;
    return DestinationRecordSchema.parse(out.Item);
  }

  async function conflict(id: string, expectedVersion: number): Promise<never> {
    throw new DestinationConflictError(id, expectedVersion, await get(id));
  }

  async function create(input: unknown, now = new Date()): Promise<DestinationRecord> {
    const parsed = DestinationCreateSchema.safeParse(input);
    if (!parsed.success) throw new DestinationInputError(fieldErrors(parsed.error));
    const d = parsed.data;
    const stamp = now.toISOString();
    const record: DestinationRecord = {
      id: d.id ?? slugId(d.name),
      platform: d.platform,
      name: d.name,
      preset_id: d.preset_id ?? null,
      medialive_channel_id: d.medialive_channel_id ?? null,
      medialive_channel_arn: d.medialive_channel_arn ?? null,
      channel_status: d.medialive_channel_id ? 'unknown' : 'unassigned',
      is_active: true,
      ...(d.sort_order !== undefined ? { sort_order: d.sort_order } : {}),
      created_at: stamp,
      updated_at: stamp,
      version: 1,
    };
    try {
      await callAws('Add destination', () =>
        dynamo.send(
          new PutCommand({ TableName: tableName, Item: record, ConditionExpression: 'attribute_not_exists(id)' }),
        ),
      );
    } catch (error) {
      if (isConflict(error))
        throw new BoothError(
          'conflict',
          `A destination with id "${record.id}" already exists; choose another name or id.`,
        );
      throw error;
    }
    logger.info('destinations: added', { id: record.id, platform: record.platform });
    return record;
  }

  async function update(
    id: string,
    input: unknown,
    expectedVersion: number,
    now = new Date(),
  ): Promise<DestinationRecord> {
    const parsed = DestinationUpdateSchema.safeParse(input);
    if (!parsed.success) throw new DestinationInputError(fieldErrors(parsed.error));
    const entries = Object.entries(parsed.data).filter(([, v]) => v !== undefined);
    const names: Record<string, string> = { '#v': 'version' };
    const values: Record<string, unknown> = {
      ':expected': expectedVersion,
      ':next': expectedVersion + 1,
      ':now': now.toISOString(),
    };
    const sets = ['#v = :next', 'updated_at = :now'];
    entries.forEach(([key, value], i) => {
      names[`#f${i}`] = key;
      values[`:f${i}`] = value;
      sets.push(`#f${i} = :f${i}`);
    });
    try {
      const out = await callAws('Save destination', () =>
        dynamo.send(
          new UpdateCommand({
            TableName: tableName,
            Key: { id },
            UpdateExpression: `SET ${sets.join(', ')}`,
            ConditionExpression: 'attribute_exists(id) AND #v = :expected',
            ExpressionAttributeNames: names,
            ExpressionAttributeValues: values,
            ReturnValues: 'ALL_NEW',
          }),
        ),
      );
      return DestinationRecordSchema.parse(out.Attributes);
    } catch (error) {
      if (isConflict(error)) return conflict(id, expectedVersion);
      throw error;
    }
  }

  async function retire(id: string, expectedVersion: number, now = new Date()): Promise<DestinationRecord> {
    try {
      const out = await callAws('Retire destination', () =>
        dynamo.send(
          new UpdateCommand({
            TableName: tableName,
            Key: { id },
            UpdateExpression: 'SET is_active = :no, #v = :next, updated_at = :now',
            ConditionExpression: 'attribute_exists(id) AND #v = :expected',
            ExpressionAttributeNames: { '#v': 'version' },
            ExpressionAttributeValues: {
              ':no': false,
              ':next': expectedVersion + 1,
              ':expected': expectedVersion,
              ':now': now.toISOString(),
            },
            ReturnValues: 'ALL_NEW',
          }),
        ),
      );
      logger.info('destinations: retired', { id });
      return DestinationRecordSchema.parse(out.Attributes);
    } catch (error) {
      if (isConflict(error)) return conflict(id, expectedVersion);
      throw error;
    }
  }

  async function recordChannelStatus(id: string, status: string, now = new Date()): Promise<void> {
    await callAws('Record channel status', () =>
      dynamo.send(
        new UpdateCommand({
          TableName: tableName,
          Key: { id },
          UpdateExpression: 'SET channel_status = :s, last_channel_sync = :now',
          ConditionExpression: 'attribute_exists(id)',
          ExpressionAttributeValues: { ':s': status, ':now': now.toISOString() },
        }),
      ),
    );
  }

  return {
    async listActive() {
      return (await scan()).filter((r) => r.is_active !== false);
    },
    listAll: scan,
    get,
    create,
    update,
    retire,
    recordChannelStatus,
  };
}
