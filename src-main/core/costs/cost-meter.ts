import { format } from 'date-fns';
import type { CostSnapshot, RateCard } from '../../../shared/domain/cost';
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
  private readonly sessionStartedAt: number;
  private readonly flow: FlowUsage;
  private sourceBitrateBps: number | null = null;
  private metricsRequested = 0;
  private month: string;
  private monthBaseUsd: number;

  constructor(private readonly deps: CostMeterDeps) {
    this.sessionStartedAt = deps.now();
    this.flow = new FlowUsage(this.sessionStartedAt);
    this.month = format(deps.now(), 'yyyy-MM');
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
      // A run that began before the session is billed from its start (its minimum and rounding are per run).
      if (billing === 'running' && meter.openSince === null) meter.openSince = status.stateSince ?? now;
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
    const currentMonth = format(now, 'yyyy-MM');
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
    const outlook = monthOutlook(
      this.monthBaseUsd + split.channelsUsd + split.monitoringUsd,
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
