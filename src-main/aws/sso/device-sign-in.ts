import {
  CreateTokenCommand,
  RegisterClientCommand,
  StartDeviceAuthorizationCommand,
  type SSOOIDCClient,
} from '@aws-sdk/client-sso-oidc';
import type { Clock } from '../../core/clock';
import { mapAwsError } from '../errors';
import type { SsoProfile } from './sso-profile';
import type { CachedToken } from './token-cache';

/** The OAuth 2.0 device authorization grant type, as CreateToken takes it (RFC 8628 section 3.4). */
const DEVICE_CODE_GRANT = 'urn:ietf:params:oauth:grant-type:device_code';
/** RFC 8628 section 3.2: a client without `interval` waits 5 seconds between polls. */
const DEFAULT_INTERVAL_S = 5;
/** RFC 8628 section 3.5: on slow_down "the interval MUST be increased by 5 seconds for this and all subsequent requests". */
const SLOW_DOWN_STEP_MS = 5_000;
/** Polls lost to the network in a row before the sign-in ends (a blip is tolerated, a dropped link is not). */
const NETWORK_FAILURES_TOLERATED = 2;

/** What the operator reads to approve the sign-in: not secrets (RFC 8628 section 3.3 has the device show them). */
export interface DeviceCode {
  userCode: string;
  verificationUri: string;
  /** The verification page with the code filled in, opened in the system browser. */
  verificationUriComplete: string | null;
  /** When the code stops being valid (epoch ms). */
  expiresAt: number;
}

export type SignInFailure = 'denied' | 'expired' | 'cancelled' | 'network' | 'refused';

/** How a sign-in ended without a token, in operator words; nothing half-written is left behind. */
export class SignInFailed extends Error {
  readonly reason: SignInFailure;
  constructor(reason: SignInFailure, message: string) {
    super(message);
    this.name = 'SignInFailed';
    this.reason = reason;
  }
}

const MESSAGES: Record<SignInFailure, string> = {
  denied: 'The sign-in was denied in the browser. Sign in again and choose Allow.',
  expired: 'The code expired before the sign-in was approved. Sign in again for a new code.',
  cancelled: 'The sign-in was cancelled.',
  network: 'AWS could not be reached during the sign-in. Check the network, then sign in again.',
  refused: 'IAM Identity Center refused the sign-in.',
};

function failed(reason: SignInFailure, detail?: string): SignInFailed {
  return new SignInFailed(reason, detail ? `${MESSAGES[reason]} (${detail})` : MESSAGES[reason]);
}

export interface DeviceSignInInput {
  profile: SsoProfile;
  oidc: Pick<SSOOIDCClient, 'send'>;
  clock: Clock;
  /** Shown in the IAM Identity Center console's list of registered clients. */
  clientName: string;
  signal: AbortSignal;
  onCode(code: DeviceCode): void;
}

function sleep(clock: Clock, ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal.aborted) {
      reject(failed('cancelled'));
      return;
    }
    const onAbort = () => {
      clock.clearTimeout(timer);
      reject(failed('cancelled'));
    };
    const timer = clock.setTimeout(() => {
      signal.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    signal.addEventListener('abort', onAbort, { once: true });
  });
}

function errorName(error: unknown): string {
  return (error as { name?: string } | null)?.name ?? '';
}

/**
 * Signs in with the OAuth 2.0 device authorization grant as IAM Identity Center implements it (IAM Identity
 * Center OIDC API Reference: RegisterClient registers a public client "to perform authorization using the
 * authorization code grant with PKCE or the device code grant",
 * https://docs.aws.amazon.com/singlesignon/latest/OIDCAPIReference/API_RegisterClient.html;
 * StartDeviceAuthorization answers deviceCode, userCode, verificationUri(Complete), expiresIn and `interval`,
 * "the number of seconds the client must wait between attempts when polling",
 * https://docs.aws.amazon.com/singlesignon/latest/OIDCAPIReference/API_StartDeviceAuthorization.html;
 * CreateToken with the device_code grant answers AuthorizationPendingException until the user approves,
 * SlowDownException when polled too often, ExpiredTokenException once the code expired and
 * AccessDeniedException when the user denied, https://docs.aws.amazon.com/singlesignon/latest/OIDCAPIReference/API_CreateToken.html).
 * Resolves with the token as the CLI caches it; rejects with a SignInFailed whatever goes wrong.
 */
export async function deviceSignIn(input: DeviceSignInInput): Promise<CachedToken> {
  const { profile, oidc, clock, signal } = input;
  const now = () => clock.now();
  const call = async <T>(send: () => Promise<T>): Promise<T> => {
    if (signal.aborted) throw failed('cancelled');
    try {
      return await send();
    } catch (error) {
      const mapped = mapAwsError(error, 'Sign in');
      if (['network', 'timeout', 'unavailable'].includes(mapped.code)) throw failed('network');
      throw failed('refused', mapped.message);
    }
  };
  const registration = await call(() =>
    oidc.send(
      new RegisterClientCommand({
        clientName: input.clientName,
        clientType: 'public',
        scopes: profile.scopes,
        grantTypes: [DEVICE_CODE_GRANT, 'refresh_token'],
      }),
    ),
  );
  const { clientId, clientSecret } = registration;
  if (!clientId || !clientSecret) throw failed('refused', 'no client registration');
  const authorization = await call(() =>
    oidc.send(new StartDeviceAuthorizationCommand({ clientId, clientSecret, startUrl: profile.startUrl })),
  );
  const { deviceCode, userCode, verificationUri } = authorization;
  if (!deviceCode || !userCode || !verificationUri) throw failed('refused', 'no device code');
  const codeExpiresAt = now() + (authorization.expiresIn ?? 600) * 1000;
  input.onCode({
    userCode,
    verificationUri,
    verificationUriComplete: authorization.verificationUriComplete ?? null,
    expiresAt: codeExpiresAt,
  });

  let intervalMs = Math.max(1, authorization.interval ?? DEFAULT_INTERVAL_S) * 1000;
  let networkFailures = 0;
  for (;;) {
    await sleep(clock, intervalMs, signal);
    if (now() >= codeExpiresAt) throw failed('expired');
    let answer;
    try {
      answer = await oidc.send(
        new CreateTokenCommand({ clientId, clientSecret, grantType: DEVICE_CODE_GRANT, deviceCode }),
      );
    } catch (error) {
      if (signal.aborted) throw failed('cancelled');
      const name = errorName(error);
      if (name === 'AuthorizationPendingException') {
        networkFailures = 0;
        continue;
      }
      if (name === 'SlowDownException') {
        networkFailures = 0;
        intervalMs += SLOW_DOWN_STEP_MS;
        continue;
      }
      if (name === 'ExpiredTokenException') throw failed('expired');
      if (name === 'AccessDeniedException') throw failed('denied');
      const mapped = mapAwsError(error, 'Sign in');
      if (['network', 'timeout', 'unavailable'].includes(mapped.code)) {
        networkFailures += 1;
        if (networkFailures > NETWORK_FAILURES_TOLERATED) throw failed('network');
        continue;
      }
      throw failed('refused', mapped.message);
    }
    if (!answer.accessToken) throw failed('refused', 'no access token');
    return {
      startUrl: profile.startUrl,
      region: profile.ssoRegion,
      accessToken: answer.accessToken,
      expiresAt: new Date(now() + (answer.expiresIn ?? 3600) * 1000).toISOString(),
      clientId,
      clientSecret,
      ...(registration.clientSecretExpiresAt
        ? { registrationExpiresAt: new Date(registration.clientSecretExpiresAt * 1000).toISOString() }
        : {}),
      ...(answer.refreshToken ? { refreshToken: answer.refreshToken } : {}),
    };
  }
}
