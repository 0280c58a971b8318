import { afterEach, describe, expect, it, vi } from 'vitest';
import { useBoothCore } from '../../src-main/app/test-support/booth-core-rig';
import { BoothActs } from '../src/booth-acts';
import { BoothClient, type LinkStatus } from '../src/booth-client';
import { BoothState } from '../src/booth-state';
import { checkConfig } from '../src/config';
import { tally, variableValues } from '../src/tally';
import { awsLog, FAST_CONSOLE, tokenFor } from './booth-console';

/** The module's own parts (client, state, acts, tally) against the real control API of a console on the simulator. */

const startCore = useBoothCore();
const clients: BoothClient[] = [];
afterEach(() => {
  for (const client of clients.splice(0)) client.stop();
});

function connect(port: number, token: string) {
  const checked = checkConfig({ host: '127.0.0.1', port }, { token });
  if (!checked.ok) throw new Error(checked.message);
  const state = new BoothState();
  const statuses: LinkStatus['kind'][] = [];
  const client = new BoothClient({
    baseUrl: checked.baseUrl,
    token: checked.token,
    retryMs: 50,
    onStatus: (status) => statuses.push(status.kind),
    onFrame: (frame) => state.apply(frame),
  });
  clients.push(client);
  client.start();
  return { client, state, statuses, acts: new BoothActs(client, state) };
}

describe('the Companion module against a console on the simulator', () => {
  it('arms and takes: the tile goes on air, exactly one StartChannel, the variables and tally say so', async () => {
    const core = await startCore(FAST_CONSOLE);
    const { client, state, acts } = connect(
      core.controlApi.port,
      await tokenFor(core, 'Stream Deck', 'remote-operator'),
    );
    await vi.waitFor(() => expect(client.status.kind).toBe('ok'));
    expect(state.destinations.get('youtube')?.state).toBe('IDLE');
    const { sim, channelOf, goLives } = awsLog(core);

    expect(await acts.take()).toMatchObject({ ok: false, message: expect.stringMatching(/Nothing is armed/) });
    expect(await acts.arm('youtube')).toMatchObject({ ok: true });
    expect(tally(state, 'youtube', 'armed', Date.now())).toBe(true);
    // The operator's screen hears of the arm too: "armed from Stream Deck".
    const armed = await core.router.invoke('remote.armed', {}, { role: 'operator' });
    expect(armed).toMatchObject({ ok: true, data: { armed: { destinationId: 'youtube', by: 'Stream Deck' } } });
    expect(goLives('youtube')).toHaveLength(0);

    const [first, second] = await Promise.all([acts.take(), acts.take()]);
    expect([first.ok, second.ok].sort()).toEqual([false, true]);
    await sim.control.waitForChannelState(channelOf('youtube'), 'RUNNING', 5_000);
    await vi.waitFor(() => expect(tally(state, 'youtube', 'on_air', Date.now())).toBe(true), { timeout: 5_000 });
    expect(goLives('youtube').map((r) => r.operation)).toEqual(['StartChannel']);
    expect(tally(state, 'youtube', 'armed', Date.now())).toBe(false);
    const values = variableValues(state, Date.now());
    expect(values).toMatchObject({ youtube_state: 'ON AIR', on_air_count: 1, armed: '' });
    expect(values['youtube_time_on_air']).toMatch(/^00:00:\d\d$/);
    await vi.waitFor(() => expect(state.costs).not.toBeNull());
  });

  it('a viewer token shows the tally but cannot arm; End all takes two presses', async () => {
    const core = await startCore(FAST_CONSOLE);
    const viewer = connect(core.controlApi.port, await tokenFor(core, 'Wall', 'remote-viewer'));
    const deck = connect(core.controlApi.port, await tokenFor(core, 'Deck', 'remote-operator'));
    await vi.waitFor(() => expect(viewer.client.status.kind).toBe('ok'));
    expect(viewer.state.destinations.size).toBeGreaterThan(0);
    expect(await viewer.acts.arm('youtube')).toMatchObject({ ok: false });

    await deck.acts.arm('twitch');
    await deck.acts.take();
    const { sim, channelOf } = awsLog(core);
    await sim.control.waitForChannelState(channelOf('twitch'), 'RUNNING', 5_000);
    expect(await deck.acts.endAll()).toMatchObject({ ok: true, message: expect.stringMatching(/press again/) });
    expect(deck.acts.endAllPendingUntil).not.toBeNull();
    expect(sim.control.requests({ operation: 'StopChannel' })).toHaveLength(0);
    expect(await deck.acts.endAll()).toMatchObject({ ok: true, message: 'End all: 1 of 1 stopping' });
    expect(sim.control.requests({ operation: 'StopChannel' })).toHaveLength(1);
  });

  it('says AuthenticationFailure for a wrong token and ConnectionFailure when the console is down', async () => {
    const core = await startCore(FAST_CONSOLE);
    const real = await tokenFor(core, 'Deck', 'remote-operator');
    const wrong = connect(core.controlApi.port, `${real.slice(0, -4)}AAAA`);
    await vi.waitFor(() => expect(wrong.client.status.kind).toBe('auth-failure'));
    expect(await wrong.acts.arm('youtube')).toMatchObject({ ok: false });

    const live = connect(core.controlApi.port, real);
    await vi.waitFor(() => expect(live.client.status.kind).toBe('ok'));
    await core.close();
    await vi.waitFor(() => expect(live.client.status.kind).toBe('connection-failure'));
    expect(await live.acts.arm('youtube')).toMatchObject({
      ok: false,
      message: expect.stringMatching(/does not answer/),
    });
  });
});
