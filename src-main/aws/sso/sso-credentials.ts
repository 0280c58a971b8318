import { GetRoleCredentialsCommand, type SSOClient } from '@aws-sdk/client-sso';
import { CreateTokenCommand, type SSOOIDCClient } from '@aws-sdk/client-sso-oidc';
import { mapAwsError } from '../errors';
import type { SsoProfile } from './sso-profile';
import { readTokenCache, writeTokenCache } from './token-cache';

/** Renew an access token or role credentials this long before they expire (the SDKs' own 5-minute window). */
const REFRESH_WINDOW_MS = 5 * 60_000;
/**
 * The SDK keeps resolved credentials until 5 minutes before the expiration they carry (@smithy/core
 * memoizeIdentityProvider, EXPIRATION_MS). Handing it an expiration exactly that far ahead makes it ask this
 * provider again for every request (answered from memory), so credentials swapped or dropped here (a new sign-in,
 * or AWS refusing them as expired) apply to the very next request, and a refused key is never sent again.
 */
const SDK_RECHECK_MS = REFRESH_WINDOW_MS;

/** Credentials as the SDK clients take them (the shape of @smithy/types AwsCredentialIdentity). */
interface AwsCredentialIdentity {
  accessKeyId: string;
  secretAccessKey: string;
  sessionToken?: string;
  expiration?: Date;
}

/**
 * No usable sign-in. Named as the SDK's own credential errors are, so every caller maps it to "sign in again"
 * (aws/errors.ts) and the request is never sent.
 */
export class SignInRequired extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'CredentialsProviderError';
  }
}

export interface SsoCredentials {
  provider: () => Promise<AwsCredentialIdentity>;
  /**
   * Forgets the role credentials in hand: after a new sign-in the next request signs with its credentials; after
   * AWS refused them as expired, the next request is not sent unless the portal gives new ones.
   */
  reset(): void;
}

export interface SsoCredentialsInput {
  profile: SsoProfile;
  sso: Pick<SSOClient, 'send'>;
  oidc: Pick<SSOOIDCClient, 'send'>;
  now: () => number;
  /** Told after the console rewrote the cache (a refreshed token), with the file's new modification time. */
  onTokenRefreshed?: (file: string) => void;
  /**
   * Told when IAM Identity Center refused a sign-in that the cache still holds (its session ended early, was
   * revoked, or ran out): control has ended whatever the cache's dates say.
   */
  onSessionEnded?: () => void;
}

/**
 * The role credentials of an IAM Identity Center profile, read from the token cache the CLI shares: the access
 * token is exchanged for the permission set's credentials with GetRoleCredentials (IAM Identity Center Portal API
 * Reference, https://docs.aws.amazon.com/singlesignon/latest/PortalAPIReference/API_GetRoleCredentials.html:
 * `roleCredentials` with accessKeyId, secretAccessKey, sessionToken and `expiration` in epoch milliseconds), and
 * renewed with the refresh_token grant of CreateToken while the portal session lasts
 * (https://docs.aws.amazon.com/singlesignon/latest/OIDCAPIReference/API_CreateToken.html), as the SDKs' SSO token
 * provider does ("How IAM Identity Center authentication is resolved for AWS SDKs and tools",
 * https://docs.aws.amazon.com/sdkref/latest/guide/understanding-sso.html).
 */
export function createSsoCredentials(input: SsoCredentialsInput): SsoCredentials {
  const { profile, now } = input;
  let held: AwsCredentialIdentity | null = null;
  let pending: Promise<AwsCredentialIdentity> | null = null;
  let generation = 0;

  function sessionEnded(message: string): SignInRequired {
    input.onSessionEnded?.();
    return new SignInRequired(message);
  }

  async function accessToken(): Promise<string> {
    const read = await readTokenCache(profile);
    if (read.kind === 'none')
      throw new SignInRequired(`Profile ${profile.profile} is not signed in to IAM Identity Center; sign in.`);
    if (read.kind === 'problem') throw new SignInRequired(read.message);
    const { token } = read;
    if (Date.parse(token.expiresAt) - now() > REFRESH_WINDOW_MS) return token.accessToken;
    const { refreshToken, clientId, clientSecret } = token;
    if (!refreshToken || !clientId || !clientSecret) {
      if (Date.parse(token.expiresAt) > now()) return token.accessToken;
      throw sessionEnded(`The IAM Identity Center sign-in of profile ${profile.profile} has expired; sign in again.`);
    }
    try {
      const renewed = await input.oidc.send(
        new CreateTokenCommand({ clientId, clientSecret, grantType: 'refresh_token', refreshToken }),
      );
      if (!renewed.accessToken) throw new Error('no access token');
      const file = await writeTokenCache(profile, {
        ...token,
        accessToken: renewed.accessToken,
        expiresAt: new Date(now() + (renewed.expiresIn ?? 3600) * 1000).toISOString(),
        ...(renewed.refreshToken ? { refreshToken: renewed.refreshToken } : {}),
      });
      input.onTokenRefreshed?.(file);
      return renewed.accessToken;
    } catch (error) {
      // The token in hand still works until its own expiry; after that the portal session is over.
      if (Date.parse(token.expiresAt) > now()) return token.accessToken;
      const mapped = mapAwsError(error, 'Renew the sign-in');
      if (['network', 'timeout', 'unavailable'].includes(mapped.code)) throw error;
      throw sessionEnded(`The IAM Identity Center session of profile ${profile.profile} has ended; sign in again.`);
    }
  }

  async function fetchRoleCredentials(): Promise<AwsCredentialIdentity> {
    if (!profile.accountId || !profile.roleName)
      throw new SignInRequired(`Profile ${profile.profile} names no sso_account_id and sso_role_name.`);
    const token = await accessToken();
    try {
      const answer = await input.sso.send(
        new GetRoleCredentialsCommand({ accessToken: token, accountId: profile.accountId, roleName: profile.roleName }),
      );
      const c = answer.roleCredentials;
      if (!c?.accessKeyId || !c.secretAccessKey)
        throw new SignInRequired('IAM Identity Center answered no credentials.');
      return {
        accessKeyId: c.accessKeyId,
        secretAccessKey: c.secretAccessKey,
        ...(c.sessionToken ? { sessionToken: c.sessionToken } : {}),
        ...(c.expiration ? { expiration: new Date(c.expiration) } : {}),
      };
    } catch (error) {
      // UnauthorizedException: "the session token is not valid or has expired" (Portal API Reference, Errors).
      if ((error as { name?: string }).name === 'UnauthorizedException')
        throw sessionEnded(`The IAM Identity Center session of profile ${profile.profile} has ended; sign in again.`);
      throw error;
    }
  }

  const fresh = (c: AwsCredentialIdentity | null): c is AwsCredentialIdentity =>
    c !== null && (!c.expiration || c.expiration.getTime() - now() > REFRESH_WINDOW_MS);

  async function resolve(): Promise<AwsCredentialIdentity> {
    if (!fresh(held)) {
      const mine = generation;
      pending ??= fetchRoleCredentials().finally(() => (pending = null));
      const got = await pending;
      if (mine === generation) held = got;
    }
    const current = held ?? (await pending) ?? null;
    if (!current) throw new SignInRequired(`Profile ${profile.profile} is not signed in; sign in.`);
    const recheck = new Date(Date.now() + SDK_RECHECK_MS);
    const expiration = current.expiration && current.expiration < recheck ? current.expiration : recheck;
    return { ...current, expiration };
  }

  return {
    provider: resolve,
    reset() {
      generation += 1;
      held = null;
      pending = null;
    },
  };
}
