import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient, GetCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
import { SHOW_INDEX } from '../core/sessions/show-items';
import { readShowDetail } from '../core/sessions/show-store';
import { afterEach, describe, expect, it } from 'vitest';
import type { DestinationStatus } from '../../shared/domain/destination';
import { silentLogger } from '../core/logger';
import { createMemorySettingsStore } from '../core/settings';
import { startSimulator, type RunningSimulator } from '../simulator/index';
import { startBoothCore, type BoothCore } from './booth-core';
import { watch } from './test-support/watch-feed';

const FAST = { channelStartMs: 300, channelStopMs: 200, channelUpdateMs: 100 };
const MONITOR = { fastIntervalMs: 50, slowIntervalMs: 200, staleAfterFailures: 2, maxBackoffMs: 200 };
const RETRY = { retries: 3, minTimeoutMs: 5, maxTimeoutMs: 20 };
const operator = { role: 'operator' } as const;

let core: BoothCore | null = null;
let external: RunningSimulator | null = null;
const savedEnv = { ...process.env };
afterEach(async () => {
  await core?.close();
  await external?.close();
  core = null;
  external = null;
  for (const key of ['AWS_CONFIG_FILE', 'AWS_SHARED_CREDENTIALS_FILE', 'AWS_ENDPOINT_URL_DYNAMODB', 'AWS_PROFILE']) {
    if (savedEnv[key] === undefined) delete process.env[key];
    else process.env[key] = savedEnv[key];
  }
});

async function startSimulated(): Promise<BoothCore> {
  core = await startBoothCore({
    settings: createMemorySettingsStore(),
    logger: silentLogger,
    env: {},
    simulator: { timings: FAST },
    monitor: MONITOR,
    retry: RETRY,
  });
  return core;
}

describe('booth core against the simulator (real SDK over HTTP)', () => {
  it('discovers the stack, reads destinations and presets, and shows every channel IDLE', async () => {
    const booth = await startSimulated();
    const snapshot = await booth.router.invoke('destinations.snapshot', {}, operator);
    expect(snapshot.ok).toBe(true);
    if (!snapshot.ok) return;
    const data = snapshot.data as { destinations: DestinationStatus[] };
    expect(data.destinations.map((d) => d.id)).toEqual(['primary', 'youtube', 'twitch', 'linkedin', 'custom']);
    expect(data.destinations.every((d) => d.state === 'IDLE' && d.problem === null)).toBe(true);
    expect(data.destinations.find((d) => d.id === 'twitch')?.presetSummary).toBe('1080p60 6 Mbps');
    const connection = await booth.router.invoke('connection.describe', {}, operator);
    expect(connection).toMatchObject({
      ok: true,
      data: { mode: 'simulation', accountId: '123456789012', stackName: 'lunora-booth' },
    });
  });

  it('starts and stops one destination through STARTING, RUNNING, STOPPING, IDLE, leaving the others alone', async () => {
    const booth = await startSimulated();
    const feed = await watch(booth);
    const start = await booth.router.invoke('channels.start', { destinationId: 'youtube' }, operator);
    expect(start).toEqual({ ok: true, data: { outcome: 'requested', state: 'STARTING' } });
    await feed.until(() => feed.tiles.get('youtube')?.state === 'RUNNING');
    expect(feed.tiles.get('youtube')?.runningSince).toEqual(expect.any(Number));
    const again = await booth.router.invoke('channels.start', { destinationId: 'youtube' }, operator);
    expect(again).toEqual({ ok: true, data: { outcome: 'already', state: 'RUNNING' } });
    await booth.router.invoke('channels.stop', { destinationId: 'youtube' }, operator);
    await feed.until(() => feed.tiles.get('youtube')?.state === 'IDLE');
    expect(feed.seen.filter((s) => s.id === 'youtube').map((s) => s.state)).toEqual([
      'STARTING',
      'RUNNING',
      'STOPPING',
      'IDLE',
    ]);
    expect(feed.seen.filter((s) => s.id !== 'youtube')).toEqual([]);
    const starts = booth.simulator!.control.requests({ operation: 'StartChannel' });
    expect(starts).toHaveLength(1);
  });

  it('sends one StartChannel for many simultaneous presses (single flight)', async () => {
    const booth = await startSimulated();
    const results = await Promise.all(
      Array.from({ length: 10 }, () => booth.router.invoke('channels.start', { destinationId: 'twitch' }, operator)),
    );
    expect(results.every((r) => r.ok)).toBe(true);
    expect(booth.simulator!.control.requests({ operation: 'StartChannel' })).toHaveLength(1);
  });

  it('retries throttling on start and then succeeds; gives up with a typed error after too many', async () => {
    const booth = await startSimulated();
    const control = booth.simulator!.control;
    control.addFault({ service: 'medialive', operation: 'StartChannel', kind: 'throttle', count: 2 });
    const ok = await booth.router.invoke('channels.start', { destinationId: 'linkedin' }, operator);
    expect(ok).toMatchObject({ ok: true, data: { outcome: 'requested' } });
    expect(control.requests({ operation: 'StartChannel' }).map((r) => r.status)).toEqual([429, 429, 200]);

    control.addFault({ service: 'medialive', operation: 'StartChannel', kind: 'server-error', status: 500, count: 5 });
    const failed = await booth.router.invoke('channels.start', { destinationId: 'custom' }, operator);
    expect(failed).toMatchObject({ ok: false, code: 'unavailable' });
    if (!failed.ok) {
      // What happened once the retries stopped, not that the console retries; the tries are the requests sent.
      const tries = /AWS kept answering 500 \(internal error\); gave up after (\d) tries at \d\d:\d\d:\d\d\./.exec(
        failed.message,
      );
      expect(Number(tries?.[1])).toBe(
        control.requests({ operation: 'StartChannel' }).filter((r) => r.status === 500).length,
      );
      expect(failed.message).not.toMatch(/retries|backoff/);
      expect(failed.message).not.toContain('InternalServerErrorException');
    }
    expect(control.channelState(booth.simulator!.topology.destinations.find((d) => d.id === 'custom')!.channelId)).toBe(
      'IDLE',
    );
  });

  it('reports a refused stop on an IDLE channel as already there, and a refused start with the real state', async () => {
    const booth = await startSimulated();
    const stop = await booth.router.invoke('channels.stop', { destinationId: 'primary' }, operator);
    expect(stop).toEqual({ ok: true, data: { outcome: 'already', state: 'IDLE' } });
    expect(booth.simulator!.control.requests({ operation: 'StopChannel' })).toHaveLength(0);
  });

  it('shows a deleted channel as MISSING with the reason while the others keep working', async () => {
    const booth = await startSimulated();
    const feed = await watch(booth);
    const twitch = booth.simulator!.topology.destinations.find((d) => d.id === 'twitch')!;
    booth.simulator!.control.deleteChannel(twitch.channelId);
    await booth.router.invoke('channels.start', { destinationId: 'youtube' }, operator);
    await feed.until(
      () => feed.tiles.get('twitch')?.state === 'MISSING' && feed.tiles.get('youtube')?.state === 'RUNNING',
    );
    expect(feed.tiles.get('twitch')?.problem).toContain('does not exist');
    const refused = await booth.router.invoke('channels.start', { destinationId: 'twitch' }, operator);
    expect(refused).toMatchObject({ ok: false, code: 'not-found' });
  });

  it('keeps the last confirmed state, marked unconfirmed, when AWS keeps failing, and confirms it again', async () => {
    const booth = await startSimulated();
    const feed = await watch(booth);
    const rule = booth.simulator!.control.addFault({
      service: 'medialive',
      operation: 'ListChannels',
      kind: 'server-error',
    });
    await feed.until(() => feed.tiles.get('youtube')?.unconfirmed !== null);
    expect(feed.tiles.get('youtube')).toMatchObject({
      state: 'IDLE',
      unconfirmed: { code: 'unavailable', since: expect.any(Number), lastConfirmedAt: expect.any(Number) },
      lastError: { code: 'unavailable' },
    });
    expect(feed.seen.some((s) => s.state === 'UNKNOWN')).toBe(false);
    booth.simulator!.control.removeFault(rule.id);
    await feed.until(() => feed.tiles.get('youtube')?.unconfirmed === null);
    expect(feed.tiles.get('youtube')).toMatchObject({
      state: 'IDLE',
      lastError: null,
    });
  });

  it('through refused credentials: on-air tiles stay on air (unconfirmed), keep their on-air time, and End all stops them', async () => {
    const booth = await startSimulated();
    const sim = booth.simulator!;
    const feed = await watch(booth);
    for (const id of ['youtube', 'twitch'])
      await booth.router.invoke('channels.start', { destinationId: id }, operator);
    await feed.until(() => ['youtube', 'twitch'].every((id) => feed.tiles.get(id)?.state === 'RUNNING'));
    const onAirSince = feed.tiles.get('youtube')!.runningSince;

    const expired = sim.control.addFault({ service: 'medialive', operation: 'ListChannels', kind: 'expired-token' });
    await feed.until(() => feed.tiles.get('youtube')?.unconfirmed !== null);
    expect(feed.tiles.get('youtube')).toMatchObject({
      state: 'RUNNING',
      runningSince: onAirSince,
      unconfirmed: { code: 'expired-credentials' },
    });
    const tray = await booth.router.invoke('notifications.recent', {}, operator);
    expect(JSON.stringify(tray)).toContain('Channel states cannot be confirmed');
    sim.control.removeFault(expired.id);
    await feed.until(() => feed.tiles.get('youtube')?.unconfirmed === null);
    expect(feed.tiles.get('youtube')).toMatchObject({ state: 'RUNNING', runningSince: onAirSince });

    // Ending stays possible while ListChannels is refused: both channels get their StopChannel.
    sim.control.addFault({ service: 'medialive', operation: 'ListChannels', kind: 'throttle' });
    await feed.until(() => feed.tiles.get('twitch')?.unconfirmed !== null);
    const ended = await booth.router.invoke('channels.endAll', { confirm: true }, operator);
    expect(ended).toMatchObject({ ok: true });
    const stops = sim.control.requests({ service: 'medialive', operation: 'StopChannel' });
    const stopped = new Set(stops.map((r) => (r.params as { channelId?: string }).channelId));
    const channelOf = (id: string) => sim.topology.destinations.find((d) => d.id === id)!.channelId;
    expect([...stopped].sort()).toEqual([channelOf('youtube'), channelOf('twitch')].sort());
  });

  it('comes back LIVE from AWS state after a restart of the services', async () => {
    external = await startSimulator({ timings: FAST });
    const youtube = external.topology.destinations.find((d) => d.id === 'youtube')!;
    external.control.startChannel(youtube.channelId);
    await external.control.waitForChannelState(youtube.channelId, 'RUNNING', 5_000);
    core = await startAwsModeAgainst(external);
    const snapshot = await core.router.invoke('destinations.snapshot', {}, operator);
    expect(
      snapshot.ok &&
        (snapshot.data as { destinations: DestinationStatus[] }).destinations.find((d) => d.id === 'youtube')?.state,
    ).toBe('RUNNING');
  });

  it('in AWS mode honours a profile endpoint_url and AWS_ENDPOINT_URL_DYNAMODB (LocalStack/moto style)', async () => {
    external = await startSimulator({ timings: FAST });
    core = await startAwsModeAgainst(external);
    expect(core.connection).toMatchObject({
      mode: 'aws',
      profile: 'rehearsal',
      accountId: '123456789012',
      // Who signed in, read from STS GetCallerIdentity's assumed-role ARN: the role and its session (the person).
      caller: { role: 'LunoraBoothSimulation', user: 'operator' },
      customEndpoint: true,
    });
    expect(external.control.requests({ service: 'sts' }).length).toBeGreaterThan(0);
    expect(external.control.requests({ service: 'cloudformation', operation: 'DescribeStacks' }).length).toBe(1);
  });

  it("without a region setting uses the profile's region and names every endpoint setting in force", async () => {
    external = await startSimulator({ timings: FAST });
    core = await startAwsModeAgainst(external, 'from the profile');
    expect(core.connection).toMatchObject({
      status: 'connected',
      region: external.region,
      regionSource: 'from profile rehearsal',
      customEndpoint: true,
      endpointSources: ['AWS_ENDPOINT_URL_DYNAMODB', 'profile rehearsal endpoint_url'],
    });
  });
});

/** A real-mode core whose profile sends every request to the given simulator, as with LocalStack. */
async function startAwsModeAgainst(
  sim: RunningSimulator,
  region: 'from the settings' | 'from the profile' = 'from the settings',
): Promise<BoothCore> {
  const dir = mkdtempSync(path.join(tmpdir(), 'booth-aws-'));
  const configFile = path.join(dir, 'config');
  writeFileSync(
    configFile,
    [
      '[profile rehearsal]',
      `region = ${sim.region}`,
      'aws_access_key_id = AKIDREHEARSAL',
      'aws_secret_access_key = rehearsal',
      `endpoint_url = ${sim.endpoint}`,
      '',
    ].join('\n'),
  );
  // Restored by afterEach: the SDK reads these for every request, not only at start.
  process.env['AWS_CONFIG_FILE'] = configFile;
  process.env['AWS_SHARED_CREDENTIALS_FILE'] = path.join(dir, 'credentials-none');
  process.env['AWS_ENDPOINT_URL_DYNAMODB'] = sim.dynamoEndpoint!;
  return startBoothCore({
    settings: createMemorySettingsStore({
      connection: { profile: 'rehearsal', region: region === 'from the settings' ? sim.region : null },
    }),
    logger: silentLogger,
    env: process.env,
    monitor: MONITOR,
    retry: RETRY,
  });
}

describe('streaming sessions record', () => {
  it('writes who ran the show, what went live when, what it cost and its events, when the console closes', async () => {
    external = await startSimulator({ timings: FAST });
    core = await startAwsModeAgainst(external);
    const feed = await watch(core);
    await core.router.invoke('channels.start', { destinationId: 'youtube' }, operator);
    await feed.until(() => feed.tiles.get('youtube')?.state === 'RUNNING');
    await core.router.invoke('channels.stop', { destinationId: 'youtube' }, operator);
    await feed.until(() => feed.tiles.get('youtube')?.state === 'IDLE');
    const sessionId = core.sessionId;
    await core.close();
    core = null;
    const dynamo = DynamoDBDocumentClient.from(
      new DynamoDBClient({
        region: external.region,
        endpoint: external.dynamoEndpoint!,
        credentials: { accessKeyId: 'x', secretAccessKey: 'x' },
      }),
    );
    const table = external.topology.tables.sessions;
    const { Item: item } = await dynamo.send(new GetCommand({ TableName: table, Key: { session_id: sessionId } }));
    const detail = await readShowDetail(dynamo, table, sessionId!);
    const items = await dynamo.send(
      new QueryCommand({
        TableName: table,
        IndexName: SHOW_INDEX,
        KeyConditionExpression: 'group_key = :g AND begins_with(item_key, :e)',
        ExpressionAttributeValues: { ':g': `show#${sessionId}`, ':e': 'event#' },
      }),
    );
    dynamo.destroy();
    expect(item).toMatchObject({ session_id: sessionId, console: 'profile:rehearsal', ended_at: expect.any(String) });
    // The takes, events and incidents are items of their own under the show.
    expect(detail!.takes).toEqual([
      expect.objectContaining({ destinationId: 'youtube', name: 'YouTube Live', endedAt: expect.any(Number) }),
    ]);
    expect(item!['cost_usd']['by_destination']['youtube']).toBeGreaterThan(0.09);
    expect((items.Items ?? []).map((e) => e['title'])).toContain('YouTube Live is ON AIR');
    // The incident log is in the record as well: the operator's actions and what AWS reported.
    const incidents = detail!.incidents;
    expect(incidents).toContainEqual(expect.objectContaining({ kind: 'aws', title: 'YouTube Live is ON AIR' }));
    expect(incidents.some((i) => i.kind === 'action')).toBe(true);
  });
});

describe('admin changes reach the operator tiles', () => {
  it('adds a tile for a new destination and removes the tile of a retired one, without a restart', async () => {
    const booth = await startSimulated();
    const feed = await watch(booth);
    const removed: string[] = [];
    booth.router.attach('operator', (_c, payload) =>
      removed.push(...((payload as { removed?: string[] }).removed ?? [])),
    );
    const twitch = booth.simulator!.topology.destinations.find((d) => d.id === 'twitch')!;
    // One channel feeds one destination: Twitch retires first, so that its channel is free for the new one.
    const freed = await booth.router.invoke(
      'destinations.retire',
      { id: 'twitch', expected_version: 1 },
      { role: 'admin' },
    );
    expect(freed).toMatchObject({ ok: true, data: { status: 'saved' } });
    await feed.until(() => removed.includes('twitch'));
    const created = await booth.router.invoke(
      'destinations.create',
      {
        destination: {
          platform: 'custom',
          name: 'Church Feed',
          preset_id: 'preset_generic_720p',
          medialive_channel_id: twitch.channelId,
        },
      },
      { role: 'admin' },
    );
    expect(created).toMatchObject({ ok: true, data: { status: 'saved' } });
    await feed.until(() => feed.tiles.get('church-feed')?.state === 'IDLE');
    expect(feed.tiles.get('church-feed')?.presetSummary).toBe('720p30 3 Mbps');
    const retired = await booth.router.invoke(
      'destinations.retire',
      { id: 'church-feed', expected_version: 1 },
      { role: 'admin' },
    );
    expect(retired).toMatchObject({ ok: true, data: { status: 'saved' } });
    await feed.until(() => removed.includes('church-feed'));
    const snapshot = await booth.router.invoke('destinations.snapshot', {}, operator);
    expect(
      snapshot.ok && (snapshot.data as { destinations: DestinationStatus[] }).destinations.map((d) => d.id),
    ).not.toContain('church-feed');
  });
});
