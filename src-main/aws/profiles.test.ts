import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { listAwsProfiles } from './profiles';

/** A pair of shared files in a fresh folder, named by the environment variables the SDK honours. */
function files(config: string[], credentials: string[] = []): NodeJS.ProcessEnv {
  const dir = mkdtempSync(path.join(tmpdir(), 'booth-profiles-'));
  writeFileSync(path.join(dir, 'config'), [...config, ''].join('\n'));
  writeFileSync(path.join(dir, 'credentials'), [...credentials, ''].join('\n'));
  return {
    HOME: dir,
    AWS_CONFIG_FILE: path.join(dir, 'config'),
    AWS_SHARED_CREDENTIALS_FILE: path.join(dir, 'credentials'),
  };
}

describe('listAwsProfiles', () => {
  it('lists SSO profiles first with account, role and region, then roles and keys, with no secret in the answer', async () => {
    const env = files(
      [
        '[profile legacy]',
        'region = eu-west-1',
        '[profile booth]',
        'sso_session = corp',
        'sso_account_id = 123456789012',
        'sso_role_name = Operator',
        'region = us-east-1',
        '[sso-session corp]',
        'sso_start_url = https://corp.awsapps.com/start',
        'sso_region = us-east-1',
        '[profile old-sso]',
        'sso_start_url = https://old.awsapps.com/start',
        'sso_region = eu-west-1',
        'sso_account_id = 210987654321',
        'sso_role_name = Viewer',
        '[profile admin-role]',
        'role_arn = arn:aws:iam::123456789012:role/Admin',
        'source_profile = legacy',
        '[profile localstack]',
        'endpoint_url = http://localhost:4566',
        'region = us-east-1',
      ],
      ['[legacy]', 'aws_access_key_id = AKIAEXAMPLE', 'aws_secret_access_key = SECRETEXAMPLE'],
    );
    const { profiles, issues } = await listAwsProfiles(env);
    expect(issues).toEqual([]);
    expect(profiles.map((p) => `${p.name}:${p.kind}`)).toEqual([
      'booth:sso',
      'old-sso:sso',
      'admin-role:role',
      'legacy:keys',
      'localstack:other',
    ]);
    expect(profiles[0]).toMatchObject({
      accountId: '123456789012',
      roleName: 'Operator',
      region: 'us-east-1',
      problem: null,
    });
    expect(profiles[1]).toMatchObject({ accountId: '210987654321', roleName: 'Viewer', region: null, problem: null });
    expect(profiles.find((p) => p.name === 'localstack')?.customEndpoint).toBe(true);
    expect(JSON.stringify(profiles)).not.toMatch(/SECRETEXAMPLE|AKIAEXAMPLE|awsapps/);
  });

  it('answers an empty list when there is no AWS configuration at all', async () => {
    const env = {
      HOME: tmpdir(),
      AWS_CONFIG_FILE: path.join(tmpdir(), 'no-such-config'),
      AWS_SHARED_CREDENTIALS_FILE: path.join(tmpdir(), 'no-such-credentials'),
    };
    expect(await listAwsProfiles(env)).toEqual({ profiles: [], issues: [] });
  });

  it('names the file and line of a section header without "]" and of a line that is not a setting', async () => {
    const env = files(['[profile booth', 'region = us-east-1', '[profile ok]', 'region: eu-west-1']);
    const { issues } = await listAwsProfiles(env);
    expect(issues).toEqual([
      { file: env['AWS_CONFIG_FILE'], line: 1, message: expect.stringContaining('closing "]"') },
      { file: env['AWS_CONFIG_FILE'], line: 4, message: expect.stringContaining('name = value') },
    ]);
  });

  it('says which profile names a missing sso-session, with the line of the profile', async () => {
    const env = files([
      '[profile other]',
      'region = us-east-1',
      '[profile booth]',
      'sso_session = nope',
      'sso_account_id = 123456789012',
    ]);
    const booth = (await listAwsProfiles(env)).profiles.find((p) => p.name === 'booth');
    expect(booth?.problem).toBe(
      `${env['AWS_CONFIG_FILE']}, line 3: Profile booth names sso_session "nope", but there is no [sso-session nope] section.`,
    );
  });

  it('flags a region that is not an AWS region, in the profile and in the sso-session', async () => {
    const env = files([
      '[profile typo]',
      'region = us-east1',
      '[profile booth]',
      'sso_session = corp',
      '[sso-session corp]',
      'sso_start_url = https://corp.awsapps.com/start',
      'sso_region = eu-wset',
    ]);
    const { profiles } = await listAwsProfiles(env);
    expect(profiles.find((p) => p.name === 'typo')?.problem).toContain('"us-east1", which is not an AWS region');
    expect(profiles.find((p) => p.name === 'booth')?.problem).toContain(
      'line 5: [sso-session corp]: sso_region "eu-wset"',
    );
  });

  it('says a config file cannot be read instead of listing nothing', async () => {
    const env = files(['[profile booth]', 'region = us-east-1']);
    // A folder where the file should be: unreadable as a file whoever runs the test (root reads any mode).
    const config = path.join(env['HOME']!, 'config-folder');
    mkdirSync(config);
    const { issues } = await listAwsProfiles({ ...env, AWS_CONFIG_FILE: config });
    expect(issues).toEqual([{ file: config, line: null, message: expect.stringContaining('cannot be read') }]);
  });
});
