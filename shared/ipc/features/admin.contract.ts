import { z } from 'zod';
import { DestinationIdSchema } from '../../domain/destination';
import { PresetSchema } from '../../domain/preset';

/**
 * The admin feature's schemas (merged into ../contract.ts); every key must also be in admin.roles.ts.
 *
 * Expected outcomes (saved, conflict, invalid, refused, read-only) travel as typed data in a
 * discriminated union on `status`; only the unexpected ones (network, internal...) are IPC failures.
 * Every output is a strict object so that no extra field (an SDK member, a stream key) can leak.
 *
 * Preset drafts and destination edits cross the boundary as `unknown` (size-capped) on purpose: the
 * handler validates them with the shared validators and answers field-level errors as data, which the
 * router's first-issue message could not do. The stores validate again before every write.
 */

const MAX_PAYLOAD_CHARS = 64_000;
/** A value the handler validates itself; refused here only when absurdly large. */
const Unvalidated = z.unknown().refine((value) => {
  try {
    return (JSON.stringify(value) ?? '').length <= MAX_PAYLOAD_CHARS;
  } catch {
    return false;
  }
}, `the request is larger than ${MAX_PAYLOAD_CHARS} characters`);

const PresetIdSchema = z.string().min(1).max(128);
/** More than a booth can take live at once (MediaLive's channel quota is far lower); bounds the reorder request. */
const MAX_DESTINATIONS = 500;
const VersionSchema = z.number().int().min(1);

export const FieldErrorSchema = z.strictObject({ field: z.string(), message: z.string() });
export type FieldErrorOut = z.infer<typeof FieldErrorSchema>;

/** The admin's view of a destinations-table record: never a stream key (the key lives only in MediaLive). */
export const AdminDestinationSchema = z.strictObject({
  id: z.string(),
  platform: z.string(),
  name: z.string(),
  preset_id: z.string().nullable(),
  /** As stored in the record (null for older records not yet migrated). */
  medialive_channel_id: z.string().nullable(),
  medialive_channel_arn: z.string().nullable(),
  /** The channel the console actually uses: the record's, else the stack output's. */
  channelId: z.string().nullable(),
  /** The stack's ChannelId output for this destination (what a record without its own channel follows). */
  stackChannelId: z.string().nullable(),
  is_active: z.boolean(),
  created_at: z.string().nullable(),
  updated_at: z.string().nullable(),
  /** null: an older record without a version; migrate it before editing. */
  version: z.number().int().nullable(),
});
export type AdminDestination = z.infer<typeof AdminDestinationSchema>;

/** One leaf of "current channel settings -> preset", values as text, secrets already redacted. */
export const SettingChangeSchema = z.strictObject({
  path: z.string(),
  from: z.string().nullable(),
  to: z.string().nullable(),
});
export type SettingChangeOut = z.infer<typeof SettingChangeSchema>;

export const StreamTargetViewSchema = z.strictObject({
  url: z.string().nullable(),
  hasStreamKey: z.boolean(),
  /** "••••1234": never the key. */
  streamKeyHint: z.string().nullable(),
});
export type StreamTargetViewOut = z.infer<typeof StreamTargetViewSchema>;

export const AdminAccessSchema = z.strictObject({ canWrite: z.boolean(), reason: z.string().nullable() });
export type AdminAccess = z.infer<typeof AdminAccessSchema>;

const Invalid = z.strictObject({ status: z.literal('invalid'), errors: z.array(FieldErrorSchema).min(1) });
/** The credentials may not write (AccessDenied from DynamoDB or MediaLive): nothing was written. */
const ReadOnly = z.strictObject({ status: z.literal('read-only'), reason: z.string() });
const PresetConflict = z.strictObject({
  status: z.literal('conflict'),
  current: PresetSchema.nullable(),
  message: z.string(),
});
const DestinationConflict = z.strictObject({
  status: z.literal('conflict'),
  current: AdminDestinationSchema.nullable(),
  message: z.string(),
});
/** Not possible in the channel's current state (not IDLE, no channel mapped...): `reason` says why, in words. */
const Refused = z.strictObject({
  status: z.literal('refused'),
  reason: z.string(),
  channelState: z.string().nullable(),
});

const PresetSaved = z.strictObject({
  status: z.literal('saved'),
  preset: PresetSchema,
  warnings: z.array(FieldErrorSchema),
});
const DestinationSaved = z.strictObject({ status: z.literal('saved'), destination: AdminDestinationSchema });

const PresetWriteOutputSchema = z.discriminatedUnion('status', [PresetSaved, PresetConflict, Invalid, ReadOnly]);

const PresetDeleteOutputSchema = z.discriminatedUnion('status', [
  z.strictObject({ status: z.literal('deleted'), preset: PresetSchema }),
  PresetConflict,
  ReadOnly,
]);

export const ApplyPreviewOutputSchema = z.discriminatedUnion('status', [
  z.strictObject({
    status: z.literal('preview'),
    channelId: z.string(),
    channelState: z.string(),
    /** IDLE and something to change. */
    canApply: z.boolean(),
    /** Why it cannot be applied now (not IDLE), or null. */
    reason: z.string().nullable(),
    presetVersion: VersionSchema,
    changes: z.array(SettingChangeSchema),
  }),
  Refused,
  Invalid,
]);
export type ApplyPreviewOutput = z.infer<typeof ApplyPreviewOutputSchema>;

export const ApplyOutputSchema = z.discriminatedUnion('status', [
  z.strictObject({
    status: z.literal('applied'),
    /** false: the channel already ran this preset, nothing was sent. */
    updated: z.boolean(),
    changes: z.array(SettingChangeSchema),
    channelState: z.string(),
    /** e.g. the destination record could not be pointed at the preset; null when all went through. */
    note: z.string().nullable(),
  }),
  Refused,
  Invalid,
  ReadOnly,
]);
export type ApplyOutput = z.infer<typeof ApplyOutputSchema>;

const DestinationWriteOutputSchema = z.discriminatedUnion('status', [
  DestinationSaved,
  DestinationConflict,
  Invalid,
  ReadOnly,
]);

const StreamTargetOutputSchema = z.discriminatedUnion('status', [
  z.strictObject({ status: z.literal('ok'), target: StreamTargetViewSchema }),
  Refused,
]);

const SetStreamKeyOutputSchema = z.discriminatedUnion('status', [
  z.strictObject({ status: z.literal('saved'), target: StreamTargetViewSchema }),
  Refused,
  Invalid,
  ReadOnly,
]);

export const MigrationPlanSchema = z.strictObject({
  table: z.string(),
  scanned: z.number().int(),
  records: z.array(
    z.strictObject({
      id: z.string(),
      changes: z.array(z.strictObject({ field: z.string(), from: z.string().nullable(), to: z.string().nullable() })),
      notes: z.array(z.string()),
    }),
  ),
});
export type MigrationPlanOut = z.infer<typeof MigrationPlanSchema>;

const NoInput = z.strictObject({});

/** A MediaLive channel to pick for a destination, as ListChannels describes it; `usedBy` names its destination. */
export const ChannelChoiceSchema = z.strictObject({
  id: z.string(),
  name: z.string(),
  state: z.string(),
  inputs: z.array(z.string()),
  usedBy: z.strictObject({ id: z.string(), name: z.string() }).nullable(),
});
export type ChannelChoiceOut = z.infer<typeof ChannelChoiceSchema>;

/** One destination the stack has a channel for; `skip` says why it would not be created (null: it would). */
export const StackPlanEntrySchema = z.strictObject({
  id: z.string(),
  platform: z.string(),
  name: z.string(),
  preset_id: z.string().nullable(),
  channelId: z.string(),
  skip: z.string().nullable(),
});
export type StackPlanEntryOut = z.infer<typeof StackPlanEntrySchema>;

/** A preset waiting for its channel's next IDLE; one per destination (a newer request replaces it). */
export const PendingApplySchema = z.strictObject({
  destinationId: z.string(),
  destinationName: z.string(),
  presetId: z.string(),
  presetName: z.string(),
  requestedAt: z.number(),
});
export type PendingApply = z.infer<typeof PendingApplySchema>;

export const ADMIN_INVOKE_CONTRACT = {
  'admin.access': {
    /** recheck: forget an earlier AccessDenied (e.g. after the policy was fixed); the next write finds out again. */
    input: z.strictObject({ recheck: z.boolean().optional() }),
    output: AdminAccessSchema,
  },
  'presets.listAll': { input: NoInput, output: z.strictObject({ presets: z.array(PresetSchema) }) },
  'presets.create': { input: z.strictObject({ draft: Unvalidated }), output: PresetWriteOutputSchema },
  'presets.update': {
    input: z.strictObject({ preset_id: PresetIdSchema, expected_version: VersionSchema, draft: Unvalidated }),
    output: PresetWriteOutputSchema,
  },
  'presets.delete': {
    input: z.strictObject({ preset_id: PresetIdSchema, expected_version: VersionSchema }),
    output: PresetDeleteOutputSchema,
  },
  'presets.previewApply': {
    input: z.strictObject({ destinationId: DestinationIdSchema, presetId: PresetIdSchema }),
    output: ApplyPreviewOutputSchema,
  },
  'presets.apply': {
    input: z.strictObject({ destinationId: DestinationIdSchema, presetId: PresetIdSchema }),
    output: ApplyOutputSchema,
  },
  'presets.applyAtNextStop': {
    input: z.strictObject({ destinationId: DestinationIdSchema, presetId: PresetIdSchema }),
    output: z.discriminatedUnion('status', [
      z.strictObject({ status: z.literal('queued'), pending: PendingApplySchema, message: z.string() }),
      Refused,
      ReadOnly,
    ]),
  },
  'presets.pendingApplies': { input: NoInput, output: z.strictObject({ pending: z.array(PendingApplySchema) }) },
  'presets.cancelPendingApply': {
    input: z.strictObject({ destinationId: DestinationIdSchema }),
    output: z.strictObject({ cancelled: z.boolean() }),
  },
  'destinations.listAll': { input: NoInput, output: z.strictObject({ destinations: z.array(AdminDestinationSchema) }) },
  'destinations.create': { input: z.strictObject({ destination: Unvalidated }), output: DestinationWriteOutputSchema },
  'destinations.update': {
    input: z.strictObject({ id: DestinationIdSchema, expected_version: VersionSchema, changes: Unvalidated }),
    output: DestinationWriteOutputSchema,
  },
  'destinations.retire': {
    input: z.strictObject({ id: DestinationIdSchema, expected_version: VersionSchema }),
    output: DestinationWriteOutputSchema,
  },
  'destinations.reorder': {
    input: z.strictObject({
      /** Every active destination's id once, in the new order. */
      order: z.array(DestinationIdSchema).min(1).max(MAX_DESTINATIONS),
      /** The order the admin saw when moving: if it is not the stored order any more, nothing is written. */
      basis: z.array(DestinationIdSchema).max(MAX_DESTINATIONS),
    }),
    output: z.discriminatedUnion('status', [
      z.strictObject({ status: z.literal('saved'), destinations: z.array(AdminDestinationSchema) }),
      /** Another admin changed the order or the list first: `destinations` is the list as stored now. */
      z.strictObject({
        status: z.literal('conflict'),
        message: z.string(),
        destinations: z.array(AdminDestinationSchema),
      }),
      Invalid,
      ReadOnly,
    ]),
  },
  'destinations.streamTarget': { input: z.strictObject({ id: DestinationIdSchema }), output: StreamTargetOutputSchema },
  'destinations.setStreamKey': {
    // Lengths only here (the router's message never echoes a value); the service checks the formats field by field.
    input: z.strictObject({ id: DestinationIdSchema, url: z.string().max(2_048), streamKey: z.string().max(1_024) }),
    output: SetStreamKeyOutputSchema,
  },
  'destinations.channels': { input: NoInput, output: z.strictObject({ channels: z.array(ChannelChoiceSchema) }) },
  'destinations.stackPlan': { input: NoInput, output: z.strictObject({ entries: z.array(StackPlanEntrySchema) }) },
  'destinations.createFromStack': {
    input: z.strictObject({ confirm: z.literal(true) }),
    output: z.discriminatedUnion('status', [
      z.strictObject({
        status: z.literal('created'),
        created: z.array(AdminDestinationSchema),
        skipped: z.array(z.strictObject({ id: z.string(), name: z.string(), reason: z.string() })),
      }),
      ReadOnly,
    ]),
  },
  'destinations.migrationDryRun': { input: NoInput, output: MigrationPlanSchema },
  'destinations.migrationApply': {
    input: z.strictObject({ confirm: z.literal(true) }),
    output: z.discriminatedUnion('status', [
      z.strictObject({
        status: z.literal('applied'),
        backupArn: z.string(),
        migrated: z.array(z.string()),
        skipped: z.array(z.string()),
      }),
      z.strictObject({ status: z.literal('refused'), reason: z.string() }),
      ReadOnly,
    ]),
  },
} as const satisfies Record<string, { input: z.ZodType; output: z.ZodType }>;

export const ADMIN_EVENT_CONTRACT = {} as const satisfies Record<string, { payload: z.ZodType }>;
