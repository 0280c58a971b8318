import { describe, expect, it, vi } from 'vitest';
import type { ShowPlan } from '../../shared/domain/show-plan';
import { ShowStandbyOffer } from './show-standby-offer';

const MIN = 60_000;
const START = Date.UTC(2026, 11, 1, 19, 0, 0);
const plan: ShowPlan = {
  startsAt: START,
  endsAt: START + 90 * MIN,
  setAt: START - 60 * MIN,
  destinations: [
    { id: 'youtube', take: 'warm' },
    { id: 'twitch', take: 'cold' },
    { id: 'linkedin', take: 'warm' },
  ],
};

describe('the standby offer of a planned show', () => {
  it('offers the warm destinations only, and announces it', () => {
    const changed = vi.fn();
    const offer = new ShowStandbyOffer(changed);
    expect(offer.current(START - 15 * MIN)).toBeNull();
    expect(offer.offer(plan, START - 15 * MIN)).toBe(
      'Standby is offered for the 2 warm destinations of the plan: confirm it in the operator window (it bills from then on); nothing goes on air before its take.',
    );
    expect(changed).toHaveBeenCalledTimes(1);
    expect(offer.current(START - 14 * MIN)).toEqual({
      startsAt: START,
      offeredAt: START - 15 * MIN,
      destinationIds: ['youtube', 'linkedin'],
    });
  });

  it('offers nothing to a plan without warm destinations', () => {
    const changed = vi.fn();
    const offer = new ShowStandbyOffer(changed);
    expect(offer.offer({ ...plan, destinations: [{ id: 'twitch', take: 'cold' }] }, START - 15 * MIN)).toBeNull();
    expect(offer.current(START - 15 * MIN)).toBeNull();
    expect(changed).not.toHaveBeenCalled();
  });

  it('is withdrawn when the plan is moved or cleared, kept when the same plan is announced again, gone after the end', () => {
    const offer = new ShowStandbyOffer(() => {});
    offer.offer(plan, START - 15 * MIN);
    offer.planChanged(plan);
    expect(offer.current(START)).not.toBeNull();
    expect(offer.current(plan.endsAt)).toBeNull();
    offer.planChanged({ ...plan, startsAt: START + 30 * MIN, setAt: START - 10 * MIN });
    expect(offer.current(START)).toBeNull();
    offer.offer(plan, START - 15 * MIN);
    offer.planChanged(null);
    expect(offer.current(START)).toBeNull();
  });
});
