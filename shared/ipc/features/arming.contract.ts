import { z } from 'zod';
import { DestinationStateSchema } from '../../domain/channel';
import { DestinationIdSchema } from '../../domain/destination';
import { FlowSwitchResultSchema, SourceRoleSchema } from '../../domain/flow';

/** Where an arm was made: the operator's window (mouse, keys, a global shortcut) or a control-API token. */
export const ArmSurfaceSchema = z.enum(['console', 'remote']);
export type ArmSurface = z.infer<typeof ArmSurfaceSchema>;

/** What a take of an arm sends: a go-live (StartChannel, or a warm channel's switch to live) or an end. */
export const ArmActionSchema = z.enum(['start', 'stop']);

/**
 * The one go-live arm of the booth, held in main whatever surface made it, so that a take from any surface takes
 * it, once. `id` tells one arm from the next (a take names the arm it saw); `by` is the token's name, or
 * "operator window", shown as "armed from Stream Deck (name)".
 */
export const RemoteArmSchema = z.strictObject({
  id: z.string(),
  destinationId: z.string(),
  action: ArmActionSchema,
  by: z.string(),
  surface: ArmSurfaceSchema,
  armedAt: z.number(),
  expiresAt: z.number(),
});
export type RemoteArm = z.infer<typeof RemoteArmSchema>;

/** A backup switch armed (the window's switch key takes the same two steps); only a take sends it. */
export const RemoteSwitchArmSchema = z.strictObject({
  id: z.string(),
  target: SourceRoleSchema,
  force: z.boolean(),
  by: z.string(),
  surface: ArmSurfaceSchema,
  armedAt: z.number(),
  expiresAt: z.number(),
});
export type RemoteSwitchArm = z.infer<typeof RemoteSwitchArmSchema>;

/** How an arm ended, so each surface says what became of what it showed (taken from elsewhere, not "disarmed"). */
export const ArmEndSchema = z.strictObject({
  id: z.string(),
  how: z.enum(['taken', 'disarmed', 'replaced', 'expired']),
  /** Who took, disarmed or replaced it (a token's name, "operator window"); null when it timed out. */
  by: z.string().nullable(),
  surface: ArmSurfaceSchema.nullable(),
});
export type ArmEnd = z.infer<typeof ArmEndSchema>;

/**
 * One thing armed at a time for the whole booth: a go-live, or a backup switch (arming one lets go of the other).
 * `ended` says what became of the arm that was there before this change.
 */
export const ArmStateSchema = z.strictObject({
  armed: RemoteArmSchema.nullable(),
  switchArmed: RemoteSwitchArmSchema.nullable(),
  ended: ArmEndSchema.nullable().optional(),
});
export type ArmState = z.infer<typeof ArmStateSchema>;

/** An arm's id, made by the window that arms (a random UUID), so its take names what it saw armed. */
const ArmIdSchema = z.string().min(1).max(64);

export const ARMING_INVOKE_CONTRACT = {
  /** The operator window arms a destination; main holds the arm so a Stream Deck's take takes it. Nothing sent. */
  'arming.arm': {
    input: z.strictObject({ armId: ArmIdSchema, destinationId: DestinationIdSchema, action: ArmActionSchema }),
    output: ArmStateSchema,
  },
  /**
   * Takes the arm the window saw (`armId`): one AWS request, or refused in words when that arm is no longer held
   * (taken from a Stream Deck, replaced, disarmed, timed out), and then nothing is sent.
   */
  'arming.take': {
    input: z.strictObject({ armId: ArmIdSchema }),
    output: z.strictObject({
      destinationId: z.string(),
      action: ArmActionSchema,
      outcome: z.enum(['requested', 'already']),
      state: DestinationStateSchema,
    }),
  },
  /**
   * The operator window's switch key arms a backup switch (never forced: a forced switch is only the source card's
   * "Force…"); main holds it so a Stream Deck's take takes it. Nothing sent.
   */
  'arming.armSwitch': {
    input: z.strictObject({ armId: ArmIdSchema, target: SourceRoleSchema }),
    output: ArmStateSchema,
  },
  /**
   * Takes the backup switch the window saw armed (`armId`), whichever surface armed it: one UpdateFlow. Taken from
   * a Stream Deck a moment before, it answers that switch's result and sends nothing more; refused in words when the
   * arm was disarmed, replaced or timed out.
   */
  'arming.takeSwitch': { input: z.strictObject({ armId: ArmIdSchema }), output: FlowSwitchResultSchema },
  /** Lets go of the arm the window saw, and only that one (a newer arm from a Stream Deck stays). */
  'arming.disarm': { input: z.strictObject({ armId: ArmIdSchema }), output: ArmStateSchema },
} as const;
