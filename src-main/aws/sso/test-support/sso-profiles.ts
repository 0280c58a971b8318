import type { SsoProfile } from '../sso-profile';

/** An IAM Identity Center profile of a made-up organisation (`sso-session corp`), for tests that never sign in. */
export function corpProfile(overrides: Partial<SsoProfile> = {}): SsoProfile {
  return {
    profile: 'booth',
    sessionName: 'corp',
    startUrl: 'https://corp.awsapps.com/start',
    ssoRegion: 'us-east-1',
    accountId: '123456789012',
    roleName: 'Operator',
    scopes: ['sso:account:access'],
    cacheKey: 'corp',
    ...overrides,
  };
}

/** A profile whose sign-in goes to the simulator's IAM Identity Center. */
export function simulatorProfile(sim: { endpoint: string; region: string }): SsoProfile {
  return corpProfile({
    sessionName: 'sim',
    startUrl: `${sim.endpoint}/start`,
    ssoRegion: sim.region,
    roleName: 'LunoraOperator',
    cacheKey: 'sim',
  });
}
