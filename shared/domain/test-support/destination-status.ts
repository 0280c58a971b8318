import type { DestinationState } from '../channel';
import type { DestinationStatus } from '../destination';

/** A destination as a tile shows it, for tests: IDLE with nothing to report unless told otherwise. */
export function destinationStatus(
  id: string,
  state: DestinationState = 'IDLE',
  extra: Partial<DestinationStatus> = {},
): DestinationStatus {
  return {
    id,
    platform: id,
    name: id,
    channelId: '1',
    state,
    stateSince: null,
    runningSince: null,
    unconfirmed: null,
    alarm: null,
    presetSummary: null,
    problem: null,
    lastError: null,
    pending: null,
    bitrateBps: null,
    startedBy: null,
    ...extra,
  };
}
