import type { ShowPlan } from '../../shared/domain/show-plan';
import type { StandbyOffer } from '../../shared/domain/show-time';

/**
 * The "standby all" offer of the planned show: made at the lead time for the plan's warm destinations, shown in every
 * operator window until the operator confirms it there (the standby itself is the operator's, one request per
 * destination through the warm standby's own ops), the plan changes, or the planned end passes. Never an action.
 */
export class ShowStandbyOffer {
  private offered: (StandbyOffer & { planKey: string; endsAt: number }) | null = null;

  constructor(private readonly onChange: () => void) {}

  /** Offers standby for the plan's warm destinations; says in words what was offered, or null when none are warm. */
  offer(plan: ShowPlan, now: number): string | null {
    const warm = plan.destinations.filter((d) => d.take === 'warm').map((d) => d.id);
    if (warm.length === 0) return null;
    this.offered = {
      planKey: `${plan.setAt}:${plan.startsAt}`,
      startsAt: plan.startsAt,
      endsAt: plan.endsAt,
      offeredAt: now,
      destinationIds: warm,
    };
    this.onChange();
    return `Standby is offered for the ${warm.length} warm destination${warm.length === 1 ? '' : 's'} of the plan: confirm it in the operator window (it bills from then on); nothing goes on air before its take.`;
  }

  /** The plan changed or was cleared: an offer made for another plan is withdrawn. */
  planChanged(plan: ShowPlan | null): void {
    if (!this.offered) return;
    if (plan && `${plan.setAt}:${plan.startsAt}` === this.offered.planKey) return;
    this.offered = null;
    this.onChange();
  }

  current(now: number): StandbyOffer | null {
    if (!this.offered || now >= this.offered.endsAt) return null;
    const { startsAt, offeredAt, destinationIds } = this.offered;
    return { startsAt, offeredAt, destinationIds };
  }
}
