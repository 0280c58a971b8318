import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { ssoSessionExpiry } from './sso-session';

const saved = { home: process.env['HOME'], config: process.env['AWS_CONFIG_FILE'] };
afterEach(() => {
  process.env['HOME'] = saved.home;
  if (saved.config === undefined) delete process.env['AWS_CONFIG_FILE'];
  else process.env['AWS_CONFIG_FILE'] = saved.config;
});

/** A home folder with a config and an `aws sso login` token cache, as the CLI writes them. */
function home(token: Record<string, string> | null) {
  const dir = mkdtempSync(path.join(tmpdir(), 'booth-home-'));
  mkdirSync(path.join(dir, '.aws', 'sso', 'cache'), { recursive: true });
  writeFileSync(
    path.join(dir, '.aws', 'config'),
    [
      '[profile booth]',
      'sso_session = corp',
      'region = us-east-1',
      '[sso-session corp]',
      'sso_start_url = https://corp.awsapps.com/start',
      'sso_region = us-east-1',
      '[profile keys]',
      'region = us-east-1',
      '',
    ].join('\n'),
  );
  if (token) {
    const file = `${createHash('sha1').update('corp').digest('hex')}.json`;
    writeFileSync(
      path.join(dir, '.aws', 'sso', 'cache', file),
      JSON.stringify({ startUrl: 'https://corp.awsapps.com/start', region: 'us-east-1', accessToken: 'tok', ...token }),
    );
  }
  process.env['HOME'] = dir;
  process.env['AWS_CONFIG_FILE'] = path.join(dir, '.aws', 'config');
}

describe('ssoSessionExpiry', () => {
  it('reads the access token expiry of an SSO profile without a refresh token', async () => {
    home({ expiresAt: '2026-11-25T22:00:00Z' });
    expect(await ssoSessionExpiry('booth')).toBe(Date.parse('2026-11-25T22:00:00Z'));
  });

  it('has no deadline when the SDK can refresh the token, for non-SSO profiles, or before sign-in', async () => {
    home({ expiresAt: '2026-11-25T22:00:00Z', refreshToken: 'r', clientId: 'c', clientSecret: 's' });
    expect(await ssoSessionExpiry('booth')).toBeNull();
    expect(await ssoSessionExpiry('keys')).toBeNull();
    home(null);
    expect(await ssoSessionExpiry('booth')).toBeNull();
  });
});
