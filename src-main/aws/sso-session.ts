import { getSSOTokenFromFile, loadSharedConfigFiles } from '@smithy/shared-ini-file-loader';

/**
 * When the profile's IAM Identity Center sign-in stops working, from the token cache the AWS CLI
 * shares (~/.aws/sso/cache). A token with a refresh token is renewed by the SDK as it nears its
 * end, so there is no known deadline (the first refused refresh surfaces as expired credentials);
 * without one, the access token's own expiry is the deadline. null for profiles that are not SSO.
 */
export async function ssoSessionExpiry(profile: string): Promise<number | null> {
  const { configFile } = await loadSharedConfigFiles({ ignoreCache: true });
  const section = configFile[profile];
  const id = section?.['sso_session'] ?? section?.['sso_start_url'];
  if (!id) return null;
  try {
    const token = await getSSOTokenFromFile(id);
    if (token.refreshToken) return null;
    const at = Date.parse(token.expiresAt);
    return Number.isNaN(at) ? null : at;
  } catch {
    // Not signed in yet: the connection fails on its first call with a message that says to sign in.
    return null;
  }
}
