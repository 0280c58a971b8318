import { PutCommand } from '@aws-sdk/lib-dynamodb';
import { afterEach, describe, expect, it } from 'vitest';
import { DEFAULT_RATE_CARD } from '../../../shared/domain/cost';
import { silentLogger } from '../logger';
import { SessionRecorder } from '../sessions/session-recorder';
import { costsOf, SESSIONS_TABLE, startSessionsTable, statusOf } from '../sessions/test-support/sessions-table';
import { CostMeter } from './cost-meter';
import { SharedMonthSpend } from './shared-month';

const DEC = Date.UTC(2026, 11, 10, 18, 0, 0);
let table: Awaited<ReturnType<typeof startSessionsTable>> | null = null;
afterEach(async () => {
  await table?.close();
  table = null;
});

/** A show one console recorded: `channelsUsd` of channels, started at `at`. */
async function recordShow(at: number, channelsUsd: number, consoleName: string): Promise<string> {
  const recorder = new SessionRecorder(table!.doc, SESSIONS_TABLE, 'simulation', silentLogger, {
    now: () => at,
    consoleName,
  });
  recorder.observe([statusOf('youtube', 'RUNNING')]);
  expect(await recorder.flush(costsOf(at, channelsUsd, { youtube: channelsUsd }), true)).toBe(true);
  return recorder.sessionId;
}

function meterWith(shared: SharedMonthSpend, now: number, localUsd = 0): CostMeter {
  return new CostMeter({
    rates: () => DEFAULT_RATE_CARD,
    budgetUsd: () => 400,
    profile: () => null,
    spend: { load: () => localUsd, save: () => {} },
    now: () => now,
    sharedMonth: (month) => shared.current(month),
  });
}

describe('the month to date from the sessions table', () => {
  it("adds every console's shows of the month (UTC), not this show's record, not last month's", async () => {
    table = await startSessionsTable();
    await recordShow(DEC - 3 * 86_400_000, 2, 'booth-a');
    await recordShow(DEC - 86_400_000, 3, 'booth-b');
    // 30 November 23:30 UTC: November's, even where it was already December locally.
    await recordShow(Date.UTC(2026, 10, 30, 23, 30), 50, 'booth-a');
    const mine = await recordShow(DEC, 7, 'booth-a');
    const shared = new SharedMonthSpend({
      dynamo: table.doc,
      table: SESSIONS_TABLE,
      sessionId: () => mine,
      logger: silentLogger,
      now: () => DEC,
    });
    await shared.refresh();
    const reading = shared.current('2026-12');
    // channels + monitoring (0.01) of each other show
    expect(reading?.usd).toBeCloseTo(2.01 + 3.01, 6);
    expect(reading?.basis).toMatchObject({ source: 'sessions-table', shows: 2, unreadable: 0 });
    // Two consoles of the booth read the same figure whatever each kept locally.
    const a = meterWith(shared, DEC, 0).snapshot();
    const b = meterWith(shared, DEC, 123).snapshot();
    expect(a.monthToDateUsd).toBeCloseTo(b.monthToDateUsd, 9);
    expect(a.monthBasis?.note).toContain('2 other shows this month (UTC)');
  });

  it('says a month with no shows is empty, and falls back to the local copy before the first reading', async () => {
    table = await startSessionsTable();
    const shared = new SharedMonthSpend({
      dynamo: table.doc,
      table: SESSIONS_TABLE,
      sessionId: () => 'none',
      logger: silentLogger,
      now: () => DEC,
    });
    const before = meterWith(shared, DEC, 5).snapshot();
    expect(before.monthBasis).toMatchObject({ source: 'this-console' });
    await shared.refresh();
    expect(shared.current('2026-12')).toMatchObject({ usd: 0, basis: { shows: 0, unreadable: 0 } });
    expect(meterWith(shared, DEC, 5).snapshot().monthBasis?.note).toContain('0 other shows');
  });

  it('skips a malformed or foreign record of the month, counts what it can and says the figure is short', async () => {
    table = await startSessionsTable();
    await recordShow(DEC - 86_400_000, 2, 'booth-a');
    await table.doc.send(
      new PutCommand({
        TableName: SESSIONS_TABLE,
        Item: { session_id: 'broken', group_key: 'month#2026-12', item_key: 'show#2026-12-05', started_at: 'soon' },
      }),
    );
    await table.doc.send(
      new PutCommand({
        TableName: SESSIONS_TABLE,
        Item: {
          session_id: 'x#y',
          group_key: 'month#2026-12',
          item_key: 'show#2026-12-06T00:00:00.000Z#x',
          started_at: '2026-12-06T00:00:00.000Z',
          ended_at: null,
          updated_at: '2026-12-06T00:00:00.000Z',
          cost_usd: { total: 1_000, flow: 0 },
        },
      }),
    );
    const shared = new SharedMonthSpend({
      dynamo: table.doc,
      table: SESSIONS_TABLE,
      sessionId: () => 'none',
      logger: silentLogger,
      now: () => DEC,
    });
    await shared.refresh();
    const reading = shared.current('2026-12');
    expect(reading?.usd).toBeCloseTo(2.01, 6);
    expect(reading?.basis).toMatchObject({ shows: 1, unreadable: 2 });
    expect(reading?.basis.note).toContain('2 records could not be read and are not counted');
  });

  it('keeps the last reading, marked, when the table stops answering', async () => {
    table = await startSessionsTable();
    await recordShow(DEC - 86_400_000, 2, 'booth-a');
    let now = DEC;
    const shared = new SharedMonthSpend({
      dynamo: table.doc,
      table: SESSIONS_TABLE,
      sessionId: () => 'none',
      logger: silentLogger,
      now: () => now,
    });
    await shared.refresh();
    await table.close();
    table = null;
    now += 5 * 60_000;
    await shared.refresh();
    expect(shared.current('2026-12')?.basis.note).toContain('The table could not be read at 18:05:00');
  });
});
