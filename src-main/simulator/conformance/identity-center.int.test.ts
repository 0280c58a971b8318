import { ListAccountRolesCommand, ListAccountsCommand, SSOClient } from '@aws-sdk/client-sso';
import { SSOOIDCClient } from '@aws-sdk/client-sso-oidc';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ManualClock } from '../../core/test-support/manual-clock';
import { deviceSignIn } from '../../aws/sso/device-sign-in';
import { createSsoCredentials } from '../../aws/sso/sso-credentials';
import { simulatorProfile } from '../../aws/sso/test-support/sso-profiles';
import { writeTokenCache } from '../../aws/sso/token-cache';
import { startSimulator, type RunningSimulator, type SimExchange } from '../index';
import { checkExchange } from './test-support/conformance';

let sim: RunningSimulator | null = null;
const savedHome = process.env['HOME'];
afterAll(async () => {
  process.env['HOME'] = savedHome;
  await sim?.close();
});

/**
 * The console's own sign-in (RegisterClient, StartDeviceAuthorization, CreateToken pending then approved) and
 * credential fetch (GetRoleCredentials), plus the portal's account and role listings, recorded on the wire and held
 * against AWS's service models of SSO OIDC and the portal.
 */
describe('IAM Identity Center conformance', () => {
  it('answers every sign-in and portal request as the AWS models define them', async () => {
    process.env['HOME'] = mkdtempSync(path.join(tmpdir(), 'booth-idc-conf-'));
    const exchanges: SimExchange[] = [];
    // One clock for both sides; it stands still while a sign-in request is on the socket.
    let inFlight = 0;
    const clock = new ManualClock({
      settle: async () => {
        do await new Promise((resolve) => setImmediate(resolve));
        while (inFlight > 0);
      },
    });
    sim = await startSimulator({ withDynamo: false, clock, onExchange: (e) => exchanges.push(e) });
    const config = { region: sim.region, endpoint: sim.endpoint, maxAttempts: 1 };
    const oidc = new SSOOIDCClient(config);
    const sso = new SSOClient(config);
    const profile = simulatorProfile(sim);
    let polls = 0;
    const running = sim;
    const signIn = deviceSignIn({
      profile,
      oidc: {
        send: async (command: Parameters<SSOOIDCClient['send']>[0]) => {
          // Approve after the first (pending) poll, so both answers are on the record.
          if (command.constructor.name === 'CreateTokenCommand' && ++polls === 2)
            running.control.decideSignIn('approved');
          inFlight += 1;
          try {
            return await oidc.send(command as never);
          } finally {
            inFlight -= 1;
          }
        },
      },
      clock,
      clientName: 'Lunora Booth conformance',
      signal: new AbortController().signal,
      onCode: () => undefined,
    });
    const token = await clock.run(signIn);
    await writeTokenCache(profile, token);
    await createSsoCredentials({ profile, sso, oidc, now: clock.now }).provider();
    await sso.send(new ListAccountsCommand({ accessToken: token.accessToken }));
    await sso.send(new ListAccountRolesCommand({ accessToken: token.accessToken, accountId: '123456789012' }));
    const operations = new Set(exchanges.map((e) => `${e.service}.${e.operation}.${e.response.status}`));
    expect([...operations].sort()).toEqual([
      'sso-oidc.CreateToken.200',
      'sso-oidc.CreateToken.400',
      'sso-oidc.RegisterClient.200',
      'sso-oidc.StartDeviceAuthorization.200',
      'sso.GetRoleCredentials.200',
      'sso.ListAccountRoles.200',
      'sso.ListAccounts.200',
    ]);
    const issues: string[] = [];
    for (const exchange of exchanges) issues.push(...(await checkExchange(exchange)));
    expect([...new Set(issues)]).toEqual([]);
  }, 30_000);
});
