import type { ShowSnapshot, ShowTimeline } from '../../shared/domain/show-time';
import type { SHOW_INVOKE_ROLES } from '../../shared/ipc/features/show.roles';
import type { ShowPlanService } from '../core/show-plan-service';
import type { ShowStandbyOffer } from '../core/show-standby-offer';
import type { Feature } from './feature';

export type ShowChannel = keyof typeof SHOW_INVOKE_ROLES;

/**
 * The show's plan (kept on this computer), its timeline (from the session record of the current connection) and the
 * standby offered at its lead time: answered while disconnected too, when the timeline is that of no show.
 */
export function createShowFeature(
  plans: ShowPlanService,
  timeline: () => ShowTimeline,
  now: () => number,
  offer: ShowStandbyOffer,
): Feature<ShowChannel> & { snapshot(): ShowSnapshot } {
  const snapshot = (): ShowSnapshot => ({
    at: now(),
    plan: plans.get(),
    timeline: timeline(),
    standbyOffer: offer.current(now()),
  });
  return {
    snapshot,
    handlers: {
      'show.snapshot': async () => snapshot(),
      'show.setPlan': async (input) => plans.set(input),
    },
  };
}
