import type { Prng } from '../prng';
import type { SourceSeed } from '../seed';

/** The AWS/MediaConnect source metrics the simulator publishes. */
export const SOURCE_METRICS = [
  'SourceBitRate',
  'SourceConnected',
  'SourceDisconnections',
  'SourceDroppedPackets',
  'SourceRecoveredPackets',
  'SourceNotRecoveredPackets',
  'SourcePacketLossPercent',
  'SourceTotalPackets',
  'SourceARQRequests',
  'SourceARQRecovered',
  'SourceJitter',
  'SourceLatency',
  'SourceUptime',
] as const;
export type SourceMetric = (typeof SOURCE_METRICS)[number];

/**
 * Flow-level metrics beside the source ones: MergeActive, 1 when every source is merged and 0 when at least one is
 * not, published per Flow ARN in MERGE mode ("AWS Elemental MediaConnect metrics to monitor flow health",
 * https://docs.aws.amazon.com/mediaconnect/latest/ug/monitor-with-cloudwatch-metrics-flow-health.html).
 */
export const FLOW_METRICS = ['MergeActive'] as const;
export type PublishedMetric = SourceMetric | (typeof FLOW_METRICS)[number];

export interface MetricSample {
  /** Epoch ms. */
  t: number;
  values: Partial<Record<PublishedMetric, number>>;
}

/**
 * Samples kept per series: 3 hours at one sample per second (10 800 samples of ~13 numbers per
 * series, three series: main, backup and the flow-level "active source" series, i.e. a few MB at
 * most). Older samples are overwritten. With a slower metricSampleMs the window is longer.
 */
const RING_CAPACITY = 3 * 60 * 60;

export class SampleRing {
  private readonly buf: (MetricSample | undefined)[];
  private start = 0;
  private size = 0;

  constructor(private readonly capacity = RING_CAPACITY) {
    this.buf = new Array<MetricSample | undefined>(capacity);
  }

  push(sample: MetricSample): void {
    if (this.size < this.capacity) {
      this.buf[(this.start + this.size) % this.capacity] = sample;
      this.size++;
    } else {
      this.buf[this.start] = sample;
      this.start = (this.start + 1) % this.capacity;
    }
  }

  /** Samples with startMs <= t < endMs, oldest first. */
  range(startMs: number, endMs: number): MetricSample[] {
    const out: MetricSample[] = [];
    for (let i = 0; i < this.size; i++) {
      const s = this.buf[(this.start + i) % this.capacity];
      if (s && s.t >= startMs && s.t < endMs) out.push(s);
    }
    return out;
  }

  get length(): number {
    return this.size;
  }

  latest(): MetricSample | undefined {
    return this.size === 0 ? undefined : this.buf[(this.start + this.size - 1) % this.capacity];
  }
}

interface LossRamp {
  fromPercent: number;
  toPercent: number;
  startMs: number;
  overMs: number;
}

export interface SourceSignalState {
  name: string;
  sourceArn: string;
  connected: boolean;
  connectedSince: number | null;
  bitrateBps: number;
  /** Current packet loss target before noise, percent. */
  packetLossPercent: number;
  disconnections: number;
}

class SourceSignal {
  connected = true;
  connectedSince: number;
  bitrateBps: number;
  baseLossPercent: number;
  ramp: LossRamp | null = null;
  disconnections = 0;
  pendingDisconnections = 0;
  readonly ring = new SampleRing();

  constructor(
    readonly seed: SourceSeed,
    now: number,
    prng: Prng,
  ) {
    this.connectedSince = now;
    this.bitrateBps = seed.nominalBitrateBps;
    this.baseLossPercent = prng.range(0.01, 0.02);
  }

  lossAt(now: number): number {
    if (!this.ramp) return this.baseLossPercent;
    const { fromPercent, toPercent, startMs, overMs } = this.ramp;
    const f = overMs <= 0 ? 1 : Math.min(1, Math.max(0, (now - startMs) / overMs));
    return fromPercent + (toPercent - fromPercent) * f;
  }
}

/** SRT payload bytes per packet (7 TS packets). */
const PACKET_BITS = 1316 * 8;

/** Synthetic SRT signal of every flow source, sampled into bounded rings. */
export class SignalWorld {
  private readonly sources = new Map<string, SourceSignal>();
  /** Flow-level series: the metrics of whichever source feeds the flow (FlowARN-only dimension). */
  readonly flowRing = new SampleRing();
  private lastSampleAt: number;

  constructor(
    seeds: SourceSeed[],
    private readonly prng: Prng,
    private readonly onConnectivityChange: () => void,
    /** The simulator's clock: samples are stamped with it, so a test clock decides what CloudWatch returns. */
    private readonly now: () => number = () => Date.now(),
  ) {
    const startedAt = this.now();
    this.lastSampleAt = startedAt;
    for (const s of seeds) this.sources.set(s.name, new SourceSignal(s, startedAt, prng));
  }

  names(): string[] {
    return [...this.sources.keys()];
  }

  /**
   * Fills the last `spanMs` with samples, as if the encoder had been streaming for that long, so a
   * rehearsal opens on live-looking charts instead of fifteen empty minutes.
   */
  backfill(spanMs: number, stepMs: number, activeSource: string | null, now = this.now()): void {
    const start = now - spanMs;
    for (const s of this.sources.values()) s.connectedSince = Math.min(s.connectedSince, start);
    this.lastSampleAt = start;
    for (let t = start + stepMs; t < now; t += stepMs) this.sample(true, activeSource, t);
  }

  has(name: string): boolean {
    return this.sources.has(name);
  }

  isConnected(name: string): boolean {
    return this.sources.get(name)?.connected ?? false;
  }

  ringFor(name: string): SampleRing | undefined {
    return this.sources.get(name)?.ring;
  }

  sourceArn(name: string): string | undefined {
    return this.sources.get(name)?.seed.arn;
  }

  nameForArn(arn: string): string | undefined {
    for (const s of this.sources.values()) if (s.seed.arn === arn) return s.seed.name;
    return undefined;
  }

  private get(name: string): SourceSignal {
    const s = this.sources.get(name);
    if (!s) throw new Error(`unknown source: ${name} (known: ${this.names().join(', ')})`);
    return s;
  }

  lose(name: string): void {
    const s = this.get(name);
    if (!s.connected) return;
    s.connected = false;
    s.connectedSince = 0;
    s.disconnections++;
    s.pendingDisconnections++;
    this.onConnectivityChange();
  }

  restore(name: string): void {
    const s = this.get(name);
    if (s.connected) return;
    s.connected = true;
    s.connectedSince = this.now();
    this.onConnectivityChange();
  }

  rampPacketLoss(name: string, toPercent: number, overMs: number): void {
    if (!Number.isFinite(toPercent) || toPercent < 0 || toPercent > 100)
      throw new Error('toPercent must be within 0..100');
    const s = this.get(name);
    const now = this.now();
    s.ramp = { fromPercent: s.lossAt(now), toPercent, startMs: now, overMs: Math.max(0, overMs) };
  }

  /** Sets the nominal bitrate; null restores the seeded one. */
  setBitrate(name: string, bps: number | null): void {
    const s = this.get(name);
    if (bps !== null && (!Number.isFinite(bps) || bps < 0)) throw new Error('bps must be >= 0');
    s.bitrateBps = bps ?? s.seed.nominalBitrateBps;
  }

  state(): SourceSignalState[] {
    const now = this.now();
    return [...this.sources.values()].map((s) => ({
      name: s.seed.name,
      sourceArn: s.seed.arn,
      connected: s.connected,
      connectedSince: s.connected ? s.connectedSince : null,
      bitrateBps: s.connected ? s.bitrateBps : 0,
      packetLossPercent: s.connected ? round(s.lossAt(now), 4) : 0,
      disconnections: s.disconnections,
    }));
  }

  /**
   * Takes one sample of every source. `flowRunning` false = the flow is in STANDBY: MediaConnect
   * publishes nothing, so nothing is recorded (no data rather than zeros).
   */
  sample(flowRunning: boolean, activeSource: string | null, now = this.now(), merge = false): void {
    const dtSec = Math.max(0.001, (now - this.lastSampleAt) / 1000);
    this.lastSampleAt = now;
    if (!flowRunning) {
      for (const s of this.sources.values()) s.pendingDisconnections = 0;
      return;
    }
    let activeValues: MetricSample['values'] | undefined;
    for (const s of this.sources.values()) {
      const values = this.sampleSource(s, now, dtSec);
      s.ring.push({ t: now, values });
      if (s.seed.name === activeSource) activeValues = values;
    }
    const flowValues: MetricSample['values'] = activeValues
      ? { ...activeValues }
      : { SourceConnected: 0, SourceBitRate: 0, SourceTotalPackets: 0, SourceUptime: 0 };
    if (merge) flowValues.MergeActive = [...this.sources.values()].every((s) => s.connected) ? 1 : 0;
    this.flowRing.push({ t: now, values: flowValues });
  }

  private sampleSource(s: SourceSignal, now: number, dtSec: number): MetricSample['values'] {
    const disconnections = s.pendingDisconnections;
    s.pendingDisconnections = 0;
    if (!s.connected) {
      return {
        SourceConnected: 0,
        SourceBitRate: 0,
        SourceDisconnections: disconnections,
        SourceTotalPackets: 0,
        SourceDroppedPackets: 0,
        SourceRecoveredPackets: 0,
        SourceNotRecoveredPackets: 0,
        SourceARQRequests: 0,
        SourceARQRecovered: 0,
        SourceUptime: 0,
      };
    }
    const p = this.prng;
    const bitrate = Math.max(0, s.bitrateBps * (1 + 0.008 * p.gaussian()));
    const total = Math.round((bitrate * dtSec) / PACKET_BITS);
    const lossTarget = s.lossAt(now);
    const lossNoisy = Math.max(0, lossTarget * (1 + 0.25 * p.gaussian()));
    const lost = Math.min(total, Math.floor((total * lossNoisy) / 100 + p.next()));
    // ARQ recovers everything at a healthy link's trace loss (the latency budget covers the
    // retransmissions), almost everything at low loss, less as loss grows.
    const recoveryRatio = lossTarget < 0.1 ? 1 : lossTarget < 1 ? 0.97 : lossTarget < 5 ? 0.85 : 0.6;
    const recovered = Math.min(lost, Math.floor(lost * recoveryRatio + p.next()));
    const notRecovered = lost - recovered;
    const arqRequests = lost + Math.floor(lost * 0.1 + p.next());
    const uptimeSec = Math.max(0, Math.floor((now - s.connectedSince) / 1000));
    return {
      SourceConnected: 1,
      SourceBitRate: Math.round(bitrate),
      SourceDisconnections: disconnections,
      SourceTotalPackets: total,
      SourceDroppedPackets: notRecovered,
      SourceRecoveredPackets: recovered,
      SourceNotRecoveredPackets: notRecovered,
      SourcePacketLossPercent: total > 0 ? round((lost / total) * 100, 4) : 0,
      SourceARQRequests: arqRequests,
      SourceARQRecovered: recovered,
      SourceJitter: round(Math.max(0.5, 3 + lossTarget * 2 + Math.abs(p.gaussian()) * 1.5), 2),
      SourceLatency: Math.round(s.seed.minLatency + Math.abs(p.gaussian()) * 4),
      SourceUptime: uptimeSec,
    };
  }
}

function round(v: number, digits: number): number {
  const f = 10 ** digits;
  return Math.round(v * f) / f;
}
