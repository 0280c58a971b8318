import { BoothError } from '../../shared/domain/errors';
import type { OPERATOR_INVOKE_ROLES } from '../../shared/ipc/features/operator.roles';
import type { ChannelActions } from '../core/channels/channel-actions';
import type { CostMeter } from '../core/costs/cost-meter';
import type { StateUpdates } from '../../shared/domain/state-updates';
import type { Notifier } from '../core/notifications/notifier';
import type { OperatorSettingsService } from '../core/operator-settings-service';
import type { Feature, FeatureContext } from './feature';

export type OperatorChannel = keyof typeof OPERATOR_INVOKE_ROLES;
/** The operator's channels that need no AWS: they answer whether or not the console is connected. */
type LocalOperatorChannel = 'notifications.recent' | 'settings.get' | 'settings.update' | 'settings.updateCosts';

/** The services booth-core builds for the operator's console (the channel feed drives them too). */
export interface OperatorServices {
  actions: ChannelActions;
  costs: CostMeter;
  /** The operator pressed End all: the show ends once nothing is on air. */
  onEndAll?: () => void;
  /** How channel changes reach the console now (events or polling, and why). */
  updates: () => StateUpdates;
}

/** The operator's console: the tiles and go-live, and what the show costs. */
export function createOperatorFeature(
  context: FeatureContext,
  services: OperatorServices,
): Feature<Exclude<OperatorChannel, LocalOperatorChannel>> {
  const { monitor } = context;
  const { actions, costs, updates } = services;
  return {
    handlers: {
      'destinations.snapshot': async () => monitor.snapshot(),
      'channels.start': async ({ destinationId }) => actions.start(destinationId),
      'channels.stop': async ({ destinationId }) => actions.stop(destinationId),
      'channels.endAll': async () => {
        services.onEndAll?.();
        return actions.endAll();
      },
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
      'channels.acknowledgeFailure': async ({ destinationId }) => {
        const status = monitor.status(destinationId);
        if (!status) throw new BoothError('not-found', `There is no destination "${destinationId}" in this show.`);
        const failure = status.lastError;
        const acknowledged = monitor.acknowledgeFailure(destinationId);
        if (acknowledged && failure)
          context.incidents.record({
            kind: 'acknowledgement',
            level: 'info',
            title: `Failure acknowledged: ${status.name}`,
            detail: `The operator acknowledged: ${failure.message}`,
            destinationId,
          });
        return { acknowledged };
      },
      'costs.snapshot': async () => costs.snapshot(),
      'updates.snapshot': async () => updates(),
    },
  };
}

/** Recent notifications and the operator's own settings: kept on this computer, read while disconnected too. */
export function createLocalOperatorFeature(
  notifier: Notifier,
  settings: OperatorSettingsService,
): Feature<LocalOperatorChannel> {
  return {
    handlers: {
      'notifications.recent': async () => ({ notifications: notifier.recent() }),
      'settings.get': async () => settings.get(),
      'settings.update': async (patch) => settings.update(patch),
      'settings.updateCosts': async (patch) => settings.update(patch),
    },
  };
}
