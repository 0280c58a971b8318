import { z } from 'zod';
import { DestinationStateSchema } from '../../domain/channel';
import { DestinationIdSchema } from '../../domain/destination';

/** What a control-API token has armed, held in main so that the window, the keyboard and the remote see one arm. */
export const RemoteArmSchema = z.strictObject({
  destinationId: z.string(),
  /** The token's name, shown on the operator's screen: "armed from remote (name)". */
  by: z.string(),
  armedAt: z.number(),
  expiresAt: z.number(),
});
export type RemoteArm = z.infer<typeof RemoteArmSchema>;

const RemoteArmState = z.strictObject({ armed: RemoteArmSchema.nullable() });

export const REMOTE_INVOKE_CONTRACT = {
  /** Arms one destination to go live; nothing is sent to AWS until a take. */
  'remote.arm': { input: z.strictObject({ destinationId: DestinationIdSchema }), output: RemoteArmState },
  /** Takes what is armed (exactly one AWS request), or is refused when nothing is armed. */
  'remote.take': {
    input: z.strictObject({}),
    output: z.strictObject({
      destinationId: z.string(),
      outcome: z.enum(['requested', 'already']),
      state: DestinationStateSchema,
    }),
  },
  'remote.disarm': { input: z.strictObject({}), output: RemoteArmState },
  'remote.armed': { input: z.strictObject({}), output: RemoteArmState },
} as const;

export const REMOTE_EVENT_CONTRACT = {
  'remote.armedFeed': { payload: RemoteArmState },
} as const;
