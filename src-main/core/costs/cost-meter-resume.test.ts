import { describe, expect, it } from 'vitest';
import { DEFAULT_RATE_CARD } from '../../../shared/domain/cost';
import { destinationStatus } from '../../../shared/domain/test-support/destination-status';
import { CostMeter } from './cost-meter';

const MIN = 60_000;

function meter(clock: { now: number }, monthSoFar = 0) {
  const saved: number[] = [];
  const costs = new CostMeter({
    rates: () => DEFAULT_RATE_CARD,
    budgetUsd: () => 400,
    profile: () => ({ height: 1080, framerate: 30, totalBitrate: 0, pushesToInternet: false }),
    spend: { load: () => monthSoFar, save: (_month, usd) => saved.push(usd) },
    now: () => clock.now,
  });
  return { costs, saved };
}

const running = (startedAt: number, stateSince: number) =>
  destinationStatus('youtube', 'RUNNING', {
    stateSince,
    startedBy: { startedAt, console: 'booth-a', operator: 'alice', thisConsole: false },
  });

describe('cost meter: runs seen after their start', () => {
  it('bills a run first seen on air from its recorded start: one run, one minimum', () => {
    const clock = { now: Date.UTC(2026, 10, 25, 12) };
    const { costs } = meter(clock);
    const startedAt = clock.now - 4 * MIN;
    costs.observe([running(startedAt, clock.now)]);
    clock.now += 8 * MIN;
    // 12 minutes since the real start: 12 billed, not 10 for a "new" run starting when this console first saw it.
    expect(costs.snapshot().destinations[0]?.billedMinutes).toBe(12);
  });

  it('moves a run it opened from its first sighting back to the start recorded on the channel', () => {
    const clock = { now: Date.UTC(2026, 10, 25, 12) };
    const { costs } = meter(clock);
    costs.observe([destinationStatus('youtube', 'STARTING', { stateSince: clock.now })]);
    costs.observe([running(clock.now - 30_000, clock.now)]);
    clock.now += 10 * MIN;
    expect(costs.snapshot().destinations[0]?.billedMinutes).toBe(11);
  });

  it('continues a session: its start, its closed and open runs, and the month total it already holds', () => {
    const clock = { now: Date.UTC(2026, 10, 25, 12) };
    const sessionStart = clock.now - 60 * MIN;
    // The month total saved before the restart holds 5 USD of other shows and this session's 0.3744 USD so far.
    const { costs, saved } = meter(clock, 5 + 0.3744);
    costs.resume({
      startedAt: sessionStart,
      runs: [
        { destinationId: 'youtube', startedAt: sessionStart, endedAt: sessionStart + 25 * MIN },
        { destinationId: 'youtube', startedAt: clock.now - 5 * MIN, endedAt: null },
      ],
      monthAlreadyHoldsUsd: 0.3744,
    });
    costs.observe([running(clock.now - 5 * MIN, clock.now)]);
    const snapshot = costs.snapshot();
    expect(snapshot.sessionStartedAt).toBe(sessionStart);
    // 25 minutes, then a run of 5 minutes so far that already owes its ten-minute minimum: 35, never 45.
    expect(snapshot.destinations[0]?.billedMinutes).toBe(25 + 10);
    costs.persist();
    expect(saved.at(-1)).toBeCloseTo(5 + (snapshot.destinations[0]?.usd ?? 0), 6);
  });
});
