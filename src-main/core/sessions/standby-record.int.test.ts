import { GetCommand } from '@aws-sdk/lib-dynamodb';
import { afterEach, describe, expect, it } from 'vitest';
import type { DestinationState } from '../../../shared/domain/channel';
import type { DestinationStatus } from '../../../shared/domain/destination';
import type { WarmPhase, WarmStatus } from '../../../shared/domain/warm-standby';
import { silentLogger } from '../logger';
import { SessionRecorder } from './session-recorder';
import { readShowDetail, readShowTakes } from './show-store';
import { costsOf, SESSIONS_TABLE, startSessionsTable, statusOf } from './test-support/sessions-table';
import { warmStatus } from '../../../shared/domain/test-support/warm-status';

const START = Date.UTC(2026, 11, 1, 18, 0, 0);
const MIN = 60_000;
let table: Awaited<ReturnType<typeof startSessionsTable>> | null = null;
afterEach(async () => {
  await table?.close();
  table = null;
});

function warm(phase: WarmPhase, extra: Partial<WarmStatus> = {}): WarmStatus {
  return warmStatus({
    liveAttachment: 'youtube-live',
    slateAttachment: 'youtube-slate',
    activeAttachment: phase === 'ON_AIR' ? 'youtube-live' : phase === 'STANDBY' ? 'youtube-slate' : null,
    phase,
    standbyPerHour: 0.6,
    ...extra,
  });
}

const youtube = (state: DestinationState, w?: WarmStatus): DestinationStatus => ({
  ...statusOf('youtube', state),
  ...(w ? { warm: w } : {}),
});

/** A console's recorder on the test's table, at $0.60 an hour a channel, on the test's clock. */
const recorderAt = (now: () => number) =>
  new SessionRecorder(table!.doc, SESSIONS_TABLE, 'simulation', silentLogger, {
    now,
    consoleName: 'booth-a',
    ratePerHour: () => 0.6,
  });

describe('the session record keeps standby apart from on air', () => {
  it('records a warm run as standby, on air, back to slate, on air again: distinct spans, standby cost apart', async () => {
    table = await startSessionsTable();
    let t = START;
    const recorder = recorderAt(() => t);
    const at = (minutes: number) => (t = START + minutes * MIN);

    at(0);
    recorder.observe([youtube('STARTING', warm('STARTING_TO_STANDBY'))]);
    at(1);
    // Running on the slate: billing, not on air (the bug: RUNNING was counted as on air).
    recorder.observe([youtube('RUNNING', warm('STANDBY'))]);
    expect(recorder.timeline()).toMatchObject({
      startedAt: null,
      onAir: { ms: 0, since: null },
      standby: { ms: 0, since: START + MIN },
    });
    at(41);
    // The take was accepted; the pipeline still ingests the slate.
    recorder.observe([youtube('RUNNING', warm('SWITCHING', { switchingTo: 'live' }))]);
    expect(recorder.timeline().onAir.since).toBeNull();
    at(42);
    recorder.observe([youtube('RUNNING', warm('ON_AIR'))]);
    at(60);
    recorder.observe([youtube('RUNNING', warm('SWITCHING', { switchingTo: 'slate' }))]);
    at(61);
    recorder.observe([youtube('RUNNING', warm('STANDBY'))]);
    at(71);
    recorder.observe([youtube('RUNNING', warm('ON_AIR'))]);
    at(100);
    recorder.observe([youtube('STOPPING', warm('OFF'))]);
    at(101);
    recorder.observe([youtube('IDLE', warm('OFF'))]);

    const timeline = recorder.timeline();
    // The show starts at the first time on air, not when the channel started warming on its slate.
    expect(timeline).toMatchObject({ startedAt: START + 42 * MIN, endedAt: START + 101 * MIN, endedBy: 'all-off' });
    expect(timeline.onAir).toEqual({ ms: (19 + 29) * MIN, since: null });
    expect(timeline.destinations).toEqual([
      { id: 'youtube', onAir: { ms: 48 * MIN, since: null }, standby: { ms: (41 + 10) * MIN, since: null } },
    ]);

    expect(await recorder.flush(costsOf(t, 1.2, { youtube: 1.2 }), true)).toBe(true);
    const stored = await readShowTakes(table.doc, SESSIONS_TABLE, recorder.sessionId);
    expect(stored?.runs[0]?.spans).toEqual([
      { kind: 'standby', from: new Date(START + MIN).toISOString(), to: new Date(START + 42 * MIN).toISOString() },
      { kind: 'on_air', from: new Date(START + 42 * MIN).toISOString(), to: new Date(START + 61 * MIN).toISOString() },
      { kind: 'standby', from: new Date(START + 61 * MIN).toISOString(), to: new Date(START + 71 * MIN).toISOString() },
      { kind: 'on_air', from: new Date(START + 71 * MIN).toISOString(), to: new Date(START + 100 * MIN).toISOString() },
    ]);
    expect(stored?.runs[0]).toMatchObject({
      on_air_at: new Date(START + 42 * MIN).toISOString(),
      off_air_at: new Date(START + 100 * MIN).toISOString(),
    });
    const { Item: header } = await table.doc.send(
      new GetCommand({ TableName: SESSIONS_TABLE, Key: { session_id: recorder.sessionId } }),
    );
    // 51 minutes on the slate at $0.60/h: $0.51 of the destination's $1.20 running charges.
    expect(header?.['cost_usd']).toMatchObject({ standby: { total: 0.51, by_destination: { youtube: 0.51 } } });

    const detail = await readShowDetail(table.doc, SESSIONS_TABLE, recorder.sessionId);
    expect(detail?.summary.cost.standby).toEqual({ totalUsd: 0.51, byDestination: [{ id: 'youtube', usd: 0.51 }] });
    expect(detail?.takes[0]?.spans.map((s) => s.kind)).toEqual(['standby', 'on-air', 'standby', 'on-air']);
  });

  it('a standby that never went live is no show, and its cost is all standby', async () => {
    table = await startSessionsTable();
    let t = START;
    const recorder = new SessionRecorder(table.doc, SESSIONS_TABLE, 'simulation', silentLogger, {
      now: () => t,
      ratePerHour: () => 0.6,
    });
    recorder.observe([youtube('RUNNING', warm('STANDBY'))]);
    t += 30 * MIN;
    recorder.observe([youtube('IDLE', warm('OFF'))]);
    expect(recorder.timeline()).toMatchObject({
      startedAt: null,
      onAir: { ms: 0, since: null },
      standby: { ms: 30 * MIN, since: null },
    });
    // The meter bills the ten-minute minimum and more; standby never counts above the running charges.
    await recorder.flush(costsOf(t, 0.2, { youtube: 0.2 }), true);
    const detail = await readShowDetail(table.doc, SESSIONS_TABLE, recorder.sessionId);
    expect(detail?.summary.cost.standby).toEqual({ totalUsd: 0.2, byDestination: [{ id: 'youtube', usd: 0.2 }] });
  });

  it('a run found running with its input not read yet comes back from the store with that time, for the history', async () => {
    table = await startSessionsTable();
    let t = START;
    const recorder = recorderAt(() => t);
    // The console starts while the channel runs (since 17:55 by its own record): its input is not read yet.
    const running = { runningSince: START - 5 * MIN };
    recorder.observe([{ ...youtube('RUNNING', warm('INPUT_UNCONFIRMED')), ...running }]);
    t = START + 7_000;
    recorder.observe([{ ...youtube('RUNNING', warm('ON_AIR')), ...running }]);
    t = START + 30 * MIN;
    recorder.observe([youtube('IDLE', warm('OFF'))]);
    await recorder.flush(costsOf(t, 0.3, { youtube: 0.3 }), true);

    const detail = await readShowDetail(table.doc, SESSIONS_TABLE, recorder.sessionId);
    const take = detail?.takes[0];
    expect(take?.inputUnconfirmed).toEqual({ from: START - 5 * MIN, to: START + 7_000 });
    expect(take?.spans).toEqual([{ kind: 'on-air', from: START + 7_000, to: START + 30 * MIN }]);
  });

  it('a cold run is on air as it runs, as before; a warm channel whose input is not read yet keeps its span', () => {
    let t = START;
    const recorder = new SessionRecorder(null as never, null, 'simulation', silentLogger, { now: () => t });
    recorder.observe([youtube('RUNNING', warm('OFF', { mode: 'cold', activeAttachment: null }))]);
    expect(recorder.timeline().onAir.since).toBe(START);
    t += MIN;
    recorder.observe([{ ...statusOf('twitch', 'RUNNING'), warm: warm('STANDBY') }]);
    t += MIN;
    // A read failed after a restart: OFF while running; the standby span goes on, never turned into on air.
    recorder.observe([{ ...statusOf('twitch', 'RUNNING'), warm: warm('OFF', { activeAttachment: null }) }]);
    const twitch = recorder.timeline().destinations.find((d) => d.id === 'twitch');
    expect(twitch).toEqual({ id: 'twitch', onAir: { ms: 0, since: null }, standby: { ms: 0, since: START + MIN } });
  });
});
