import { DescribeChannelCommand, MediaLiveClient } from '@aws-sdk/client-medialive';
import { GetCommand, PutCommand } from '@aws-sdk/lib-dynamodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Preset } from '../../shared/domain/preset';
import type { PresetDraftInput } from '../../shared/domain/preset-validation';
import type { InvokeChannel } from '../../shared/ipc/channels';
import type { InvokeInput, InvokeOutput } from '../../shared/ipc/contract';
import { ADMIN_INVOKE_ROLES } from '../../shared/ipc/features/admin.roles';
import type { Logger } from '../core/logger';
import { createMemorySettingsStore } from '../core/settings';
import { startBoothCore, type BoothCore } from './booth-core';

const FAST = { channelStartMs: 200, channelStopMs: 150, channelUpdateMs: 100 };
const admin = { role: 'admin' } as const;
const operator = { role: 'operator' } as const;

/** Every line the core logs, to prove a stream key never reaches one. */
const logLines: string[] = [];
const recordingLogger: Logger = {
  debug: (m, f) => logLines.push(`${m} ${JSON.stringify(f ?? {})}`),
  info: (m, f) => logLines.push(`${m} ${JSON.stringify(f ?? {})}`),
  warn: (m, f) => logLines.push(`${m} ${JSON.stringify(f ?? {})}`),
  error: (m, f) => logLines.push(`${m} ${JSON.stringify(f ?? {})}`),
};

let core: BoothCore;
beforeAll(async () => {
  core = await startBoothCore({
    settings: createMemorySettingsStore(),
    logger: recordingLogger,
    env: {},
    simulator: { timings: FAST },
    monitor: { fastIntervalMs: 50, slowIntervalMs: 200 },
    retry: { retries: 1, minTimeoutMs: 5, maxTimeoutMs: 10 },
  });
});
afterAll(async () => core?.close());

const sim = () => core.simulator!;
async function describeChannel(channelId: string) {
  const medialive = new MediaLiveClient({
    region: sim().region,
    endpoint: sim().endpoint,
    credentials: { accessKeyId: 'sim', secretAccessKey: 'sim' },
  });
  try {
    return await medialive.send(new DescribeChannelCommand({ ChannelId: channelId }));
  } finally {
    medialive.destroy();
  }
}
const channelOf = (id: string) => sim().topology.destinations.find((d) => d.id === id)!.channelId;

/** Invokes as the admin window and returns the data, failing the test on an IPC failure. */
async function call<C extends InvokeChannel>(channel: C, payload: InvokeInput<C>): Promise<InvokeOutput<C>> {
  const result = await core.router.invoke(channel, payload, admin);
  if (!result.ok) throw new Error(`${channel} failed: ${result.code} ${result.message}`);
  return result.data as InvokeOutput<C>;
}

/** The outcome narrowed to one status; fails the test, showing the whole outcome, when it has another. */
function withStatus<O extends { status: string }, S extends O['status']>(
  outcome: O,
  status: S,
  label?: string,
): Extract<O, { status: S }> {
  expect(outcome, label).toMatchObject({ status });
  return outcome as Extract<O, { status: S }>;
}

async function storedPresets(): Promise<Preset[]> {
  return (await call('presets.listAll', {})).presets;
}

const goodDraft = (over: Partial<PresetDraftInput> = {}): PresetDraftInput => ({
  name: 'Night Show 720p',
  platform: 'twitch',
  type: 'platform_specific',
  video: {
    codec: 'H264',
    resolution: '1280x720',
    framerate: 30,
    bitrate: 3_000_000,
    profile: 'MAIN',
    level: 'H264_LEVEL_3_1',
    gop_size: 60,
    rate_control: 'CBR',
  },
  audio: { codec: 'AAC', bitrate: 128_000, sample_rate: 48_000, channels: 2, coding_mode: 'CODING_MODE_2_0' },
  platform_settings: { max_bitrate: 6_000_000, recommended_keyframe: 2, low_latency: true, adaptive_bitrate: false },
  description: 'late shows',
  ...over,
});

describe('admin channels: roles', () => {
  it('refuses the operator window on every admin channel, before any handler runs', async () => {
    const channels = Object.keys(ADMIN_INVOKE_ROLES);
    expect(channels.length).toBeGreaterThanOrEqual(16);
    for (const channel of channels) {
      const result = await core.router.invoke(channel, {}, operator);
      expect(result, channel).toMatchObject({ ok: false, code: 'forbidden' });
    }
  });
});

describe('presets through the admin channels (dynalite)', () => {
  it('refuses malformed drafts with field-level errors and writes nothing', async () => {
    const before = (await storedPresets()).length;
    const video = goodDraft().video;
    const cases: Array<[string, unknown, string[]]> = [
      [
        'wrong types',
        goodDraft({ video: { ...video, bitrate: '6000000' as unknown as number }, name: 42 as unknown as string }),
        ['video.bitrate', 'name'],
      ],
      ['missing fields', { name: 'x', platform: 'twitch', type: 'custom' }, ['video', 'audio']],
      [
        'huge strings',
        goodDraft({ name: 'n'.repeat(5_000), description: 'd'.repeat(20_000) }),
        ['name', 'description'],
      ],
      ['unknown platform', goodDraft({ platform: 'myspace' as 'twitch' }), ['platform']],
      ['50 kbps video', goodDraft({ video: { ...video, bitrate: 50_000 } }), ['video.bitrate']],
      ['unknown field', { ...goodDraft(), stream_key: 'x' }, ['stream_key']],
      ['not an object', 'DROP TABLE', ['(preset)']],
    ];
    for (const [what, draft, fields] of cases) {
      const out = withStatus(await call('presets.create', { draft }), 'invalid', what);
      const named = out.errors.map((e) => e.field);
      for (const field of fields) expect(named, `${what}: ${JSON.stringify(out.errors)}`).toContain(field);
      for (const e of out.errors) expect(e.message.length, what).toBeGreaterThan(5);
    }
    // Beyond the size cap the router refuses the request outright.
    const tooBig = await core.router.invoke(
      'presets.create',
      { draft: goodDraft({ description: 'x'.repeat(70_000) }) },
      admin,
    );
    expect(tooBig).toMatchObject({ ok: false, code: 'invalid-input' });
    expect((await storedPresets()).length).toBe(before);
  });

  it('creates, then two concurrent edits of one version: one saved, the other told with the newer version; delete is versioned', async () => {
    const created = withStatus(await call('presets.create', { draft: goodDraft() }), 'saved');
    expect(created).toMatchObject({
      status: 'saved',
      preset: { name: 'Night Show 720p', version: 1, created_by: 'admin:simulation' },
    });
    const id = created.preset.preset_id;
    expect((await storedPresets()).map((p) => p.preset_id)).toContain(id);

    const [a, b] = await Promise.all([
      call('presets.update', { preset_id: id, expected_version: 1, draft: goodDraft({ name: 'Edit A' }) }),
      call('presets.update', { preset_id: id, expected_version: 1, draft: goodDraft({ name: 'Edit B' }) }),
    ]);
    const outcomes = [a.status, b.status].sort();
    expect(outcomes).toEqual(['conflict', 'saved']);
    const winner = withStatus(a.status === 'saved' ? a : b, 'saved');
    const loser = withStatus(a.status === 'saved' ? b : a, 'conflict');
    expect(loser.current).toMatchObject({ version: 2, name: winner.preset.name });
    expect(loser.message).toMatch(/changed by someone else/);
    // no lost update: what is stored is the winner's
    const stored = (await storedPresets()).find((p) => p.preset_id === id)!;
    expect(stored).toMatchObject({ version: 2, name: winner.preset.name });

    expect(await call('presets.delete', { preset_id: id, expected_version: 1 })).toMatchObject({
      status: 'conflict',
      current: { version: 2 },
    });
    expect(await call('presets.delete', { preset_id: id, expected_version: 2 })).toMatchObject({
      status: 'deleted',
      preset: { is_active: false, version: 3 },
    });
    expect((await storedPresets()).some((p) => p.preset_id === id)).toBe(false);
    expect(await call('presets.update', { preset_id: id, expected_version: 3, draft: goodDraft() })).toMatchObject({
      status: 'conflict',
      message: expect.stringMatching(/deleted/) as unknown,
    });
  });
});

describe('applying a preset to a destination', () => {
  it('previews the diff, applies while IDLE, records the preset on the destination; refuses while RUNNING', async () => {
    const created = withStatus(
      await call('presets.create', { draft: goodDraft({ name: 'Twitch 720p Night' }) }),
      'saved',
    );
    const presetId = created.preset.preset_id;
    const channelId = channelOf('twitch');
    await sim().control.waitForChannelState(channelId, 'IDLE');

    const preview = withStatus(await call('presets.previewApply', { destinationId: 'twitch', presetId }), 'preview');
    expect(preview).toMatchObject({
      status: 'preview',
      channelState: 'IDLE',
      canApply: true,
      reason: null,
      presetVersion: 1,
    });
    expect(preview.changes).toContainEqual({ path: 'VideoDescriptions[0].Width', from: '1920', to: '1280' });

    const applied = await call('presets.apply', { destinationId: 'twitch', presetId });
    expect(applied).toMatchObject({ status: 'applied', updated: true, note: null });
    await sim().control.waitForChannelState(channelId, 'IDLE');
    const h264 = (await describeChannel(channelId)).EncoderSettings?.VideoDescriptions?.[0];
    expect(h264).toMatchObject({ Width: 1280, Height: 720 });
    expect(h264?.CodecSettings?.H264Settings).toMatchObject({ Bitrate: 3_000_000, Profile: 'MAIN', GopSize: 60 });
    const { destinations } = await call('destinations.listAll', {});
    expect(destinations.find((d) => d.id === 'twitch')?.preset_id).toBe(presetId);

    sim().control.startChannel(channelId);
    await sim().control.waitForChannelState(channelId, 'RUNNING');
    const updatesBefore = sim().control.requests({ operation: 'UpdateChannel' }).length;
    const refused = await call('presets.apply', { destinationId: 'twitch', presetId: 'preset_twitch_1080p_60fps' });
    expect(refused).toMatchObject({
      status: 'refused',
      channelState: 'RUNNING',
      reason: expect.stringContaining(
        'Twitch is RUNNING; presets can only be applied while the channel is IDLE',
      ) as unknown,
    });
    expect(sim().control.requests({ operation: 'UpdateChannel' }).length).toBe(updatesBefore);
    const runningPreview = await call('presets.previewApply', {
      destinationId: 'twitch',
      presetId: 'preset_twitch_1080p_60fps',
    });
    expect(runningPreview).toMatchObject({
      status: 'preview',
      canApply: false,
      channelState: 'RUNNING',
      reason: expect.stringContaining('IDLE') as unknown,
    });
    sim().control.stopChannel(channelId);
    await sim().control.waitForChannelState(channelId, 'IDLE');
  });

  it('answers AccessDenied from MediaLive as read-only, and admin.access says so until rechecked', async () => {
    const channelId = channelOf('linkedin');
    await sim().control.waitForChannelState(channelId, 'IDLE');
    const fault = sim().control.addFault({ service: 'medialive', operation: 'UpdateChannel', kind: 'access-denied' });
    try {
      const out = await call('presets.apply', { destinationId: 'linkedin', presetId: 'preset_generic_720p' });
      expect(out).toMatchObject({
        status: 'read-only',
        reason: expect.stringMatching(/^Read-only: AWS refused a write\. .*not allowed/) as unknown,
      });
      expect(await call('admin.access', {})).toMatchObject({
        canWrite: false,
        reason: expect.stringMatching(/^Read-only/) as unknown,
      });
    } finally {
      sim().control.removeFault(fault.id);
    }
    expect(await call('admin.access', { recheck: true })).toEqual({ canWrite: true, reason: null });
  });
});

describe('destinations and stream keys', () => {
  it('adds, edits (with conflicts) and retires a custom destination; refuses a stream key field on the record', async () => {
    const created = await call('destinations.create', {
      destination: { platform: 'custom', name: 'Church Feed', preset_id: 'preset_generic_720p' },
    });
    expect(created).toMatchObject({
      status: 'saved',
      destination: { id: 'church-feed', version: 1, is_active: true, channelId: null },
    });
    expect(await call('destinations.create', { destination: { platform: 'custom', name: 'Church Feed' } })).toEqual({
      // A duplicate name is the name field's error, not "someone else changed this destination".
      status: 'invalid',
      errors: [{ field: 'name', message: 'A destination named "Church Feed" already exists: choose another name.' }],
    });
    const bad = await call('destinations.create', {
      destination: { platform: 'Custom!', name: '', stream_key: 'abc' },
    });
    expect(
      withStatus(bad, 'invalid')
        .errors.map((e) => e.field)
        .sort(),
    ).toEqual(['name', 'platform', 'stream_key']);

    const edited = await call('destinations.update', {
      id: 'church-feed',
      expected_version: 1,
      changes: { name: 'Church Feed HD' },
    });
    expect(edited).toMatchObject({ status: 'saved', destination: { name: 'Church Feed HD', version: 2 } });
    expect(
      await call('destinations.update', { id: 'church-feed', expected_version: 1, changes: { name: 'Stale' } }),
    ).toMatchObject({
      status: 'conflict',
      current: { name: 'Church Feed HD', version: 2 },
    });
    expect(await call('destinations.streamTarget', { id: 'church-feed' })).toMatchObject({
      status: 'refused',
      reason: expect.stringMatching(/No MediaLive channel/) as unknown,
    });
    expect(await call('destinations.retire', { id: 'church-feed', expected_version: 2 })).toMatchObject({
      status: 'saved',
      destination: { is_active: false },
    });
  });

  it('sets a stream key on the IDLE channel: the answer, the other channels and the logs carry only the masked hint', async () => {
    const secret = 'live_SECRET_custom_key_424242';
    const channelId = channelOf('custom');
    await sim().control.waitForChannelState(channelId, 'IDLE');
    const out = await core.router.invoke(
      'destinations.setStreamKey',
      { id: 'custom', url: 'rtmps://ingest.example.com:443/live', streamKey: secret },
      admin,
    );
    expect(out).toEqual({
      ok: true,
      data: {
        status: 'saved',
        target: { url: 'rtmps://ingest.example.com:443/live', hasStreamKey: true, streamKeyHint: '••••4242' },
      },
    });
    const view = await core.router.invoke('destinations.streamTarget', { id: 'custom' }, admin);
    expect(view).toEqual({
      ok: true,
      data: {
        status: 'ok',
        target: { url: 'rtmps://ingest.example.com:443/live', hasStreamKey: true, streamKeyHint: '••••4242' },
      },
    });
    const everything = JSON.stringify([out, view, await core.router.invoke('destinations.listAll', {}, admin)]);
    expect(everything).not.toContain(secret);

    const invalid = await call('destinations.setStreamKey', {
      id: 'custom',
      url: 'http://nope/app',
      streamKey: 'has a space',
    });
    expect(invalid.status).toBe('invalid');
    expect(JSON.stringify(invalid)).not.toContain('has a space');

    expect(logLines.join('\n')).not.toContain(secret);
    // MediaLive has it; DynamoDB does not.
    const channel = await describeChannel(channelId);
    expect(channel.Destinations?.[0]?.Settings?.[0]).toMatchObject({
      Url: 'rtmps://ingest.example.com:443/live',
      StreamName: secret,
    });
  });

  it('tells a listener (for the operator tiles) after each write that changes what tiles show, not after refused ones', async () => {
    const { DynamoDBClient } = await import('@aws-sdk/client-dynamodb');
    const { DynamoDBDocumentClient } = await import('@aws-sdk/lib-dynamodb');
    const { createDestinationStore } = await import('../core/destinations/destination-store');
    const { createPresetStore } = await import('../core/presets/preset-store');
    const { createDestinationMigration } = await import('../core/destinations/destination-migration');
    const { createAdminHandlers } = await import('./admin-feature');
    const base = new DynamoDBClient({
      region: sim().region,
      endpoint: sim().dynamoEndpoint!,
      credentials: { accessKeyId: 'sim', secretAccessKey: 'sim' },
    });
    const doc = DynamoDBDocumentClient.from(base, { marshallOptions: { removeUndefinedValues: true } });
    const tables = sim().topology.tables;
    const seen: string[] = [];
    const unused = new Proxy({}, { get: () => () => Promise.reject(new Error('unused')) });
    const { handlers } = createAdminHandlers({
      presets: createPresetStore(doc, tables.presets, recordingLogger),
      destinations: createDestinationStore(doc, tables.destinations, recordingLogger),
      applier: unused as never,
      streamKeys: unused as never,
      migration: createDestinationMigration(doc, tables.destinations, recordingLogger),
      backup: async () => ({ backupArn: 'unused' }),
      stack: {
        stackName: 's',
        stackStatus: 'x',
        flowArn: null,
        tables,
        ingest: { main: null, backup: null },
        channels: new Map(),
      },
      listChannels: async () => [],
      createdBy: 'admin:test',
      logger: recordingLogger,
      onChanged: ({ kind, id }) => seen.push(`${kind}:${id}`),
    });
    await handlers['destinations.create']({ destination: { platform: 'custom', name: 'Listener Show' } }, admin);
    await handlers['destinations.update'](
      { id: 'listener-show', expected_version: 1, changes: { name: 'Listener Show 2' } },
      admin,
    );
    await handlers['destinations.update'](
      { id: 'listener-show', expected_version: 1, changes: { name: 'stale' } },
      admin,
    );
    await handlers['presets.create']({ draft: { name: '' } }, admin);
    expect(seen).toEqual(['destination:listener-show', 'destination:listener-show']);
    doc.destroy();
    base.destroy();
  });

  it('dry-runs the migration of an older record (key not shown) and refuses to apply without a backup', async () => {
    const { DynamoDBClient } = await import('@aws-sdk/client-dynamodb');
    const { DynamoDBDocumentClient } = await import('@aws-sdk/lib-dynamodb');
    const base = new DynamoDBClient({
      region: sim().region,
      endpoint: sim().dynamoEndpoint!,
      credentials: { accessKeyId: 'sim', secretAccessKey: 'sim' },
    });
    const doc = DynamoDBDocumentClient.from(base);
    const table = sim().topology.tables.destinations;
    await doc.send(
      new PutCommand({
        TableName: table,
        Item: { id: 'old-show', platform: 'custom', name: 'Old Show', stream_key: 'old-clear-key-777' },
      }),
    );
    const plan = await call('destinations.migrationDryRun', {});
    const record = plan.records.find((r) => r.id === 'old-show');
    expect(record?.changes.map((c) => c.field)).toEqual(
      expect.arrayContaining(['created_at', 'version', 'stream_key']),
    );
    expect(JSON.stringify(plan)).not.toContain('old-clear-key-777');
    const applied = await call('destinations.migrationApply', { confirm: true });
    expect(applied).toMatchObject({ status: 'refused', reason: expect.stringMatching(/backup .* failed/) as unknown });
    // nothing changed: the key is still there to be removed by a migration that has a backup
    expect((await doc.send(new GetCommand({ TableName: table, Key: { id: 'old-show' } }))).Item?.['stream_key']).toBe(
      'old-clear-key-777',
    );
    doc.destroy();
    base.destroy();
  });
});

describe('a preset queued while the channel runs', () => {
  it('is applied when the channel is next IDLE, and the outcome is told', async () => {
    const channelId = channelOf('linkedin');
    const updatesOf = () =>
      sim()
        .control.requests({ operation: 'UpdateChannel' })
        .filter((r) => JSON.stringify(r).includes(channelId)).length;
    const updatesBefore = updatesOf();
    const told: Array<{ title: string; level: string }> = [];
    core.router.attach(
      'admin',
      (channel, payload) => channel === 'notifications.feed' && told.push(payload as { title: string; level: string }),
    );
    await core.router.invoke('channels.start', { destinationId: 'linkedin' }, operator);
    await sim().control.waitForChannelState(channelId, 'RUNNING', 5_000);

    const direct = await call('presets.apply', { destinationId: 'linkedin', presetId: 'preset_generic_1080p' });
    expect(direct).toMatchObject({ status: 'refused' });
    const queued = await call('presets.applyAtNextStop', {
      destinationId: 'linkedin',
      presetId: 'preset_generic_1080p',
    });
    expect(queued).toMatchObject({
      status: 'queued',
      pending: { destinationId: 'linkedin', presetId: 'preset_generic_1080p' },
    });
    expect((await call('presets.pendingApplies', {})).pending).toHaveLength(1);
    expect(updatesOf()).toBe(updatesBefore);

    await core.router.invoke('channels.stop', { destinationId: 'linkedin' }, operator);
    await expect.poll(() => told.map((n) => n.title), { timeout: 8_000 }).toContain('LinkedIn Live: preset applied');
    await sim().control.waitForChannelState(channelId, 'IDLE', 5_000);
    const h264 = (await describeChannel(channelId)).EncoderSettings?.VideoDescriptions?.[0];
    expect(h264).toMatchObject({ Width: 1920, Height: 1080 });
    expect((await call('presets.pendingApplies', {})).pending).toHaveLength(0);
  });

  it('is refused for an IDLE channel (apply it directly) and can be cancelled', async () => {
    const refused = await call('presets.applyAtNextStop', {
      destinationId: 'custom',
      presetId: 'preset_generic_1080p',
    });
    expect(refused).toMatchObject({ status: 'refused', reason: expect.stringContaining('IDLE now') as unknown });
    expect(await call('presets.cancelPendingApply', { destinationId: 'custom' })).toEqual({ cancelled: false });
  });
});

describe('choosing the channel of a destination', () => {
  it('lists the MediaLive channels with their state, input and destination, read from AWS', async () => {
    const { channels } = await call('destinations.channels', {});
    const custom = channels.find((c) => c.id === channelOf('custom'));
    expect(custom).toMatchObject({
      name: 'lunora-custom',
      state: 'IDLE',
      usedBy: { id: 'custom', name: 'Custom RTMP' },
    });
    expect(custom?.inputs).toHaveLength(1);
    expect(sim().control.requests({ operation: 'ListChannels' }).length).toBeGreaterThan(0);
  });

  it("refuses a second destination on Custom RTMP's channel, naming it, and a channel AWS does not have", async () => {
    const keysBefore = (await describeChannel(channelOf('custom'))).Destinations;
    const second = await call('destinations.create', {
      destination: { platform: 'custom', name: 'Second RTMP', medialive_channel_id: channelOf('custom') },
    });
    expect(second).toMatchObject({
      status: 'invalid',
      errors: [
        { field: 'medialive_channel_id', message: expect.stringContaining('already used by Custom RTMP') as unknown },
      ],
    });
    expect((await describeChannel(channelOf('custom'))).Destinations).toEqual(keysBefore);
    const unknown = await call('destinations.create', {
      destination: { platform: 'custom', name: 'Ghost', medialive_channel_id: '4040404' },
    });
    expect(unknown).toEqual({
      status: 'invalid',
      errors: [
        {
          field: 'medialive_channel_id',
          message: 'There is no MediaLive channel 4040404 in this account and region: pick one from the list.',
        },
      ],
    });
  });

  it('an HTML page instead of the channel list is said in words; the parser text reaches only the log', async () => {
    const fault = sim().control.addFault({ service: 'medialive', operation: 'ListChannels', kind: 'html-page' });
    try {
      const result = await core.router.invoke('destinations.channels', {}, admin);
      expect(result).toMatchObject({ ok: false, code: 'unavailable' });
      const message = result.ok ? '' : result.message;
      expect(message).toMatch(
        /^List the MediaLive channels failed: AWS \(or the endpoint\) sent an unexpected answer \(HTTP 502\)/,
      );
      expect(message).not.toMatch(/SyntaxError|Unexpected token|\$response/);
      expect(logLines.some((l) => l.startsWith('ipc: answered a failure') && l.includes('Unexpected token'))).toBe(
        true,
      );
    } finally {
      sim().control.removeFault(fault.id);
    }
  });

  it('offers nothing to create from the stack while every stack destination has its record', async () => {
    const { entries } = await call('destinations.stackPlan', {});
    expect(entries.map((e) => e.id)).toEqual(['primary', 'youtube', 'twitch', 'linkedin', 'custom']);
    expect(entries.every((e) => e.skip !== null)).toBe(true);
    expect(await call('destinations.createFromStack', { confirm: true })).toMatchObject({
      status: 'created',
      created: [],
    });
  });
});
