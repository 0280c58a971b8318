import { readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { ConnectionInfo } from '../../shared/domain/connection';
import type { SignInStatus } from '../../shared/domain/sign-in';
import { silentLogger } from '../core/logger';
import { createMemorySettingsStore } from '../core/settings';
import { startBoothCore, type BoothCore } from './booth-core';
import { watch } from './test-support/watch-feed';

const operator = { role: 'operator' } as const;
const FAST = { channelStartMs: 200, channelStopMs: 150, channelUpdateMs: 50 };
const MONITOR = { fastIntervalMs: 50, slowIntervalMs: 100, maxBackoffMs: 200 };
/** Every secret the simulated IAM Identity Center issues starts with one of these. */
const SECRET_PREFIXES = /SIMACCESS-|SIMREFRESH-|SIMCLIENTSECRET-|SIMDEVICE-|SIMROLESECRET|SIMROLESESSION/;

let core: BoothCore | null = null;
afterEach(async () => {
  await core?.close();
  core = null;
});

/** Records every event and every answer that crosses the router, as the windows would receive them. */
function recordTraffic(booth: BoothCore) {
  const traffic: unknown[] = [];
  const statuses: SignInStatus[] = [];
  const connections: ConnectionInfo[] = [];
  for (const role of ['operator', 'admin'] as const)
    booth.router.attach(role, (channel, payload) => {
      traffic.push({ channel, payload });
      if (role !== 'operator') return;
      if (channel === 'connection.signInChanged') statuses.push(payload as SignInStatus);
      if (channel === 'connection.changed') connections.push(payload as ConnectionInfo);
    });
  const invoke = async (channel: Parameters<BoothCore['router']['invoke']>[0], input: unknown = {}) => {
    const answer = await booth.router.invoke(channel, input, operator);
    traffic.push({ channel, answer });
    return answer;
  };
  return { traffic, statuses, connections, invoke };
}

async function signInAndApprove(booth: BoothCore, rec: ReturnType<typeof recordTraffic>): Promise<void> {
  const from = rec.statuses.length;
  expect(await rec.invoke('connection.signIn')).toMatchObject({ ok: true, data: { state: 'starting' } });
  const waiting = await vi.waitFor(
    () => {
      const found = rec.statuses.slice(from).find((s) => s.state === 'waiting');
      if (!found || found.state !== 'waiting') throw new Error('no code yet');
      return found;
    },
    { timeout: 5_000, interval: 20 },
  );
  expect(waiting.userCode).toMatch(/^[A-Z]{4}-[A-Z]{4}$/);
  booth.simulator!.control.decideSignIn('approved', waiting.userCode);
  await vi.waitFor(
    () => {
      if (!rec.statuses.slice(from).some((s) => s.state === 'signed-in')) throw new Error('not signed in yet');
    },
    { timeout: 10_000, interval: 20 },
  );
}

describe('signing in from the console (simulation with IAM Identity Center)', () => {
  it('connects after the sign-in, keeps channels on air and unconfirmed when the session ends, confirms them after signing in again', async () => {
    const settings = createMemorySettingsStore({ connection: { profile: null, stackName: 'lunora-booth' } });
    core = await startBoothCore({
      settings,
      logger: silentLogger,
      env: {},
      simulator: { timings: FAST },
      monitor: MONITOR,
      simulatorSignIn: true,
    });
    const booth = core;
    const rec = recordTraffic(booth);
    // Not signed in yet: no tiles, and the problem says to sign in.
    expect(booth.connection).toMatchObject({ status: 'failed', canSignIn: true, problem: { kind: 'sign-in' } });

    await signInAndApprove(booth, rec);
    await vi.waitFor(() => expect(booth.connection.status).toBe('connected'), { timeout: 10_000, interval: 20 });
    expect(booth.connection.deadline).toMatchObject({ bound: 'portal-session', startSource: 'console-sign-in' });
    expect(booth.connection.deadline!.endsAt - booth.connection.deadline!.startedAt).toBe(8 * 3_600_000);

    const sim = booth.simulator!;
    const [first, second] = sim.topology.destinations;
    const tiles = await watch(booth);
    sim.control.startChannel(first!.channelId);
    sim.control.startChannel(second!.channelId);
    await tiles.until(
      () => tiles.tiles.get(first!.id)?.state === 'RUNNING' && tiles.tiles.get(second!.id)?.state === 'RUNNING',
    );

    // The session ends mid-show.
    sim.control.expireSsoSessions();
    await tiles.until(() => [first!, second!].every((d) => tiles.tiles.get(d.id)?.unconfirmed !== null), 10_000);
    for (const d of [first!, second!]) expect(tiles.tiles.get(d.id)?.state).toBe('RUNNING');
    expect(tiles.seen.filter((s) => s.state === 'IDLE')).toEqual([]);
    // The cache still dates the session eight hours ahead; the refusal ends control now, and the windows learn it.
    await vi.waitFor(() => expect(booth.connection.deadline?.bound).toBe('refused'), { timeout: 10_000, interval: 20 });
    expect(booth.connection.deadline!.endsAt).toBeLessThanOrEqual(Date.now());
    expect(rec.connections.at(-1)?.deadline?.bound).toBe('refused');

    // No action goes out with dead credentials: the stop is refused before a request is sent.
    const stops = sim.control.requests({ service: 'medialive', operation: 'StopChannel' }).length;
    const stop = await rec.invoke('channels.stop', { destinationId: first!.id });
    expect(stop.ok).toBe(false);
    expect(sim.control.requests({ service: 'medialive', operation: 'StopChannel' })).toHaveLength(stops);

    // Signing in again swaps the credentials under the running monitors: confirmed, never stopped.
    const publishedBefore = rec.connections.length;
    await signInAndApprove(booth, rec);
    await tiles.until(() => [first!, second!].every((d) => tiles.tiles.get(d.id)?.unconfirmed === null), 10_000);
    for (const d of [first!, second!]) {
      expect(tiles.tiles.get(d.id)?.state).toBe('RUNNING');
      expect(sim.control.channelState(d.channelId)).toBe('RUNNING');
    }
    expect(sim.control.requests({ service: 'medialive', operation: 'StopChannel' })).toHaveLength(stops);
    // The connection stayed up throughout (never 'failed') and learnt the new deadline; how many times it says so is
    // not the point (once, or twice on a loaded machine).
    const since = rec.connections.slice(publishedBefore).map((c) => c.status);
    expect(since.length).toBeGreaterThan(0);
    expect(since.every((status) => status === 'connected')).toBe(true);
    expect(booth.connection.status).toBe('connected');
    expect(booth.connection.deadline).toMatchObject({ bound: 'portal-session', startSource: 'console-sign-in' });

    // No token, refresh token, client secret or role credential crossed the router or reached the settings.
    const cacheDir = readdirSync(tmpdir()).filter((d) => d.startsWith('lunora-sim-sso-'));
    const cached = cacheDir
      .flatMap((d) => readdirSync(path.join(tmpdir(), d)).map((f) => path.join(tmpdir(), d, f)))
      .map((f) => readFileSync(f, 'utf8'))
      .find((text) => text.includes('SIMACCESS-'));
    expect(cached).toBeDefined();
    expect(JSON.stringify(rec.traffic)).not.toMatch(SECRET_PREFIXES);
    expect(JSON.stringify(settings.get())).not.toMatch(SECRET_PREFIXES);
  }, 60_000);

  it('a denied sign-in ends with a message in operator words and can be retried', async () => {
    core = await startBoothCore({
      settings: createMemorySettingsStore({ connection: { profile: null, stackName: 'lunora-booth' } }),
      logger: silentLogger,
      env: {},
      simulator: { timings: FAST },
      monitor: MONITOR,
      simulatorSignIn: true,
    });
    const booth = core;
    const rec = recordTraffic(booth);
    await rec.invoke('connection.signIn');
    const code = await vi.waitFor(
      () => {
        const w = rec.statuses.find((s) => s.state === 'waiting');
        if (!w || w.state !== 'waiting') throw new Error('no code yet');
        return w.userCode;
      },
      { timeout: 5_000, interval: 20 },
    );
    booth.simulator!.control.decideSignIn('denied', code);
    const failed = await vi.waitFor(
      () => {
        const f = rec.statuses.find((s) => s.state === 'failed');
        if (!f || f.state !== 'failed') throw new Error('not ended yet');
        return f;
      },
      { timeout: 10_000, interval: 20 },
    );
    expect(failed).toMatchObject({ reason: 'denied', message: expect.stringContaining('denied in the browser') });
    expect(failed.message).not.toMatch(/Exception/);
    await signInAndApprove(booth, rec);
    await vi.waitFor(() => expect(booth.connection.status).toBe('connected'), { timeout: 10_000, interval: 20 });
  }, 60_000);
});
