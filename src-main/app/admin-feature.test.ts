import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { describe, expect, it } from 'vitest';
import { createDestinationMigration } from '../core/destinations/destination-migration';
import { createDestinationStore } from '../core/destinations/destination-store';
import type { StreamKeyService } from '../core/destinations/stream-keys';
import { silentLogger } from '../core/logger';
import type { PresetApplier } from '../core/presets/preset-applier';
import { createPresetStore } from '../core/presets/preset-store';
import { createAdminHandlers } from './admin-feature';
import { stackTopology } from '../core/test-support/fixtures';

/** DynamoDB as it answers credentials without write permission: reads work, writes get AccessDeniedException (HTTP 400). */
function readOnlyDynamo(): { client: DynamoDBDocumentClient; writes: string[] } {
  const writes: string[] = [];
  // An instance (the SDK's paginators check it) whose send() is the fake.
  const client = Object.assign(Object.create(DynamoDBDocumentClient.prototype) as DynamoDBDocumentClient, {
    async send(command: { constructor: { name: string }; input?: { TableName?: string } }) {
      const name = command.constructor.name;
      if (/Put|Update|Delete/.test(name)) {
        writes.push(name);
        throw Object.assign(
          new Error(
            'User: arn:aws:sts::123456789012:assumed-role/booth-operator is not authorized to perform: dynamodb:PutItem',
          ),
          {
            name: 'AccessDeniedException',
            $fault: 'client',
            $metadata: { httpStatusCode: 400 },
          },
        );
      }
      const youtube = { id: 'youtube', platform: 'youtube', name: 'YouTube', version: 3, is_active: true };
      if (name === 'GetCommand') return { Item: youtube };
      return { Items: command.input?.TableName === 'd' ? [youtube] : [] };
    },
  });
  return { client, writes };
}

const stack = stackTopology({ youtube: '1234567' });

const unused = new Proxy({}, { get: () => () => Promise.reject(new Error('not used in this test')) });

function handlersOver(client: DynamoDBDocumentClient) {
  return createAdminHandlers({
    presets: createPresetStore(client, 'p', silentLogger),
    destinations: createDestinationStore(client, 'd', silentLogger),
    applier: unused as PresetApplier,
    streamKeys: unused as StreamKeyService,
    migration: createDestinationMigration(client, 'd', silentLogger),
    backup: async () => ({ backupArn: 'arn:backup' }),
    stack,
    listChannels: async () => [],
    createdBy: 'admin:test',
    logger: silentLogger,
  }).handlers;
}

const caller = { role: 'admin' } as const;
const draft = {
  name: 'Test',
  platform: 'generic',
  type: 'generic',
  video: {
    codec: 'H264',
    resolution: '1280x720',
    framerate: 30,
    bitrate: 3_000_000,
    profile: 'HIGH',
    level: 'H264_LEVEL_3_1',
    gop_size: 60,
    rate_control: 'CBR',
  },
  audio: { codec: 'AAC', bitrate: 128_000, sample_rate: 48_000, channels: 2, coding_mode: 'CODING_MODE_2_0' },
};

describe('admin handlers with credentials that cannot write to DynamoDB', () => {
  it('answers every write as read-only data, once, and admin.access reports it with the reason', async () => {
    const { client, writes } = readOnlyDynamo();
    const h = handlersOver(client);
    expect(await h['admin.access']({}, caller)).toEqual({ canWrite: true, reason: null });

    const created = await h['presets.create']({ draft }, caller);
    expect(created).toMatchObject({ status: 'read-only', reason: expect.stringContaining('Read-only') as unknown });
    expect(await h['admin.access']({}, caller)).toMatchObject({
      canWrite: false,
      reason: expect.stringContaining('These credentials are not allowed') as unknown,
    });
    // The read-only banner names neither the exception nor the caller's STS ARN.
    const banner = await h['admin.access']({}, caller);
    expect(banner.reason).not.toMatch(/AccessDeniedException|arn:aws|123456789012/);

    expect(await h['destinations.create']({ destination: { platform: 'custom', name: 'X' } }, caller)).toMatchObject({
      status: 'read-only',
    });
    expect(
      await h['destinations.update']({ id: 'youtube', expected_version: 3, changes: { name: 'Y' } }, caller),
    ).toMatchObject({ status: 'read-only' });
    expect(await h['destinations.retire']({ id: 'youtube', expected_version: 3 }, caller)).toMatchObject({
      status: 'read-only',
    });
    expect(await h['presets.delete']({ preset_id: 'preset_x', expected_version: 1 }, caller)).toMatchObject({
      status: 'read-only',
    });
    expect(writes.length).toBe(5);

    // Validation still answers first: a bad draft never reaches DynamoDB.
    const bad = await h['presets.create']({ draft: { ...draft, video: { ...draft.video, bitrate: 50_000 } } }, caller);
    expect(bad).toMatchObject({ status: 'invalid', errors: [expect.objectContaining({ field: 'video.bitrate' })] });
    expect(writes.length).toBe(5);

    expect(await h['admin.access']({ recheck: true }, caller)).toEqual({ canWrite: true, reason: null });
  });

  it('reads still work read-only (the list stays visible)', async () => {
    const h = handlersOver(readOnlyDynamo().client);
    expect(await h['presets.listAll']({}, caller)).toEqual({ presets: [] });
    expect(await h['destinations.listAll']({}, caller)).toMatchObject({
      destinations: [{ id: 'youtube', name: 'YouTube', version: 3 }],
    });
  });
});
