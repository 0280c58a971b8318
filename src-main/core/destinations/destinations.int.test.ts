import { DescribeChannelCommand } from '@aws-sdk/client-medialive';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { GetCommand, PutCommand } from '@aws-sdk/lib-dynamodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Logger } from '../logger';
import { silentLogger } from '../logger';
import { startHarness, type SimHarness } from '../presets/test-support/sim-harness';
import { createDestinationMigration, dynamoOnDemandBackup } from './destination-migration';
import {
  createDestinationStore,
  DestinationConflictError,
  DestinationInputError,
  type DestinationStore,
} from './destination-store';
import { createStreamKeyService } from './stream-keys';

let h: SimHarness;
let store: DestinationStore;
const table = () => h.sim.topology.tables.destinations;
beforeAll(async () => {
  h = await startHarness();
  store = createDestinationStore(h.dynamo, table(), silentLogger);
});
afterAll(async () => h?.close());

function recordingLogger(lines: string[]): Logger {
  const write = (m: string, f?: Record<string, unknown>) => lines.push(`${m} ${JSON.stringify(f ?? {})}`);
  return { debug: write, info: write, warn: write, error: write };
}

describe('destination store (dynalite)', () => {
  it('lists the seeded destinations in the operator order', async () => {
    expect((await store.listActive()).map((d) => d.id)).toEqual(['primary', 'youtube', 'twitch', 'linkedin', 'custom']);
  });

  it('adds, edits and retires a custom destination with conditional writes', async () => {
    const added = await store.create({ platform: 'custom', name: 'Church Feed', preset_id: 'preset_generic_720p' });
    expect(added).toMatchObject({ id: 'church-feed', version: 1, is_active: true });
    await expect(store.create({ platform: 'custom', name: 'Church Feed' })).rejects.toMatchObject({
      code: 'invalid-input',
      errors: [{ field: 'name', message: 'A destination named "Church Feed" already exists: choose another name.' }],
    });
    const bad = await store.create({ platform: 'custom', name: 'x', stream_key: 'live_abc' }).catch((e: unknown) => e);
    expect(bad).toBeInstanceOf(DestinationInputError);
    expect((bad as DestinationInputError).errors[0]?.field).toBe('stream_key');

    const edited = await store.update('church-feed', { name: 'Church Feed HD' }, 1);
    expect(edited).toMatchObject({ name: 'Church Feed HD', version: 2, preset_id: 'preset_generic_720p' });
    const results = await Promise.allSettled([
      store.update('church-feed', { name: 'A' }, 2),
      store.update('church-feed', { name: 'B' }, 2),
    ]);
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    const lost = results.find((r): r is PromiseRejectedResult => r.status === 'rejected')!;
    expect(lost.reason).toBeInstanceOf(DestinationConflictError);
    expect((lost.reason as DestinationConflictError).current?.version).toBe(3);

    const retired = await store.retire('church-feed', 3);
    expect(retired.is_active).toBe(false);
    expect((await store.listActive()).some((d) => d.id === 'church-feed')).toBe(false);
    expect((await store.listAll()).some((d) => d.id === 'church-feed')).toBe(true);
  });
});

describe('stream keys', () => {
  it('sets URL and key on the IDLE channel only; returns and logs a masked view', async () => {
    const lines: string[] = [];
    const keys = createStreamKeyService(h.medialive, recordingLogger(lines));
    const channelId = h.sim.topology.destinations.find((d) => d.id === 'linkedin')!.channelId;
    await h.sim.control.waitForChannelState(channelId, 'IDLE');
    const secret = 'lnkd-SECRET-key-98765';
    const view = await keys.setStreamKey(
      { channelId, label: 'LinkedIn' },
      { url: 'rtmps://live.linkedin.example:443/live', streamKey: secret },
    );
    expect(view).toEqual({
      url: 'rtmps://live.linkedin.example:443/live',
      hasStreamKey: true,
      streamKeyHint: '••••8765',
    });
    const channel = await h.medialive.send(new DescribeChannelCommand({ ChannelId: channelId }));
    expect(channel.Destinations?.[0]?.Settings?.[0]).toMatchObject({
      Url: 'rtmps://live.linkedin.example:443/live',
      StreamName: secret,
    });
    expect(await keys.describe(channelId, 'LinkedIn')).toEqual(view);
    expect(lines.join('\n')).not.toContain(secret);

    const invalid = await keys
      .setStreamKey({ channelId, label: 'LinkedIn' }, { url: 'http://x/app', streamKey: 'has space' })
      .catch((e: unknown) => e);
    expect((invalid as DestinationInputError).errors.map((e) => e.field).sort()).toEqual(['streamKey', 'url']);
    expect(JSON.stringify((invalid as DestinationInputError).errors)).not.toContain('has space');

    await h.sim.control.waitForChannelState(channelId, 'IDLE');
    h.sim.control.startChannel(channelId);
    await h.sim.control.waitForChannelState(channelId, 'RUNNING');
    await expect(
      keys.setStreamKey({ channelId, label: 'LinkedIn' }, { url: 'rtmp://x.example/app', streamKey: 'other-key-000' }),
    ).rejects.toMatchObject({
      code: 'invalid-state',
      message: expect.stringContaining(
        'LinkedIn is RUNNING; the stream key can only be changed while the channel is IDLE',
      ) as string,
    });
    h.sim.control.stopChannel(channelId);
    await h.sim.control.waitForChannelState(channelId, 'IDLE');
  });

  it('takes a key typed into the URL path as the stream key: stored as the key, never returned or logged in the URL', async () => {
    const lines: string[] = [];
    const keys = createStreamKeyService(h.medialive, recordingLogger(lines));
    const channelId = h.sim.topology.destinations.find((d) => d.id === 'youtube')!.channelId;
    await h.sim.control.waitForChannelState(channelId, 'IDLE');
    const secret = 'abcd-1234-efgh-5678-ijkl';
    const view = await keys.setStreamKey(
      { channelId, label: 'YouTube' },
      { url: `rtmp://a.rtmp.youtube.com/live2/${secret}`, streamKey: '' },
    );
    expect(view).toEqual({ url: 'rtmp://a.rtmp.youtube.com/live2', hasStreamKey: true, streamKeyHint: '••••ijkl' });
    const channel = await h.medialive.send(new DescribeChannelCommand({ ChannelId: channelId }));
    expect(JSON.stringify(channel.Destinations)).toContain(`"StreamName":"${secret}"`);
    expect(JSON.stringify(channel.Destinations)).toContain('"Url":"rtmp://a.rtmp.youtube.com/live2"');
    expect(JSON.stringify(await keys.describe(channelId, 'YouTube'))).not.toContain(secret);
    expect(lines.join('\n')).not.toContain(secret);

    const both = await keys
      .setStreamKey(
        { channelId, label: 'YouTube' },
        { url: `rtmp://a.rtmp.youtube.com/live2/${secret}`, streamKey: 'k2' },
      )
      .catch((e: unknown) => e);
    expect(both).toBeInstanceOf(DestinationInputError);
    expect((both as DestinationInputError).errors).toEqual([
      { field: 'url', message: expect.stringContaining('keep only one') },
    ]);
    expect(JSON.stringify((both as DestinationInputError).errors)).not.toContain(secret);
  });

  it('never stores a key in DynamoDB through the store', async () => {
    const item = await h.dynamo.send(new GetCommand({ TableName: table(), Key: { id: 'linkedin' } }));
    expect(JSON.stringify(item.Item)).not.toMatch(/SECRET|stream_?key/i);
  });
});

describe('migration of older records', () => {
  it('dry run lists the changes; apply needs a backup; dynalite has no CreateBackup', async () => {
    await h.dynamo.send(
      new PutCommand({
        TableName: table(),
        Item: { id: 'legacy', platform: 'custom', name: 'Legacy', stream_key: 'old-clear-key-1234' },
      }),
    );
    const migration = createDestinationMigration(h.dynamo, table(), silentLogger);
    const ref = { channelId: '999', channelArn: 'arn:aws:medialive:us-east-1:123456789012:channel:999' };
    const plan = await migration.dryRun((id) => (id === 'legacy' ? ref : undefined), new Date('2025-02-01T00:00:00Z'));
    expect(plan.records.map((r) => r.id)).toEqual(['legacy']);
    const legacy = plan.records[0]!;
    expect(legacy.changes).toContainEqual({ field: 'medialive_channel_id', from: null, to: '999' });
    expect(legacy.changes).toContainEqual({ field: 'stream_key', from: '(stream key: removed, not shown)', to: null });
    expect(JSON.stringify(plan)).not.toContain('old-clear-key');
    // the dry run wrote nothing
    expect(
      (await h.dynamo.send(new GetCommand({ TableName: table(), Key: { id: 'legacy' } }))).Item?.['stream_key'],
    ).toBe('old-clear-key-1234');

    const raw = new DynamoDBClient({
      region: h.sim.region,
      endpoint: h.sim.dynamoEndpoint!,
      credentials: { accessKeyId: 'sim', secretAccessKey: 'sim' },
      maxAttempts: 1,
    });
    await expect(migration.apply(plan, dynamoOnDemandBackup(raw))).rejects.toMatchObject({
      code: 'invalid-state',
      message: expect.stringContaining('backup') as string,
    });
    raw.destroy();
    expect(
      (await h.dynamo.send(new GetCommand({ TableName: table(), Key: { id: 'legacy' } }))).Item?.['version'],
    ).toBeUndefined();

    const backups: string[] = [];
    const result = await migration.apply(plan, async (t) => {
      backups.push(t);
      return { backupArn: `arn:aws:dynamodb:us-east-1:123456789012:table/${t}/backup/1` };
    });
    expect(backups).toEqual([table()]);
    expect(result).toMatchObject({ migrated: ['legacy'], skipped: [] });
    const after = (await h.dynamo.send(new GetCommand({ TableName: table(), Key: { id: 'legacy' } }))).Item!;
    expect(after).toMatchObject({
      medialive_channel_id: '999',
      medialive_channel_arn: ref.channelArn,
      version: 1,
    });
    expect(after['stream_key']).toBeUndefined();
    // applying the stale plan again skips it (the record moved on)
    expect(await migration.apply(plan, async () => ({ backupArn: 'b' }))).toMatchObject({
      migrated: [],
      skipped: ['legacy'],
    });
    expect((await migration.dryRun(() => undefined)).records).toEqual([]);
  });
});
