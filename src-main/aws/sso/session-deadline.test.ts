import { describe, expect, it } from 'vitest';
import { DEFAULT_SESSION_MINUTES, sessionDeadline } from './session-deadline';

const t0 = Date.UTC(2026, 11, 1, 12, 0);
const iso = (ms: number) => new Date(ms).toISOString();
const refreshable = {
  accessToken: 'a',
  expiresAt: iso(t0 + 3_600_000),
  clientId: 'c',
  clientSecret: 's',
  refreshToken: 'r',
  registrationExpiresAt: iso(t0 + 90 * 86_400_000),
};

describe('when control ends', () => {
  it('a refreshable sign-in made elsewhere ends one session length after its cache file was written', () => {
    const d = sessionDeadline({
      token: refreshable,
      cacheFile: 'f',
      modifiedAt: t0,
      record: null,
      sessionMinutes: DEFAULT_SESSION_MINUTES,
    });
    expect(d).toEqual({
      endsAt: t0 + 8 * 3_600_000,
      bound: 'portal-session',
      startedAt: t0,
      startSource: 'cache-written',
    });
  });

  it("the console's own sign-in counts from when it signed in, also after it refreshed the token", () => {
    const record = { cacheFile: 'f', startedAt: t0 - 3_600_000, writtenAt: t0 };
    const d = sessionDeadline({ token: refreshable, cacheFile: 'f', modifiedAt: t0, record, sessionMinutes: 120 });
    expect(d).toMatchObject({ endsAt: t0 + 3_600_000, startSource: 'console-sign-in' });
    // Someone ran aws sso login since: the file is newer than the console's last write.
    const other = sessionDeadline({
      token: refreshable,
      cacheFile: 'f',
      modifiedAt: t0 + 60_000,
      record,
      sessionMinutes: 120,
    });
    expect(other).toMatchObject({ startedAt: t0 + 60_000, startSource: 'cache-written' });
  });

  it('without a refresh token the access token expiry is the end', () => {
    const token = { accessToken: 'a', expiresAt: iso(t0 + 3_600_000) };
    expect(sessionDeadline({ token, cacheFile: 'f', modifiedAt: t0, record: null, sessionMinutes: 480 })).toMatchObject(
      {
        endsAt: t0 + 3_600_000,
        bound: 'access-token',
      },
    );
  });

  it('an expiring client registration ends refreshes before the session does; the token in hand still counts', () => {
    const token = { ...refreshable, registrationExpiresAt: iso(t0 + 2 * 3_600_000) };
    expect(sessionDeadline({ token, cacheFile: 'f', modifiedAt: t0, record: null, sessionMinutes: 480 })).toMatchObject(
      {
        endsAt: t0 + 2 * 3_600_000,
        bound: 'client-registration',
      },
    );
    const long = { ...refreshable, expiresAt: iso(t0 + 10 * 3_600_000) };
    expect(
      sessionDeadline({ token: long, cacheFile: 'f', modifiedAt: t0, record: null, sessionMinutes: 480 }),
    ).toMatchObject({
      endsAt: t0 + 10 * 3_600_000,
      bound: 'access-token',
    });
  });
});
