import { z } from 'zod';
import { DestinationStateSchema } from '../../domain/channel';
import { DestinationIdSchema } from '../../domain/destination';
import { TakeModeSchema } from '../../domain/warm-standby';

const DestinationInput = z.strictObject({ destinationId: DestinationIdSchema });
/** 'requested': AWS accepted the request; 'already': the channel was already there, nothing was sent. */
const WarmActionOutput = z.strictObject({ outcome: z.enum(['requested', 'already']), state: DestinationStateSchema });

/**
 * Warm standby (the take itself stays `channels.start`: on a destination in warm mode it is the one input switch to
 * the live input; `channels.stop` stays StopChannel). A remote control's "standby" and "back to slate" call these.
 */
export const WARM_INVOKE_CONTRACT = {
  /** Cold (StartChannel at the take) or warm (standby on the slate, the take switches inputs); chosen before the show. */
  'warm.setMode': {
    input: z.strictObject({ destinationId: DestinationIdSchema, mode: TakeModeSchema }),
    output: z.strictObject({ mode: TakeModeSchema }),
  },
  /** Standby: an idle warm channel is started on its slate (its schedule first names the slate, then StartChannel). */
  'warm.standby': { input: DestinationInput, output: WarmActionOutput },
  /** Back to slate: a warm channel on air switches to its slate and keeps running (billing). */
  'warm.backToSlate': { input: DestinationInput, output: WarmActionOutput },
  /** Standby for every warm destination that is idle, each on its own (one failure stops none of the others). */
  'warm.standbyAll': {
    input: z.strictObject({ confirm: z.literal(true) }),
    output: z.strictObject({
      results: z.array(z.strictObject({ destinationId: z.string(), ok: z.boolean(), message: z.string() })),
    }),
  },
} as const satisfies Record<string, { input: z.ZodType; output: z.ZodType }>;

export const WARM_EVENT_CONTRACT = {} as const satisfies Record<string, { payload: z.ZodType }>;
