import type { SsoProfile } from './sso-profile';
import { readTokenCache, type CachedToken } from './token-cache';

/**
 * How long an access-portal session lasts when the organisation has not changed it: eight hours, the default
 * session duration of the AWS access portal, which the IAM Identity Center administrator can set from 15 minutes
 * to 90 days (IAM Identity Center User Guide, "Configure the session duration of the AWS access portal and IAM
 * Identity Center integrated applications", https://docs.aws.amazon.com/singlesignon/latest/userguide/configure-user-session.html;
 * "Session duration considerations for using ... the AWS CLI, and AWS SDKs",
 * https://docs.aws.amazon.com/singlesignon/latest/userguide/user-session-duration-prereqs-considerations.html).
 * The token cache does not record it, so an admin enters the organisation's value.
 */
export const DEFAULT_SESSION_MINUTES = 8 * 60;

/** This console's own sign-in into one cache file: when it happened and when the console last wrote the file. */
export interface SignInRecord {
  cacheFile: string;
  startedAt: number;
  /** The file's modification time right after the console's last write (sign-in or token refresh). */
  writtenAt: number;
}

export interface SessionDeadline {
  /** When the console loses control (epoch ms), at the latest. */
  endsAt: number;
  /** What ends it: the portal session, the access token (nothing can renew it), or the client registration. */
  bound: 'portal-session' | 'access-token' | 'client-registration';
  startedAt: number;
  /** How the start is known: the console's own sign-in, or (signed in elsewhere) when the cache file was written. */
  startSource: 'console-sign-in' | 'cache-written';
}

/**
 * When control ends. A refresh token renews the access token until the portal session ends (SSO token provider
 * configuration: "your AWS SDK or tool automatically refreshes your session up to the extended session duration",
 * AWS SDKs and Tools Reference Guide, https://docs.aws.amazon.com/sdkref/latest/guide/feature-sso-credentials.html),
 * and only while the client registration (its clientSecret, RegisterClient clientSecretExpiresAt) is valid;
 * without a refresh token the access token's own expiresAt is the end. The access token in hand always works
 * until its own expiry. A sign-in made elsewhere (aws sso login) began at the latest when its file was written.
 */
export function sessionDeadline(input: {
  token: CachedToken;
  cacheFile: string;
  modifiedAt: number;
  record: SignInRecord | null;
  sessionMinutes: number;
}): SessionDeadline {
  const ours =
    input.record !== null &&
    input.record.cacheFile === input.cacheFile &&
    Math.abs(input.record.writtenAt - input.modifiedAt) < 1_000;
  const startedAt = ours && input.record ? input.record.startedAt : input.modifiedAt;
  const startSource = ours ? 'console-sign-in' : 'cache-written';
  const accessEnds = Date.parse(input.token.expiresAt);
  const canRefresh = Boolean(input.token.refreshToken && input.token.clientId && input.token.clientSecret);
  if (!canRefresh) return { endsAt: accessEnds, bound: 'access-token', startedAt, startSource };
  const portalEnds = startedAt + input.sessionMinutes * 60_000;
  const registrationEnds = input.token.registrationExpiresAt ? Date.parse(input.token.registrationExpiresAt) : NaN;
  const refreshEnds = Number.isNaN(registrationEnds) ? portalEnds : Math.min(portalEnds, registrationEnds);
  if (accessEnds >= refreshEnds) return { endsAt: accessEnds, bound: 'access-token', startedAt, startSource };
  return {
    endsAt: refreshEnds,
    bound: refreshEnds === portalEnds ? 'portal-session' : 'client-registration',
    startedAt,
    startSource,
  };
}

/** When control ends for this profile's cached sign-in; null before any sign-in or when the cache cannot be used. */
export async function readSessionDeadline(
  profile: SsoProfile,
  records: readonly SignInRecord[],
  sessionMinutes: number,
): Promise<SessionDeadline | null> {
  const read = await readTokenCache(profile);
  if (read.kind !== 'token') return null;
  return sessionDeadline({
    token: read.token,
    cacheFile: read.file,
    modifiedAt: read.modifiedAt,
    record: records.find((r) => r.cacheFile === read.file) ?? null,
    sessionMinutes,
  });
}
