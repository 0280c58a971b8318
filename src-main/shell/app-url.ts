import type { Role } from '../../shared/domain/roles';

/**
 * The renderer is served from `app://booth/<role>/index.html`, never from file:// or http(s),
 * so that the origin is ours alone and every check (navigation, IPC sender) can compare against it.
 */
export const APP_SCHEME = 'app';
export const APP_HOST = 'booth';
const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;

export function pageUrl(role: Role): string {
  return `${APP_ORIGIN}/${role}/index.html`;
}

function parse(url: string): URL | null {
  try {
    return new URL(url);
  } catch {
    return null;
  }
}

/** True for any URL on our app:// origin. */
function isAppUrl(url: string): boolean {
  const parsed = parse(url);
  return parsed !== null && parsed.protocol === `${APP_SCHEME}:` && parsed.host === APP_HOST;
}

/** True when `url` is the page of `role` (query and hash ignored): a role is tied to its own page. */
export function isRolePage(url: string, role: Role): boolean {
  const parsed = parse(url);
  if (parsed === null || !isAppUrl(url)) return false;
  return parsed.pathname === `/${role}/index.html` || parsed.pathname === `/${role}/`;
}
