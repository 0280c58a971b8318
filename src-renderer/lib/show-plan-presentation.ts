import type { DestinationStatus } from '../../shared/domain/destination';
import type { KnownDestination, PlannedDestination, ShowPlan } from '../../shared/domain/show-plan';
import type { StandbyOffer } from '../../shared/domain/show-time';
import type { TakeMode } from '../../shared/domain/warm-standby';

/** The booth's destinations as the plan's rules know them (warm capability null until read). */
export function knownDestinations(list: readonly DestinationStatus[]): KnownDestination[] {
  return list.map((d) => ({ id: d.id, name: d.name, warmCapable: d.warm?.capable ?? null }));
}

/** One row of the plan's destination list: in the show or not, and how it is taken. */
export interface PlanRow {
  id: string;
  name: string;
  included: boolean;
  take: TakeMode;
  /** Why warm cannot be chosen (no slate), or null. */
  warmBlocked: string | null;
}

/**
 * The rows the plan control starts from: the saved plan's destinations as planned; the others out of the show, with
 * the take the destination is set to now (warm only where its channel can run warm).
 */
export function planRows(list: readonly DestinationStatus[], plan: ShowPlan | null): PlanRow[] {
  return list.map((d) => {
    const planned = plan?.destinations.find((p) => p.id === d.id);
    const warmBlocked = d.warm?.capable === false ? (d.warm.whyNot ?? 'its channel has no slate') : null;
    const current: TakeMode = d.warm?.mode === 'warm' && !warmBlocked ? 'warm' : 'cold';
    return { id: d.id, name: d.name, included: planned !== undefined, take: planned?.take ?? current, warmBlocked };
  });
}

export function plannedFromRows(rows: readonly PlanRow[]): PlannedDestination[] {
  return rows.filter((r) => r.included).map((r) => ({ id: r.id, take: r.take }));
}

/**
 * What the lead-time offer can put in standby now: the offered destinations whose channel can run warm and is idle,
 * confirmed, and not already on its slate or live (the same as "standby all" would start, without the take mode: a
 * destination planned warm but set cold is switched to warm first).
 */
export function standbyOfferTargets(
  offer: StandbyOffer | null,
  list: readonly DestinationStatus[],
): DestinationStatus[] {
  if (!offer) return [];
  return offer.destinationIds
    .map((id) => list.find((d) => d.id === id))
    .filter(
      (d): d is DestinationStatus =>
        d !== undefined && d.warm?.capable === true && d.warm.phase === 'OFF' && d.state === 'IDLE' && !d.unconfirmed,
    );
}
