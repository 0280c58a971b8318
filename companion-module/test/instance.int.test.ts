import { afterEach, describe, expect, it, vi } from 'vitest';
import { useBoothCore } from '../../src-main/app/test-support/booth-core-rig';
import { awsLog, FAST_CONSOLE, tokenFor } from './booth-console';
import { startModuleProcess } from './fake-companion-host';

/**
 * The module as Companion runs it: its entry in a child process (runEntrypoint, the InstanceBase subclass), driven
 * over IPC by a fake Companion host, against a console on the simulator.
 */

const startCore = useBoothCore();
const modules: ReturnType<typeof startModuleProcess>[] = [];
afterEach(async () => {
  for (const running of modules.splice(0)) await running.stop();
});

function startModule() {
  const running = startModuleProcess();
  modules.push(running);
  return running;
}

const WAIT = { timeout: 10_000, interval: 25 };

describe('the Companion instance (fake Companion host over IPC)', () => {
  it('connects (Ok), defines the variables of the real destinations, arms and takes from key presses, shows the tally', async () => {
    const core = await startCore(FAST_CONSOLE);
    const token = await tokenFor(core, 'Stream Deck', 'remote-operator');
    const companion = startModule();
    await companion.init({ host: '127.0.0.1', port: core.controlApi.port }, { token });
    await vi.waitFor(() => expect(companion.lastStatus()?.status).toBe('ok'), WAIT);
    await vi.waitFor(() => {
      const defined = companion.sent('setVariableDefinitions').at(-1) as { variables: { id: string }[] };
      expect(defined.variables.map((v) => v.id)).toEqual(expect.arrayContaining(['youtube_state', 'total_cost']));
    }, WAIT);
    const presets = companion.sent('setPresetDefinitions').at(-1) as { presets: { id: string }[] };
    expect(presets.presets.filter((p) => p.id.startsWith('page_'))).toHaveLength(15);

    await companion.showFeedbacks([
      { id: 'yt-armed', feedbackId: 'armed', options: { destination: 'youtube' } },
      { id: 'yt-on-air', feedbackId: 'on_air', options: { destination: 'youtube' } },
    ]);
    const { sim, channelOf, goLives } = awsLog(core);
    expect(await companion.press('take')).toMatchObject({
      success: false,
      errorMessage: expect.stringMatching(/Nothing is armed/),
    });
    expect(await companion.press('arm', { destination: 'youtube' })).toMatchObject({ success: true });
    await vi.waitFor(() => expect(companion.feedbackValue('yt-armed')).toBe(true), WAIT);
    expect(goLives('youtube')).toHaveLength(0);
    expect(await companion.press('take')).toMatchObject({ success: true });
    await sim.control.waitForChannelState(channelOf('youtube'), 'RUNNING', 5_000);
    await vi.waitFor(() => expect(companion.feedbackValue('yt-on-air')).toBe(true), WAIT);
    expect(companion.feedbackValue('yt-armed')).toBe(false);
    expect(goLives('youtube').map((r) => r.operation)).toEqual(['StartChannel']);
    // No message to Companion ever carries the token (Companion keeps it in its secrets).
    expect(JSON.stringify(companion.received)).not.toContain(token.split('.')[1]);
  });

  it('says AuthenticationFailure for a wrong token, ConnectionFailure with no console, BadConfig for a bad address', async () => {
    const core = await startCore(FAST_CONSOLE);
    const real = await tokenFor(core, 'Deck', 'remote-operator');
    const wrongToken = startModule();
    await wrongToken.init({ host: '127.0.0.1', port: core.controlApi.port }, { token: `${real.slice(0, -4)}AAAA` });
    await vi.waitFor(() => expect(wrongToken.lastStatus()?.status).toBe('authentication_failure'), WAIT);

    const port = core.controlApi.port;
    await core.close();
    const noConsole = startModule();
    await noConsole.init({ host: '127.0.0.1', port }, { token: real });
    await vi.waitFor(() => expect(noConsole.lastStatus()?.status).toBe('connection_failure'), WAIT);
    expect(noConsole.lastStatus()?.message).toMatch(/does not answer/);

    const badHost = startModule();
    await badHost.init({ host: 'http://booth', port: 17878 }, { token: real });
    expect(badHost.lastStatus()).toMatchObject({
      status: 'bad_config',
      message: expect.stringMatching(/not a computer name/),
    });
    await badHost.stop();
    const badPort = startModule();
    await badPort.init({ host: '127.0.0.1', port: 99_999 }, { token: real });
    expect(badPort.lastStatus()).toMatchObject({ status: 'bad_config', message: expect.stringMatching(/not a port/) });
  });
});
