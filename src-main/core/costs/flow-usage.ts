import type { FlowState, FlowStatus } from '../../../shared/domain/flow';

/** What the cost meter reads of the flow monitor's state. */
export interface FlowReading {
  status: FlowStatus;
  /** The bitrate of the source feeding the flow (CloudWatch SourceBitRate), null when CloudWatch gave none. */
  sourceBitrateBps: number | null;
}

export function flowReading(flow: FlowState): FlowReading {
  const feeding = flow.sources.find((s) => s.name === flow.feeding.source) ?? flow.sources.find((s) => s.isPrimary);
  return { status: flow.status, sourceBitrateBps: feeding?.figures.bitrateBps ?? null };
}

/**
 * Whether MediaConnect bills the flow as an active resource in this status; null when the status says nothing new
 * (UNKNOWN: not readable; UPDATING: an ACTIVE flow being changed, e.g. a source switch, stays what it was).
 * "A flow that is in standby mode is not an active resource and does not incur active resource charges"
 * (AWS Elemental MediaConnect Pricing, https://aws.amazon.com/mediaconnect/pricing/).
 */
function billedActive(status: FlowStatus): boolean | null {
  if (status === 'UNKNOWN' || status === 'UPDATING') return null;
  return status === 'ACTIVE';
}

/**
 * Integrates the flow's ACTIVE time and the data it sends to the MediaLive channel inputs. MediaConnect charges per GB
 * for data it transfers to AWS Elemental MediaLive (AWS Elemental MediaConnect Pricing), and its outputs keep sending
 * to a channel's input after the channel is stopped ("Billing considerations" in
 * https://docs.aws.amazon.com/mediaconnect/latest/ug/distribution-to-medialive.html): while the flow is ACTIVE every
 * channel input is fed, whether the channels run or not.
 */
export class FlowUsage {
  private activeMs = 0;
  private dataBits = 0;
  private active = false;
  private dataBps = 0;
  private lastAt: number;

  constructor(now: number) {
    this.lastAt = now;
  }

  /** Counts the time since the last call at the previous reading, then takes the new one. */
  observe(now: number, status: FlowStatus | null, dataBps: number): void {
    this.advance(now);
    const active = status === null ? null : billedActive(status);
    if (active !== null) this.active = active;
    this.dataBps = dataBps;
  }

  advance(now: number): void {
    const elapsed = Math.max(0, now - this.lastAt);
    if (this.active) {
      this.activeMs += elapsed;
      this.dataBits += (this.dataBps * elapsed) / 1000;
    }
    this.lastAt = now;
  }

  totals(now: number): { activeMs: number; dataGb: number; active: boolean; dataBps: number } {
    this.advance(now);
    return {
      activeMs: this.activeMs,
      dataGb: this.dataBits / 8 / 1e9,
      active: this.active,
      dataBps: this.active ? this.dataBps : 0,
    };
  }
}
