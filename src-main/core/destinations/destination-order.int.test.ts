import { GetCommand, PutCommand } from '@aws-sdk/lib-dynamodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { silentLogger } from '../logger';
import { startHarness, type SimHarness } from '../presets/test-support/sim-harness';
import { createDestinationStore, DestinationInputError, type DestinationStore } from './destination-store';

let h: SimHarness;
let store: DestinationStore;
const table = () => h.sim.topology.tables.destinations;
const activeIds = async () => (await store.listActive()).map((d) => d.id);

beforeAll(async () => {
  // The booth's five (with their order) and Extra 1…Extra 11 (older records: no sort_order).
  h = await startHarness({ destinationCount: 16 });
  store = createDestinationStore(h.dynamo, table(), silentLogger);
});
afterAll(async () => h?.close());

describe('destination order (dynalite)', () => {
  it('lists records without an order after the ordered ones, in natural order (Extra 2 before Extra 10)', async () => {
    const ids = await activeIds();
    expect(ids.slice(0, 5)).toEqual(['primary', 'youtube', 'twitch', 'linkedin', 'custom']);
    expect(ids.slice(5)).toEqual(Array.from({ length: 11 }, (_, i) => `extra-${i + 1}`));
  });

  it('stores an order, every console reading it back the same, and leaves the versions alone', async () => {
    const basis = await activeIds();
    const order = [...basis].reverse();
    const before = await store.get('extra-11');
    const saved = await store.reorder(order, basis);
    expect(saved.filter((r) => r.is_active !== false).map((r) => r.id)).toEqual(order);
    // A second store (another console on the same table) reads the same order.
    const other = createDestinationStore(h.dynamo, table(), silentLogger);
    expect((await other.listActive()).map((d) => d.id)).toEqual(order);
    const after = await store.get('extra-11');
    expect(after).toMatchObject({ sort_order: 0, version: before?.version });
    // An edit of the name with the version the admin's form holds still saves.
    await expect(store.update('extra-11', { name: 'Extra 11 HD' }, before!.version!)).resolves.toMatchObject({
      name: 'Extra 11 HD',
    });
  });

  it('refuses an order with a destination twice, a missing one or an unknown one, and writes nothing', async () => {
    const basis = await activeIds();
    const twice = [basis[0]!, ...basis.slice(0, -1)];
    const error = await store.reorder(twice, basis).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DestinationInputError);
    expect((error as DestinationInputError).errors.map((e) => e.message)).toEqual([
      `"Extra 11 HD" appears more than once in the order.`,
      `"${(await store.get(basis.at(-1)!))?.name}" is missing from the order: every active destination needs a place.`,
    ]);
    await expect(store.reorder([...basis.slice(1), 'ghost'], basis)).rejects.toMatchObject({ code: 'invalid-input' });
    expect(await activeIds()).toEqual(basis);
  });

  it('of two admins reordering from the same list at once, one order is saved whole and the other is told', async () => {
    const basis = await activeIds();
    const mine = [...basis].sort();
    const theirs = [...basis].sort().reverse();
    const results = await Promise.allSettled([store.reorder(mine, basis), store.reorder(theirs, basis)]);
    const won = results.filter((r) => r.status === 'fulfilled');
    const lost = results.filter((r): r is PromiseRejectedResult => r.status === 'rejected');
    expect(won).toHaveLength(1);
    expect(lost).toHaveLength(1);
    expect(lost[0]!.reason).toMatchObject({
      code: 'conflict',
      message: expect.stringMatching(/Nothing (of yours )?was saved/),
    });
    const stored = await activeIds();
    // Whole, never a mix of the two.
    expect([mine, theirs]).toContainEqual(stored);
    // The lease is released: the loser can try again from the stored order.
    const again = [...stored].reverse();
    await expect(store.reorder(again, stored)).resolves.toBeDefined();
    expect(await activeIds()).toEqual(again);
  });

  it('refuses an order made from a stale list (someone moved one since) and says to look again', async () => {
    const stale = await activeIds();
    await store.reorder([...stale.slice(1), stale[0]!], stale);
    await expect(store.reorder([...stale].reverse(), stale)).rejects.toMatchObject({
      code: 'conflict',
      message: expect.stringContaining('The destinations changed since you read them'),
    });
  });

  it('waits for no crashed admin: an expired order lease is taken over', async () => {
    await h.dynamo.send(
      new PutCommand({ TableName: table(), Item: { id: 'order#lease', owner: 'crashed', until: Date.now() - 1 } }),
    );
    const basis = await activeIds();
    await expect(store.reorder([...basis].reverse(), basis)).resolves.toBeDefined();
    // A lease still running is respected.
    await h.dynamo.send(
      new PutCommand({ TableName: table(), Item: { id: 'order#lease', owner: 'busy', until: Date.now() + 60_000 } }),
    );
    const now = await activeIds();
    await expect(store.reorder([...now].reverse(), now)).rejects.toMatchObject({
      code: 'conflict',
      message: expect.stringContaining('Another admin is saving an order'),
    });
    const lease = await h.dynamo.send(new GetCommand({ TableName: table(), Key: { id: 'order#lease' } }));
    expect(lease.Item?.['owner']).toBe('busy');
    // The lease item is bookkeeping, never listed as a destination.
    expect((await store.listAll()).some((r) => r.id.includes('#'))).toBe(false);
  });

  it('puts a destination added after an order was set at the end', async () => {
    const added = await store.create({ platform: 'custom', name: 'Extra 0' });
    expect((await activeIds()).at(-1)).toBe(added.id);
  });
});
