import type { CostSnapshot, MonthBasis, RateCard } from '../../../shared/domain/cost';
import { utcMonth } from '../sessions/show-items';
import type { DestinationStatus } from '../../../shared/domain/destination';
import {
  billedMinutes,
  channelBilling,
  channelRatePerHour,
  gigabytes,
  hoursCost,
  idleRatePerHour,
  monitoringCost,
  monthOutlook,
  runCost,
  type EncodingProfile,
} from './cost-model';
import { FlowUsage, type FlowReading } from './flow-usage';

export interface CostMeterDeps {
  rates: () => RateCard;
  budgetUsd: () => number;
  profile: (destinationId: string) => EncodingProfile | null;
  /** Usage cost this month before this session (from settings), and where to save the running total. */
  spend: { load: (month: string) => number; save: (month: string, usageUsd: number) => void };
  now: () => number;
  /**
   * What the other shows of the month (UTC) cost in usage, read from the sessions table so every console of the booth
   * agrees; null while it has no reading for the month (the local copy in `spend` is used then).
   */
  sharedMonth?: (month: string) => { usd: number; basis: MonthBasis } | null;
}

interface ChannelMeter {
  closedMs: number[];
  openSince: number | null;
  idleMs: number;
  idleSince: number | null;
  /** The channel exists, so the flow feeds its MediaConnect input. */
  onFlow: boolean;
}

const HOUR_MS = 3_600_000;

/**
 * Meters what the session costs, split as AWS bills it: each destination's channel while running (from STARTING
 * until it stops or fails, per minute, ten minutes at least per run) and while idle; the MediaConnect flow's hours
 * and the data it sends to the channel inputs while ACTIVE; the console's own GetMetricData reads. Fed by the same
 * state feeds the tiles and the flow card use.
 */
export class CostMeter {
  private readonly channels = new Map<string, ChannelMeter>();
  private sessionStartedAt: number;
  private readonly flow: FlowUsage;
  private sourceBitrateBps: number | null = null;
  private metricsRequested = 0;
  private month: string;
  private monthBaseUsd: number;

  constructor(private readonly deps: CostMeterDeps) {
    this.sessionStartedAt = deps.now();
    this.flow = new FlowUsage(this.sessionStartedAt);
    this.month = utcMonth(deps.now());
    this.monthBaseUsd = deps.spend.load(this.month);
  }

  observe(statuses: Iterable<DestinationStatus>): void {
    const now = this.deps.now();
    for (const status of statuses) {
      const billing = status.channelId === null ? 'none' : channelBilling(status.state);
      // UNKNOWN (AWS could not be read) says nothing about billing: keep the channel as it was.
      if (billing === null) continue;
      const meter = this.channels.get(status.id) ?? {
        closedMs: [],
        openSince: null,
        idleMs: 0,
        idleSince: null,
        onFlow: false,
      };
      this.close(meter, now, billing);
      // A run that began before the session is billed from its start (its minimum and rounding are per run): the
      // start recorded on the channel (startedBy) when there is one, as this console may have first seen it later
      // (it restarted, or another console started it). One run, one minimum, never a new one.
      const startedAt = status.startedBy?.startedAt ?? null;
      if (billing === 'running' && meter.openSince === null) meter.openSince = startedAt ?? status.stateSince ?? now;
      else if (billing === 'running' && meter.openSince !== null && startedAt !== null && startedAt < meter.openSince)
        meter.openSince = startedAt;
      if (billing === 'idle' && meter.idleSince === null) meter.idleSince = now;
      meter.onFlow = billing !== 'none';
      this.channels.set(status.id, meter);
    }
    this.flow.observe(now, null, this.flowData().bps);
  }

  /**
   * The destinations configured now: a retired one's channel is no longer the console's to bill (its runs so far
   * stay in the session's cost), and the flow no longer counts its input.
   */
  retain(destinationIds: Iterable<string>): void {
    const keep = new Set(destinationIds);
    const now = this.deps.now();
    for (const [id, meter] of this.channels) {
      if (keep.has(id)) continue;
      this.close(meter, now);
      meter.onFlow = false;
    }
    this.flow.observe(now, null, this.flowData().bps);
  }

  /**
   * Continues a session a previous run of the console metered (it restarted mid-show): the session's start, its runs
   * with their real start and end times, and how much of it the month's saved total already holds (subtracted, so
   * the month does not count it twice). The flow is metered from now on.
   */
  resume(session: {
    startedAt: number;
    runs: Array<{ destinationId: string; startedAt: number; endedAt: number | null }>;
    monthAlreadyHoldsUsd: number;
  }): void {
    this.sessionStartedAt = session.startedAt;
    this.monthBaseUsd = Math.max(0, this.monthBaseUsd - session.monthAlreadyHoldsUsd);
    for (const run of session.runs) {
      const meter = this.channels.get(run.destinationId) ?? {
        closedMs: [],
        openSince: null,
        idleMs: 0,
        idleSince: null,
        onFlow: false,
      };
      if (run.endedAt === null) meter.openSince = run.startedAt;
      else meter.closedMs.push(Math.max(0, run.endedAt - run.startedAt));
      this.channels.set(run.destinationId, meter);
    }
  }

  /** The flow monitor's latest state. */
  observeFlow(reading: FlowReading): void {
    this.sourceBitrateBps = reading.sourceBitrateBps;
    this.flow.observe(this.deps.now(), reading.status, this.flowData().bps);
  }

  /** Metrics asked for by one GetMetricData request (every attempt is a request). */
  recordMetricsRequested(count: number): void {
    this.metricsRequested += count;
  }

  /** Persists this month's running total so a restart keeps the month-to-date. */
  persist(): void {
    const snapshot = this.snapshot();
    this.deps.spend.save(this.month, this.monthBaseUsd + snapshot.split.channelsUsd + snapshot.split.monitoringUsd);
  }

  snapshot(): CostSnapshot {
    const now = this.deps.now();
    const rates = this.deps.rates();
    const currentMonth = utcMonth(now);
    if (currentMonth !== this.month) {
      // A show across midnight at the month's end: start the new month from zero.
      this.month = currentMonth;
      this.monthBaseUsd = 0;
    }
    const destinations = [...this.channels].map(([id, meter]) => {
      const profile = this.deps.profile(id);
      const runs = meter.openSince === null ? meter.closedMs : [...meter.closedMs, now - meter.openSince];
      const idleMs = meter.idleMs + (meter.idleSince === null ? 0 : now - meter.idleSince);
      return {
        id,
        usd: runs.reduce((sum, ms) => sum + runCost(rates, profile, ms), 0),
        billedMinutes: runs.reduce((sum, ms) => sum + billedMinutes(ms), 0),
        idleUsd: hoursCost(idleRatePerHour(rates), idleMs),
        usdPerHour: meter.openSince === null ? 0 : channelRatePerHour(rates, profile),
      };
    });
    const flowData = this.flowData();
    const flow = this.flow.totals(now);
    const split = {
      channelsUsd: destinations.reduce((sum, d) => sum + d.usd, 0),
      flowHoursUsd: hoursCost(rates.mediaconnectFlowPerHour, flow.activeMs),
      flowDataUsd: flow.dataGb * rates.mediaconnectDataPerGb,
      idleUsd: destinations.reduce((sum, d) => sum + d.idleUsd, 0),
      monitoringUsd: monitoringCost(rates, this.metricsRequested),
    };
    const flowPerHour = flow.active
      ? rates.mediaconnectFlowPerHour + gigabytes(flow.dataBps, HOUR_MS) * rates.mediaconnectDataPerGb
      : 0;
    const idleChannels = [...this.channels.values()].filter((m) => m.idleSince !== null).length;
    const sessionHours = Math.max(now - this.sessionStartedAt, 60_000) / HOUR_MS;
    const usdPerHour =
      destinations.reduce((sum, d) => sum + d.usdPerHour, 0) +
      idleChannels * idleRatePerHour(rates) +
      flowPerHour +
      split.monitoringUsd / sessionHours;
    // Standing charges: the flow as it is now, and every channel idle around the clock.
    const standingPerHour = flowPerHour + flowData.inputs * idleRatePerHour(rates);
    const shared = this.deps.sharedMonth?.(currentMonth) ?? null;
    const outlook = monthOutlook(
      (shared ? shared.usd : this.monthBaseUsd) + split.channelsUsd + split.monitoringUsd,
      new Date(now),
      standingPerHour,
    );
    return {
      at: now,
      sessionStartedAt: this.sessionStartedAt,
      destinations,
      flowUsd: split.flowHoursUsd + split.flowDataUsd,
      split,
      flow: {
        activeMs: flow.activeMs,
        dataGb: flow.dataGb,
        channelInputs: flowData.inputs,
        dataBps: flow.dataBps,
        basis: flowData.basis,
      },
      metricsRequested: this.metricsRequested,
      totalUsd: split.channelsUsd + split.flowHoursUsd + split.flowDataUsd + split.idleUsd + split.monitoringUsd,
      usdPerHour,
      monthToDateUsd: outlook.monthToDateUsd,
      projectedMonthUsd: outlook.projectedMonthUsd,
      budgetUsd: this.deps.budgetUsd(),
      rateSource: rates.source,
      monthBasis: shared?.basis ?? {
        source: 'this-console',
        shows: 0,
        unreadable: 0,
        readAt: null,
        note: this.deps.sharedMonth
          ? "This console's own copy: the sessions table could not be read for this month yet."
          : "This console's own copy (no sessions table).",
      },
    };
  }

  /** Ends the open run and the open idle stretch, except the one `billing` continues. */
  private close(meter: ChannelMeter, now: number, billing: 'running' | 'idle' | 'none' = 'none'): void {
    if (billing !== 'running' && meter.openSince !== null) {
      meter.closedMs.push(Math.max(0, now - meter.openSince));
      meter.openSince = null;
    }
    if (billing !== 'idle' && meter.idleSince !== null) {
      meter.idleMs += Math.max(0, now - meter.idleSince);
      meter.idleSince = null;
    }
  }

  ratePerHour(destinationId: string): number {
    return channelRatePerHour(this.deps.rates(), this.deps.profile(destinationId));
  }

  /**
   * What the flow sends to its channel inputs together: each input gets the feeding source's stream, so the measured
   * source bitrate per input when CloudWatch has one, else each destination's preset bitrate as the estimate.
   */
  private flowData(): { bps: number; inputs: number; basis: 'measured' | 'presets' } {
    const ids = [...this.channels].filter(([, m]) => m.onFlow).map(([id]) => id);
    if (this.sourceBitrateBps !== null) {
      return { bps: ids.length * this.sourceBitrateBps, inputs: ids.length, basis: 'measured' };
    }
    const bps = ids.reduce((sum, id) => sum + (this.deps.profile(id)?.totalBitrate ?? 0), 0);
    return { bps, inputs: ids.length, basis: 'presets' };
  }
}
