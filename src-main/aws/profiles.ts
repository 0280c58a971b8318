import type { AwsProfile, ConfigIssue } from '../../shared/domain/aws-profile';
import { readSharedConfig, type IniSection } from './sso/shared-config';
import { isRegionName, isSsoSection, resolveSsoProfile, SsoConfigError } from './sso/sso-profile';

function kindOf(section: IniSection): AwsProfile['kind'] {
  if (isSsoSection(section)) return 'sso';
  if (section['role_arn']) return 'role';
  if (section['credential_process']) return 'process';
  if (section['aws_access_key_id']) return 'keys';
  return 'other';
}

const ORDER: AwsProfile['kind'][] = ['sso', 'role', 'keys', 'process', 'other'];

/**
 * The profiles of the standard ~/.aws/config and credentials files (AWS_CONFIG_FILE and
 * AWS_SHARED_CREDENTIALS_FILE honoured), IAM Identity Center ones first, with the account, role and region
 * they name, and what is wrong with them. Names, ids and problems only: no key, token or secret leaves this
 * function. `issues` are the lines of either file the SDK's loader would skip.
 */
export async function listAwsProfiles(
  env: NodeJS.ProcessEnv = process.env,
): Promise<{ profiles: AwsProfile[]; issues: ConfigIssue[] }> {
  const shared = await readSharedConfig(env);
  const { configFile, credentialsFile } = shared;
  const names = new Set([...Object.keys(configFile), ...Object.keys(credentialsFile)]);
  const profiles: AwsProfile[] = [];
  for (const name of names) {
    // The loader also returns `sso-session` and `services` sections under prefixed keys; they are not profiles.
    if (name.includes('.') && (name.startsWith('sso-session.') || name.startsWith('services.'))) continue;
    const section: IniSection = { ...(credentialsFile[name] ?? {}), ...(configFile[name] ?? {}) };
    const region = section['region']?.trim() || null;
    let problem: string | null = null;
    let accountId: string | null = null;
    let roleName: string | null = null;
    try {
      const sso = await resolveSsoProfile(name, shared);
      accountId = sso?.accountId ?? null;
      roleName = sso?.roleName ?? null;
    } catch (error) {
      if (!(error instanceof SsoConfigError)) throw error;
      problem = error.message;
    }
    if (!problem && region && !isRegionName(region))
      problem = `${shared.paths.config}: profile ${name} has region "${region}", which is not an AWS region.`;
    profiles.push({
      name,
      kind: kindOf(section),
      region,
      accountId,
      roleName,
      customEndpoint: Boolean(section['endpoint_url'] || section['services']),
      problem,
    });
  }
  profiles.sort((a, b) => ORDER.indexOf(a.kind) - ORDER.indexOf(b.kind) || a.name.localeCompare(b.name));
  return { profiles, issues: shared.issues };
}
