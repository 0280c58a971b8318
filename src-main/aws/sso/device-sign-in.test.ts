import {
  AccessDeniedException,
  AuthorizationPendingException,
  CreateTokenCommand,
  ExpiredTokenException,
  RegisterClientCommand,
  SlowDownException,
  StartDeviceAuthorizationCommand,
  type SSOOIDCClient,
} from '@aws-sdk/client-sso-oidc';
import { describe, expect, it } from 'vitest';
import { ManualClock } from '../../core/test-support/manual-clock';
import { deviceSignIn, SignInFailed, type DeviceCode } from './device-sign-in';
import { corpProfile } from './test-support/sso-profiles';

const profile = corpProfile({ ssoRegion: 'eu-west-1' });
const meta = { $metadata: {} };

/** A scripted SSO OIDC: each CreateToken answer in turn (an Error is thrown), recording when each poll came. */
function fakeOidc(clock: ManualClock, answers: Array<Error | 'token'>, device = { interval: 5, expiresIn: 600 }) {
  const polls: number[] = [];
  const oidc = {
    send: async (command: unknown) => {
      if (command instanceof RegisterClientCommand)
        return { clientId: 'client-1', clientSecret: 'CLIENT-SECRET', clientSecretExpiresAt: 1_900_000_000 };
      if (command instanceof StartDeviceAuthorizationCommand)
        return {
          deviceCode: 'DEVICE-SECRET',
          userCode: 'ABCD-EFGH',
          verificationUri: 'https://device.sso.eu-west-1.amazonaws.com/',
          verificationUriComplete: 'https://device.sso.eu-west-1.amazonaws.com/?user_code=ABCD-EFGH',
          ...device,
        };
      if (command instanceof CreateTokenCommand) {
        polls.push(clock.now());
        const next = answers.shift() ?? new AuthorizationPendingException({ message: 'pending', ...meta });
        if (next instanceof Error) throw next;
        return { accessToken: 'ACCESS-SECRET', expiresIn: 3600, refreshToken: 'REFRESH-SECRET', tokenType: 'Bearer' };
      }
      throw new Error('unexpected command');
    },
  } as unknown as Pick<SSOOIDCClient, 'send'>;
  return { oidc, polls };
}

const pending = () => new AuthorizationPendingException({ message: 'pending', ...meta });

async function run(clock: ManualClock, oidc: Pick<SSOOIDCClient, 'send'>, controller = new AbortController()) {
  const codes: DeviceCode[] = [];
  const work = deviceSignIn({
    profile,
    oidc,
    clock,
    clientName: 'Lunora Booth',
    signal: controller.signal,
    onCode: (c) => codes.push(c),
  });
  const outcome = await clock.run(
    work.then(
      (token) => ({ token, error: null as unknown }),
      (error: unknown) => ({ token: null, error }),
    ),
    3_600_000,
  );
  return { ...outcome, codes };
}

describe('device authorization sign-in', () => {
  it('shows the code, polls at the interval until approved, and answers the token as the CLI caches it', async () => {
    const clock = new ManualClock();
    const start = clock.now();
    const { oidc, polls } = fakeOidc(clock, [pending(), pending(), 'token']);
    const result = await run(clock, oidc);
    expect(result.codes).toEqual([
      {
        userCode: 'ABCD-EFGH',
        verificationUri: 'https://device.sso.eu-west-1.amazonaws.com/',
        verificationUriComplete: 'https://device.sso.eu-west-1.amazonaws.com/?user_code=ABCD-EFGH',
        expiresAt: start + 600_000,
      },
    ]);
    expect(polls.map((t) => t - start)).toEqual([5_000, 10_000, 15_000]);
    expect(result).toMatchObject({
      token: {
        startUrl: profile.startUrl,
        region: 'eu-west-1',
        accessToken: 'ACCESS-SECRET',
        expiresAt: new Date(start + 15_000 + 3_600_000).toISOString(),
        clientId: 'client-1',
        clientSecret: 'CLIENT-SECRET',
        registrationExpiresAt: new Date(1_900_000_000_000).toISOString(),
        refreshToken: 'REFRESH-SECRET',
      },
    });
  });

  it('waits 5 s longer after every SlowDown, for that poll and all later ones', async () => {
    const clock = new ManualClock();
    const start = clock.now();
    const slow = () => new SlowDownException({ message: 'slow', ...meta });
    const { oidc, polls } = fakeOidc(clock, [slow(), slow(), pending(), 'token']);
    await run(clock, oidc);
    // 5, then 10 (5 + 5), then 15 (10 + 5), then 15 again.
    expect(polls.map((t) => t - start)).toEqual([5_000, 15_000, 30_000, 45_000]);
  });

  it('ends as expired when a SlowDown storm outlasts the code, without polling past its expiry', async () => {
    const clock = new ManualClock();
    const start = clock.now();
    const { oidc, polls } = fakeOidc(
      clock,
      Array.from({ length: 50 }, () => new SlowDownException({ message: 'slow', ...meta })),
      { interval: 5, expiresIn: 60 },
    );
    const result = await run(clock, oidc);
    expect(result.error).toBeInstanceOf(SignInFailed);
    expect((result.error as SignInFailed).reason).toBe('expired');
    expect(Math.max(...polls) - start).toBeLessThan(60_000);
  });

  it.each([
    ['denied', () => new AccessDeniedException({ message: 'denied', ...meta }), /denied/],
    ['expired', () => new ExpiredTokenException({ message: 'expired', ...meta }), /expired/],
    [
      'network',
      () => Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:1'), { code: 'ECONNREFUSED' }),
      /could not be reached/,
    ],
  ] as const)('ends cleanly as %s, with a message in operator words and no secret', async (reason, error, words) => {
    const clock = new ManualClock();
    const { oidc } = fakeOidc(clock, [pending(), error(), error(), error()]);
    const result = await run(clock, oidc);
    expect((result.error as SignInFailed).reason).toBe(reason);
    expect((result.error as Error).message).toMatch(words);
    expect((result.error as Error).message).not.toMatch(/SECRET|Exception/);
    expect(clock.pending()).toBe(0);
  });

  it('rides out one dropped poll', async () => {
    const clock = new ManualClock();
    const drop = Object.assign(new Error('socket hang up'), { code: 'ECONNRESET' });
    const { oidc } = fakeOidc(clock, [drop, 'token']);
    expect((await run(clock, oidc)).token?.accessToken).toBe('ACCESS-SECRET');
  });

  it('stops polling at once when cancelled (the browser was closed)', async () => {
    const clock = new ManualClock();
    const { oidc, polls } = fakeOidc(clock, []);
    const controller = new AbortController();
    clock.setTimeout(() => controller.abort(), 12_000);
    const result = await run(clock, oidc, controller);
    expect((result.error as SignInFailed).reason).toBe('cancelled');
    expect(polls).toHaveLength(2);
    expect(clock.pending()).toBe(0);
  });
});
