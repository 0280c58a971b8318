import { loadSharedConfigFiles } from '@smithy/shared-ini-file-loader';
import type { AwsProfile } from '../../shared/domain/aws-profile';

type Section = Record<string, string | undefined>;

function kindOf(section: Section): AwsProfile['kind'] {
  if (section['sso_session'] || section['sso_start_url']) return 'sso';
  if (section['role_arn']) return 'role';
  if (section['credential_process']) return 'process';
  if (section['aws_access_key_id']) return 'keys';
  return 'other';
}

const ORDER: AwsProfile['kind'][] = ['sso', 'role', 'keys', 'process', 'other'];

/**
 * The profiles of the standard ~/.aws/config and credentials files (AWS_CONFIG_FILE and
 * AWS_SHARED_CREDENTIALS_FILE honoured), IAM Identity Center ones first. Names and kinds only:
 * no key, token or secret leaves this function.
 */
export async function listAwsProfiles(): Promise<AwsProfile[]> {
  const { configFile, credentialsFile } = await loadSharedConfigFiles({ ignoreCache: true });
  const names = new Set([...Object.keys(configFile), ...Object.keys(credentialsFile)]);
  const profiles: AwsProfile[] = [];
  for (const name of names) {
    // The loader also returns `sso-session` and `services` sections under prefixed keys; they are not profiles.
    if (name.includes('.') && (name.startsWith('sso-session.') || name.startsWith('services.'))) continue;
    const section: Section = { ...(credentialsFile[name] ?? {}), ...(configFile[name] ?? {}) };
    profiles.push({
      name,
      kind: kindOf(section),
      region: section['region'] ?? null,
      customEndpoint: Boolean(section['endpoint_url'] || section['services']),
    });
  }
  return profiles.sort((a, b) => ORDER.indexOf(a.kind) - ORDER.indexOf(b.kind) || a.name.localeCompare(b.name));
}
