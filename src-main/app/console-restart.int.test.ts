import { DescribeChannelCommand, MediaLiveClient } from '@aws-sdk/client-medialive';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient, GetCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
import { SHOW_INDEX } from '../core/sessions/show-items';
import { readShowDetail } from '../core/sessions/show-store';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { CostSnapshot } from '../../shared/domain/cost';
import type { DestinationStatus } from '../../shared/domain/destination';
import { ON_AIR_TAG } from '../core/channels/on-air-tags';
import { silentLogger } from '../core/logger';
import { createMemorySettingsStore, type SettingsStore } from '../core/settings';
import { startSimulator, type RunningSimulator } from '../simulator/index';
import { startBoothCore, type BoothCore } from './booth-core';
import { externalSimulatorEnv } from './test-support/booth-core-rig';

const FAST = { channelStartMs: 300, channelStopMs: 200, channelUpdateMs: 100 };
const MONITOR = { fastIntervalMs: 50, slowIntervalMs: 200, staleAfterFailures: 2, maxBackoffMs: 200 };
const RETRY = { retries: 3, minTimeoutMs: 5, maxTimeoutMs: 20 };
const operator = { role: 'operator' } as const;
const LIVE = ['youtube', 'twitch'];

let sim: RunningSimulator | null = null;
const cores: BoothCore[] = [];
afterEach(async () => {
  for (const core of cores.splice(0)) await core.close();
  await sim?.close();
  sim = null;
});

/** A console core against the simulator that runs on its own (as `npm run sim` does), named `consoleName`. */
async function startConsole(world: RunningSimulator, consoleName: string, settings: SettingsStore): Promise<BoothCore> {
  const core = await startBoothCore({
    settings,
    logger: silentLogger,
    env: externalSimulatorEnv(world, consoleName),
    monitor: MONITOR,
    retry: RETRY,
  });
  cores.push(core);
  return core;
}

function sessionOf(core: BoothCore): string {
  if (!core.sessionId) throw new Error('the console is not connected');
  return core.sessionId;
}

async function tiles(core: BoothCore): Promise<Map<string, DestinationStatus>> {
  const answer = await core.router.invoke('destinations.snapshot', {}, operator);
  if (!answer.ok) throw new Error(answer.message);
  return new Map((answer.data as { destinations: DestinationStatus[] }).destinations.map((d) => [d.id, d]));
}

async function costs(core: BoothCore): Promise<CostSnapshot> {
  const answer = await core.router.invoke('costs.snapshot', {}, operator);
  if (!answer.ok) throw new Error(answer.message);
  return answer.data as CostSnapshot;
}

async function tagsOf(world: RunningSimulator, destinationId: string): Promise<Record<string, string>> {
  const channelId = world.topology.destinations.find((d) => d.id === destinationId)?.channelId;
  const ml = new MediaLiveClient({
    region: world.region,
    endpoint: world.endpoint,
    credentials: { accessKeyId: 'sim', secretAccessKey: 'sim' },
  });
  try {
    return (await ml.send(new DescribeChannelCommand({ ChannelId: channelId }))).Tags ?? {};
  } finally {
    ml.destroy();
  }
}

async function sessionRecord(world: RunningSimulator, sessionId: string): Promise<Record<string, unknown>> {
  const doc = DynamoDBDocumentClient.from(
    new DynamoDBClient({
      region: world.region,
      endpoint: world.dynamoEndpoint ?? '',
      credentials: { accessKeyId: 'sim', secretAccessKey: 'sim' },
    }),
  );
  try {
    const out = await doc.send(
      new GetCommand({ TableName: world.topology.tables.sessions, Key: { session_id: sessionId } }),
    );
    return out.Item ?? {};
  } finally {
    doc.destroy();
  }
}

function sessionsDoc(world: RunningSimulator): DynamoDBDocumentClient {
  return DynamoDBDocumentClient.from(
    new DynamoDBClient({
      region: world.region,
      endpoint: world.dynamoEndpoint ?? '',
      credentials: { accessKeyId: 'sim', secretAccessKey: 'sim' },
    }),
  );
}

async function showTakes(world: RunningSimulator, sessionId: string) {
  const doc = sessionsDoc(world);
  try {
    return (await readShowDetail(doc, world.topology.tables.sessions, sessionId))?.takes ?? [];
  } finally {
    doc.destroy();
  }
}

async function showEventTitles(world: RunningSimulator, sessionId: string): Promise<string[]> {
  const doc = sessionsDoc(world);
  try {
    const out = await doc.send(
      new QueryCommand({
        TableName: world.topology.tables.sessions,
        IndexName: SHOW_INDEX,
        KeyConditionExpression: 'group_key = :g AND begins_with(item_key, :e)',
        ExpressionAttributeValues: { ':g': `show#${sessionId}`, ':e': 'event#' },
      }),
    );
    return (out.Items ?? []).map((item) => String(item['title']));
  } finally {
    doc.destroy();
  }
}

/** Console A takes two channels on air and waits until the channels carry their on-air record. */
async function showOnAir(a: BoothCore, world: RunningSimulator): Promise<Map<string, DestinationStatus>> {
  for (const id of LIVE) {
    const started = await a.router.invoke('channels.start', { destinationId: id }, operator);
    expect(started.ok).toBe(true);
  }
  await vi.waitFor(
    async () => {
      const now = await tiles(a);
      for (const id of LIVE) {
        expect(now.get(id)?.state).toBe('RUNNING');
        expect(now.get(id)?.startedBy).not.toBeNull();
        expect((await tagsOf(world, id))[ON_AIR_TAG.onAirSince]).toBeDefined();
      }
    },
    { timeout: 5_000, interval: 20 },
  );
  // One more poll: the tile reads back what the tags say.
  return vi.waitFor(
    async () => {
      const now = await tiles(a);
      for (const id of LIVE) {
        const tags = await tagsOf(world, id);
        expect(now.get(id)?.runningSince).toBe(Date.parse(tags[ON_AIR_TAG.onAirSince] ?? ''));
      }
      return now;
    },
    { timeout: 5_000, interval: 20 },
  );
}

describe('a console restarted mid-show (simulator kept running)', () => {
  it('picks up the safety stops its channels have in AWS: the same times on the tiles, none created twice', async () => {
    sim = await startSimulator({ timings: FAST });
    const settings = createMemorySettingsStore();
    const a = await startConsole(sim, 'booth-a', settings);
    await showOnAir(a, sim);
    const world = sim;
    const created = () => world.control.requests({ service: 'scheduler', operation: 'CreateSchedule' }).length;
    await vi.waitFor(async () => {
      for (const id of LIVE) expect((await tiles(a)).get(id)?.safetyStop?.state).toBe('armed');
    });
    const armedA = await tiles(a);
    expect(created()).toBe(LIVE.length);
    await a.close();
    cores.splice(cores.indexOf(a), 1);

    const b = await startConsole(sim, 'booth-a', settings);
    await vi.waitFor(async () => {
      for (const id of LIVE) expect((await tiles(b)).get(id)?.safetyStop?.state).toBe('armed');
    });
    const armedB = await tiles(b);
    // Within the second AWS holds (an at() expression has whole seconds): the schedule was not moved.
    for (const id of LIVE) {
      const moved = (armedB.get(id)?.safetyStop?.at ?? 0) - (armedA.get(id)?.safetyStop?.at ?? 0);
      expect(Math.abs(moved)).toBeLessThan(1_000);
    }
    expect(world.control.requests({ service: 'scheduler', operation: 'UpdateSchedule' })).toEqual([]);
    expect(created()).toBe(LIVE.length);
    expect(
      sim.control.schedules
        .list()
        .map((schedule) => schedule.name)
        .sort(),
    ).toEqual(LIVE.map((id) => `lunora-${id}`).sort());
    // A stop from the restarted console deletes the schedule it picked up.
    expect((await b.router.invoke('channels.stop', { destinationId: 'youtube' }, operator)).ok).toBe(true);
    await vi.waitFor(() => expect(world.control.schedules.list().map((s) => s.name)).toEqual(['lunora-twitch']));
  });

  it('shows the same on-air start times and who started them, continues the session and re-charges no minimum', async () => {
    sim = await startSimulator({ timings: FAST });
    const settings = createMemorySettingsStore();
    const a = await startConsole(sim, 'booth-a', settings);
    const before = await showOnAir(a, sim);
    const sessionA = sessionOf(a);
    const costA = await costs(a);
    await a.close();
    cores.splice(cores.indexOf(a), 1);

    // The console closed mid-show (the channels kept running, and billing, in AWS) and starts again on the same machine.
    const b = await startConsole(sim, 'booth-a', settings);
    const after = await tiles(b);
    for (const id of LIVE) {
      expect(after.get(id)?.state).toBe('RUNNING');
      expect(after.get(id)?.runningSince).toBe(before.get(id)?.runningSince);
      expect(after.get(id)?.startedBy).toEqual({
        startedAt: before.get(id)?.startedBy?.startedAt,
        console: 'booth-a',
        operator: 'operator via simulation',
        thisConsole: true,
      });
    }
    // A channel this console never saw start still has no on-air record.
    expect(after.get('custom')?.startedBy).toBeNull();

    // The show's session record goes on: same id, open again, the restart noted.
    expect(sessionOf(b)).toBe(sessionA);
    const costB = await costs(b);
    // The session's start (the flow's share of the cost) is the record's, which A noted as it began (same ms or next).
    expect(Math.abs(costB.sessionStartedAt - costA.sessionStartedAt)).toBeLessThan(1_000);
    expect(costB.sessionStartedAt).toBeLessThan(costA.at);
    for (const id of LIVE) {
      const usdA = costA.destinations.find((d) => d.id === id)?.usd ?? 0;
      const usdB = costB.destinations.find((d) => d.id === id)?.usd ?? 0;
      // Both runs are within their first ten minutes: one minimum each, not a second one after the restart.
      expect(usdA).toBeGreaterThan(0);
      // The same run a few seconds later: only its data transfer grew; a second minimum would double it.
      expect(usdB).toBeGreaterThanOrEqual(usdA);
      expect(usdB).toBeLessThan(usdA * 1.05);
      expect(costB.destinations.find((d) => d.id === id)?.billedMinutes).toBe(10);
    }
    const showsB = costB.destinations.reduce((sum, d) => sum + d.usd, 0);
    await b.close();
    cores.splice(cores.indexOf(b), 1);
    // This machine's month total already held the show's cost before the restart: it is not counted twice.
    const savedShows = settings.get().spend?.showsUsd ?? 0;
    expect(savedShows).toBeGreaterThanOrEqual(showsB);
    expect(savedShows).toBeLessThan(showsB * 1.05);
    const record = await sessionRecord(sim, sessionA);
    expect(record['console_name']).toBe('booth-a');
    expect(record['restarts']).toHaveLength(1);
    const takes = await showTakes(sim, sessionA);
    // One take per channel: the restart continued them, it did not open new ones.
    expect(takes.filter((take) => LIVE.includes(take.destinationId))).toHaveLength(2);
    expect((await showEventTitles(sim, sessionA)).some((title) => title.includes('restarted'))).toBe(true);
  });

  it('a second console joining a show another console still records keeps its own record, linked', async () => {
    sim = await startSimulator({ timings: FAST });
    const a = await startConsole(sim, 'booth-a', createMemorySettingsStore());
    await showOnAir(a, sim);
    const b = await startConsole(sim, 'booth-b', createMemorySettingsStore());
    const idA = sessionOf(a);
    const idB = sessionOf(b);
    expect(idB).not.toBe(idA);
    const seen = await tiles(b);
    for (const id of LIVE) {
      expect(seen.get(id)?.startedBy).toMatchObject({
        console: 'booth-a',
        operator: 'operator via simulation',
        thisConsole: false,
      });
    }
    const costB = await costs(b);
    for (const id of LIVE) expect(costB.destinations.find((d) => d.id === id)?.billedMinutes).toBe(10);
    await b.close();
    cores.splice(cores.indexOf(b), 1);
    expect(await sessionRecord(sim, idB)).toMatchObject({
      alongside_session: idA,
      ended_at: expect.any(String),
    });
    // A's record is A's: still open, not continued by B.
    expect(await sessionRecord(sim, idA)).toMatchObject({ ended_at: null, restarts: [] });
  });

  it('clears the on-air record when the channel is IDLE again, so the next run does not inherit it', async () => {
    sim = await startSimulator({ timings: FAST });
    const a = await startConsole(sim, 'booth-a', createMemorySettingsStore());
    await showOnAir(a, sim);
    await a.router.invoke('channels.stop', { destinationId: 'youtube' }, operator);
    await vi.waitFor(
      async () => {
        const tags = await tagsOf(sim!, 'youtube');
        expect(Object.keys(tags).filter((k) => k.startsWith('lunora:'))).toEqual([]);
        expect(tags['Project']).toBe('lunora-booth');
      },
      { timeout: 5_000, interval: 20 },
    );
    expect((await tiles(a)).get('youtube')).toMatchObject({ state: 'IDLE', startedBy: null, runningSince: null });
  });
});
