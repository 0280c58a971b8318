/**
 * "Show the difference before applying": a structural diff of two MediaLive settings objects.
 * PURE. Hand-written (about 40 lines) rather than a dependency: package.json is not ours to change,
 * and we need secret redaction built in, which a generic differ would not do.
 */

export interface SettingChange {
  /** e.g. "VideoDescriptions[0].CodecSettings.H264Settings.Bitrate" */
  path: string;
  from: unknown;
  to: unknown;
}

/** Members that carry a stream key or a password reference: never shown, only "(changed)". */
const SECRET_KEYS: ReadonlySet<string> = new Set([
  'StreamName',
  'PasswordParam',
  'Password',
  'streamName',
  'passwordParam',
  'password',
]);
export const REDACTED = '(redacted)';

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function join(path: string, key: string): string {
  return path ? `${path}.${key}` : key;
}

/** Deep copy with every secret member replaced by REDACTED (for logs and renderer payloads). */
export function redactSecrets<T>(value: T): T {
  if (Array.isArray(value)) return (value as unknown[]).map((v) => redactSecrets(v)) as T;
  if (!isPlainObject(value)) return value;
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(value))
    out[k] = SECRET_KEYS.has(k) && v !== undefined ? REDACTED : redactSecrets(v);
  return out as T;
}

function walk(from: unknown, to: unknown, path: string, secret: boolean, out: SettingChange[]): void {
  if (Array.isArray(from) && Array.isArray(to)) {
    const n = Math.max(from.length, to.length);
    for (let i = 0; i < n; i += 1) walk(from[i], to[i], `${path}[${i}]`, secret, out);
    return;
  }
  if (isPlainObject(from) && isPlainObject(to)) {
    const keys = new Set([...Object.keys(from), ...Object.keys(to)]);
    for (const key of [...keys].sort()) walk(from[key], to[key], join(path, key), secret || SECRET_KEYS.has(key), out);
    return;
  }
  if (Object.is(from, to)) return;
  if (from === undefined && to === undefined) return;
  if (secret) {
    out.push({ path, from: from === undefined ? undefined : REDACTED, to: to === undefined ? undefined : REDACTED });
    return;
  }
  out.push({ path, from: redactSecrets(from), to: redactSecrets(to) });
}

/**
 * Leaf-level differences between the channel's current settings and the compiled ones.
 * Arrays compare by index; an added or removed subtree is one change. Secrets are redacted.
 */
export function diffEncoderSettings(current: unknown, next: unknown): SettingChange[] {
  const out: SettingChange[] = [];
  walk(current, next, '', false, out);
  return out;
}
