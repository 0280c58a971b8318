import { mkdtempSync, readFileSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { ListChannelsCommand, MediaLiveClient } from '@aws-sdk/client-medialive';
import { SSOClient } from '@aws-sdk/client-sso';
import {
  CreateTokenCommand,
  RegisterClientCommand,
  SSOOIDCClient,
  StartDeviceAuthorizationCommand,
} from '@aws-sdk/client-sso-oidc';
import { GetCallerIdentityCommand, STSClient } from '@aws-sdk/client-sts';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { loopbackClock } from '../../core/test-support/loopback-clock';
import { startSimulator, type RunningSimulator } from '../../simulator/index';
import { deviceSignIn, type DeviceCode, type SignInFailed } from './device-sign-in';
import { createSsoCredentials, SignInRequired } from './sso-credentials';
import { simulatorProfile } from './test-support/sso-profiles';
import { readTokenCache, writeTokenCache } from './token-cache';

let sim: RunningSimulator | null = null;
const savedHome = process.env['HOME'];
let home = '';
beforeEach(() => {
  home = mkdtempSync(path.join(tmpdir(), 'booth-idc-'));
  process.env['HOME'] = home;
});
afterEach(async () => {
  process.env['HOME'] = savedHome;
  await sim?.close();
  sim = null;
});

/**
 * The simulator and the sign-in share one ManualClock; time stands still while a request crosses the loopback
 * socket (settle waits until no client has a request under way).
 */
async function setup() {
  const { clock, track } = loopbackClock();
  sim = await startSimulator({ clock, withDynamo: false });
  const config = { region: sim.region, endpoint: sim.endpoint, maxAttempts: 1 };
  const oidc = track(new SSOOIDCClient(config));
  const sso = track(new SSOClient(config));
  const profile = simulatorProfile(sim);
  return { clock, oidc, sso, profile, sim, config, track };
}

async function signIn(
  env: Awaited<ReturnType<typeof setup>>,
  onCode: (code: DeviceCode) => void,
  controller = new AbortController(),
) {
  const work = deviceSignIn({
    profile: env.profile,
    oidc: env.oidc,
    clock: env.clock,
    clientName: 'Lunora Booth test',
    signal: controller.signal,
    onCode,
  });
  return env.clock.run(
    work.then(
      (token) => ({ token, error: null as unknown }),
      (error: unknown) => ({ token: null, error }),
    ),
    3_600_000,
  );
}

describe('IAM Identity Center against the simulator, with the real SDK clients', () => {
  it('signs in when approved through the control API, then signs AWS requests with the role credentials', async () => {
    const env = await setup();
    const codes: DeviceCode[] = [];
    const result = await signIn(env, (code) => {
      codes.push(code);
      env.sim.control.decideSignIn('approved', code.userCode);
    });
    expect(result.error).toBeNull();
    expect(codes[0]?.userCode).toMatch(/^[A-Z]{4}-[A-Z]{4}$/);
    expect(codes[0]?.verificationUriComplete).toContain(`user_code=${codes[0]?.userCode}`);
    const token = result.token!;
    expect(token.refreshToken).toBeTruthy();
    await writeTokenCache(env.profile, token);

    const credentials = createSsoCredentials({
      profile: env.profile,
      sso: env.sso,
      oidc: env.oidc,
      now: env.clock.now,
    });
    const sts = env.track(new STSClient({ ...env.config, credentials: credentials.provider }));
    const who = await env.clock.run(sts.send(new GetCallerIdentityCommand({})), 1_800_000);
    expect(who.Account).toBe('123456789012');

    // The session ends (an administrator revoked it, or its duration ran out): keys it gave are refused at once.
    env.sim.control.expireSsoSessions();
    const medialive = env.track(new MediaLiveClient({ ...env.config, credentials: credentials.provider }));
    await expect(env.clock.run(medialive.send(new ListChannelsCommand({})), 1_800_000)).rejects.toMatchObject({
      name: 'ExpiredTokenException',
    });
    // New credentials cannot be had either: the request is never sent.
    credentials.reset();
    const before = env.sim.control.requests({ service: 'medialive' }).length;
    await expect(env.clock.run(medialive.send(new ListChannelsCommand({})), 1_800_000)).rejects.toBeInstanceOf(
      SignInRequired,
    );
    expect(env.sim.control.requests({ service: 'medialive' })).toHaveLength(before);
  });

  it('ends as denied when the sign-in is denied, and as expired when it is left pending', async () => {
    const env = await setup();
    const denied = await signIn(env, (code) => env.sim.control.decideSignIn('denied', code.userCode));
    expect((denied.error as SignInFailed).reason).toBe('denied');
    env.sim.control.setSsoTimings({ deviceCodeSeconds: 20 });
    const pending = await signIn(env, () => undefined);
    expect((pending.error as SignInFailed).reason).toBe('expired');
    expect(readdirSync(home)).toEqual([]);
  });

  it('answers SlowDown to a client polling faster than the interval', async () => {
    const env = await setup();
    const polls: string[] = [];
    // A client that ignores `interval`: two CreateToken calls at the same instant.
    const { clientId, clientSecret } = await env.clock.run(
      env.oidc.send(new RegisterClientCommand({ clientName: 't', clientType: 'public' })),
    );
    const device = await env.clock.run(
      env.oidc.send(
        new StartDeviceAuthorizationCommand({
          clientId,
          clientSecret,
          startUrl: env.profile.startUrl,
        }),
      ),
    );
    for (let i = 0; i < 2; i += 1) {
      const answer = await env.clock
        .run(
          env.oidc.send(
            new CreateTokenCommand({
              clientId,
              clientSecret,
              grantType: 'urn:ietf:params:oauth:grant-type:device_code',
              deviceCode: device.deviceCode,
            }),
          ),
        )
        .then(
          () => 'token',
          (error: { name: string }) => error.name,
        );
      polls.push(answer);
    }
    expect(polls).toEqual(['AuthorizationPendingException', 'SlowDownException']);
  });

  it('renews the access token with the refresh token and keeps the session start; refuses after the session ends', async () => {
    const env = await setup();
    const result = await signIn(env, (code) => env.sim.control.decideSignIn('approved', code.userCode));
    await writeTokenCache(env.profile, result.token!);
    const refreshed: string[] = [];
    const credentials = createSsoCredentials({
      profile: env.profile,
      sso: env.sso,
      oidc: env.oidc,
      now: env.clock.now,
      onTokenRefreshed: (file) => refreshed.push(file),
    });
    await env.clock.advance(3_600_000 - 60_000);
    // The cache is read from disk, which the clock cannot wait for: allow simulated time to pass meanwhile.
    await env.clock.run(credentials.provider(), 1_800_000);
    expect(refreshed).toHaveLength(1);
    const read = await readTokenCache(env.profile);
    expect(read.kind === 'token' && Date.parse(read.token.expiresAt)).toBeGreaterThan(env.clock.now());

    env.sim.control.expireSsoSessions();
    credentials.reset();
    await expect(env.clock.run(credentials.provider(), 1_800_000)).rejects.toBeInstanceOf(SignInRequired);
  });

  it('keeps tokens and secrets out of the request log and the control state', async () => {
    const env = await setup();
    const result = await signIn(env, (code) => env.sim.control.decideSignIn('approved', code.userCode));
    await writeTokenCache(env.profile, result.token!);
    const credentials = createSsoCredentials({
      profile: env.profile,
      sso: env.sso,
      oidc: env.oidc,
      now: env.clock.now,
    });
    const role = await env.clock.run(credentials.provider(), 1_800_000);
    const recorded = JSON.stringify([env.sim.control.requests(), env.sim.control.ssoState()]);
    const file = readFileSync(
      path.join(home, '.aws', 'sso', 'cache', readdirSync(path.join(home, '.aws', 'sso', 'cache'))[0]!),
      'utf8',
    );
    const token = JSON.parse(file) as Record<string, string>;
    for (const value of [
      token['accessToken'],
      token['refreshToken'],
      token['clientSecret'],
      role.secretAccessKey,
      role.sessionToken,
    ])
      expect(recorded).not.toContain(value);
  });
});
