import { z } from 'zod';
import { DestinationStateSchema } from '../../domain/channel';
import { DestinationIdSchema } from '../../domain/destination';
import { REMOTE_ROLES } from '../../domain/roles';

/** What a control-API token has armed, held in main so that the window, the keyboard and the remote see one arm. */
export const RemoteArmSchema = z.strictObject({
  destinationId: z.string(),
  /** The token's name, shown on the operator's screen: "armed from Stream Deck (name)". */
  by: z.string(),
  armedAt: z.number(),
  expiresAt: z.number(),
});
export type RemoteArm = z.infer<typeof RemoteArmSchema>;

const RemoteArmState = z.strictObject({ armed: RemoteArmSchema.nullable() });

/** Whether the control API listens, where, and why not; the status bar says LAN when it is open to the LAN. */
export const RemoteStatusSchema = z.strictObject({
  listening: z.boolean(),
  /** What to type into a Companion instance (http://host:port), null while it does not listen. */
  address: z.string().nullable(),
  port: z.number().int().min(0).max(65_535),
  lan: z.boolean(),
  /** In words, when it could not listen (the port is taken, say). */
  problem: z.string().nullable(),
});
export type RemoteStatus = z.infer<typeof RemoteStatusSchema>;

/** A token as the admin sees it: name, role, when made. Never its secret, never its hash. */
export const RemoteTokenInfoSchema = z.strictObject({
  id: z.string(),
  name: z.string(),
  role: z.enum(REMOTE_ROLES),
  createdAt: z.number(),
});
export type RemoteTokenInfoOut = z.infer<typeof RemoteTokenInfoSchema>;

const TokenList = z.strictObject({ tokens: z.array(RemoteTokenInfoSchema) });

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
  'remote.status': { input: z.strictObject({}), output: RemoteStatusSchema },
  /** The admin's choice: the port, and whether the LAN may reach it (off: this computer only). */
  'remote.configure': {
    input: z.strictObject({ port: z.number().int().min(1_024).max(65_535), lan: z.boolean() }),
    output: RemoteStatusSchema,
  },
  'remote.tokens': { input: z.strictObject({}), output: TokenList },
  /**
   * The one answer that carries a secret to a renderer, on purpose: the new token, shown once to the admin who
   * made it so it can be pasted into Companion. Main keeps only its hash; it is never logged, never stored in
   * clear, never in any other answer or event; `remote.tokens` lists names and roles only.
   */
  'remote.createToken': {
    input: z.strictObject({ name: z.string().trim().min(1).max(60), role: z.enum(REMOTE_ROLES) }),
    output: z.strictObject({ secret: z.string(), token: RemoteTokenInfoSchema }),
  },
  'remote.revokeToken': { input: z.strictObject({ id: z.string().min(1).max(64) }), output: TokenList },
} as const;

export const REMOTE_EVENT_CONTRACT = {
  'remote.armedFeed': { payload: RemoteArmState },
  'remote.statusFeed': { payload: RemoteStatusSchema },
} as const;
