import { z } from 'zod';
import { DestinationStateSchema } from '../../domain/channel';
import { DestinationIdSchema } from '../../domain/destination';
import { BackupTestResultSchema, FlowSwitchInputSchema, FlowSwitchResultSchema } from '../../domain/flow';
import { REMOTE_ROLES } from '../../domain/roles';
import { ArmStateSchema as RemoteArmState, ArmActionSchema } from './arming.contract';

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
  /**
   * Takes what is armed, from whichever surface armed it (exactly one AWS request: a go-live, or an end the operator
   * armed at the console), or is refused when nothing is armed.
   */
  'remote.take': {
    input: z.strictObject({}),
    output: z.strictObject({
      destinationId: z.string(),
      action: ArmActionSchema,
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
