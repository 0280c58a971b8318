import { afterEach, describe, expect, it } from 'vitest';
import type { FlowSnapshot } from '../../shared/domain/flow';
import type { InvokeOutput } from '../../shared/ipc/contract';
import type { BoothCore } from '../app/booth-core';
import {
  useBoothCore,
  FLOW_TEST_TIMINGS,
  TEST_CADENCES,
  TEST_FLOW_CADENCE,
  WARM_TEST_TIMINGS,
} from '../app/test-support/booth-core-rig';
import { watch } from '../app/test-support/watch-feed';
import { controlClient } from './test-support/control-client';

/** The remote acts beyond arm and take (standby, back to slate, backup switch and test, End all), on the simulator. */

const operator = { role: 'operator' } as const;
const admin = { role: 'admin' } as const;
const startCore = useBoothCore();
const clients: { close(): void }[] = [];
afterEach(() => {
  for (const client of clients.splice(0)) client.close();
});

async function boot() {
  const core = await startCore({
    simulator: {
      slateDestinations: ['youtube'],
      timings: { ...WARM_TEST_TIMINGS, ...FLOW_TEST_TIMINGS },
    },
    ...TEST_CADENCES,
    ...TEST_FLOW_CADENCE,
    controlPort: 0,
  });
  const token = async (name: string, role: 'remote-operator' | 'remote-viewer') => {
    const made = await core.router.invoke('remote.createToken', { name, role }, admin);
    if (!made.ok) throw new Error(made.message);
    const client = controlClient(core.controlApi.address!, (made.data as InvokeOutput<'remote.createToken'>).secret);
    clients.push(client);
    return client;
  };
  const sim = core.simulator!;
  const channelOf = (id: string) => sim.topology.destinations.find((d) => d.id === id)!.channelId;
  const writes = (id: string) =>
    sim.control
      .requests({ service: 'medialive' })
      .filter((r) => ['StartChannel', 'StopChannel', 'BatchUpdateSchedule'].includes(r.operation))
      .filter((r) => r.params['channelId'] === channelOf(id))
      .map((r) => r.operation);
  /** Until the flow feed reads the backup connected: a switch wants recent figures of its target. */
  const backupConnected = () =>
    expect
      .poll(
        async () => {
          const read = await core.router.invoke('flow.snapshot', {}, operator);
          return read.ok ? (read.data as FlowSnapshot).flow.sources.find((s) => s.role === 'backup')?.connected : null;
        },
        { timeout: 8_000, interval: 25 },
      )
      .toBe(true);
  return { core, sim, token, writes, channelOf, backupConnected };
}

async function incidentTitles(core: BoothCore): Promise<string[]> {
  const listed = await core.router.invoke('incidents.list', {}, operator);
  if (!listed.ok) throw new Error(listed.message);
  return (listed.data as InvokeOutput<'incidents.list'>).entries.map((e) => e.title);
}

describe('remote acts through the control API', () => {
  it('standby, a take that is one input switch, back to slate; a viewer may do none; the log names the token', async () => {
    const { core, token, writes } = await boot();
    const feed = await watch(core);
    const deck = await token('Deck A', 'remote-operator');
    const wall = await token('Wall', 'remote-viewer');
    await feed.until(() => feed.tiles.get('youtube')?.warm?.capable === true);
    await core.router.invoke('warm.setMode', { destinationId: 'youtube', mode: 'warm' }, operator);

    expect(await wall.call('remote.standby', { destinationId: 'youtube' })).toMatchObject({ status: 403 });
    expect(await deck.call('remote.standby', { destinationId: 'Not An Id' })).toMatchObject({
      status: 400,
      body: { code: 'invalid-input' },
    });
    expect(writes('youtube')).toEqual([]);

    expect(await deck.call('remote.standby', { destinationId: 'youtube' })).toMatchObject({
      status: 200,
      body: { data: { outcome: 'requested' } },
    });
    await feed.until(() => feed.tiles.get('youtube')?.warm?.phase === 'STANDBY');
    expect(writes('youtube')).toEqual(['BatchUpdateSchedule', 'StartChannel']);

    await deck.call('remote.arm', { destinationId: 'youtube' });
    expect(await deck.call('remote.take')).toMatchObject({ status: 200 });
    await feed.until(() => feed.tiles.get('youtube')?.warm?.phase === 'ON_AIR');
    expect(writes('youtube')).toEqual(['BatchUpdateSchedule', 'StartChannel', 'BatchUpdateSchedule']);

    expect(await wall.call('remote.backToSlate', { destinationId: 'youtube' })).toMatchObject({ status: 403 });
    expect(await deck.call('remote.backToSlate', { destinationId: 'youtube' })).toMatchObject({ status: 200 });
    await feed.until(() => feed.tiles.get('youtube')?.warm?.phase === 'STANDBY');
    expect(writes('youtube')).toHaveLength(4);

    // A cold destination has no slate: refused in words, nothing sent.
    const cold = await deck.call('remote.standby', { destinationId: 'twitch' });
    expect(cold.status).toBe(409);
    expect(cold.body.message).not.toMatch(/arn:|Exception/);
    expect(writes('twitch')).toEqual([]);

    expect(await incidentTitles(core)).toEqual(
      expect.arrayContaining(['Standby from remote (Deck A)', 'Back to slate from remote (Deck A)']),
    );
  });

  it('the backup switch takes two steps: the arm sends nothing, two takes at once send one UpdateFlow', async () => {
    const { core, sim, token, backupConnected } = await boot();
    const deck = await token('Deck A', 'remote-operator');
    const wall = await token('Wall', 'remote-viewer');
    const updates = () => sim.control.requests({ operation: 'UpdateFlow' });
    // The switch, as the window's, wants recent figures of the backup before it makes it primary.
    await backupConnected();

    expect(await deck.call('remote.takeSwitch')).toMatchObject({ status: 409, body: { code: 'invalid-state' } });
    expect(await wall.call('remote.armSwitch', { target: 'backup' })).toMatchObject({ status: 403 });
    expect(await deck.call('remote.armSwitch', { target: 'tertiary' })).toMatchObject({ status: 400 });

    const armed = await deck.call('remote.armSwitch', { target: 'backup' });
    expect(armed).toMatchObject({
      status: 200,
      body: { data: { armed: null, switchArmed: { target: 'backup', force: false, by: 'Deck A' } } },
    });
    expect(updates()).toHaveLength(0);
    // Arming a go-live lets go of the switch (one thing armed at a time), and arming the switch lets go of the go-live.
    await deck.call('remote.arm', { destinationId: 'twitch' });
    expect((await deck.call('remote.armed')).body.data).toMatchObject({ switchArmed: null });
    await deck.call('remote.armSwitch', { target: 'backup' });
    expect((await deck.call('remote.armed')).body.data).toMatchObject({ armed: null });

    const [first, second] = await Promise.all([deck.call('remote.takeSwitch'), deck.call('remote.takeSwitch')]);
    expect([first.status, second.status].sort()).toEqual([200, 409]);
    expect(updates()).toHaveLength(1);
    expect(sim.control.state().flow.failover.primarySource).toBe('backup');
    expect(await incidentTitles(core)).toEqual(
      expect.arrayContaining(['Backup switch armed from remote (Deck A)', 'Backup switch from remote (Deck A)']),
    );
  });

  it('the window’s switch key arm is held in main: a Stream Deck take and the window’s Enter together send one UpdateFlow', async () => {
    const { core, sim, token, backupConnected } = await boot();
    const deck = await token('Deck A', 'remote-operator');
    const updates = () => sim.control.requests({ operation: 'UpdateFlow' });
    await backupConnected();

    // A forced switch is only the source card's: the switch key's arm has no force to give.
    expect(
      await core.router.invoke('arming.armSwitch', { armId: 'w1', target: 'backup', force: true }, operator),
    ).toMatchObject({ ok: false, code: 'invalid-input' });
    const held = await core.router.invoke('arming.armSwitch', { armId: 'w1', target: 'backup' }, operator);
    expect(held).toMatchObject({ ok: true, data: { switchArmed: { id: 'w1', surface: 'console', force: false } } });
    expect((await deck.call('remote.armed')).body.data).toMatchObject({
      switchArmed: { id: 'w1', by: 'operator window', surface: 'console' },
    });
    expect(updates()).toHaveLength(0);

    const [fromDeck, fromWindow] = await Promise.all([
      deck.call('remote.takeSwitch'),
      core.router.invoke('arming.takeSwitch', { armId: 'w1' }, operator),
    ]);
    expect(updates()).toHaveLength(1);
    expect(sim.control.state().flow.failover.primarySource).toBe('backup');
    expect([200, 409]).toContain(fromDeck.status);
    expect(fromWindow).toMatchObject({ ok: true });

    // Taken from the Stream Deck first: the window's Enter is told that switch's result, in words, and sends nothing.
    await core.router.invoke('arming.armSwitch', { armId: 'w2', target: 'main' }, operator);
    expect(await deck.call('remote.takeSwitch')).toMatchObject({ status: 200 });
    const late = await core.router.invoke('arming.takeSwitch', { armId: 'w2' }, operator);
    expect(late).toMatchObject({
      ok: true,
      data: { message: expect.stringMatching(/^Taken from Stream Deck \(Deck A\) first: /) },
    });
    expect(updates()).toHaveLength(2);
    expect(sim.control.state().flow.failover.primarySource).toBe('main');
    expect(await incidentTitles(core)).toContain('Backup switch from remote (Deck A)');
    expect(await deck.call('remote.takeSwitch')).toMatchObject({ status: 409 });
  });

  it('tests the backup (reads only) for an operator token, never a viewer', async () => {
    const { core, sim, token } = await boot();
    const deck = await token('Deck A', 'remote-operator');
    const wall = await token('Wall', 'remote-viewer');
    expect(await wall.call('remote.testBackup')).toMatchObject({ status: 403 });
    const tested = await deck.call('remote.testBackup');
    expect(tested.status).toBe(200);
    expect(tested.body.data).toMatchObject({ ready: expect.any(Boolean), reasons: expect.any(Array) });
    expect(sim.control.requests({ operation: 'UpdateFlow' })).toHaveLength(0);
    expect(await incidentTitles(core)).toContain('Backup tested from remote (Deck A)');
  });

  it('End all needs its confirmation code back from the same token; a wrong, foreign or reused code stops nothing', async () => {
    const { core, sim, token, writes, channelOf } = await boot();
    const deck = await token('Deck A', 'remote-operator');
    const other = await token('Deck B', 'remote-operator');
    const wall = await token('Wall', 'remote-viewer');
    await deck.call('remote.arm', { destinationId: 'twitch' });
    await deck.call('remote.take');
    await sim.control.waitForChannelState(channelOf('twitch'), 'RUNNING', 5_000);

    expect(await wall.call('remote.requestEndAll')).toMatchObject({ status: 403 });
    expect(await deck.call('remote.endAll', { confirmation: 'made-up' })).toMatchObject({ status: 409 });
    expect(await deck.call('remote.endAll', {})).toMatchObject({ status: 400 });
    const requested = await deck.call('remote.requestEndAll');
    expect(requested.status).toBe(200);
    const { confirmation } = requested.body.data as { confirmation: string };
    expect(await other.call('remote.endAll', { confirmation })).toMatchObject({ status: 409 });
    expect(await wall.call('remote.endAll', { confirmation })).toMatchObject({ status: 403 });
    expect(writes('twitch')).not.toContain('StopChannel');

    const ended = await deck.call('remote.endAll', { confirmation });
    expect(ended.status).toBe(200);
    expect(ended.body.data).toMatchObject({
      results: [expect.objectContaining({ destinationId: 'twitch', ok: true })],
    });
    expect(writes('twitch').filter((w) => w === 'StopChannel')).toHaveLength(1);
    expect(await deck.call('remote.endAll', { confirmation })).toMatchObject({ status: 409 });
    expect(writes('twitch').filter((w) => w === 'StopChannel')).toHaveLength(1);
    expect(await incidentTitles(core)).toEqual(
      expect.arrayContaining(['End all requested from remote (Deck A)', 'End all from remote (Deck A)']),
    );
  });
});
