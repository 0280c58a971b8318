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
