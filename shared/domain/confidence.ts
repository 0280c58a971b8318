import { z } from 'zod';
import { DestinationIdSchema } from './destination';

/**
 * Why a thumbnail is (or is not) the latest picture: `ok` when the last request brought one; otherwise what went wrong,
 * with the last good picture (if any) kept beside it and shown by its age, never as current.
 */
export const ThumbnailStatusSchema = z.enum([
  'ok',
  /** The channel (or flow) has thumbnails off in its configuration. */
  'disabled',
  /** AWS answered with no picture (none generated yet, no source data). */
  'no-picture',
  /** AWS is throttling the requests; the console waits longer between them. */
  'throttled',
  /** AWS refused or failed the request (permissions, an outage). */
  'unavailable',
  /** The picture AWS sent is not a readable JPEG. */
  'corrupt',
  /** The picture is larger than a thumbnail may be. */
  'oversize',
]);
export type ThumbnailStatus = z.infer<typeof ThumbnailStatusSchema>;

/** A base64 JPEG as a data: URL (the windows' CSP allows img-src data:). */
const JpegDataUrlSchema = z.string().regex(/^data:image\/jpeg;base64,[A-Za-z0-9+/=]+$/);

export const ThumbnailSchema = z.strictObject({
  status: ThumbnailStatusSchema,
  /** The last good picture, or null when there has been none. */
  dataUrl: JpegDataUrlSchema.nullable(),
  /** When AWS made that picture (its TimeStamp), epoch ms. */
  capturedAt: z.number().nullable(),
  width: z.number().int().positive().nullable(),
  height: z.number().int().positive().nullable(),
  /** When the console last asked, epoch ms. */
  checkedAt: z.number(),
  /** What the status means for the operator, in words; null when ok. */
  message: z.string().nullable(),
});
export type Thumbnail = z.infer<typeof ThumbnailSchema>;

export const OutputHealthSchema = z.strictObject({
  status: z.enum(['ok', 'no-data', 'throttled', 'unavailable']),
  /** The time of the newest datapoint read, epoch ms; null when there is none. */
  at: z.number().nullable(),
  checkedAt: z.number(),
  /** AWS/MediaLive NetworkOut, Mb/s (Average). */
  networkOutMbps: z.number().nullable(),
  /** ActiveAlerts (Maximum). */
  activeAlerts: z.number().nullable(),
  /** FillMsec (Maximum): how long the output has been filled for want of input. */
  fillMsec: z.number().nullable(),
  /** UdpInputLossSeconds (Sum over the period): seconds without packets from the MediaConnect input. */
  inputLossSeconds: z.number().nullable(),
  /** OutputAudioLevelDbfs (Maximum) of the channel's audio encode. */
  audioDbfs: z.number().nullable(),
  message: z.string().nullable(),
});
export type OutputHealth = z.infer<typeof OutputHealthSchema>;

const ConfidenceTargetSchema = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('destination'), id: DestinationIdSchema }),
  z.strictObject({ kind: z.literal('source') }),
]);

/** One change: a destination's thumbnail or health, or the flow source's thumbnail; null clears it (not watched). */
export const ConfidenceUpdateSchema = z.strictObject({
  target: ConfidenceTargetSchema,
  thumbnail: ThumbnailSchema.nullable().optional(),
  health: OutputHealthSchema.nullable().optional(),
});
export type ConfidenceUpdate = z.infer<typeof ConfidenceUpdateSchema>;

export const ConfidenceSnapshotSchema = z.strictObject({
  destinations: z.array(
    z.strictObject({
      id: DestinationIdSchema,
      thumbnail: ThumbnailSchema.nullable(),
      health: OutputHealthSchema.nullable(),
    }),
  ),
  source: ThumbnailSchema.nullable(),
});
export type ConfidenceSnapshot = z.infer<typeof ConfidenceSnapshotSchema>;

/** What a window shows now: only this is fetched, and nothing while the window is hidden. */
export const ConfidenceWatchSchema = z.strictObject({
  visible: z.boolean(),
  destinationIds: z.array(DestinationIdSchema).max(64),
  source: z.boolean(),
});
export type ConfidenceWatch = z.infer<typeof ConfidenceWatchSchema>;

/** A picture older than this is stale: shown dimmed with its age, never as the current one. */
export const THUMBNAIL_STALE_MS = 10_000;
/** Figures older than this are stale too (they are read every 10 s). */
export const HEALTH_STALE_MS = 45_000;

export type HealthTone = 'ok' | 'warn' | 'bad';

/** What is wrong with a channel's output, in words, worst first; empty when nothing is. */
export function healthProblems(h: OutputHealth): { tone: HealthTone; text: string }[] {
  const out: { tone: HealthTone; text: string }[] = [];
  if (h.fillMsec !== null && h.fillMsec > 0)
    out.push({ tone: 'bad', text: `fill frames ${Math.round(h.fillMsec / 1000)} s` });
  if (h.inputLossSeconds !== null && h.inputLossSeconds > 0)
    out.push({ tone: 'bad', text: `input lost ${Math.round(h.inputLossSeconds)} s` });
  if (h.activeAlerts !== null && h.activeAlerts > 0)
    out.push({ tone: 'bad', text: `${h.activeAlerts} alert${h.activeAlerts === 1 ? '' : 's'}` });
  if (h.networkOutMbps !== null && h.networkOutMbps < 0.1) out.push({ tone: 'bad', text: 'nothing sent' });
  if (h.audioDbfs !== null && h.audioDbfs <= -60) out.push({ tone: 'warn', text: 'audio silent' });
  return out;
}
