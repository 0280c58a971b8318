import { GetCommand, PutCommand, QueryCommand, ScanCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { z } from 'zod';
import { BoothError } from '../../../shared/domain/errors';
import type {
  HistoryPage,
  HistoryQuery,
  ShowDetail,
  ShowSummary,
  SkippedRecord,
} from '../../../shared/domain/show-history';
import type { Logger } from '../logger';
import {
  headerKeys,
  incidentFromStored,
  isShowHeaderId,
  monthGroup,
  monthUsageOf,
  problemOf,
  SHOW_INDEX,
  showGroup,
  StoredHeaderSchema,
  StoredIncidentSchema,
  StoredTakeSchema,
  summaryOf,
  takeFromStored,
  type StoredHeader,
  type StoredTake,
} from './show-items';

type Item = Record<string, unknown>;

/** A show's record as continuing it needs: the header, its takes and, for an earlier version's item, its lists. */
export interface StoredShowForResume {
  session_id: string;
  started_at: string;
  ended_at: string | null;
  updated_at: string;
  console_name?: string;
  cost_usd?: { total: number; flow: number };
  restarts?: string[];
  /** When the operator last pressed End all in this show. */
  end_all_at?: string | null;
  runs: StoredTake[];
  /** Only for a record an earlier version wrote as one item (`legacy`): its events and incidents, to carry over. */
  events: Array<{ at: string; level: string; title: string; destination_id: string | null }>;
  incidents: Array<{ at: string } & Record<string, unknown>>;
  incidents_count: number;
  legacy: boolean;
}

const recordName = (item: Item): string => {
  const id = item['session_id'];
  return typeof id === 'string' ? id.slice(0, 120) : '(no session_id)';
};

/**
 * Every page of a Query: DynamoDB returns at most 1 MB per call and a LastEvaluatedKey while there is more, to be sent
 * back as ExclusiveStartKey ("Paginating table query results in DynamoDB",
 * https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/Query.Pagination.html).
 */
async function queryAll(dynamo: DynamoDBDocumentClient, input: ConstructorParameters<typeof QueryCommand>[0]) {
  const items: Item[] = [];
  let start: Item | undefined;
  do {
    const out = await dynamo.send(new QueryCommand({ ...input, ExclusiveStartKey: start }));
    items.push(...((out.Items ?? []) as Item[]));
    start = out.LastEvaluatedKey as Item | undefined;
  } while (start);
  return items;
}

function queryShowItems(dynamo: DynamoDBDocumentClient, table: string, showId: string, prefix: string) {
  return queryAll(dynamo, {
    TableName: table,
    IndexName: SHOW_INDEX,
    KeyConditionExpression: 'group_key = :group AND begins_with(item_key, :prefix)',
    ExpressionAttributeValues: { ':group': showGroup(showId), ':prefix': prefix },
  });
}

async function readHeader(dynamo: DynamoDBDocumentClient, table: string, showId: string): Promise<StoredHeader | null> {
  const out = await dynamo.send(
    new GetCommand({ TableName: table, Key: { session_id: showId }, ConsistentRead: true }),
  );
  if (!out.Item) return null;
  const parsed = StoredHeaderSchema.safeParse(out.Item);
  if (!parsed.success) {
    throw new BoothError('validation', `The show record ${showId} cannot be read (${problemOf(parsed.error)}).`);
  }
  return parsed.data;
}

function parseAll<T>(items: Item[], schema: z.ZodType<T>, skipped: SkippedRecord[]): T[] {
  const good: T[] = [];
  for (const item of items) {
    const parsed = schema.safeParse(item);
    if (parsed.success) good.push(parsed.data);
    else skipped.push({ record: recordName(item), reason: problemOf(parsed.error) });
  }
  return good;
}

/** The show's header and takes (either layout); null when there is no such record. Throws when it is malformed. */
export async function readShowTakes(
  dynamo: DynamoDBDocumentClient,
  table: string,
  showId: string,
): Promise<StoredShowForResume | null> {
  const header = await readHeader(dynamo, table, showId);
  if (!header) return null;
  const base = {
    session_id: header.session_id,
    started_at: header.started_at,
    ended_at: header.ended_at,
    updated_at: header.updated_at,
    ...(header.console_name !== undefined ? { console_name: header.console_name } : {}),
    ...(header.cost_usd ? { cost_usd: { total: header.cost_usd.total, flow: header.cost_usd.flow } } : {}),
    ...(header.restarts ? { restarts: header.restarts } : {}),
    ...(header.end_all_at !== undefined ? { end_all_at: header.end_all_at } : {}),
  };
  if (header.runs) {
    return {
      ...base,
      runs: header.runs,
      events: (header.events ?? []).map((e) => ({
        at: e.at,
        level: e.level,
        title: e.title,
        destination_id: typeof e['destination_id'] === 'string' ? e['destination_id'] : null,
      })),
      incidents: header.incidents ?? [],
      incidents_count: header.incidents?.length ?? 0,
      legacy: true,
    };
  }
  const skipped: SkippedRecord[] = [];
  const runs = parseAll(await queryShowItems(dynamo, table, showId, 'take#'), StoredTakeSchema, skipped);
  return { ...base, runs, events: [], incidents: [], incidents_count: header.incidents_count ?? 0, legacy: false };
}

/** A past show with who took what live when and its incidents; null when there is no such record. */
export async function readShowDetail(
  dynamo: DynamoDBDocumentClient,
  table: string,
  showId: string,
): Promise<ShowDetail | null> {
  const header = await readHeader(dynamo, table, showId);
  if (!header) return null;
  const skipped: SkippedRecord[] = [];
  const takes = header.runs
    ? header.runs
    : parseAll(await queryShowItems(dynamo, table, showId, 'take#'), StoredTakeSchema, skipped);
  const incidents = header.runs
    ? parseAll((header.incidents ?? []) as Item[], StoredIncidentSchema, skipped)
    : parseAll(await queryShowItems(dynamo, table, showId, 'incident#'), StoredIncidentSchema, skipped);
  return {
    summary: summaryOf(header),
    takes: takes.map(takeFromStored).sort((a, b) => a.startedAt - b.startedAt),
    incidents: incidents.map(incidentFromStored).sort((a, b) => a.at - b.at),
    skipped,
  };
}

/** A header found in a month's partition: a show of this console, or a record it cannot read (skipped). */
function headerOf(item: Item): { summary: ShowSummary } | { skipped: SkippedRecord } {
  const parsed = StoredHeaderSchema.safeParse(item);
  if (!parsed.success) return { skipped: { record: recordName(item), reason: problemOf(parsed.error) } };
  if (!isShowHeaderId(parsed.data.session_id)) {
    return { skipped: { record: recordName(item), reason: 'not a show record of Lunora Booth' } };
  }
  return { summary: summaryOf(parsed.data) };
}

const CursorSchema = z.strictObject({
  m: z.string().regex(/^\d{4}-\d{2}$/),
  k: z.record(z.string(), z.string()).nullable(),
});

function encodeCursor(month: string, key: Item | null): string {
  return Buffer.from(JSON.stringify({ m: month, k: key }), 'utf8').toString('base64url');
}

function decodeCursor(cursor: string): z.infer<typeof CursorSchema> {
  try {
    return CursorSchema.parse(JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')));
  } catch {
    throw new BoothError('validation', 'The history page to continue from is not valid: reload the list.');
  }
}

/** The UTC months from `to` back to `from` (newest first); days as YYYY-MM-DD, UTC. */
function monthsBetween(from: string, to: string): string[] {
  const start = Date.parse(`${from}T00:00:00.000Z`);
  const end = Date.parse(`${to}T00:00:00.000Z`);
  if (!Number.isFinite(start) || !Number.isFinite(end))
    throw new BoothError('validation', 'Choose a valid date range.');
  if (start > end) throw new BoothError('validation', 'The first day comes after the last day: swap them.');
  const months: string[] = [];
  const cursor = new Date(end);
  cursor.setUTCDate(1);
  while (cursor.getTime() >= Date.UTC(new Date(start).getUTCFullYear(), new Date(start).getUTCMonth(), 1)) {
    months.push(cursor.toISOString().slice(0, 7));
    cursor.setUTCMonth(cursor.getUTCMonth() - 1);
    if (months.length > 36) throw new BoothError('validation', 'Choose at most three years at a time.');
  }
  return months;
}

/**
 * One page of past shows, newest first, from the months' partitions of the index (each show's header), filtered by
 * day range (UTC) and destination. The cursor says where the next page starts.
 */
export async function listShows(
  dynamo: DynamoDBDocumentClient,
  table: string,
  query: HistoryQuery,
  pageSize = 50,
): Promise<HistoryPage> {
  const months = monthsBetween(query.from, query.to);
  const cursor = query.cursor ? decodeCursor(query.cursor) : null;
  let index = cursor ? months.indexOf(cursor.m) : 0;
  if (index < 0) throw new BoothError('validation', 'The history page to continue from is not valid: reload the list.');
  let start: Item | undefined = cursor?.k ?? undefined;
  const shows: ShowSummary[] = [];
  const skipped: SkippedRecord[] = [];
  const lowest = `show#${query.from}T00:00:00.000Z`;
  const highest = `show#${query.to}T23:59:59.999Z~`;
  while (index < months.length) {
    const month = months[index]!;
    const out = await dynamo.send(
      new QueryCommand({
        TableName: table,
        IndexName: SHOW_INDEX,
        KeyConditionExpression: 'group_key = :group AND item_key BETWEEN :low AND :high',
        ExpressionAttributeValues: { ':group': monthGroup(month), ':low': lowest, ':high': highest },
        ScanIndexForward: false,
        Limit: pageSize - shows.length,
        ExclusiveStartKey: start,
      }),
    );
    for (const item of (out.Items ?? []) as Item[]) {
      const read = headerOf(item);
      if ('skipped' in read) skipped.push(read.skipped);
      else if (!query.destinationId || read.summary.destinations.some((d) => d.id === query.destinationId)) {
        shows.push(read.summary);
      }
    }
    start = out.LastEvaluatedKey as Item | undefined;
    if (!start) index += 1;
    if (shows.length >= pageSize) break;
  }
  const nextCursor = index < months.length ? encodeCursor(months[index]!, start ?? null) : null;
  return { shows, nextCursor, skipped };
}

/** The month's shows (UTC month) as recorded: what they add to its usage, and the records that could not be read. */
export async function monthUsage(
  dynamo: DynamoDBDocumentClient,
  table: string,
  month: string,
  excludeShowId: string,
): Promise<{ usd: number; shows: number; skipped: SkippedRecord[] }> {
  const items = await queryAll(dynamo, {
    TableName: table,
    IndexName: SHOW_INDEX,
    KeyConditionExpression: 'group_key = :group',
    ExpressionAttributeValues: { ':group': monthGroup(month) },
  });
  let usd = 0;
  let shows = 0;
  const skipped: SkippedRecord[] = [];
  for (const item of items) {
    const read = headerOf(item);
    if ('skipped' in read) skipped.push(read.skipped);
    else if (read.summary.id !== excludeShowId) {
      usd += monthUsageOf(read.summary);
      shows += 1;
    }
  }
  return { usd, shows, skipped };
}

const MIGRATION_MARKER = 'lunora-schema#show-items-v2';

/**
 * Records written by earlier versions (one item per session, `runs` inline) get the index keys of their month, so the
 * history and the month's cost list them; their content is read where it is. Runs once per table (a marker item
 * remembers it); a malformed record is left as it is and reported.
 */
export async function indexEarlierRecords(
  dynamo: DynamoDBDocumentClient,
  table: string,
  logger: Logger,
): Promise<{ indexed: number; skipped: SkippedRecord[] }> {
  const marker = await dynamo.send(new GetCommand({ TableName: table, Key: { session_id: MIGRATION_MARKER } }));
  if (marker.Item) return { indexed: 0, skipped: [] };
  let indexed = 0;
  const skipped: SkippedRecord[] = [];
  let start: Item | undefined;
  do {
    const out = await dynamo.send(
      new ScanCommand({
        TableName: table,
        FilterExpression: 'attribute_exists(runs) AND attribute_not_exists(group_key)',
        ExclusiveStartKey: start,
      }),
    );
    for (const item of (out.Items ?? []) as Item[]) {
      const parsed = StoredHeaderSchema.safeParse(item);
      if (!parsed.success || !isShowHeaderId(parsed.data.session_id)) {
        skipped.push({
          record: recordName(item),
          reason: parsed.success ? 'not a show record' : problemOf(parsed.error),
        });
        continue;
      }
      const keys = headerKeys(parsed.data.session_id, parsed.data.started_at);
      try {
        await dynamo.send(
          new UpdateCommand({
            TableName: table,
            Key: { session_id: keys.session_id },
            UpdateExpression: 'SET group_key = :group, item_key = :item',
            ConditionExpression: 'attribute_exists(session_id) AND attribute_not_exists(group_key)',
            ExpressionAttributeValues: { ':group': keys.group_key, ':item': keys.item_key },
          }),
        );
        indexed += 1;
      } catch (error) {
        // Indexed meanwhile by another console: nothing to do.
        if ((error as { name?: string }).name !== 'ConditionalCheckFailedException') throw error;
      }
    }
    start = out.LastEvaluatedKey as Item | undefined;
  } while (start);
  await dynamo.send(
    new PutCommand({
      TableName: table,
      Item: { session_id: MIGRATION_MARKER, indexed_at: new Date().toISOString(), indexed, skipped: skipped.length },
    }),
  );
  if (skipped.length > 0) {
    logger.warn('sessions: records in the sessions table that are not readable show records were left as they are', {
      count: skipped.length,
      first: skipped[0]?.record,
    });
  }
  return { indexed, skipped };
}
