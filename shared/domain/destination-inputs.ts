/**
 * What the admin window sends for destinations: one set of rules for the form's inline errors and for main.
 * Strict objects: a stream key can never ride along into DynamoDB by an extra field.
 */
import { z } from 'zod';
import { DestinationIdSchema } from './destination';

const name = z.string().trim().min(1, 'name is required').max(80, 'name is at most 80 characters');
const optionalId = z.string().min(1).max(256).nullable().optional();

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

/** The stream target as the admin types it; the key only ever travels renderer -> main -> MediaLive. */
export const StreamTargetSchema = z.strictObject({
  url: z
    .string()
    .trim()
    .max(1024, 'the URL is at most 1024 characters')
    .regex(/^rtmps?:\/\/[^\s/?#]+(:\d+)?\/\S*$/, 'an RTMP or RTMPS URL such as rtmps://live.example.com:443/app'),
  streamKey: z
    .string()
    .min(1, 'the stream key is required')
    .max(512, 'the stream key is at most 512 characters')
    .regex(/^\S+$/, 'the stream key has no spaces'),
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
