import { z } from 'zod';
import { ConnectionInfoSchema } from '../domain/connection';
import { DestinationStateSchema } from '../domain/channel';
import { DestinationIdSchema, DestinationsFeedSchema, DestinationsSnapshotSchema } from '../domain/destination';
import { ERROR_CODES } from '../domain/errors';
import { CostSnapshotSchema } from '../domain/cost';
import { NotificationSchema } from '../domain/notification';
import { OperatorSettingsPatchSchema, OperatorSettingsSchema } from '../domain/operator-settings';
import type { EventChannel, InvokeChannel } from './channels';
import { ADMIN_EVENT_CONTRACT, ADMIN_INVOKE_CONTRACT } from './features/admin.contract';
import { FLOW_EVENT_CONTRACT, FLOW_INVOKE_CONTRACT } from './features/flow.contract';
import { READINESS_EVENT_CONTRACT, READINESS_INVOKE_CONTRACT } from './features/readiness.contract';

const NoInput = z.strictObject({});

const ChannelActionInput = z.strictObject({ destinationId: DestinationIdSchema });
const ChannelActionOutput = z.strictObject({
  /** 'requested': AWS accepted the request; 'already': AWS was already there or on its way. */
  outcome: z.enum(['requested', 'already']),
  state: DestinationStateSchema,
});

const EndAllOutput = z.strictObject({
  results: z.array(
    z.strictObject({
      destinationId: z.string(),
      ok: z.boolean(),
      /** The outcome or the reason it failed, in words. */
      message: z.string(),
    }),
  ),
});

export const GlobalShortcutSchema = z.discriminatedUnion('action', [
  z.strictObject({ action: z.literal('arm'), destinationId: DestinationIdSchema }),
  z.strictObject({ action: z.literal('take') }),
  z.strictObject({ action: z.literal('disarm') }),
]);
export type GlobalShortcut = z.infer<typeof GlobalShortcutSchema>;

/** Every invoke channel: renderer -> main, request/response. */
export const INVOKE_CONTRACT = {
  'connection.describe': { input: NoInput, output: ConnectionInfoSchema },
  'destinations.snapshot': { input: NoInput, output: DestinationsSnapshotSchema },
  'channels.start': { input: ChannelActionInput, output: ChannelActionOutput },
  'channels.stop': { input: ChannelActionInput, output: ChannelActionOutput },
  /** Ends the show: stops every channel that is live or on its way; the forgotten-channel watch starts. */
  'channels.endAll': { input: z.strictObject({ confirm: z.literal(true) }), output: EndAllOutput },
  'costs.snapshot': { input: NoInput, output: CostSnapshotSchema },
  'notifications.recent': { input: NoInput, output: z.strictObject({ notifications: z.array(NotificationSchema) }) },
  'settings.get': { input: NoInput, output: OperatorSettingsSchema },
  'settings.update': { input: OperatorSettingsPatchSchema.strict(), output: OperatorSettingsSchema },
  ...ADMIN_INVOKE_CONTRACT,
  ...FLOW_INVOKE_CONTRACT,
  ...READINESS_INVOKE_CONTRACT,
} as const satisfies Record<InvokeChannel, { input: z.ZodType; output: z.ZodType }>;

/** Every event channel: main -> renderer only. */
export const EVENT_CONTRACT = {
  'destinations.feed': { payload: DestinationsFeedSchema },
  'costs.feed': { payload: CostSnapshotSchema },
  'notifications.feed': { payload: NotificationSchema },
  'settings.feed': { payload: OperatorSettingsSchema },
  'shortcuts.global': { payload: GlobalShortcutSchema },
  ...ADMIN_EVENT_CONTRACT,
  ...FLOW_EVENT_CONTRACT,
  ...READINESS_EVENT_CONTRACT,
} as const satisfies Record<EventChannel, { payload: z.ZodType }>;

export type InvokeInput<C extends InvokeChannel> = z.input<(typeof INVOKE_CONTRACT)[C]['input']>;
export type InvokeOutput<C extends InvokeChannel> = z.output<(typeof INVOKE_CONTRACT)[C]['output']>;
export type EventPayload<C extends EventChannel> = z.output<(typeof EVENT_CONTRACT)[C]['payload']>;

export const IpcFailureSchema = z.strictObject({
  ok: z.literal(false),
  code: z.enum(ERROR_CODES),
  message: z.string(),
});
export type IpcFailure = z.infer<typeof IpcFailureSchema>;
export type IpcResult<T> = { ok: true; data: T } | IpcFailure;
