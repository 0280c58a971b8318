import { z } from 'zod';
import { ShowPlanSchema } from './show-plan';

/** A running total: `ms` closed so far, plus the time since `since` while it is still counting. */
const RunningTotalSchema = z.strictObject({
  ms: z.number().min(0),
  since: z.number().nullable(),
});
export type RunningTotal = z.infer<typeof RunningTotalSchema>;

/**
 * The show as it happened, from the session record: it starts at the first take (the first channel seen
 * starting) and ends when nothing is on air or billing any more, or when nothing is on air after End all.
 * It never counts from the console's own start.
 */
export const ShowTimelineSchema = z.strictObject({
  /** The first take; null before it. */
  startedAt: z.number().nullable(),
  /** null while the show is on. */
  endedAt: z.number().nullable(),
  endedBy: z.enum(['end-all', 'all-off']).nullable(),
  /** Time with at least one destination on air (on its live input; a channel on its slate is not on air). */
  onAir: RunningTotalSchema,
  /** Time with at least one destination in standby: running (and billing) on its slate. */
  standby: RunningTotalSchema,
  /** Time on air and in standby per destination in this show (every run counted). */
  destinations: z.array(z.strictObject({ id: z.string(), onAir: RunningTotalSchema, standby: RunningTotalSchema })),
});
export type ShowTimeline = z.infer<typeof ShowTimelineSchema>;

export const EMPTY_TIMELINE: ShowTimeline = {
  startedAt: null,
  endedAt: null,
  endedBy: null,
  onAir: { ms: 0, since: null },
  standby: { ms: 0, since: null },
  destinations: [],
};

/**
 * Made at the show's lead time for the plan's warm destinations: the operator window offers their standby (with the
 * cost per hour) until the operator confirms it, the plan changes or its end passes. Never sent by itself.
 */
const StandbyOfferSchema = z.strictObject({
  startsAt: z.number(),
  offeredAt: z.number(),
  destinationIds: z.array(z.string()),
});
export type StandbyOffer = z.infer<typeof StandbyOfferSchema>;

/** What every window shows of the show: the plan, what happened, and the standby offered at the lead time. */
export const ShowSnapshotSchema = z.strictObject({
  at: z.number(),
  plan: ShowPlanSchema.nullable(),
  timeline: ShowTimelineSchema,
  standbyOffer: StandbyOfferSchema.nullable(),
});
export type ShowSnapshot = z.infer<typeof ShowSnapshotSchema>;

/** A running total at `now`. */
export function totalAt(total: RunningTotal, now: number): number {
  return total.ms + (total.since === null ? 0 : Math.max(0, now - total.since));
}
