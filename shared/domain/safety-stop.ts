import { z } from 'zod';

/**
 * The safety stop of a destination's current run: a one-time schedule in AWS (EventBridge Scheduler) that stops the
 * channel at the show's planned end plus a grace period, so a channel keeps no billing when the booth PC is gone.
 */
export const SafetyStopSchema = z.strictObject({
  /**
   * armed: the schedule exists in AWS; missing: it could not be created (the run has no safety net); fired: AWS
   * stopped the channel on its schedule.
   */
  state: z.enum(['armed', 'missing', 'fired']),
  /** When the schedule stops (or stopped) the channel, on this PC's clock (epoch ms); null when unknown. */
  at: z.number().nullable(),
  /** What the operator reads, in words. */
  note: z.string(),
});
export type SafetyStop = z.infer<typeof SafetyStopSchema>;

/** Without a planned end, a run's safety stop is this long after its start (plus the grace period). */
export const SAFETY_STOP_DEFAULT_RUN_MS = 4 * 3_600_000;
/** The admin's grace period after the planned end, unless set otherwise. */
export const DEFAULT_SAFETY_GRACE_MINUTES = 30;
/** The longest grace an admin may set: half a day past the planned end is a forgotten channel, not a late show. */
export const SAFETY_GRACE_MAX_MINUTES = 720;
