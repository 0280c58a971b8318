import { format } from 'date-fns';
import { BILLING_STATES } from '../../../shared/domain/channel';
import type { CostSnapshot, RateCard } from '../../../shared/domain/cost';
import type { DestinationStatus } from '../../../shared/domain/destination';
import { channelRatePerHour, billedMinutes, flowCost, monthOutlook, runCost, type EncodingProfile } from './cost-model';

export interface CostMeterDeps {
  rates: () => RateCard;
  budgetUsd: () => number;
  profile: (destinationId: string) => EncodingProfile | null;
  /** Shows' cost this month before this session (from settings), and where to save the running total. */
  spend: { load: (month: string) => number; save: (month: string, showsUsd: number) => void };
  now: () => number;
}

interface Runs {
  closedMs: number[];
  openSince: number | null;
}

/**
 * Meters what the show costs while it runs: each destination's channel bills from the moment it
 * is STARTING until it is IDLE again (per minute, ten minutes at least per run), the flow around
 * the clock. Fed by the same state feed the tiles use.
 */
export class CostMeter {
  private readonly runs = new Map<string, Runs>();
  private sessionStartedAt: number;
  private month: string;
  private monthBaseUsd: number;

  constructor(private readonly deps: CostMeterDeps) {
    this.sessionStartedAt = deps.now();
    this.month = format(deps.now(), 'yyyy-MM');
    this.monthBaseUsd = deps.spend.load(this.month);
  }

  observe(statuses: Iterable<DestinationStatus>): void {
    const now = this.deps.now();
    for (const status of statuses) {
      // UNKNOWN (AWS could not be read) says nothing about billing: keep the run as it was.
      if (status.state === 'UNKNOWN') continue;
      const runs = this.runs.get(status.id) ?? { closedMs: [], openSince: null };
      const billing = BILLING_STATES.has(status.state);
      // A run bills from its real start, recorded on the channel (startedBy), even when this console first saw it
      // later (it restarted, or another console started it): one run, one minimum, never a new one.
      const startedAt = status.startedBy?.startedAt ?? null;
      if (billing && runs.openSince === null) runs.openSince = startedAt ?? status.stateSince ?? now;
      else if (billing && runs.openSince !== null && startedAt !== null && startedAt < runs.openSince)
        runs.openSince = startedAt;
      if (!billing && runs.openSince !== null) {
        runs.closedMs.push(Math.max(0, now - runs.openSince));
        runs.openSince = null;
      }
      this.runs.set(status.id, runs);
    }
  }

  /**
   * Continues a session a previous run of the console metered (it restarted mid-show): the session's start (the
   * flow's share), its runs with their real start and end times, and how much of it the month's saved total
   * already holds (subtracted, so the month does not count it twice).
   */
  resume(session: {
    startedAt: number;
    runs: Array<{ destinationId: string; startedAt: number; endedAt: number | null }>;
    monthAlreadyHoldsUsd: number;
  }): void {
    this.sessionStartedAt = session.startedAt;
    this.monthBaseUsd = Math.max(0, this.monthBaseUsd - session.monthAlreadyHoldsUsd);
    for (const run of session.runs) {
      const runs = this.runs.get(run.destinationId) ?? { closedMs: [], openSince: null };
      if (run.endedAt === null) runs.openSince = run.startedAt;
      else runs.closedMs.push(Math.max(0, run.endedAt - run.startedAt));
      this.runs.set(run.destinationId, runs);
    }
  }

  /** Persists this month's running total so a restart keeps the month-to-date. */
  persist(): void {
    const snapshot = this.snapshot();
    this.deps.spend.save(this.month, this.monthBaseUsd + this.showsUsd(snapshot));
  }

  snapshot(): CostSnapshot {
    const now = this.deps.now();
    const rates = this.deps.rates();
    const currentMonth = format(now, 'yyyy-MM');
    if (currentMonth !== this.month) {
      // A show across midnight at the month's end: start the new month from zero.
      this.month = currentMonth;
      this.monthBaseUsd = 0;
    }
    const destinations = [...this.runs].map(([id, runs]) => {
      const profile = this.deps.profile(id);
      const all = runs.openSince === null ? runs.closedMs : [...runs.closedMs, now - runs.openSince];
      return {
        id,
        usd: all.reduce((sum, ms) => sum + runCost(rates, profile, ms), 0),
        billedMinutes: all.reduce((sum, ms) => sum + billedMinutes(ms), 0),
        usdPerHour: runs.openSince === null ? 0 : channelRatePerHour(rates, profile),
      };
    });
    const showsUsd = destinations.reduce((sum, d) => sum + d.usd, 0);
    const flowUsd = flowCost(rates, now - this.sessionStartedAt);
    const outlook = monthOutlook(this.monthBaseUsd + showsUsd, new Date(now), rates);
    return {
      at: now,
      sessionStartedAt: this.sessionStartedAt,
      destinations,
      flowUsd,
      totalUsd: showsUsd + flowUsd,
      usdPerHour: destinations.reduce((sum, d) => sum + d.usdPerHour, 0) + rates.mediaconnectFlowPerHour,
      monthToDateUsd: outlook.monthToDateUsd,
      projectedMonthUsd: outlook.projectedMonthUsd,
      budgetUsd: this.deps.budgetUsd(),
      rateSource: rates.source,
    };
  }

  ratePerHour(destinationId: string): number {
    return channelRatePerHour(this.deps.rates(), this.deps.profile(destinationId));
  }

  private showsUsd(snapshot: CostSnapshot): number {
    return snapshot.destinations.reduce((sum, d) => sum + d.usd, 0);
  }
}
