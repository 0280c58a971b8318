import { createHash, randomBytes } from 'node:crypto';
import { mkdir, readFile, rename, stat, unlink, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { getSSOTokenFilepath } from '@smithy/shared-ini-file-loader';
import { z } from 'zod';
import type { SsoProfile } from './sso-profile';

/**
 * One IAM Identity Center sign-in as the AWS CLI and the SDKs cache it, in ~/.aws/sso/cache/<SHA-1 of the
 * session name, or of the start URL for legacy profiles>.json ("How IAM Identity Center authentication is
 * resolved for AWS SDKs and tools", https://docs.aws.amazon.com/sdkref/latest/guide/understanding-sso.html: the
 * CLI "updates the SSO cache JSON file with the new access token and refresh token and makes it available for
 * the SDKs"). Field names are those the SDKs read and write (the AWS SDK for PHP's SsoToken: token, expires,
 * refreshToken, clientId, clientSecret, registrationExpiresAt, region, startUrl; @aws-sdk/token-providers).
 * Unknown fields are kept so a newer CLI's additions survive the console's rewrite.
 */
const CachedTokenSchema = z
  .object({
    startUrl: z.string().optional(),
    region: z.string().optional(),
    accessToken: z.string().min(1),
    /** ISO 8601, as the CLI writes it. */
    expiresAt: z.string().refine((v) => !Number.isNaN(Date.parse(v)), 'not a date'),
    clientId: z.string().optional(),
    clientSecret: z.string().optional(),
    registrationExpiresAt: z.string().optional(),
    refreshToken: z.string().optional(),
  })
  .passthrough();
export type CachedToken = z.infer<typeof CachedTokenSchema>;

export type CacheRead =
  | { kind: 'none'; file: string }
  | { kind: 'token'; file: string; token: CachedToken; modifiedAt: number }
  /** A file the console will neither use nor overwrite: the message says what it is and what to do. */
  | { kind: 'problem'; file: string; reason: 'unreadable' | 'corrupt' | 'foreign'; message: string };

export function tokenCacheFile(profile: Pick<SsoProfile, 'cacheKey' | 'cacheDir'>): string {
  if (profile.cacheDir)
    return path.join(profile.cacheDir, `${createHash('sha1').update(profile.cacheKey).digest('hex')}.json`);
  return getSSOTokenFilepath(profile.cacheKey);
}

/** Reads the cached sign-in of a profile; never throws, and never returns a secret inside a message. */
export async function readTokenCache(profile: SsoProfile): Promise<CacheRead> {
  const file = tokenCacheFile(profile);
  let text: string;
  let modifiedAt: number;
  try {
    [text, modifiedAt] = await Promise.all([readFile(file, 'utf8'), stat(file).then((s) => s.mtimeMs)]);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') return { kind: 'none', file };
    return {
      kind: 'problem',
      file,
      reason: 'unreadable',
      message: `The sign-in cache ${file} cannot be read (${code ?? 'error'}); check its permissions.`,
    };
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return {
      kind: 'problem',
      file,
      reason: 'corrupt',
      message: `The sign-in cache ${file} is not valid JSON. Move it away (it is not overwritten), then sign in again.`,
    };
  }
  const parsed = CachedTokenSchema.safeParse(json);
  if (!parsed.success) {
    return {
      kind: 'problem',
      file,
      reason: 'corrupt',
      message: `The sign-in cache ${file} lacks ${parsed.error.issues.map((i) => i.path.join('.')).join(', ')}. Move it away (it is not overwritten), then sign in again.`,
    };
  }
  const token = parsed.data;
  if (token.startUrl !== undefined && token.startUrl !== profile.startUrl) {
    return {
      kind: 'problem',
      file,
      reason: 'foreign',
      message: `The sign-in cache ${file} belongs to another portal (${token.startUrl}), not ${profile.startUrl}. Move it away (it is not overwritten), then sign in again.`,
    };
  }
  return { kind: 'token', file, token, modifiedAt };
}

/** Raised instead of overwriting a cache file the console did not recognise. */
export class CacheFileRefused extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'CacheFileRefused';
  }
}

/**
 * Writes the sign-in where the CLI and the SDKs look for it: the whole file to a temporary file in the same
 * folder (owner-only, 0600), then renamed over the old one, so a reader never sees half a file and a crash
 * leaves the previous sign-in in place. A file that is corrupt, unreadable or another portal's is never
 * replaced.
 */
export async function writeTokenCache(profile: SsoProfile, token: CachedToken): Promise<string> {
  const current = await readTokenCache(profile);
  if (current.kind === 'problem') throw new CacheFileRefused(current.message);
  // A new sign-in replaces every field the SDKs know; fields a newer CLI added are carried over.
  const previous: Record<string, unknown> = current.kind === 'token' ? { ...current.token } : {};
  for (const key of Object.keys(CachedTokenSchema.shape)) delete previous[key];
  const file = current.file;
  await mkdir(path.dirname(file), { recursive: true, mode: 0o700 });
  const temporary = `${file}.${randomBytes(6).toString('hex')}.tmp`;
  try {
    await writeFile(temporary, JSON.stringify({ ...previous, ...token }, null, 2), { mode: 0o600, flag: 'wx' });
    await rename(temporary, file);
  } catch (error) {
    await unlink(temporary).catch(() => undefined);
    throw error;
  }
  return file;
}
