import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DeleteCommand, DynamoDBDocumentClient, GetCommand, PutCommand } from '@aws-sdk/lib-dynamodb';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { DestinationStatus } from '../../shared/domain/destination';
import { silentLogger } from '../core/logger';
import { createMemorySettingsStore, type SettingsStore } from '../core/settings';
import { startSimulator, type RunningSimulator } from '../simulator/index';
import { startBoothCore, type BoothCore } from './booth-core';
import { TEST_CADENCES, WARM_TEST_TIMINGS, externalSimulatorEnv } from './test-support/booth-core-rig';

const operator = { role: 'operator' } as const;
let sim: RunningSimulator | null = null;
const cores: BoothCore[] = [];
afterEach(async () => {
  for (const core of cores.splice(0)) await core.close();
  await sim?.close();
  sim = null;
});

async function world(): Promise<RunningSimulator> {
  sim = await startSimulator({
    slateDestinations: ['youtube', 'twitch'],
    timings: WARM_TEST_TIMINGS,
  });
  return sim;
}

async function startConsole(w: RunningSimulator, settings: SettingsStore): Promise<BoothCore> {
  const core = await startBoothCore({
    settings,
    logger: silentLogger,
    env: externalSimulatorEnv(w),
    ...TEST_CADENCES,
    retry: { retries: 2, minTimeoutMs: 5, maxTimeoutMs: 20 },
  });
  cores.push(core);
  return core;
}

async function tile(core: BoothCore, id: string): Promise<DestinationStatus | undefined> {
  const answer = await core.router.invoke('destinations.snapshot', {}, operator);
  if (!answer.ok) throw new Error(answer.message);
  return (answer.data as { destinations: DestinationStatus[] }).destinations.find((d) => d.id === id);
}

/** Until the console's own snapshot says so (vi.waitFor polls; the failure names what was awaited). */
async function until(check: () => Promise<boolean>, what: string): Promise<void> {
  await vi.waitFor(
    async () => {
      if (!(await check())) throw new Error(`still waiting for ${what}`);
    },
    { timeout: 5_000, interval: 20 },
  );
}

describe('the take mode per destination', () => {
  it('survives a restart of the console (kept in its settings); a stored warm on a channel without slate runs cold', async () => {
    const w = await world();
    const settings = createMemorySettingsStore();
    const first = await startConsole(w, settings);
    await until(async () => (await tile(first, 'youtube'))?.warm?.capable === true, 'youtube read');
    await first.router.invoke('warm.setMode', { destinationId: 'youtube', mode: 'warm' }, operator);
    await first.router.invoke('warm.setMode', { destinationId: 'twitch', mode: 'warm' }, operator);
    await first.router.invoke('warm.setMode', { destinationId: 'twitch', mode: 'cold' }, operator);
    expect(settings.get().takeModes).toEqual({ youtube: 'warm' });
    await first.close();
    cores.splice(0);

    // A hand-edited file naming a destination whose channel has no slate: it stays cold, with the reason.
    settings.update((s) => ({ ...s, takeModes: { ...s.takeModes, linkedin: 'warm' } }));
    const second = await startConsole(w, settings);
    await until(async () => (await tile(second, 'youtube'))?.warm !== undefined, 'youtube read again');
    expect((await tile(second, 'youtube'))?.warm).toMatchObject({ mode: 'warm', capable: true });
    expect((await tile(second, 'twitch'))?.warm).toMatchObject({ mode: 'cold', capable: true });
    expect((await tile(second, 'linkedin'))?.warm).toMatchObject({ mode: 'cold', capable: false });
    // The warm take works at once, with no new choice: standby, then one input switch.
    await second.router.invoke('warm.standby', { destinationId: 'youtube' }, operator);
    await until(async () => (await tile(second, 'youtube'))?.warm?.phase === 'STANDBY', 'standby');
  });

  it('a settings file with a broken take-mode list keeps the rest of the settings', () => {
    const settings = createMemorySettingsStore({ takeModes: { youtube: 'lukewarm' }, connection: { stackName: 'x' } });
    expect(settings.get().takeModes).toEqual({});
    expect(settings.get().connection.stackName).toBe('x');
  });
});

describe('a destination added while the console runs', () => {
  it('gets its warm status (capable, its inputs) without a restart, and can be chosen warm', async () => {
    const w = await world();
    const doc = DynamoDBDocumentClient.from(
      new DynamoDBClient({
        region: w.region,
        endpoint: w.dynamoEndpoint!,
        credentials: { accessKeyId: 'sim', secretAccessKey: 'sim' },
      }),
    );
    const table = w.topology.tables.destinations;
    const { Item: record } = await doc.send(new GetCommand({ TableName: table, Key: { id: 'twitch' } }));
    await doc.send(new DeleteCommand({ TableName: table, Key: { id: 'twitch' } }));
    try {
      const core = await startConsole(w, createMemorySettingsStore());
      await until(async () => (await tile(core, 'youtube'))?.warm !== undefined, 'youtube read');
      expect(await tile(core, 'twitch')).toBeUndefined();

      // The admin adds it (here: its record back in the table), and the console reloads its destinations.
      await doc.send(new PutCommand({ TableName: table, Item: record! }));
      await core.reloadDestinations();
      await until(async () => (await tile(core, 'twitch'))?.warm !== undefined, 'twitch warm status');
      expect((await tile(core, 'twitch'))?.warm).toMatchObject({ capable: true, mode: 'cold', whyNot: null });
      expect(await core.router.invoke('warm.setMode', { destinationId: 'twitch', mode: 'warm' }, operator)).toEqual({
        ok: true,
        data: { mode: 'warm' },
      });
    } finally {
      doc.destroy();
    }
  });
});
