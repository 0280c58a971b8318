import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { AwsClients } from '../../aws/clients';
import { DEFAULT_SESSION_MINUTES, readSessionDeadline } from '../../aws/sso/session-deadline';
import { corpProfile } from '../../aws/sso/test-support/sso-profiles';
import { clockTime } from '../../../shared/domain/time-format';
import { runReadinessCheck } from './readiness-check';

/** Every AWS call fails fast: only the credential item is under test here. */
const offline = new Proxy(
  {},
  { get: () => ({ send: async () => Promise.reject(Object.assign(new Error('offline'), { code: 'ECONNREFUSED' })) }) },
) as unknown as AwsClients;

describe('a cached refresh token is not "never expires": the default 8 h portal session bounds the show', () => {
  it('readiness fails for a planned show that ends after the session would, and says when the session ends', async () => {
    const cacheDir = mkdtempSync(path.join(tmpdir(), 'booth-sso-deadline-'));
    const profile = corpProfile({ cacheDir });
    // Signed in elsewhere (aws sso login) six hours ago: the file's write time is the latest the session began.
    const now = Date.UTC(2026, 11, 1, 18, 0);
    const signedInAt = now - 6 * 3_600_000;
    mkdirSync(cacheDir, { recursive: true });
    const file = path.join(cacheDir, `${createHash('sha1').update('corp').digest('hex')}.json`);
    writeFileSync(
      file,
      JSON.stringify({
        startUrl: profile.startUrl,
        region: 'us-east-1',
        accessToken: 'ACCESS',
        expiresAt: new Date(now + 30 * 60_000).toISOString(),
        clientId: 'client-1',
        clientSecret: 'CLIENT',
        registrationExpiresAt: new Date(now + 60 * 86_400_000).toISOString(),
        refreshToken: 'REFRESH',
      }),
    );
    utimesSync(file, signedInAt / 1000, signedInAt / 1000);

    const deadline = await readSessionDeadline(profile, [], DEFAULT_SESSION_MINUTES);
    expect(deadline).toMatchObject({ bound: 'portal-session', startSource: 'cache-written' });
    const sessionEnds = signedInAt + 8 * 3_600_000;
    expect(deadline?.endsAt).toBe(sessionEnds);

    const checkForShowEnding = (showEnds: number) =>
      runReadinessCheck(
        {
          clients: offline,
          region: 'us-east-1',
          stackName: 's',
          destinations: [],
          credentialsExpireAt: async () => deadline?.endsAt ?? null,
          now: () => now,
        },
        showEnds,
      );
    const showEnds = now + 3 * 3_600_000;
    const report = await checkForShowEnding(showEnds);
    const item = report.items.find((i) => i.id === 'credentials')!;
    expect(item.status).toBe('fail');
    expect(report.ready).toBe(false);
    expect(item.detail).toContain(`Control ends at ${clockTime(sessionEnds, now)}`);
    expect(item.detail).toContain(`the show ends at ${clockTime(showEnds, now)}`);

    // The same cache with a show that ends inside the session passes: the test can tell them apart.
    const short = await checkForShowEnding(now + 60 * 60_000);
    expect(short.items.find((i) => i.id === 'credentials')?.status).toBe('pass');
  });
});
