import { readFile } from 'node:fs/promises';
import { sectionLine, type ConfigIssue, type SharedConfig } from './shared-config';

/**
 * What the console needs of an IAM Identity Center profile. Two forms exist (AWS SDKs and Tools Reference
 * Guide, "IAM Identity Center credential provider", https://docs.aws.amazon.com/sdkref/latest/guide/feature-sso-credentials.html):
 * the SSO token provider configuration (`sso_session = name` naming an `[sso-session name]` section with
 * `sso_start_url`, `sso_region`, optional `sso_registration_scopes`; the token is refreshable) and the legacy
 * non-refreshable one (`sso_start_url` and `sso_region` in the profile itself; a fixed eight-hour session).
 * Both name `sso_account_id` and `sso_role_name`.
 */
export interface SsoProfile {
  profile: string;
  /** The `[sso-session]` name; null for the legacy form. */
  sessionName: string | null;
  startUrl: string;
  ssoRegion: string;
  accountId: string | null;
  roleName: string | null;
  /** `sso_registration_scopes`, comma-separated in the file; sso:account:access by default (RegisterClient scopes). */
  scopes: string[];
  /**
   * What names the token cache file: the session name, or the start URL for the legacy form ("How IAM Identity
   * Center authentication is resolved for AWS SDKs and tools",
   * https://docs.aws.amazon.com/sdkref/latest/guide/understanding-sso.html; the SDKs hash it with SHA-1).
   */
  cacheKey: string;
  /** Where the token cache lives when not the CLI's ~/.aws/sso/cache (the simulator's sign-ins never touch it). */
  cacheDir?: string;
}

/** An AWS region name as AWS spells them (partition prefix, area, number): us-east-1, eu-west-3, us-gov-west-1, cn-north-1. */
const REGION_NAME = /^[a-z]{2}(-gov|-iso[a-z]?)?-[a-z]+-\d{1,2}$/;

export function isRegionName(value: string): boolean {
  return REGION_NAME.test(value);
}

export class SsoConfigError extends Error {
  readonly issue: ConfigIssue;
  constructor(issue: ConfigIssue) {
    super(`${issue.file}${issue.line ? `, line ${issue.line}` : ''}: ${issue.message}`);
    this.name = 'SsoConfigError';
    this.issue = issue;
  }
}

async function lineOf(file: string, header: string): Promise<number | null> {
  try {
    return sectionLine(await readFile(file, 'utf8'), header);
  } catch {
    return null;
  }
}

/** True when the profile signs in through IAM Identity Center (either form). */
export function isSsoSection(section: Record<string, string | undefined> | undefined): boolean {
  return Boolean(section?.['sso_session'] || section?.['sso_start_url']);
}

/**
 * The IAM Identity Center settings of a profile; null when the profile is not an IAM Identity Center one.
 * Throws an SsoConfigError naming the file and line when a setting the sign-in needs is missing or wrong.
 */
export async function resolveSsoProfile(profile: string, shared: SharedConfig): Promise<SsoProfile | null> {
  const section = shared.configFile[profile];
  if (!isSsoSection(section) || !section) return null;
  const file = shared.paths.config;
  const header = profile === 'default' ? 'default' : `profile ${profile}`;
  const fail = async (message: string, at: string = header): Promise<never> => {
    throw new SsoConfigError({ file, line: await lineOf(file, at), message });
  };
  const accountId = section['sso_account_id']?.trim() || null;
  const roleName = section['sso_role_name']?.trim() || null;
  if (accountId !== null && !/^\d{12}$/.test(accountId))
    await fail(`Profile ${profile}: sso_account_id "${accountId}" is not a 12-digit AWS account id.`);
  const sessionName = section['sso_session']?.trim() || null;
  if (sessionName) {
    const session = shared.configFile[`sso-session.${sessionName}`];
    if (!session)
      return fail(
        `Profile ${profile} names sso_session "${sessionName}", but there is no [sso-session ${sessionName}] section.`,
      );
    const startUrl = session['sso_start_url']?.trim();
    const ssoRegion = session['sso_region']?.trim();
    const at = `sso-session ${sessionName}`;
    if (!startUrl) return fail(`[sso-session ${sessionName}] has no sso_start_url.`, at);
    if (!ssoRegion) return fail(`[sso-session ${sessionName}] has no sso_region.`, at);
    if (!isRegionName(ssoRegion))
      return fail(`[sso-session ${sessionName}]: sso_region "${ssoRegion}" is not an AWS region.`, at);
    const scopes = (session['sso_registration_scopes'] ?? 'sso:account:access')
      .split(',')
      .map((s) => s.trim())
      .filter((s) => s !== '');
    return { profile, sessionName, startUrl, ssoRegion, accountId, roleName, scopes, cacheKey: sessionName };
  }
  const startUrl = section['sso_start_url']?.trim() ?? '';
  const ssoRegion = section['sso_region']?.trim();
  if (!ssoRegion) return fail(`Profile ${profile} has sso_start_url but no sso_region.`);
  if (!isRegionName(ssoRegion)) return fail(`Profile ${profile}: sso_region "${ssoRegion}" is not an AWS region.`);
  return {
    profile,
    sessionName: null,
    startUrl,
    ssoRegion,
    accountId,
    roleName,
    scopes: ['sso:account:access'],
    cacheKey: startUrl,
  };
}
