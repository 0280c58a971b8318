import { z } from 'zod';
import { DestinationStateSchema } from '../../domain/channel';
import { CostSnapshotSchema } from '../../domain/cost';
import { DestinationIdSchema, DestinationsFeedSchema, DestinationsSnapshotSchema } from '../../domain/destination';
import { NotificationSchema } from '../../domain/notification';
import {
  CostSettingsPatchSchema,
  OperatorSettingsPatchSchema,
  OperatorSettingsSchema,
} from '../../domain/operator-settings';
import { StateUpdatesSchema } from '../../domain/state-updates';

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

const GlobalShortcutSchema = z.discriminatedUnion('action', [
  z.strictObject({ action: z.literal('arm'), destinationId: DestinationIdSchema }),
  z.strictObject({ action: z.literal('take') }),
  z.strictObject({ action: z.literal('disarm') }),
]);
export type GlobalShortcut = z.infer<typeof GlobalShortcutSchema>;

export const OPERATOR_INVOKE_CONTRACT = {
  'destinations.snapshot': { input: NoInput, output: DestinationsSnapshotSchema },
  'channels.start': { input: ChannelActionInput, output: ChannelActionOutput },
  'channels.stop': { input: ChannelActionInput, output: ChannelActionOutput },
  /** Ends the show: stops every channel that is live or on its way; the forgotten-channel watch starts. */
  'channels.endAll': { input: z.strictObject({ confirm: z.literal(true) }), output: EndAllOutput },
  /** Clears the destination's latched alarm, never its state; `acknowledged` is false when there was none. */
  'channels.acknowledgeAlarm': {
    input: ChannelActionInput,
    output: z.strictObject({ acknowledged: z.boolean() }),
  },
  /** Clears the destination's latched failed go-live or end, never its state; false when there was none. */
  'channels.acknowledgeFailure': {
    input: ChannelActionInput,
    output: z.strictObject({ acknowledged: z.boolean() }),
  },
  'costs.snapshot': { input: NoInput, output: CostSnapshotSchema },
  'updates.snapshot': { input: NoInput, output: StateUpdatesSchema },
  'notifications.recent': { input: NoInput, output: z.strictObject({ notifications: z.array(NotificationSchema) }) },
  'settings.get': { input: NoInput, output: OperatorSettingsSchema },
  'settings.update': { input: OperatorSettingsPatchSchema.strict(), output: OperatorSettingsSchema },
  'settings.updateCosts': { input: CostSettingsPatchSchema.strict(), output: OperatorSettingsSchema },
} as const satisfies Record<string, { input: z.ZodType; output: z.ZodType }>;

export const OPERATOR_EVENT_CONTRACT = {
  'destinations.feed': { payload: DestinationsFeedSchema },
  'costs.feed': { payload: CostSnapshotSchema },
  'updates.feed': { payload: StateUpdatesSchema },
  'notifications.feed': { payload: NotificationSchema },
  'settings.feed': { payload: OperatorSettingsSchema },
  'shortcuts.global': { payload: GlobalShortcutSchema },
} as const satisfies Record<string, { payload: z.ZodType }>;
