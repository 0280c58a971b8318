/**
 * Migration of older destination records (plan, section 2.2): add the channel fields, a version and
 * timestamps, and drop any stream key an old version stored in clear. Always a dry run first; the
 * apply step refuses to run unless an on-demand backup of the table succeeded.
 *
 * dynalite (the simulator's DynamoDB) has no CreateBackup, so `backup` is injectable; the default
 * calls DynamoDB's CreateBackup.
 */
import { CreateBackupCommand, type CreateBackupCommandOutput } from '@aws-sdk/client-dynamodb';
import { paginateScan, UpdateCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { BoothError, isBoothError } from '../../../shared/domain/errors';
import { callAws } from '../../aws/retry';
import type { Logger } from '../logger';
import { isChannelClaim } from './destination-store';

export interface ChannelRef {
  channelId: string;
  channelArn: string;
}

export interface FieldChange {
  field: string;
  from: unknown;
  to: unknown;
}

export interface RecordMigration {
  id: string;
  /** The version seen at dry-run time (undefined: the record had none); the write is conditional on it. */
  seenVersion: number | undefined;
  set: Record<string, unknown>;
  remove: string[];
  /** For the admin: what would change. Secrets appear as "(stream key: removed, not shown)". */
  changes: FieldChange[];
  /** Why a field could not be filled (e.g. no channel for this destination in the stack outputs). */
  notes: string[];
}

export interface MigrationPlan {
  table: string;
  scanned: number;
  records: RecordMigration[];
}

/** Attributes that look like a stream key or password: never kept in DynamoDB. */
const SECRET_ATTRIBUTE = /(stream_?key|stream_?name|password|passphrase|secret)/i;
const SECRET_SHOWN = '(stream key: removed, not shown)';

function planRecordMigration(
  raw: Record<string, unknown>,
  channelFor: (id: string) => ChannelRef | undefined,
  now: Date,
): RecordMigration | null {
  const id = String(raw['id']);
  const set: Record<string, unknown> = {};
  const notes: string[] = [];
  const channel = channelFor(id);
  const missing = (key: string) => raw[key] === undefined || raw[key] === null || raw[key] === '';
  if (missing('medialive_channel_id')) {
    if (channel) set['medialive_channel_id'] = channel.channelId;
    else notes.push('no channel for this destination in the stack outputs: medialive_channel_id left empty');
  }
  if (missing('medialive_channel_arn') && channel) set['medialive_channel_arn'] = channel.channelArn;
  if (missing('created_at')) set['created_at'] = now.toISOString();
  const remove = Object.keys(raw).filter((k) => SECRET_ATTRIBUTE.test(k));
  if (Object.keys(set).length === 0 && remove.length === 0) return null;
  const seenVersion = typeof raw['version'] === 'number' ? raw['version'] : undefined;
  set['updated_at'] = now.toISOString();
  set['version'] = (seenVersion ?? 0) + 1;
  const changes: FieldChange[] = [
    ...Object.entries(set).map(([field, to]) => ({ field, from: raw[field] ?? null, to })),
    ...remove.map((field) => ({ field, from: SECRET_SHOWN, to: null })),
  ];
  return { id, seenVersion, set, remove, changes, notes };
}

export type BackupFn = (table: string) => Promise<{ backupArn: string }>;

/** The default backup: DynamoDB CreateBackup (on-demand). `client` is the plain DynamoDBClient. */
export function dynamoOnDemandBackup(
  client: { send(command: CreateBackupCommand): Promise<CreateBackupCommandOutput> },
  now: () => Date = () => new Date(),
): BackupFn {
  return async (table) => {
    const name = `${table}-pre-migration-${now()
      .toISOString()
      .replace(/[^0-9]/g, '')
      .slice(0, 14)}`;
    const out = await callAws('Back up the destinations table', () =>
      client.send(new CreateBackupCommand({ TableName: table, BackupName: name })),
    );
    const arn = out.BackupDetails?.BackupArn;
    if (!arn) throw new BoothError('internal', 'DynamoDB did not return a backup ARN; the migration was not applied.');
    return { backupArn: arn };
  };
}

export interface MigrationResult {
  backupArn: string;
  migrated: string[];
  /** Changed by someone else since the dry run: run the dry run again. */
  skipped: string[];
}

export function createDestinationMigration(dynamo: DynamoDBDocumentClient, tableName: string, logger: Logger) {
  async function dryRun(channelFor: (id: string) => ChannelRef | undefined, now = new Date()): Promise<MigrationPlan> {
    const records: RecordMigration[] = [];
    let scanned = 0;
    await callAws('Read destinations', async () => {
      records.length = 0;
      scanned = 0;
      for await (const page of paginateScan({ client: dynamo }, { TableName: tableName })) {
        for (const raw of page.Items ?? []) {
          if (typeof raw['id'] !== 'string' || isChannelClaim(raw)) continue;
          scanned += 1;
          const plan = planRecordMigration(raw, channelFor, now);
          if (plan) records.push(plan);
        }
      }
    });
    return { table: tableName, scanned, records };
  }

  async function apply(plan: MigrationPlan, backup: BackupFn): Promise<MigrationResult> {
    if (plan.table !== tableName)
      throw new BoothError('invalid-input', `This plan is for table ${plan.table}, not ${tableName}.`);
    let backupArn: string;
    try {
      ({ backupArn } = await backup(tableName));
    } catch (error) {
      const why = isBoothError(error) ? error.message : String(error);
      throw new BoothError(
        'invalid-state',
        `The migration was not applied: the on-demand backup of ${tableName} failed (${why}).`,
        { cause: error },
      );
    }
    const migrated: string[] = [];
    const skipped: string[] = [];
    for (const record of plan.records) {
      const names: Record<string, string> = {};
      const values: Record<string, unknown> = {};
      const sets = Object.entries(record.set).map(([k, v], i) => {
        names[`#s${i}`] = k;
        values[`:s${i}`] = v;
        return `#s${i} = :s${i}`;
      });
      const removes = record.remove.map((k, i) => {
        names[`#r${i}`] = k;
        return `#r${i}`;
      });
      names['#v'] = 'version';
      let condition = 'attribute_exists(id) AND attribute_not_exists(#v)';
      if (record.seenVersion !== undefined) {
        condition = 'attribute_exists(id) AND #v = :seen';
        values[':seen'] = record.seenVersion;
      }
      try {
        await callAws('Migrate destination', () =>
          dynamo.send(
            new UpdateCommand({
              TableName: tableName,
              Key: { id: record.id },
              UpdateExpression: `SET ${sets.join(', ')}${removes.length ? ` REMOVE ${removes.join(', ')}` : ''}`,
              ConditionExpression: condition,
              ExpressionAttributeNames: names,
              ExpressionAttributeValues: values,
            }),
          ),
        );
        migrated.push(record.id);
      } catch (error) {
        if (isBoothError(error) && error.code === 'conflict') skipped.push(record.id);
        else throw error;
      }
    }
    logger.info('destinations: migration applied', { backupArn, migrated: migrated.length, skipped: skipped.length });
    return { backupArn, migrated, skipped };
  }

  return { dryRun, apply };
}
