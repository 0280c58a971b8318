import { GetCommand, PutCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
import { afterEach, describe, expect, it } from 'vitest';
import type { Notification } from '../../../shared/domain/notification';
import { silentLogger, type Logger } from '../logger';
import { SessionRecorder } from './session-recorder';
import { SHOW_INDEX, showGroup } from './show-items';
import { indexEarlierRecords, readShowDetail, readShowTakes } from './show-store';
import { costsOf, SESSIONS_TABLE, startSessionsTable, statusOf } from './test-support/sessions-table';

const START = Date.UTC(2026, 11, 1, 18, 0, 0);
let table: Awaited<ReturnType<typeof startSessionsTable>> | null = null;
afterEach(async () => {
  await table?.close();
  table = null;
});

function notification(at: number, n: number): Notification {
  return {
    id: `n-${n}`,
    at,
    level: 'info',
    kind: 'alert',
    title: `Event ${n} of a long show, with a title about as long as the console writes`,
    message: '',
    destinationId: 'youtube',
  };
}

/** Every item of the show's partition of the index (all pages). */
async function showItems(showId: string): Promise<Array<Record<string, unknown>>> {
  const items: Array<Record<string, unknown>> = [];
  let start: Record<string, unknown> | undefined;
  do {
    const out = await table!.doc.send(
      new QueryCommand({
        TableName: SESSIONS_TABLE,
        IndexName: SHOW_INDEX,
        KeyConditionExpression: 'group_key = :g',
        ExpressionAttributeValues: { ':g': showGroup(showId) },
        ExclusiveStartKey: start,
      }),
    );
    items.push(...(out.Items ?? []));
    start = out.LastEvaluatedKey;
  } while (start);
  return items;
}

describe("a show's record scales", () => {
  it('writes a show with 4,000 takes and 4,000 events, every flush succeeding, and reads it back whole', async () => {
    table = await startSessionsTable();
    let t = START;
    const warnings: string[] = [];
    const logger: Logger = { ...silentLogger, warn: (message) => warnings.push(message) };
    const recorder = new SessionRecorder(table.doc, SESSIONS_TABLE, 'simulation', logger, {
      now: () => t,
      consoleName: 'booth-a',
      operator: 'ana via simulation',
    });
    const flushes: boolean[] = [];
    for (let take = 0; take < 4_000; take += 1) {
      t += 1_000;
      recorder.observe([statusOf('youtube-main-stage', 'RUNNING')]);
      recorder.note(notification(t, take));
      t += 1_000;
      recorder.observe([statusOf('youtube-main-stage', 'IDLE')]);
      // The console writes every minute: here every 100 takes.
      if (take % 100 === 99)
        flushes.push(await recorder.flush(costsOf(t, take * 0.01, { 'youtube-main-stage': take * 0.01 })));
    }
    flushes.push(await recorder.flush(costsOf(t, 40, { 'youtube-main-stage': 40 }), true));
    expect(warnings).toEqual([]);
    expect(flushes.every(Boolean)).toBe(true);

    const items = await showItems(recorder.sessionId);
    expect(items.filter((i) => String(i['item_key']).startsWith('take#'))).toHaveLength(4_000);
    expect(items.filter((i) => String(i['item_key']).startsWith('event#'))).toHaveLength(4_000);
    const { Item: header } = await table.doc.send(
      new GetCommand({ TableName: SESSIONS_TABLE, Key: { session_id: recorder.sessionId } }),
    );
    expect(header).toMatchObject({ takes_count: 4_000, ended_at: expect.any(String), console_name: 'booth-a' });
    // The header stays small however long the show: no list in it grows with the show.
    expect(JSON.stringify(header).length).toBeLessThan(2_000);

    const detail = await readShowDetail(table.doc, SESSIONS_TABLE, recorder.sessionId);
    expect(detail?.takes).toHaveLength(4_000);
    expect(detail?.takes[0]).toMatchObject({
      destinationId: 'youtube-main-stage',
      console: 'booth-a',
      operator: 'ana via simulation',
    });
    expect(detail?.takes.every((take) => take.endedAt !== null)).toBe(true);
  }, 300_000);

  it('writes only what changed: a flush with nothing new rewrites the header alone', async () => {
    table = await startSessionsTable();
    let t = START;
    const sent: string[] = [];
    table.doc.middlewareStack.add(
      (next, context) => async (args) => {
        sent.push(String(context.commandName));
        return next(args);
      },
      { step: 'initialize' },
    );
    const recorder = new SessionRecorder(table.doc, SESSIONS_TABLE, 'simulation', silentLogger, { now: () => t });
    recorder.observe([statusOf('youtube', 'RUNNING'), statusOf('twitch', 'RUNNING')]);
    recorder.note(notification(t, 1));
    await recorder.flush(costsOf(t, 1));
    expect(sent).toEqual(['PutItemCommand', 'PutItemCommand', 'BatchWriteItemCommand', 'UpdateItemCommand']);
    sent.length = 0;
    t += 60_000;
    await recorder.flush(costsOf(t, 2));
    expect(sent).toEqual(['UpdateItemCommand']);
    sent.length = 0;
    recorder.observe([statusOf('youtube', 'IDLE')]);
    await recorder.flush(costsOf(t, 2));
    // The ended take's end, then the header.
    expect(sent).toEqual(['UpdateItemCommand', 'UpdateItemCommand']);
  });

  it("keeps each take's time on air and the End all in the items, so a console continuing the show counts the same", async () => {
    table = await startSessionsTable();
    let t = START;
    const first = new SessionRecorder(table.doc, SESSIONS_TABLE, 'simulation', silentLogger, { now: () => t });
    first.observe([statusOf('youtube', 'STARTING')]);
    await first.flush(costsOf(t, 1));
    t += 60_000;
    // On air from the time AWS gives, written onto the take already stored.
    first.observe([{ ...statusOf('youtube', 'RUNNING'), runningSince: t - 10_000 }]);
    await first.flush(costsOf(t, 2));
    t += 120_000;
    first.markEndAll();
    first.observe([statusOf('youtube', 'STOPPING')]);
    await first.flush(costsOf(t, 3));
    const before = first.timeline();
    expect(before.onAir.ms).toBe(130_000);

    const stored = await first.read(first.sessionId);
    expect(stored?.runs[0]).toMatchObject({ on_air_at: new Date(START + 50_000).toISOString() });
    expect(stored?.end_all_at).toBe(new Date(t).toISOString());
    const second = new SessionRecorder(table.doc, SESSIONS_TABLE, 'simulation', silentLogger, { now: () => t });
    second.resume(stored!);
    expect(second.timeline()).toEqual(before);
  });

  it('never overwrites the header another console is still writing, nor a take it recorded', async () => {
    table = await startSessionsTable();
    let t = START;
    const a = new SessionRecorder(table.doc, SESSIONS_TABLE, 'simulation', silentLogger, {
      now: () => t,
      consoleName: 'booth-a',
    });
    a.observe([statusOf('youtube', 'RUNNING')]);
    expect(await a.flush(costsOf(t, 1))).toBe(true);
    // Console B continues A's show as if A were gone, while A still writes it (a partition healed, say).
    const b = new SessionRecorder(table.doc, SESSIONS_TABLE, 'simulation', silentLogger, {
      now: () => t,
      consoleName: 'booth-b',
    });
    const stored = await readShowTakes(table.doc, SESSIONS_TABLE, a.sessionId);
    b.resume(stored!);
    t += 30_000;
    expect(await b.flush(costsOf(t, 99))).toBe(false);
    const { Item: header } = await table.doc.send(
      new GetCommand({ TableName: SESSIONS_TABLE, Key: { session_id: a.sessionId } }),
    );
    expect(header).toMatchObject({ console_name: 'booth-a' });
    // Once A has not written for three minutes, B takes the header over.
    t += 3 * 60_000;
    expect(await b.flush(costsOf(t, 99))).toBe(true);
    const takes = (await readShowTakes(table.doc, SESSIONS_TABLE, a.sessionId))!.runs;
    expect(takes).toHaveLength(1);
  });

  it('continues a record an earlier version wrote as one item, and rewrites it as items of their own', async () => {
    table = await startSessionsTable();
    const t = START + 10 * 60_000;
    const started = new Date(START).toISOString();
    await table.doc.send(
      new PutCommand({
        TableName: SESSIONS_TABLE,
        Item: {
          session_id: 'old-show',
          started_at: started,
          ended_at: null,
          updated_at: new Date(START + 60_000).toISOString(),
          console: 'simulation',
          console_name: 'booth-a',
          restarts: [],
          runs: [{ destination_id: 'youtube', name: 'YouTube Live', started_at: started, ended_at: null }],
          cost_usd: { total: 0.2, flow: 0.05, by_destination: { youtube: 0.15 } },
          events: [{ at: started, level: 'success', title: 'YouTube Live is ON AIR', destination_id: 'youtube' }],
          incidents: [
            {
              at: started,
              kind: 'aws',
              level: 'success',
              title: 'YouTube Live is ON AIR',
              detail: '',
              destination_id: 'youtube',
              ended_at: null,
              duration_s: null,
            },
          ],
        },
      }),
    );
    const stored = await readShowTakes(table.doc, SESSIONS_TABLE, 'old-show');
    expect(stored).toMatchObject({ legacy: true, runs: [{ destination_id: 'youtube', ended_at: null }] });
    const recorder = new SessionRecorder(table.doc, SESSIONS_TABLE, 'simulation', silentLogger, { now: () => t });
    recorder.resume(stored!);
    expect(await recorder.flush(costsOf(t, 0.3))).toBe(true);
    const { Item: header } = await table.doc.send(
      new GetCommand({ TableName: SESSIONS_TABLE, Key: { session_id: 'old-show' } }),
    );
    expect(header!['runs']).toBeUndefined();
    expect(header!['events']).toBeUndefined();
    const detail = await readShowDetail(table.doc, SESSIONS_TABLE, 'old-show');
    expect(detail?.takes).toEqual([expect.objectContaining({ destinationId: 'youtube', endedAt: null })]);
    expect(detail?.incidents.map((i) => i.title)).toEqual(['YouTube Live is ON AIR']);
    expect(detail?.summary).toMatchObject({ restarts: 1, takes: 1, incidents: 1 });
  });

  it('indexes the records earlier versions wrote, once, and leaves a malformed one as it is', async () => {
    table = await startSessionsTable();
    const started = new Date(START).toISOString();
    const earlier = {
      session_id: 'earlier',
      started_at: started,
      ended_at: started,
      updated_at: started,
      runs: [],
      events: [],
    };
    await table.doc.send(new PutCommand({ TableName: SESSIONS_TABLE, Item: earlier }));
    await table.doc.send(
      new PutCommand({
        TableName: SESSIONS_TABLE,
        Item: { ...earlier, session_id: 'broken', started_at: 'yesterday' },
      }),
    );
    expect(await indexEarlierRecords(table.doc, SESSIONS_TABLE, silentLogger)).toEqual({
      indexed: 1,
      skipped: [{ record: 'broken', reason: 'started_at: not a time' }],
    });
    // The marker keeps a second console from scanning the table again.
    expect(await indexEarlierRecords(table.doc, SESSIONS_TABLE, silentLogger)).toEqual({ indexed: 0, skipped: [] });
    const { Item } = await table.doc.send(
      new GetCommand({ TableName: SESSIONS_TABLE, Key: { session_id: 'earlier' } }),
    );
    expect(Item).toMatchObject({ group_key: 'month#2026-12' });
  });
});
