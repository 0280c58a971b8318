import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { CacheFileRefused, readTokenCache, tokenCacheFile, writeTokenCache } from './token-cache';
import { corpProfile } from './test-support/sso-profiles';

const profile = corpProfile();
const savedHome = process.env['HOME'];
let cacheDir = '';
beforeEach(() => {
  const home = mkdtempSync(path.join(tmpdir(), 'booth-sso-cache-'));
  process.env['HOME'] = home;
  cacheDir = path.join(home, '.aws', 'sso', 'cache');
});
afterEach(() => {
  process.env['HOME'] = savedHome;
});

const token = {
  startUrl: profile.startUrl,
  region: 'us-east-1',
  accessToken: 'ACCESS-SECRET',
  expiresAt: '2026-12-01T20:00:00Z',
  clientId: 'client-1',
  clientSecret: 'CLIENT-SECRET',
  registrationExpiresAt: '2027-03-01T00:00:00Z',
  refreshToken: 'REFRESH-SECRET',
};

function place(content: string): string {
  mkdirSync(cacheDir, { recursive: true });
  const file = path.join(cacheDir, `${createHash('sha1').update('corp').digest('hex')}.json`);
  writeFileSync(file, content);
  return file;
}

describe('the AWS CLI token cache', () => {
  it('lives at the SHA-1 of the session name (the start URL for legacy profiles)', () => {
    expect(tokenCacheFile(profile)).toBe(
      path.join(cacheDir, `${createHash('sha1').update('corp').digest('hex')}.json`),
    );
    const legacy = { ...profile, sessionName: null, cacheKey: profile.startUrl };
    expect(path.basename(tokenCacheFile(legacy))).toBe(
      `${createHash('sha1').update(profile.startUrl).digest('hex')}.json`,
    );
  });

  it('writes the CLI fields atomically, owner-only, and reads them back', async () => {
    const file = await writeTokenCache(profile, token);
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(JSON.parse(readFileSync(file, 'utf8'))).toEqual(token);
    expect(readdirSync(cacheDir)).toEqual([path.basename(file)]);
    const read = await readTokenCache(profile);
    expect(read).toMatchObject({ kind: 'token', file, token });
  });

  it('keeps fields a newer CLI added, and drops a refresh token the new sign-in does not have', async () => {
    place(JSON.stringify({ ...token, futureField: 'kept' }));
    const { refreshToken: _dropped, ...withoutRefresh } = token;
    await writeTokenCache(profile, withoutRefresh);
    const written = JSON.parse(readFileSync(tokenCacheFile(profile), 'utf8')) as Record<string, unknown>;
    expect(written['futureField']).toBe('kept');
    expect(written['refreshToken']).toBeUndefined();
  });

  it('reports a corrupt file, a file of another portal and an unreadable one, and never overwrites them', async () => {
    const corrupt = place('{"accessToken": "ACCESS-SECRET", ');
    const read = await readTokenCache(profile);
    expect(read).toMatchObject({ kind: 'problem', reason: 'corrupt', file: corrupt });
    await expect(writeTokenCache(profile, token)).rejects.toBeInstanceOf(CacheFileRefused);
    expect(readFileSync(corrupt, 'utf8')).toBe('{"accessToken": "ACCESS-SECRET", ');

    place(JSON.stringify({ ...token, startUrl: 'https://other.awsapps.com/start' }));
    const foreign = await readTokenCache(profile);
    expect(foreign).toMatchObject({ kind: 'problem', reason: 'foreign' });
    expect(foreign.kind === 'problem' && foreign.message).toContain('https://other.awsapps.com/start');
    await expect(writeTokenCache(profile, token)).rejects.toThrow(/another portal/);

    place(JSON.stringify({ hello: 'world' }));
    expect(await readTokenCache(profile)).toMatchObject({ kind: 'problem', reason: 'corrupt' });

    const file = tokenCacheFile(profile);
    // A folder where the file should be cannot be read as a file, whoever runs the test.
    const { rmSync } = await import('node:fs');
    rmSync(file);
    mkdirSync(file);
    expect(await readTokenCache(profile)).toMatchObject({ kind: 'problem', reason: 'unreadable' });
  });

  it('never puts a token or secret in a problem message', async () => {
    place(JSON.stringify({ ...token, expiresAt: 'soon' }));
    const read = await readTokenCache(profile);
    expect(read.kind).toBe('problem');
    expect(JSON.stringify(read)).not.toMatch(/SECRET/);
  });

  it('answers none before any sign-in', async () => {
    expect(await readTokenCache(profile)).toEqual({ kind: 'none', file: tokenCacheFile(profile) });
  });
});
