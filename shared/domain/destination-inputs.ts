/**
 * What the admin window sends for destinations: one set of rules for the form's inline errors and for main.
 * Strict objects: a stream key can never ride along into DynamoDB by an extra field.
 */
import { z } from 'zod';
import { DestinationIdSchema } from './destination';

/** The platforms an admin can pick for a destination, and their names in the admin window. */
export const DESTINATION_PLATFORMS = [
  { id: 'youtube', label: 'YouTube' },
  { id: 'twitch', label: 'Twitch' },
  { id: 'linkedin', label: 'LinkedIn' },
  { id: 'facebook', label: 'Facebook' },
  { id: 'custom', label: 'Custom RTMP(S)' },
  { id: 'hls', label: 'HLS / MediaPackage' },
] as const;

/** Field lengths, shared by the schemas and the admin form's inputs (so the form never sends what main refuses). */
export const DESTINATION_FIELD_LIMITS = { name: 80, channelId: 256, url: 1024, streamKey: 512 } as const;
const L = DESTINATION_FIELD_LIMITS;

const name = z.string().trim().min(1, 'name is required').max(L.name, `name is at most ${L.name} characters`);
const optionalId = z.string().min(1).max(L.channelId).nullable().optional();

export const DestinationCreateSchema = z.strictObject({
  /** Omitted: derived from the name ("My Show" -> "my-show"). */
  id: DestinationIdSchema.optional(),
  platform: z
    .string()
    .trim()
    .min(1, 'platform is required')
    .max(32)
    .regex(/^[a-z0-9_-]+$/, 'platform is lower-case letters, digits, _ and -'),
  name,
  preset_id: z.string().min(1).max(128).nullable().optional(),
  medialive_channel_id: optionalId,
  medialive_channel_arn: z
    .string()
    .regex(
      /^arn:aws[a-z-]*:medialive:[a-z0-9-]+:\d{12}:channel:\S+$/,
      'a MediaLive channel ARN (arn:aws:medialive:REGION:ACCOUNT:channel:ID)',
    )
    .nullable()
    .optional(),
  sort_order: z.number().int().min(0).max(10_000).optional(),
});

/** Partial edit; `id` and `platform` do not change. */
export const DestinationUpdateSchema = DestinationCreateSchema.omit({ id: true, platform: true }).partial();

/**
 * Some platforms hand out one URL with the key as its last path segment (rtmp://a.rtmp.youtube.com/live2/<key>,
 * Facebook's …/rtmp/FB-…?s_bl=…). A last segment of a path with an application part before it, 12+ characters
 * with letters and digits, is treated as a key: it leaves the URL and becomes the write-only stream key.
 */
const KEY_LIKE_SEGMENT = /^(?=[^?]*\d)(?=[^?]*[A-Za-z])[A-Za-z0-9_.=-]{12,}(\?\S*)?$/;

export function splitStreamKeyFromUrl(url: string): { url: string; key: string | null } {
  const trimmed = url.trim();
  const match = /^(rtmps?:\/\/[^\s/?#]+(?::\d+)?\/[^\s?#]+)\/([^\s/]+)$/.exec(trimmed);
  const base = match?.[1];
  const last = match?.[2];
  if (!base || !last || !KEY_LIKE_SEGMENT.test(last)) return { url: trimmed, key: null };
  return { url: base, key: last };
}

const streamUrl = z
  .string()
  .trim()
  .max(L.url, `the URL is at most ${L.url} characters`)
  .regex(/^rtmps?:\/\/[^\s/?#]+(:\d+)?\/\S*$/, 'an RTMP or RTMPS URL such as rtmps://live.example.com:443/app');

/**
 * The stream target as the admin types it; the key only ever travels renderer -> main -> MediaLive.
 * A key found in the URL's path is moved to `streamKey` (so it is never shown or logged as part of the URL).
 */
export const StreamTargetSchema = z
  .strictObject({
    url: streamUrl,
    streamKey: z
      .string()
      .max(L.streamKey, `the stream key is at most ${L.streamKey} characters`)
      .regex(/^\S*$/, 'the stream key has no spaces'),
  })
  .transform((input, ctx) => {
    const split = splitStreamKeyFromUrl(input.url);
    if (split.key && input.streamKey) {
      ctx.addIssue({
        code: 'custom',
        path: ['url'],
        message: 'the URL ends in what looks like a stream key, and a key was typed too: keep only one',
      });
      return z.NEVER;
    }
    const streamKey = split.key ?? input.streamKey;
    if (!streamKey) {
      ctx.addIssue({ code: 'custom', path: ['streamKey'], message: 'the stream key is required' });
      return z.NEVER;
    }
    return { url: split.url, streamKey, keyFromUrl: split.key !== null };
  });

export function slugId(name: string): string {
  return (
    name
      .toLowerCase()
      .normalize('NFKD')
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '')
      .slice(0, 48) || 'destination'
  );
}

/** zod issues as the admin form shows them: the field's path and what would be valid. */
export function fieldErrors(error: z.ZodError): Array<{ field: string; message: string }> {
  return error.issues.map((i) => ({
    field:
      i.code === 'unrecognized_keys'
        ? [...i.path.map(String), i.keys[0] ?? ''].join('.')
        : i.path.map(String).join('.') || '(destination)',
    message: i.code === 'unrecognized_keys' ? `unknown field(s) ${i.keys.join(', ')}` : i.message,
  }));
}
