import { z } from 'zod';
import { DestinationStateSchema } from './channel';
import { SafetyStopSchema } from './safety-stop';
import { WarmStatusSchema } from './warm-standby';

export const DestinationIdSchema = z
  .string()
  .min(1)
  .max(64)
  .regex(/^[a-z0-9][a-z0-9-]*$/, 'a destination id is lower-case letters, digits and dashes');

export const ErrorSummarySchema = z.strictObject({
  code: z.string(),
  message: z.string(),
  at: z.number(),
  /** Set when an operator's go-live (start) or end (stop) failed: latched on the tile until acknowledged. */
  action: z.enum(['start', 'stop']).optional(),
});
export type ErrorSummary = z.infer<typeof ErrorSummarySchema>;

export const PendingActionSchema = z.strictObject({
  action: z.enum(['start', 'stop']),
  since: z.number(),
  /** 1 for the first request; more while retrying throttling or AWS 5xx. */
  attempt: z.number().int().min(1),
  /** Why it is taking longer, in words (e.g. "AWS is throttling; retrying"). */
  note: z.string().nullable(),
});
export type PendingAction = z.infer<typeof PendingActionSchema>;

/**
 * Why the console cannot confirm a destination's state right now (AWS unreachable, credentials refused, throttled
 * past the retry budget). While it is set, `state` is the last state AWS confirmed, never a guess.
 */
export const UnconfirmedSchema = z.strictObject({
  since: z.number(),
  /** When AWS last confirmed the state shown (epoch ms); null when it never has. */
  lastConfirmedAt: z.number().nullable(),
  code: z.string(),
  /** What is wrong and what to do, in words. */
  reason: z.string(),
});
export type Unconfirmed = z.infer<typeof UnconfirmedSchema>;

/**
 * A change the operator did not ask for, latched until acknowledged: the channel dropped off air, is recovering,
 * failed while on air, or was started or stopped outside this console. Acknowledging clears the latch, never the state.
 */
export const AlarmSchema = z.strictObject({
  /** `aws-alert`: MediaLive raised an alert on the channel ("MediaLive Channel Alert"); `recoveredAt` is its clear. */
  kind: z.enum(['dropped', 'recovering', 'failed', 'started-elsewhere', 'stopped-elsewhere', 'aws-alert']),
  /** When the console saw the change (epoch ms). */
  at: z.number(),
  /** What happened, in words. */
  message: z.string(),
  /** How long the channel had been on air when it happened (ms); null when it was not on air. */
  onAirFor: z.number().nullable(),
  /** A RECOVERING channel that came back on its own: when (epoch ms); the alarm stays until acknowledged. */
  recoveredAt: z.number().nullable(),
});
export type Alarm = z.infer<typeof AlarmSchema>;

/**
 * Who started the channel's current run and when, as recorded on the channel itself (so every console, and this
 * console after a restart, reads the same); null when the channel is not running or no console recorded it.
 */
const OnAirOriginSchema = z.strictObject({
  /** When the start was requested (the channel bills from then), epoch ms. */
  startedAt: z.number(),
  /** The console that started it (its name), and the operator identity it ran with. */
  console: z.string(),
  operator: z.string(),
  /** True when the console named is this one. */
  thisConsole: z.boolean(),
});

/** One destination as the operator sees it: never a stream key, never an SDK object. */
export const DestinationStatusSchema = z.strictObject({
  id: DestinationIdSchema,
  platform: z.string(),
  name: z.string(),
  channelId: z.string().nullable(),
  state: DestinationStateSchema,
  /** When AWS last reported a change of state (epoch ms), as observed by the console. */
  stateSince: z.number().nullable(),
  /** Since when the channel has been on air (RUNNING, or RECOVERING after RUNNING; epoch ms); null when not. */
  runningSince: z.number().nullable(),
  /** Set while the state cannot be confirmed: `state` is then the last confirmed one, shown as such. */
  unconfirmed: UnconfirmedSchema.nullable(),
  /** An unplanned change not acknowledged yet, or null. */
  alarm: AlarmSchema.nullable(),
  presetSummary: z.string().nullable(),
  /** A configuration problem that keeps this destination from working, in words. */
  problem: z.string().nullable(),
  lastError: ErrorSummarySchema.nullable(),
  /** An action AWS has not answered yet (e.g. retrying after throttling), shown on the tile while it lasts. */
  pending: PendingActionSchema.nullable(),
  /** Video + audio bitrate of the destination's preset (bits/s), for the outbound bandwidth total. */
  bitrateBps: z.number().nullable(),
  /** Who started the current run and when (read from the channel), or null. */
  startedBy: OnAirOriginSchema.nullable(),
  /** The run's safety stop in AWS (auto-stop time, or why there is none, or that it fired); absent when none. */
  safetyStop: SafetyStopSchema.nullable().optional(),
  /** Warm standby: the take mode, whether the channel can run warm, and the input it runs on; absent until read. */
  warm: WarmStatusSchema.optional(),
});
export type DestinationStatus = z.infer<typeof DestinationStatusSchema>;

export const DestinationsSnapshotSchema = z.strictObject({
  kind: z.literal('snapshot'),
  seq: z.number().int(),
  at: z.number(),
  destinations: z.array(DestinationStatusSchema),
});
export type DestinationsSnapshot = z.infer<typeof DestinationsSnapshotSchema>;

const DestinationsDeltaSchema = z.strictObject({
  kind: z.literal('delta'),
  seq: z.number().int(),
  at: z.number(),
  changed: z.array(DestinationStatusSchema),
  removed: z.array(z.string()),
});

/** Subscriptions send a snapshot first, then deltas carrying only what changed (seq orders them). */
export const DestinationsFeedSchema = z.discriminatedUnion('kind', [
  DestinationsSnapshotSchema,
  DestinationsDeltaSchema,
]);
export type DestinationsFeed = z.infer<typeof DestinationsFeedSchema>;
