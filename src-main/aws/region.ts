import { loadSharedConfigFiles } from '@smithy/shared-ini-file-loader';

/** Where the region in use came from, in the order they are consulted. */
export type RegionSource = 'LUNORA_REGION' | 'settings' | 'AWS_REGION' | 'AWS_DEFAULT_REGION' | 'profile';

export interface ResolvedRegion {
  region: string;
  source: RegionSource;
  /** The profile's own `region`, when it has one (shown when another source wins over it). */
  profileRegion: string | null;
}

/** The region the console itself was told: LUNORA_REGION for one run, else the admin's saved choice. */
export interface ExplicitRegion {
  region: string;
  source: 'LUNORA_REGION' | 'settings';
}

/**
 * The region as the AWS SDKs and the AWS CLI resolve it: an explicit setting first, then the
 * AWS_REGION and AWS_DEFAULT_REGION environment variables, then the `region` of the profile in the
 * shared config and credentials files (AWS SDKs and Tools Reference Guide, "AWS Region",
 * https://docs.aws.amazon.com/sdkref/latest/guide/feature-region.html; AWS CLI User Guide,
 * "Environment variables to configure the AWS CLI": AWS_DEFAULT_REGION overrides the profile's region,
 * https://docs.aws.amazon.com/cli/latest/userguide/cli-configure-envvars.html). When a profile sets
 * `region` in both files, the SDK's region provider prefers the credentials file (@smithy/config-resolver
 * NODE_REGION_CONFIG_FILE_OPTIONS). null when nothing names a region: the SDK then fails with
 * "Region is missing", and the console says where to set one instead of guessing us-east-1.
 */
export async function resolveRegion(input: {
  explicit: ExplicitRegion | null;
  profile: string;
  env: NodeJS.ProcessEnv;
}): Promise<ResolvedRegion | null> {
  const profileRegion = await readProfileRegion(input.profile);
  if (input.explicit) return { ...input.explicit, profileRegion };
  for (const variable of ['AWS_REGION', 'AWS_DEFAULT_REGION'] as const) {
    const value = input.env[variable]?.trim();
    if (value) return { region: value, source: variable, profileRegion };
  }
  return profileRegion ? { region: profileRegion, source: 'profile', profileRegion } : null;
}

async function readProfileRegion(profile: string): Promise<string | null> {
  const { configFile, credentialsFile } = await loadSharedConfigFiles({ ignoreCache: true });
  const region = credentialsFile[profile]?.['region'] ?? configFile[profile]?.['region'];
  return region?.trim() || null;
}

/** The source in words, for the badge's tooltip and the readiness item. */
export function describeRegionSource(source: RegionSource, profile: string | null): string {
  switch (source) {
    case 'LUNORA_REGION':
      return 'set by LUNORA_REGION';
    case 'settings':
      return 'chosen in the admin window';
    case 'AWS_REGION':
    case 'AWS_DEFAULT_REGION':
      return `set by ${source}`;
    case 'profile':
      return `from profile ${profile ?? 'default'}`;
  }
}
