import { PutCommand } from '@aws-sdk/lib-dynamodb';
import { afterEach, describe, expect, it } from 'vitest';
import type { HistoryQuery } from '../../../shared/domain/show-history';
import { silentLogger } from '../logger';
import { showsToCsv } from './history-csv';
import { SessionRecorder } from './session-recorder';
import { headerKeys } from './show-items';
import { listShows, readShowDetail } from './show-store';
import { costsOf, SESSIONS_TABLE, startSessionsTable, statusOf } from './test-support/sessions-table';

let table: Awaited<ReturnType<typeof startSessionsTable>> | null = null;
afterEach(async () => {
  await table?.close();
  table = null;
});

/** A show header as the recorder writes it, put directly (fast enough for a hundred shows). */
async function putShow(id: string, at: number, destinations: Record<string, string>, totalUsd = 1): Promise<void> {
  const iso = new Date(at).toISOString();
  await table!.doc.send(
    new PutCommand({
      TableName: SESSIONS_TABLE,
      Item: {
        ...headerKeys(id, iso),
        started_at: iso,
        ended_at: new Date(at + 3_600_000).toISOString(),
        updated_at: new Date(at + 3_600_000).toISOString(),
        console_name: 'booth-a',
        destinations,
        takes_count: 2,
        incidents_count: 1,
        layout: 2,
        cost_usd: {
          total: totalUsd,
          flow: 0.2,
          by_destination: Object.fromEntries(Object.keys(destinations).map((d) => [d, 0.4])),
        },
      },
    }),
  );
}

const query = (over: Partial<HistoryQuery> = {}): HistoryQuery => ({
  from: '2026-10-01',
  to: '2026-12-31',
  destinationId: null,
  cursor: null,
  ...over,
});

describe('the history of past shows', () => {
  it('pages through 120 shows over three months, newest first, each once', async () => {
    table = await startSessionsTable();
    const first = Date.UTC(2026, 9, 1, 19);
    for (let i = 0; i < 120; i += 1)
      await putShow(`show-${String(i).padStart(3, '0')}`, first + i * 18 * 3_600_000, { youtube: 'YouTube Live' });
    const seen: string[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const page = await listShows(table.doc, SESSIONS_TABLE, query({ cursor }), 50);
      seen.push(...page.shows.map((s) => s.id));
      cursor = page.nextCursor;
      pages += 1;
    } while (cursor);
    expect(pages).toBeGreaterThanOrEqual(3);
    expect(new Set(seen).size).toBe(120);
    expect(seen[0]).toBe('show-119');
    expect(seen.at(-1)).toBe('show-000');
  });

  it('filters by day range (UTC) and destination', async () => {
    table = await startSessionsTable();
    await putShow('nov-yt', Date.UTC(2026, 10, 5, 19), { youtube: 'YouTube Live' });
    await putShow('nov-tw', Date.UTC(2026, 10, 6, 19), { twitch: 'Twitch' });
    await putShow('dec-yt', Date.UTC(2026, 11, 1, 19), { youtube: 'YouTube Live', twitch: 'Twitch' });
    const november = await listShows(table.doc, SESSIONS_TABLE, query({ from: '2026-11-01', to: '2026-11-30' }));
    expect(november.shows.map((s) => s.id)).toEqual(['nov-tw', 'nov-yt']);
    const twitch = await listShows(table.doc, SESSIONS_TABLE, query({ destinationId: 'twitch' }));
    expect(twitch.shows.map((s) => s.id)).toEqual(['dec-yt', 'nov-tw']);
    const oneDay = await listShows(table.doc, SESSIONS_TABLE, query({ from: '2026-11-06', to: '2026-11-06' }));
    expect(oneDay.shows.map((s) => s.id)).toEqual(['nov-tw']);
  });

  it('answers a month with no shows with an empty list, and refuses a reversed range or a forged cursor', async () => {
    table = await startSessionsTable();
    expect(await listShows(table.doc, SESSIONS_TABLE, query())).toEqual({ shows: [], nextCursor: null, skipped: [] });
    await expect(listShows(table.doc, SESSIONS_TABLE, query({ from: '2026-12-31', to: '2026-12-01' }))).rejects.toThrow(
      'The first day comes after the last day',
    );
    await expect(listShows(table.doc, SESSIONS_TABLE, query({ cursor: 'not-a-cursor' }))).rejects.toThrow(
      'The history page to continue from is not valid',
    );
  });

  it('lists the shows it can read and names the malformed or foreign records it skipped', async () => {
    table = await startSessionsTable();
    await putShow('good', Date.UTC(2026, 11, 2, 19), { youtube: 'YouTube Live' });
    await table.doc.send(
      new PutCommand({
        TableName: SESSIONS_TABLE,
        Item: {
          ...headerKeys('bad-cost', '2026-12-03T19:00:00.000Z'),
          started_at: '2026-12-03T19:00:00.000Z',
          ended_at: null,
          updated_at: '2026-12-03T19:00:00.000Z',
          cost_usd: { total: 'lots', flow: 0 },
        },
      }),
    );
    const page = await listShows(table.doc, SESSIONS_TABLE, query());
    expect(page.shows.map((s) => s.id)).toEqual(['good']);
    expect(page.skipped).toEqual([{ record: 'bad-cost', reason: expect.stringContaining('cost_usd.total') }]);
  });

  it('shows who took what live when, its cost by destination and kind, and its incidents', async () => {
    table = await startSessionsTable();
    let t = Date.UTC(2026, 11, 1, 19);
    const recorder = new SessionRecorder(table.doc, SESSIONS_TABLE, 'simulation', silentLogger, {
      now: () => t,
      consoleName: 'booth-a',
      operator: 'ana via simulation',
    });
    recorder.observe([statusOf('youtube', 'RUNNING')]);
    recorder.incidents.appendIncident({
      id: 'i-1',
      at: t,
      kind: 'outage',
      level: 'error',
      title: 'Input outage',
      detail: 'main lost',
      destinationId: null,
      endedAt: t + 30_000,
      durationMs: 30_000,
    });
    t += 20 * 60_000;
    recorder.observe([statusOf('youtube', 'IDLE')]);
    await recorder.flush(costsOf(t, 1.5, { youtube: 1.5 }), true);
    const detail = await readShowDetail(table.doc, SESSIONS_TABLE, recorder.sessionId);
    expect(detail?.takes).toEqual([
      {
        destinationId: 'youtube',
        name: 'Dest youtube',
        startedAt: Date.UTC(2026, 11, 1, 19),
        endedAt: t,
        console: 'booth-a',
        operator: 'ana via simulation',
        spans: [{ kind: 'on-air', from: Date.UTC(2026, 11, 1, 19), to: t }],
        inputUnconfirmed: null,
      },
    ]);
    expect(detail?.summary.cost).toMatchObject({ totalUsd: 2.01, byDestination: [{ id: 'youtube', usd: 1.5 }] });
    expect(detail?.summary.cost.split).toMatchObject({ channelsUsd: 1.5, flowHoursUsd: 0.4 });
    expect(detail?.incidents).toEqual([expect.objectContaining({ title: 'Input outage', durationS: 30 })]);
    const csv = showsToCsv([detail!.summary]);
    expect(csv.split('\r\n')[0]).toBe(
      'show,started,ended,duration_min,console,destinations,takes,incidents,total_usd,channels_usd,flow_usd,idle_usd,monitoring_usd,by_destination_usd,alongside,standby_usd,standby_by_destination_usd',
    );
    expect(csv).toContain(
      `${recorder.sessionId},2026-12-01T19:00:00.000Z,2026-12-01T19:20:00.000Z,20,booth-a,Dest youtube,1,1,2.0100,1.5000,0.5000,0.0000,0.0100,Dest youtube=1.5000,,0.0000,`,
    );
  });
});
