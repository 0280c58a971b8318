import { z } from 'zod';
import { DestinationStateSchema } from '../../domain/channel';
import { DestinationIdSchema } from '../../domain/destination';
import {
  BackupTestResultSchema,
  FlowSwitchInputSchema,
  FlowSwitchResultSchema,
  SourceRoleSchema,
} from '../../domain/flow';
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

/** A backup switch a token armed (the window's switch key takes the same two steps); only a take sends it. */
export const RemoteSwitchArmSchema = z.strictObject({
  target: SourceRoleSchema,
  force: z.boolean(),
  by: z.string(),
  armedAt: z.number(),
  expiresAt: z.number(),
});
export type RemoteSwitchArm = z.infer<typeof RemoteSwitchArmSchema>;

/**
 * One thing armed at a time for the remote surfaces: a go-live, or a backup switch (arming one lets go of the
 * other). `switchArmed` is absent in the events of consoles that never armed a switch.
 */
const RemoteArmState = z.strictObject({
  armed: RemoteArmSchema.nullable(),
  switchArmed: RemoteSwitchArmSchema.nullable().optional(),
});

const DestinationInput = z.strictObject({ destinationId: DestinationIdSchema });
const RemoteWarmOutput = z.strictObject({ outcome: z.enum(['requested', 'already']), state: DestinationStateSchema });

/** End all from a remote: the request answers a confirmation code, valid a few seconds, for the same token only. */
const EndAllRequestOutput = z.strictObject({ confirmation: z.string(), expiresAt: z.number() });
const EndAllOutput = z.strictObject({
  results: z.array(z.strictObject({ destinationId: z.string(), ok: z.boolean(), message: z.string() })),
});

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
  /** Warm standby's standby and back to slate, as the operator's own (warm.standby, warm.backToSlate). */
  'remote.standby': { input: DestinationInput, output: RemoteWarmOutput },
  'remote.backToSlate': { input: DestinationInput, output: RemoteWarmOutput },
  /** Arms a backup switch (what the window's switch key arms); nothing reaches MediaConnect until the take. */
  'remote.armSwitch': { input: FlowSwitchInputSchema, output: RemoteArmState },
  /** Takes the armed switch: one UpdateFlow, or refused when no switch is armed. */
  'remote.takeSwitch': { input: z.strictObject({}), output: FlowSwitchResultSchema },
  /** Checks the backup source (reads only; nothing on air changes). */
  'remote.testBackup': { input: z.strictObject({}), output: BackupTestResultSchema },
  /** First step of End all: nothing stops; answers the code that `remote.endAll` must send back. */
  'remote.requestEndAll': { input: z.strictObject({}), output: EndAllRequestOutput },
  /** Second step: stops every channel live or on its way, as the window's End all (confirmed) does. */
  'remote.endAll': { input: z.strictObject({ confirmation: z.string().min(1).max(64) }), output: EndAllOutput },
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
