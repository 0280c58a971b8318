import { describe, expect, it } from 'vitest';
import type { AwsClients } from '../../aws/clients';
import { runReadinessCheck } from './readiness-check';

/** Every AWS call fails fast: only the credential item is under test here. */
const offline = new Proxy(
  {},
  { get: () => ({ send: async () => Promise.reject(Object.assign(new Error('offline'), { code: 'ECONNREFUSED' })) }) },
) as unknown as AwsClients;

describe('credentials versus the planned end of the show', () => {
  const now = Date.UTC(2026, 10, 25, 18, 0);
  it('fails when the session expires before the show ends, and says what to do', async () => {
    const report = await runReadinessCheck(
      {
        clients: offline,
        region: 'us-east-1',
        stackName: 's',
        destinations: [],
        credentialsExpireAt: async () => now + 3_600_000,
        now: () => now,
      },
      now + 2 * 3_600_000,
    );
    const item = report.items.find((i) => i.id === 'credentials')!;
    expect(item.status).toBe('fail');
    expect(item.fix).toContain('aws sso login');
    expect(report.ready).toBe(false);
  });

  it('passes when the session outlives the show', async () => {
    const report = await runReadinessCheck(
      {
        clients: offline,
        region: 'us-east-1',
        stackName: 's',
        destinations: [],
        credentialsExpireAt: async () => now + 8 * 3_600_000,
        now: () => now,
      },
      now + 2 * 3_600_000,
    );
    const item = report.items.find((i) => i.id === 'credentials');
    expect(item?.status).toBe('pass');
    expect(item?.detail).toMatch(/; the show ends at \d\d:\d\d:\d\d\.$/);
    expect(report.showEndPlanned).toBe(true);
  });

  it('says so when no show is planned and checks against four hours from now', async () => {
    const report = await runReadinessCheck({
      clients: offline,
      region: 'us-east-1',
      stackName: 's',
      destinations: [],
      credentialsExpireAt: async () => now + 3 * 3_600_000,
      now: () => now,
    });
    expect(report).toMatchObject({ showEndsAt: now + 4 * 3_600_000, showEndPlanned: false });
    expect(report.items.find((i) => i.id === 'credentials')?.detail).toMatch(
      /before the end: no show is planned; assumed to end at \d\d:\d\d:\d\d\.$/,
    );
  });

  const credentialsItem = async (expiresAt: number | null, signsIn: boolean) =>
    (
      await runReadinessCheck(
        {
          clients: offline,
          region: 'us-east-1',
          stackName: 's',
          destinations: [],
          credentialsExpireAt: async () => expiresAt,
          signsIn,
          now: () => now,
        },
        now + 2 * 3_600_000,
      )
    ).items.find((i) => i.id === 'credentials')!;

  it('fails, and says the sign-in ended, once control has ended (a session IAM Identity Center refused early)', async () => {
    const item = await credentialsItem(now - 90_000, true);
    expect(item.status).toBe('fail');
    expect(item.detail).toMatch(/^The sign-in ended at \d\d:\d\d:\d\d: the console cannot read or change channels\.$/);
    expect(item.fix).toMatch(/^Press Sign in/);
  });

  it('fails for an IAM Identity Center profile with no sign-in, instead of calling its credentials unending', async () => {
    const item = await credentialsItem(null, true);
    expect(item.status).toBe('fail');
    expect(item.detail).toMatch(/^Not signed in to IAM Identity Center/);
    expect(item.detail).not.toMatch(/do not expire/);
  });

  it('passes keys without a schedule (an access key profile) and says they do not expire', async () => {
    const item = await credentialsItem(null, false);
    expect(item).toMatchObject({ status: 'pass', detail: 'These credentials do not expire on a schedule.' });
  });
});
