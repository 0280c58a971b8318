import { CloudFormationClient } from '@aws-sdk/client-cloudformation';
import { CreateTableCommand, DescribeTableCommand } from '@aws-sdk/client-dynamodb';
import { GetCommand, PutCommand } from '@aws-sdk/lib-dynamodb';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { silentLogger } from '../logger';
import { startHarness, type SimHarness } from '../presets/test-support/sim-harness';
import { discoverStack, type StackTopology } from '../stack/stack-outputs';
import { channelIdOf } from './configured-destinations';
import { createDestinationStore, DestinationInputError, type DestinationStore } from './destination-store';
import { createFromStack, planFromStack } from './stack-destinations';

// One active destination per MediaLive channel, a name used once, and the records the stack's outputs give,
// against dynalite (conditional writes) and the simulator's CloudFormation outputs, through the real SDK clients.
let h: SimHarness;
let stack: StackTopology;
let store: DestinationStore;
const table = () => h.sim.topology.tables.destinations;
const channelOf = (id: string) => h.sim.topology.destinations.find((d) => d.id === id)!.channelId;

async function refusal(work: Promise<unknown>): Promise<DestinationInputError> {
  const error = await work.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(DestinationInputError);
  return error as DestinationInputError;
}

beforeAll(async () => {
  h = await startHarness();
  const cloudformation = new CloudFormationClient({
    region: h.sim.region,
    endpoint: h.sim.endpoint,
    credentials: { accessKeyId: 'sim', secretAccessKey: 'sim' },
  });
  stack = await discoverStack(cloudformation, h.sim.topology.stackName);
  cloudformation.destroy();
  store = createDestinationStore(h.dynamo, table(), silentLogger, stack);
});
afterAll(async () => h?.close());

describe('one destination per channel', () => {
  it("refuses a second destination on Custom RTMP's channel, naming Custom RTMP, and writes nothing", async () => {
    const refused = await refusal(
      store.create({ platform: 'custom', name: 'Second Custom', medialive_channel_id: channelOf('custom') }),
    );
    expect(refused.errors).toEqual([
      { field: 'medialive_channel_id', message: expect.stringContaining('already used by Custom RTMP') as unknown },
    ]);
    expect(await store.get('second-custom')).toBeNull();
  });

  it('refuses a name that exists (any case) as a field error, not as a conflict', async () => {
    const refused = await refusal(store.create({ id: 'yt-two', platform: 'youtube', name: 'youtube LIVE' }));
    expect(refused.errors).toEqual([
      { field: 'name', message: 'A destination named "YouTube Live" already exists: choose another name.' },
    ]);
    // A name that differs but gives an existing id ("Custom RTMP" is id custom): also a field error on the name.
    await store.create({ id: 'kick', platform: 'custom', name: 'Kick' });
    const sameId = await refusal(store.create({ platform: 'custom', name: 'KICK!' }));
    expect(sameId.errors[0]).toMatchObject({ field: 'name', message: expect.stringContaining('"kick"') as unknown });
  });

  it('lets only one of two admins adding destinations on the same free channel at once win', async () => {
    const channel = '9100001';
    const results = await Promise.allSettled([
      store.create({ platform: 'twitch', name: 'Race A', medialive_channel_id: channel }),
      store.create({ platform: 'twitch', name: 'Race B', medialive_channel_id: channel }),
    ]);
    const won = results.filter((r) => r.status === 'fulfilled');
    const lost = results.filter((r): r is PromiseRejectedResult => r.status === 'rejected');
    expect(won).toHaveLength(1);
    expect(lost).toHaveLength(1);
    expect(lost[0]!.reason).toBeInstanceOf(DestinationInputError);
    expect((lost[0]!.reason as DestinationInputError).errors[0]?.message).toMatch(/already used by/);
    const active = (await store.listActive()).filter((r) => r.medialive_channel_id === channel);
    expect(active).toHaveLength(1);
  });

  it('frees the channel when its destination retires or moves to another channel', async () => {
    const first = await store.create({ platform: 'custom', name: 'Mover', medialive_channel_id: '9100002' });
    await refusal(store.create({ platform: 'custom', name: 'Taker', medialive_channel_id: '9100002' }));
    const moved = await store.update(first.id, { medialive_channel_id: '9100003' }, 1);
    expect(moved.medialive_channel_id).toBe('9100003');
    const taker = await store.create({ platform: 'custom', name: 'Taker', medialive_channel_id: '9100002' });
    await refusal(store.create({ platform: 'custom', name: 'Third', medialive_channel_id: '9100003' }));
    await store.retire(moved.id, 2);
    expect((await store.create({ platform: 'custom', name: 'Third', medialive_channel_id: '9100003' })).id).toBe(
      'third',
    );
    expect(taker.medialive_channel_id).toBe('9100002');
  });

  it('holds a claim whose destination is still being written, and takes over one left behind', async () => {
    const now = new Date('2026-12-01T15:00:00Z');
    // A claim with no destination: an admin is saving it right now (young), or it was left behind (old).
    await h.dynamo.send(
      new PutCommand({
        TableName: table(),
        Item: { id: 'channel#9100004', owner: 'half-written', claimed_at: now.toISOString() },
      }),
    );
    const held = await refusal(
      store.create(
        { platform: 'custom', name: 'Too Soon', medialive_channel_id: '9100004' },
        new Date(now.getTime() + 1_000),
      ),
    );
    expect(held.errors[0]?.message).toContain('being added right now');
    const later = new Date(now.getTime() + 10 * 60_000);
    await store.create({ platform: 'custom', name: 'Later', medialive_channel_id: '9100004' }, later);
    const claim = await h.dynamo.send(new GetCommand({ TableName: table(), Key: { id: 'channel#9100004' } }));
    expect(claim.Item).toMatchObject({ owner: 'later' });
    // Claims are table items, never destinations.
    expect((await store.listAll()).some((r) => r.id.startsWith('channel#'))).toBe(false);
  });
});

/** A destinations table of its own, ACTIVE (DynamoDB refuses items while a new table is CREATING). */
async function createEmptyTable(name: string): Promise<string> {
  await h.dynamo.send(
    new CreateTableCommand({
      TableName: name,
      BillingMode: 'PAY_PER_REQUEST',
      AttributeDefinitions: [{ AttributeName: 'id', AttributeType: 'S' }],
      KeySchema: [{ AttributeName: 'id', KeyType: 'HASH' }],
    }),
  );
  await vi.waitFor(
    async () => {
      const { Table } = await h.dynamo.send(new DescribeTableCommand({ TableName: name }));
      if (Table?.TableStatus !== 'ACTIVE') throw new Error(`${name} is ${Table?.TableStatus}`);
    },
    { timeout: 10_000, interval: 20 },
  );
  return name;
}

describe('destinations from the stack outputs', () => {
  it('creates one record per ChannelId output with the stack list platform, name and preset, following the stack', async () => {
    const empty = await createEmptyTable('lunora-destinations-empty');
    const fresh = createDestinationStore(h.dynamo, empty, silentLogger, stack);
    // An admin already wrote YouTube by hand: it is kept as it is, never overwritten.
    await fresh.create({ id: 'youtube', platform: 'youtube', name: 'YouTube (ours)' });

    const plan = await planFromStack(fresh, stack);
    expect(plan.map((e) => [e.id, e.skip === null])).toEqual([
      ['primary', true],
      ['youtube', false],
      ['twitch', true],
      ['linkedin', true],
      ['custom', true],
    ]);
    const result = await createFromStack(fresh, stack);
    // What the simulator's deployed stack says (its Destination<Dest> outputs), not what the console assumes.
    const deployed = h.sim.topology.destinations.filter((d) => d.id !== 'youtube');
    expect(result.created.map((r) => [r.id, r.platform, r.name, r.preset_id])).toEqual(
      deployed.map((d) => [d.id, d.platform, d.name, d.presetId]),
    );
    expect(result.created.map((r) => r.id)).toEqual(['primary', 'twitch', 'linkedin', 'custom']);
    expect(result.skipped).toEqual([
      { id: 'youtube', name: 'YouTube Live', reason: expect.stringContaining('kept') as unknown },
    ]);
    expect((await fresh.get('youtube'))?.name).toBe('YouTube (ours)');
    for (const r of result.created) {
      // From the stack: no channel of its own, the stack's ChannelId output is the one used.
      expect(r.medialive_channel_id).toBeNull();
      expect(channelIdOf(r, stack)).toBe(channelOf(r.id));
    }
    // Run again: nothing to create, nothing changed.
    expect((await createFromStack(fresh, stack)).created).toEqual([]);
    // The stack's channel is claimed like any other.
    const refused = await refusal(
      fresh.create({ platform: 'custom', name: 'Another', medialive_channel_id: channelOf('twitch') }),
    );
    expect(refused.errors[0]?.message).toContain('already used by Twitch');
  });

  it('keeps "from the stack" through an edit that does not choose a channel', async () => {
    const empty = await createEmptyTable('lunora-destinations-edit');
    const fresh = createDestinationStore(h.dynamo, empty, silentLogger, stack);
    await createFromStack(fresh, stack);
    const renamed = await fresh.update('linkedin', { name: 'LinkedIn Live', preset_id: 'preset_generic_720p' }, 1);
    expect(renamed.medialive_channel_id).toBeNull();
    // A later stack change is followed: the record names no channel, the new output is used.
    const changedStack: StackTopology = {
      ...stack,
      channels: new Map([...stack.channels, ['linkedin', { id: '7777777', arn: null }]]),
    };
    expect(channelIdOf(renamed, changedStack)).toBe('7777777');
    // Choosing a channel pins it; choosing "from the stack" (null) again follows the stack.
    const pinned = await fresh.update('linkedin', { medialive_channel_id: '9200001' }, 2);
    expect(channelIdOf(pinned, stack)).toBe('9200001');
    const back = await fresh.update('linkedin', { medialive_channel_id: null }, 3);
    expect(channelIdOf(back, stack)).toBe(channelOf('linkedin'));
  });
});
