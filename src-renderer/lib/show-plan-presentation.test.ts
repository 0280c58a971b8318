import { describe, expect, it } from 'vitest';
import type { DestinationStatus } from '../../shared/domain/destination';
import type { ShowPlan } from '../../shared/domain/show-plan';
import { knownDestinations, plannedFromRows, planRows, standbyOfferTargets } from './show-plan-presentation';

function dest(
  id: string,
  warm: Partial<NonNullable<DestinationStatus['warm']>> | null,
  state = 'IDLE',
): DestinationStatus {
  return {
    id,
    name: id.toUpperCase(),
    state,
    unconfirmed: false,
    warm: warm === null ? undefined : { mode: 'cold', capable: true, whyNot: null, phase: 'OFF', ...warm },
  } as unknown as DestinationStatus;
}

const plan: ShowPlan = { startsAt: 2, endsAt: 3, setAt: 1, destinations: [{ id: 'yt', take: 'warm' }] };

describe('the plan control’s destinations', () => {
  it('starts from the saved plan, and the others as they are set now; warm only with a slate', () => {
    const list = [
      dest('yt', {}),
      dest('tw', { mode: 'warm' }),
      dest('li', { capable: false, whyNot: 'no slate input' }),
    ];
    const rows = planRows(list, plan);
    expect(rows).toEqual([
      { id: 'yt', name: 'YT', included: true, take: 'warm', warmBlocked: null },
      { id: 'tw', name: 'TW', included: false, take: 'warm', warmBlocked: null },
      { id: 'li', name: 'LI', included: false, take: 'cold', warmBlocked: 'no slate input' },
    ]);
    expect(plannedFromRows(rows)).toEqual([{ id: 'yt', take: 'warm' }]);
    expect(knownDestinations(list).map((k) => k.warmCapable)).toEqual([true, true, false]);
  });

  it('offers standby only for the offered destinations that are idle, warm-capable and off', () => {
    const list = [
      dest('yt', {}),
      dest('tw', { phase: 'STANDBY' }, 'RUNNING'),
      dest('li', { capable: false }),
      dest('x', {}),
    ];
    const offer = { startsAt: 2, offeredAt: 1, destinationIds: ['yt', 'tw', 'li', 'gone'] };
    expect(standbyOfferTargets(offer, list).map((d) => d.id)).toEqual(['yt']);
    expect(standbyOfferTargets(null, list)).toEqual([]);
  });
});
