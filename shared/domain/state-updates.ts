import { z } from 'zod';

/**
 * How the console learns of channel changes: pushed by AWS (EventBridge events read from the booth's queue) or by
 * polling MediaLive only. `reason` says, in operator words, why it polls when it does.
 */
export const StateUpdatesSchema = z.strictObject({
  mode: z.enum(['events', 'polling']),
  reason: z.string().max(300).nullable(),
  /** Since when this mode holds (epoch ms). */
  since: z.number(),
  /** When the last event from AWS was applied (epoch ms), null before the first. */
  lastEventAt: z.number().nullable(),
  /** The channel poll's steady interval now (ms): the reconciler's while events flow. */
  pollEveryMs: z.number().int().positive(),
});
export type StateUpdates = z.infer<typeof StateUpdatesSchema>;
