import { BoothError } from '../../shared/domain/errors';
import type { OPERATOR_INVOKE_ROLES } from '../../shared/ipc/features/operator.roles';
import type { ChannelActions } from '../core/channels/channel-actions';
import type { CostMeter } from '../core/costs/cost-meter';
import type { OperatorSettingsService } from '../core/operator-settings-service';
import type { Feature, FeatureContext } from './feature';

export type OperatorChannel = keyof typeof OPERATOR_INVOKE_ROLES;

/** The services booth-core builds for the operator's console (the channel feed drives them too). */
export interface OperatorServices {
  actions: ChannelActions;
  costs: CostMeter;
  settings: OperatorSettingsService;
}

/** The operator's console: the tiles and go-live, costs, recent notifications and the operator's settings. */
export function createOperatorFeature(context: FeatureContext, services: OperatorServices): Feature<OperatorChannel> {
  const { monitor, notifier } = context;
  const { actions, costs, settings } = services;
  return {
    handlers: {
      'destinations.snapshot': async () => monitor.snapshot(),
      'channels.start': async ({ destinationId }) => actions.start(destinationId),
      'channels.stop': async ({ destinationId }) => actions.stop(destinationId),
      'channels.endAll': async () => actions.endAll(),
      'channels.acknowledgeAlarm': async ({ destinationId }) => {
        if (!monitor.status(destinationId))
          throw new BoothError('not-found', `There is no destination "${destinationId}" in this show.`);
        const alarm = monitor.status(destinationId)?.alarm ?? null;
        const acknowledged = monitor.acknowledgeAlarm(destinationId);
        if (acknowledged)
          context.incidents.record({
            kind: 'acknowledgement',
            level: 'info',
            title: `Alarm acknowledged: ${monitor.status(destinationId)?.name ?? destinationId}`,
            detail: alarm ? `The operator acknowledged: ${alarm.message}` : 'The operator acknowledged the alarm.',
            destinationId,
          });
        return { acknowledged };
      },
      'costs.snapshot': async () => costs.snapshot(),
      'notifications.recent': async () => ({ notifications: notifier.recent() }),
      'settings.get': async () => settings.get(),
      'settings.update': async (patch) => settings.update(patch),
    },
  };
}
