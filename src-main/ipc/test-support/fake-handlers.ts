import { DEFAULT_OPERATOR_SETTINGS } from '../../../shared/domain/operator-settings';
import type { DestinationStatus } from '../../../shared/domain/destination';
import { BoothError } from '../../../shared/domain/errors';
import { INVOKE_CHANNELS } from '../../../shared/ipc/channels';
import type { InvokeHandlers } from '../router';
import { SIMULATED_CONNECTION } from '../../../shared/domain/test-support/connection';
import { destinationStatus } from '../../../shared/domain/test-support/destination-status';

export const FAKE_TILE: DestinationStatus = destinationStatus('youtube', 'IDLE', {
  name: 'YouTube',
  channelId: '1234567',
  presetSummary: '1080p30 6 Mbps',
  bitrateBps: 6_128_000,
});

/**
 * Handlers for every contract channel, for boundary and transport tests: the core channels answer
 * valid fixed data; any other channel answers a typed 'unavailable' until a test overrides it.
 */
export function fakeHandlers(overrides: Partial<InvokeHandlers> = {}): InvokeHandlers {
  const notFaked = Object.fromEntries(
    INVOKE_CHANNELS.map((channel) => [
      channel,
      async () => {
        throw new BoothError('unavailable', `${channel} is not faked in this test`);
      },
    ]),
  ) as unknown as InvokeHandlers;
  return {
    ...notFaked,
    'connection.describe': async () => SIMULATED_CONNECTION,
    'destinations.snapshot': async () => ({ kind: 'snapshot', seq: 1, at: 1, destinations: [FAKE_TILE] }),
    'channels.start': async () => ({ outcome: 'requested', state: 'STARTING' }),
    'channels.stop': async () => ({ outcome: 'requested', state: 'STOPPING' }),
    'channels.endAll': async () => ({ results: [] }),
    'costs.snapshot': async () => ({
      at: 1,
      sessionStartedAt: 0,
      destinations: [],
      flowUsd: 0,
      split: { channelsUsd: 0, flowHoursUsd: 0, flowDataUsd: 0, idleUsd: 0, monitoringUsd: 0 },
      flow: { activeMs: 0, dataGb: 0, channelInputs: 0, dataBps: 0, basis: 'presets' as const },
      metricsRequested: 0,
      totalUsd: 0,
      usdPerHour: 0.16,
      monthToDateUsd: 0,
      projectedMonthUsd: 0,
      budgetUsd: 400,
      rateSource: 'test',
    }),
    'notifications.recent': async () => ({ notifications: [] }),
    'settings.get': async () => DEFAULT_OPERATOR_SETTINGS,
    'settings.update': async () => DEFAULT_OPERATOR_SETTINGS,
    'presets.listAll': async () => ({ presets: [] }),
    ...overrides,
  };
}
