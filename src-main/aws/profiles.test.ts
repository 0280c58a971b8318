import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { listAwsProfiles } from './profiles';

const saved = { config: process.env['AWS_CONFIG_FILE'], credentials: process.env['AWS_SHARED_CREDENTIALS_FILE'] };
afterEach(() => {
  for (const [key, value] of [
    ['AWS_CONFIG_FILE', saved.config],
    ['AWS_SHARED_CREDENTIALS_FILE', saved.credentials],
  ] as const) {
    if (value === undefined) delete process.env[key];
    else process.env[key] = value;
  }
});

describe('listAwsProfiles', () => {
  it('lists SSO profiles first, then roles and keys, with no secret in the answer', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'booth-profiles-'));
    writeFileSync(
      path.join(dir, 'config'),
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
        '[profile admin-role]',
        'role_arn = arn:aws:iam::123456789012:role/Admin',
        'source_profile = legacy',
        '[profile localstack]',
        'endpoint_url = http://localhost:4566',
        'region = us-east-1',
        '',
      ].join('\n'),
    );
    writeFileSync(
      path.join(dir, 'credentials'),
      ['[legacy]', 'aws_access_key_id = AKIAEXAMPLE', 'aws_secret_access_key = SECRETEXAMPLE', ''].join('\n'),
    );
    process.env['AWS_CONFIG_FILE'] = path.join(dir, 'config');
    process.env['AWS_SHARED_CREDENTIALS_FILE'] = path.join(dir, 'credentials');
    const profiles = await listAwsProfiles();
    expect(profiles.map((p) => `${p.name}:${p.kind}`)).toEqual([
      'booth:sso',
      'admin-role:role',
      'legacy:keys',
      'localstack:other',
    ]);
    expect(profiles.find((p) => p.name === 'localstack')?.customEndpoint).toBe(true);
    expect(JSON.stringify(profiles)).not.toMatch(/SECRETEXAMPLE|AKIAEXAMPLE|awsapps/);
  });

  it('answers an empty list when there is no AWS configuration at all', async () => {
    process.env['AWS_CONFIG_FILE'] = path.join(tmpdir(), 'no-such-config');
    process.env['AWS_SHARED_CREDENTIALS_FILE'] = path.join(tmpdir(), 'no-such-credentials');
    expect(await listAwsProfiles()).toEqual([]);
  });
});
