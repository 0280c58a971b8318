import type { InvokeOutput } from '../shared/ipc/contract';
import { startBoothCore } from '../src-main/app/booth-core';
import { silentLogger } from '../src-main/core/logger';
import { createMemorySettingsStore } from '../src-main/core/settings';
import { controlClient } from '../src-main/remote/test-support/control-client';
import { CONTROL_API_LIMITS } from '../src-main/remote/control-api';
import { startSimulatorProcess } from './simulator-process';
import { percentile, report, sleep } from './stats';

const TAKES = 200;
const GUESS_TAKES = 100;
/** Tokens taken in turn, so the bench runs faster than one token's rate limit (a Stream Deck never does). */
const TOKENS = 10;

/**
 * remote_take_to_request_p99: from a control-API `remote.take` leaving the client (HTTP, keep-alive, as a
 * Companion instance sends it) to the StartChannel it causes arriving at the simulator, over TAKES takes. Each
 * take is armed first (not timed), and the channel is stopped out of band before the next one. The simulator runs in
 * a process of its own, as AWS does (see simulator-process.ts), with the seat queue delivering channel states, so the
 * take sends StartChannel alone, as the keyboard's does.
 */
export async function benchRemoteTake(): Promise<void> {
  const sim = await startSimulatorProcess();
  const core = await startBoothCore({
    settings: createMemorySettingsStore(),
    logger: silentLogger,
    env: { ...sim.env, LUNORA_CONSOLE_NAME: 'bench-remote' },
    controlPort: 0,
  });
  const clients: ReturnType<typeof controlClient>[] = [];
  try {
    await sim.control('PATCH', 'timings', { channelStartMs: 5, channelStopMs: 5, channelUpdateMs: 5 });
    const state = (await sim.control('GET', 'state')) as { channels: { id: string; destinationId: string | null }[] };
    const destinations = state.channels.flatMap((c) =>
      c.destinationId ? [{ id: c.destinationId, channelId: c.id }] : [],
    );
    const until = async (channelId: string, want: string) => {
      while ((await sim.channelState(channelId)) !== want) await sleep(10);
    };
    // Events flowing: the console then knows each channel's state without reading it before a take.
    for (;;) {
      const updates = await core.router.invoke('updates.snapshot', {}, { role: 'operator' });
      if (updates.ok && (updates.data as { mode: string }).mode === 'events') break;
      await sleep(100);
    }
    for (let i = 0; i < TOKENS; i += 1) {
      const made = await core.router.invoke(
        'remote.createToken',
        { name: `bench ${i}`, role: 'remote-operator' },
        { role: 'admin' },
      );
      if (!made.ok) throw new Error(made.message);
      clients.push(controlClient(core.controlApi.address!, (made.data as InvokeOutput<'remote.createToken'>).secret));
      // The first request of a token pays its (deliberately slow) hash check once; not what is measured.
      await clients[i]!.call('remote.armed');
    }
    const takes = async (count: number): Promise<number[]> => {
      const delays: number[] = [];
      for (let i = 0; i < count; i += 1) {
        const client = clients[i % TOKENS]!;
        const { id, channelId } = destinations[i % destinations.length]!;
        await until(channelId, 'IDLE');
        const armed = await client.call('remote.arm', { destinationId: id });
        if (armed.status !== 200) throw new Error(`arm refused: ${armed.body.message ?? armed.status}`);
        const before = (await sim.arrivals('StartChannel')).length;
        const sentAt = Date.now();
        const taken = await client.call('remote.take');
        if (taken.status !== 200) throw new Error(`take refused: ${taken.body.message ?? taken.status}`);
        const starts = await sim.arrivals('StartChannel');
        if (starts.length !== before + 1) throw new Error(`take ${i} sent ${starts.length - before} StartChannel`);
        delays.push(starts.at(-1)! - sentAt);
        await until(channelId, 'RUNNING');
        await sim.control('POST', `channels/${channelId}/stop`);
      }
      return delays;
    };
    const delays = await takes(TAKES);
    report('remote_take_to_request_p50', percentile(delays, 50), 'ms');
    report('remote_take_to_request_p99', percentile(delays, 99), `ms (${TAKES} takes, target < 20 ms)`);

    // The same takes while a script guesses at a token's secret as fast as its rate lets it: every guess is a
    // scrypt check, which must not hold the main process (and the takes) while it runs.
    // A token of its own, so the guesses spend its rate, not that of the tokens taking.
    const guessed = await core.router.invoke(
      'remote.createToken',
      { name: 'guessed', role: 'remote-operator' },
      { role: 'admin' },
    );
    if (!guessed.ok) throw new Error(guessed.message);
    const real = (guessed.data as InvokeOutput<'remote.createToken'>).secret;
    const guesser = controlClient(core.controlApi.address!, `${real.slice(0, -4)}AAAA`);
    clients.push(guesser);
    let guessing = true;
    const guesses = (async () => {
      while (guessing) {
        await guesser.call('remote.armed');
        await sleep(1_000 / CONTROL_API_LIMITS.rate.perSecond);
      }
    })();
    const underGuesses = await takes(GUESS_TAKES);
    guessing = false;
    await guesses;
    report(
      'remote_take_to_request_p99_during_guesses',
      percentile(underGuesses, 99),
      `ms (${GUESS_TAKES} takes, a wrong secret presented ${CONTROL_API_LIMITS.rate.perSecond}/s)`,
    );
  } finally {
    for (const client of clients) client.close();
    await core.close();
    await sim.close();
  }
}
