import { randomUUID } from 'node:crypto';
import {
  DeleteCommand,
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
import type { StackTopology } from '../stack/stack-outputs';
import { channelIdOf } from './configured-destinations';
import { orderDestinations as orderByAdmin, reorderProblems } from '../../../shared/domain/destination-order';
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
  is_active: z.boolean().optional(),
  sort_order: z.number().optional(),
  created_at: z.string().optional(),
  updated_at: z.string().optional(),
  version: z.number().optional(),
});
export type DestinationRecord = z.infer<typeof DestinationRecordSchema>;

/** The order every console shows: the admin's `sort_order`, else natural order by name (shared/domain). */
export function orderDestinations(records: DestinationRecord[]): DestinationRecord[] {
  return orderByAdmin(records);
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
  /**
   * Stores the order of the active destinations (`order`: every active id once), if it is still `basis` (the order
   * the admin saw); else nothing is written and a conflict says so. Returns every record (active and retired), ordered.
   */
  reorder(order: readonly string[], basis: readonly string[], now?: Date): Promise<DestinationRecord[]>;
}

/** Another admin changed the order (or added or retired a destination) since this admin read it: nothing was saved. */
class DestinationOrderConflictError extends BoothError {
  constructor(message: string) {
    super('conflict', message);
    this.name = 'DestinationOrderConflictError';
  }
}

const isConflict = (e: unknown) => isBoothError(e) && e.code === 'conflict';

/**
 * One MediaLive channel belongs to one active destination: two would share its stream key and one take would put both
 * on air. The table holds a claim item per channel (`channel#<id>`, never a destination id: those have no `#`), written
 * with a condition, so of two admins adding destinations on the same channel at once only one wins.
 */
const CLAIM_PREFIX = 'channel#';
const claimKey = (channelId: string) => `${CLAIM_PREFIX}${channelId}`;
/** A claim this young is held even when its destination is not (yet) written: its admin is still saving it. */
const CLAIM_GRACE_MS = 120_000;
const ClaimSchema = z.object({ id: z.string(), owner: z.string(), claimed_at: z.string() });

/**
 * The lease an admin holds while writing a new order (`order#lease`): two admins reordering at once are serialised,
 * the second is told and writes nothing. It expires, so a console that crashes mid-write never blocks the next one.
 */
const ORDER_LEASE_ID = 'order#lease';
const ORDER_LEASE_MS = 30_000;

/**
 * Whether a table item is a console's own bookkeeping (a channel claim, the order lease) rather than a destination:
 * destination ids never contain `#`.
 */
export const isChannelClaim = (item: Record<string, unknown>) =>
  typeof item['id'] === 'string' && (item['id'].startsWith(CLAIM_PREFIX) || item['id'].includes('#'));

const sameName = (a: string, b: string) => a.trim().toLocaleLowerCase() === b.trim().toLocaleLowerCase();

function taken(field: string, message: string): DestinationInputError {
  return new DestinationInputError([{ field, message }]);
}

const channelTaken = (channelId: string, holder: string) =>
  taken(
    'medialive_channel_id',
    `Channel ${channelId} is already used by ${holder}: one channel can feed only one destination (they would share its stream key and go on air together). Pick another channel, or retire ${holder} first.`,
  );

export function createDestinationStore(
  dynamo: DynamoDBDocumentClient,
  tableName: string,
  logger: Logger,
  /** The stack's ChannelId outputs: a record without its own channel uses the stack's for its id. */
  stack?: StackTopology,
): DestinationStore {
  const effectiveChannel = (record: Pick<DestinationRecord, 'id' | 'medialive_channel_id'>) =>
    stack ? channelIdOf(record, stack) : (record.medialive_channel_id ?? null);

  /**
   * Every record, ordered. `consistent`: a strongly consistent Scan, which contains every write completed before it
   * began ("Scan", Amazon DynamoDB API Reference: https://docs.aws.amazon.com/amazondynamodb/latest/APIReference/API_Scan.html).
   */
  async function scan(consistent = false): Promise<DestinationRecord[]> {
    const records: DestinationRecord[] = [];
    await callAws('Read destinations', async () => {
      records.length = 0;
      for await (const page of paginateScan(
        { client: dynamo },
        { TableName: tableName, ...(consistent ? { ConsistentRead: true } : {}) },
      )) {
        for (const raw of page.Items ?? []) {
          if (isChannelClaim(raw)) continue;
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

  /** Refuses a name or a channel another active destination already has (records written before claims existed). */
  function refuseClashes(
    records: DestinationRecord[],
    selfId: string | null,
    name: string | undefined,
    channelId: string | null,
  ) {
    const others = records.filter((r) => r.id !== selfId && r.is_active !== false);
    if (name !== undefined) {
      const twin = others.find((r) => sameName(r.name, name));
      if (twin) throw taken('name', `A destination named "${twin.name}" already exists: choose another name.`);
    }
    if (channelId) {
      const holder = others.find((r) => effectiveChannel(r) === channelId);
      if (holder) throw channelTaken(channelId, holder.name);
    }
  }

  /** Takes the channel's claim for `owner`; a stale claim (its destination retired, moved or never written) is taken over. */
  async function claim(channelId: string, owner: string, now: Date): Promise<void> {
    const item = { id: claimKey(channelId), owner, claimed_at: now.toISOString() };
    const put = (condition: string, values: Record<string, unknown>) =>
      callAws('Claim channel', () =>
        dynamo.send(
          new PutCommand({
            TableName: tableName,
            Item: item,
            ConditionExpression: condition,
            ExpressionAttributeNames: { '#o': 'owner' },
            ExpressionAttributeValues: values,
          }),
        ),
      );
    try {
      await put('attribute_not_exists(id) OR #o = :me', { ':me': owner });
      return;
    } catch (error) {
      if (!isConflict(error)) throw error;
    }
    const out = await callAws('Read channel claim', () =>
      dynamo.send(new GetCommand({ TableName: tableName, Key: { id: item.id }, ConsistentRead: true })),
    );
    const current = ClaimSchema.safeParse(out.Item);
    if (!current.success) throw new BoothError('conflict', `Channel ${channelId} changed hands meanwhile; try again.`);
    const holder = await get(current.data.owner);
    const young = now.getTime() - Date.parse(current.data.claimed_at) < CLAIM_GRACE_MS;
    if (young || (holder && holder.is_active !== false && effectiveChannel(holder) === channelId))
      throw channelTaken(channelId, holder?.name ?? `"${current.data.owner}" (being added right now)`);
    try {
      await put('#o = :stale', { ':stale': current.data.owner });
      logger.info('destinations: took over a stale channel claim', { channelId, from: current.data.owner, to: owner });
    } catch (error) {
      if (isConflict(error))
        throw new BoothError('conflict', `Channel ${channelId} changed hands meanwhile; try again.`);
      throw error;
    }
  }

  /** Gives the claim back if `owner` still holds it; a failure only leaves a stale claim, which the next claim takes over. */
  async function release(channelId: string, owner: string): Promise<void> {
    try {
      await callAws('Release channel claim', () =>
        dynamo.send(
          new DeleteCommand({
            TableName: tableName,
            Key: { id: claimKey(channelId) },
            ConditionExpression: '#o = :me',
            ExpressionAttributeNames: { '#o': 'owner' },
            ExpressionAttributeValues: { ':me': owner },
          }),
        ),
      );
    } catch (error) {
      if (!isConflict(error))
        logger.warn('destinations: could not release a channel claim', {
          channelId,
          owner,
          error: error instanceof Error ? error.message : String(error),
        });
    }
  }

  async function create(input: unknown, now = new Date()): Promise<DestinationRecord> {
    const parsed = DestinationCreateSchema.safeParse(input);
    if (!parsed.success) throw new DestinationInputError(fieldErrors(parsed.error));
    const d = parsed.data;
    const stamp = now.toISOString();
    const existing = await scan();
    // Once an admin has set an order, a new destination goes last; without one it takes its natural place by name.
    const placed = existing.filter((r) => r.is_active !== false && r.sort_order !== undefined);
    const sortOrder =
      d.sort_order ?? (placed.length > 0 ? Math.max(...placed.map((r) => r.sort_order ?? 0)) + 1 : undefined);
    const record: DestinationRecord = {
      id: d.id ?? slugId(d.name),
      platform: d.platform,
      name: d.name,
      preset_id: d.preset_id ?? null,
      medialive_channel_id: d.medialive_channel_id ?? null,
      medialive_channel_arn: d.medialive_channel_arn ?? null,
      is_active: true,
      ...(sortOrder !== undefined ? { sort_order: sortOrder } : {}),
      created_at: stamp,
      updated_at: stamp,
      version: 1,
    };
    const channelId = effectiveChannel(record);
    refuseClashes(existing, null, record.name, channelId);
    if (channelId) await claim(channelId, record.id, now);
    try {
      await callAws('Add destination', () =>
        dynamo.send(
          new PutCommand({ TableName: tableName, Item: record, ConditionExpression: 'attribute_not_exists(id)' }),
        ),
      );
    } catch (error) {
      if (channelId) await release(channelId, record.id);
      if (isConflict(error)) {
        const existing = await get(record.id);
        const what = existing ? `"${existing.name}"${existing.is_active === false ? ' (retired)' : ''}` : 'another';
        throw taken(
          'name',
          `The name gives the id "${record.id}", which destination ${what} already has: choose another name.`,
        );
      }
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
    // One read for the record and its neighbours; the version is checked again by the conditional write.
    const records = await scan();
    const before = records.find((r) => r.id === id);
    if (!before || before.version !== expectedVersion) return conflict(id, expectedVersion);
    const oldChannel = effectiveChannel(before);
    const newChannel =
      parsed.data.medialive_channel_id === undefined
        ? oldChannel
        : effectiveChannel({ id, medialive_channel_id: parsed.data.medialive_channel_id });
    const moving = newChannel !== oldChannel;
    refuseClashes(records, id, parsed.data.name, moving ? newChannel : null);
    if (moving && newChannel) await claim(newChannel, id, now);
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
      if (moving && oldChannel) await release(oldChannel, id);
      return DestinationRecordSchema.parse(out.Attributes);
    } catch (error) {
      if (moving && newChannel) await release(newChannel, id);
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
      const retired = DestinationRecordSchema.parse(out.Attributes);
      const channelId = effectiveChannel(retired);
      if (channelId) await release(channelId, id);
      return retired;
    } catch (error) {
      if (isConflict(error)) return conflict(id, expectedVersion);
      throw error;
    }
  }

  /** Takes the order lease (a conditional put: free, or expired); false when another admin holds it. */
  async function takeOrderLease(owner: string, now: Date): Promise<boolean> {
    try {
      await callAws('Lock the destination order', () =>
        dynamo.send(
          new PutCommand({
            TableName: tableName,
            Item: { id: ORDER_LEASE_ID, owner, until: now.getTime() + ORDER_LEASE_MS },
            // Conditional put ("Condition expressions", Amazon DynamoDB Developer Guide:
            // https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/Expressions.ConditionExpressions.html).
            ConditionExpression: 'attribute_not_exists(id) OR #u < :now',
            ExpressionAttributeNames: { '#u': 'until' },
            ExpressionAttributeValues: { ':now': now.getTime() },
          }),
        ),
      );
      return true;
    } catch (error) {
      if (isConflict(error)) return false;
      throw error;
    }
  }

  async function releaseOrderLease(owner: string): Promise<void> {
    try {
      await callAws('Unlock the destination order', () =>
        dynamo.send(
          new DeleteCommand({
            TableName: tableName,
            Key: { id: ORDER_LEASE_ID },
            ConditionExpression: '#o = :me',
            ExpressionAttributeNames: { '#o': 'owner' },
            ExpressionAttributeValues: { ':me': owner },
          }),
        ),
      );
    } catch (error) {
      // Expired and taken by the next admin, or unreachable: the lease runs out on its own.
      if (!isConflict(error))
        logger.warn('destinations: could not release the order lease', {
          error: error instanceof Error ? error.message : String(error),
        });
    }
  }

  /**
   * One conditional write per record whose place changes (sort_order only: the version, which guards the admin's form
   * edits, is left alone, so moving a destination never refuses someone's edit of its name). The condition is the
   * sort_order read under the lease, so a write that is not ours in between is never overwritten.
   */
  async function reorder(
    order: readonly string[],
    basis: readonly string[],
    now = new Date(),
  ): Promise<DestinationRecord[]> {
    const first = await scan(true);
    const active = first.filter((r) => r.is_active !== false);
    const precheck = reorderProblems(active, order, basis);
    if (precheck.invalid.length > 0) throw new DestinationInputError(precheck.invalid);
    if (precheck.changedMeanwhile)
      throw new DestinationOrderConflictError(
        'The destinations changed since you read them (another admin moved, added or retired one). Nothing was saved: the list now shows the current order; move them again.',
      );
    const owner = `reorder-${randomUUID()}`;
    if (!(await takeOrderLease(owner, now)))
      throw new DestinationOrderConflictError(
        'Another admin is saving an order of the destinations right now. Nothing was saved: the list now shows the current order; move them again if needed.',
      );
    try {
      // Read again under the lease: an order saved between the first read and the lease wins.
      const records = await scan(true);
      const current = records.filter((r) => r.is_active !== false);
      const check = reorderProblems(current, order, basis);
      if (check.changedMeanwhile || check.invalid.length > 0)
        throw new DestinationOrderConflictError(
          'Another admin changed the order at the same moment; theirs was saved first. Nothing of yours was saved: the list now shows their order.',
        );
      const byId = new Map(current.map((r) => [r.id, r]));
      let index = 0;
      for (const id of order) {
        const record = byId.get(id)!;
        const next = index;
        index += 1;
        if (record.sort_order === next) continue;
        await callAws('Save destination order', () =>
          dynamo.send(
            new UpdateCommand({
              TableName: tableName,
              Key: { id },
              UpdateExpression: 'SET sort_order = :next, updated_at = :now',
              ConditionExpression:
                record.sort_order === undefined
                  ? 'attribute_exists(id) AND attribute_not_exists(sort_order)'
                  : 'attribute_exists(id) AND sort_order = :was',
              ExpressionAttributeValues: {
                ':next': next,
                ':now': now.toISOString(),
                ...(record.sort_order === undefined ? {} : { ':was': record.sort_order }),
              },
            }),
          ),
        ).catch((error: unknown) => {
          if (isConflict(error))
            throw new DestinationOrderConflictError(
              `"${record.name}" was changed while the order was being saved; part of the order may be saved. The list now shows what is stored: check it and move again if needed.`,
            );
          throw error;
        });
      }
      logger.info('destinations: order saved', { count: order.length });
      return await scan(true);
    } finally {
      await releaseOrderLease(owner);
    }
  }

  return {
    reorder,
    async listActive() {
      return (await scan()).filter((r) => r.is_active !== false);
    },
    listAll: scan,
    get,
    create,
    update,
    retire,
  };
}
