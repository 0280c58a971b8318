import type { WARM_INVOKE_ROLES } from '../../shared/ipc/features/warm.roles';
import type { WarmStandby } from '../core/channels/warm-standby';
import type { Feature } from './feature';

export type WarmChannel = keyof typeof WARM_INVOKE_ROLES;

/** Warm standby's own acts: the take mode, standby, back to slate, standby all (the take is channels.start). */
export function createWarmFeature(warm: WarmStandby): Feature<WarmChannel> {
  return {
    handlers: {
      'warm.setMode': async ({ destinationId, mode }) => warm.setMode(destinationId, mode),
      'warm.standby': async ({ destinationId }) => warm.standby(destinationId),
      'warm.backToSlate': async ({ destinationId }) => warm.backToSlate(destinationId),
      'warm.standbyAll': async () => warm.standbyAll(),
    },
    start: () => warm.start(),
    stop: () => warm.stop(),
  };
}
