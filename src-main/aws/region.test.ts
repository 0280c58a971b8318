import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { configuredEndpoints } from './endpoints';
import { describeRegionSource, resolveRegion } from './region';

const KEYS = ['AWS_CONFIG_FILE', 'AWS_SHARED_CREDENTIALS_FILE'] as const;
const saved = Object.fromEntries(KEYS.map((key) => [key, process.env[key]]));

beforeEach(() => {
  const dir = mkdtempSync(path.join(tmpdir(), 'booth-region-'));
  writeFileSync(
    path.join(dir, 'config'),
    [
      '[profile booth]',
      'region = eu-west-1',
      '[profile bare]',
      'aws_access_key_id = AKIDBARE',
      '[profile both]',
      'region = eu-north-1',
      '[profile localstack]',
      'region = us-west-2',
      'endpoint_url = http://localhost:4566',
      '[profile split]',
      'services = local',
      '[services local]',
      'medialive =',
      '  endpoint_url = http://localhost:4566',
      'dynamodb =',
      '  endpoint_url = http://localhost:8000',
      'ec2 =',
      '  endpoint_url = http://localhost:9999',
      '[profile ignoring]',
      'endpoint_url = http://localhost:4566',
      'ignore_configured_endpoint_urls = true',
      '',
    ].join('\n'),
  );
  writeFileSync(path.join(dir, 'credentials'), ['[both]', 'region = ap-south-1', ''].join('\n'));
  process.env['AWS_CONFIG_FILE'] = path.join(dir, 'config');
  process.env['AWS_SHARED_CREDENTIALS_FILE'] = path.join(dir, 'credentials');
});

afterEach(() => {
  for (const key of KEYS) {
    if (saved[key] === undefined) delete process.env[key];
    else process.env[key] = saved[key];
  }
});

describe('resolveRegion', () => {
  it("uses the profile's region when nothing else names one (not us-east-1)", async () => {
    expect(await resolveRegion({ explicit: null, profile: 'booth', env: {} })).toEqual({
      region: 'eu-west-1',
      source: 'profile',
      profileRegion: 'eu-west-1',
    });
  });

  it('prefers AWS_REGION, then AWS_DEFAULT_REGION, over the profile', async () => {
    expect(
      await resolveRegion({
        explicit: null,
        profile: 'booth',
        env: { AWS_REGION: 'ap-southeast-2', AWS_DEFAULT_REGION: 'ca-central-1' },
      }),
    ).toMatchObject({ region: 'ap-southeast-2', source: 'AWS_REGION', profileRegion: 'eu-west-1' });
    expect(
      await resolveRegion({ explicit: null, profile: 'booth', env: { AWS_DEFAULT_REGION: 'ca-central-1' } }),
    ).toMatchObject({ region: 'ca-central-1', source: 'AWS_DEFAULT_REGION' });
  });

  it('lets an explicit setting win over the environment and the profile', async () => {
    expect(
      await resolveRegion({
        explicit: { region: 'sa-east-1', source: 'LUNORA_REGION' },
        profile: 'booth',
        env: { AWS_REGION: 'ap-southeast-2' },
      }),
    ).toEqual({ region: 'sa-east-1', source: 'LUNORA_REGION', profileRegion: 'eu-west-1' });
  });

  it('reads the credentials file first when both files name a region, as the SDK does', async () => {
    expect(await resolveRegion({ explicit: null, profile: 'both', env: {} })).toMatchObject({
      region: 'ap-south-1',
      source: 'profile',
    });
  });

  it('answers null when nothing names a region, and for a profile that does not exist', async () => {
    expect(await resolveRegion({ explicit: null, profile: 'bare', env: {} })).toBeNull();
    expect(await resolveRegion({ explicit: null, profile: 'nobody', env: {} })).toBeNull();
  });

  it('says where the region came from in words', () => {
    expect(describeRegionSource('profile', 'booth')).toBe('from profile booth');
    expect(describeRegionSource('AWS_DEFAULT_REGION', 'booth')).toBe('set by AWS_DEFAULT_REGION');
    expect(describeRegionSource('settings', null)).toBe('chosen in the admin window');
  });
});

describe('configuredEndpoints', () => {
  it('is empty when every request goes to AWS', async () => {
    expect(await configuredEndpoints('booth', {})).toEqual([]);
  });

  it("names a profile's endpoint_url", async () => {
    expect(await configuredEndpoints('localstack', {})).toEqual(['profile localstack endpoint_url']);
  });

  it("names the services section's endpoints of the services the console calls, and only those", async () => {
    expect(await configuredEndpoints('split', {})).toEqual(['services section local: medialive, dynamodb']);
  });

  it('names AWS_ENDPOINT_URL and the service-specific variables, ignoring other services', async () => {
    expect(
      await configuredEndpoints('booth', {
        AWS_ENDPOINT_URL: 'http://localhost:4566',
        AWS_ENDPOINT_URL_DYNAMODB: 'http://localhost:8000',
        AWS_ENDPOINT_URL_LAMBDA: 'http://localhost:9000',
      }),
    ).toEqual(['AWS_ENDPOINT_URL', 'AWS_ENDPOINT_URL_DYNAMODB']);
  });

  it('is empty when the configured endpoints are switched off, by the profile or the environment', async () => {
    expect(await configuredEndpoints('ignoring', {})).toEqual([]);
    expect(
      await configuredEndpoints('localstack', {
        AWS_IGNORE_CONFIGURED_ENDPOINT_URLS: 'true',
        AWS_ENDPOINT_URL: 'http://localhost:4566',
      }),
    ).toEqual([]);
  });
});
