/**
 * Links the renderer may hand to the operating system's browser. Everything else is dropped:
 * `shell.openExternal` with an attacker-chosen URL can launch arbitrary protocol handlers.
 */
const EXTERNAL_HOSTS: readonly string[] = ['docs.aws.amazon.com', 'console.aws.amazon.com'];

export function isAllowedExternalUrl(url: string, hosts: readonly string[] = EXTERNAL_HOSTS): boolean {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return false;
  }
  if (parsed.protocol !== 'https:' || parsed.username !== '' || parsed.password !== '') return false;
  // Exact host or a sub-domain of it (eu-west-1.console.aws.amazon.com), never a look-alike suffix.
  return hosts.some((host) => parsed.hostname === host || parsed.hostname.endsWith(`.${host}`));
}

/**
 * Where IAM Identity Center sends an operator to approve a device sign-in: the verification page it answers in
 * StartDeviceAuthorization (verificationUri, on the region's SSO device endpoint or the organisation's access
 * portal, https://xxx.awsapps.com/start per "How IAM Identity Center authentication is resolved for AWS SDKs and
 * tools", https://docs.aws.amazon.com/sdkref/latest/guide/understanding-sso.html). Only https pages on AWS's own
 * domains are opened.
 */
const SIGN_IN_HOSTS: readonly string[] = ['amazonaws.com', 'awsapps.com'];

export function isAllowedSignInUrl(url: string): boolean {
  return isAllowedExternalUrl(url, SIGN_IN_HOSTS);
}
