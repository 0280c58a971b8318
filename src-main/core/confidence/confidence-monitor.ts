import { DescribeThumbnailsCommand, type MediaLiveClient } from '@aws-sdk/client-medialive';
import { DescribeFlowSourceThumbnailCommand, type MediaConnectClient } from '@aws-sdk/client-mediaconnect';
import type { CloudWatchClient } from '@aws-sdk/client-cloudwatch';
import type {
  ConfidenceSnapshot,
  ConfidenceUpdate,
  ConfidenceWatch,
  OutputHealth,
  Thumbnail,
} from '../../../shared/domain/confidence';
import { systemClock, type Clock, type TimerHandle } from '../clock';
import { TokenBucket } from '../flow/token-bucket';
import { readOutputHealth } from './output-health';
import { failedReading, nextThumbnail, noPicture, type Reading } from './thumbnail-reading';

export interface ConfidenceOptions {
  /** MediaLive makes a thumbnail every 2 s (https://docs.aws.amazon.com/medialive/latest/ug/thumbnails.html). */
  thumbnailEveryMs: number;
  /** Asked again this soon when AWS still had the previous picture. */
  sameAgainMs: number;
  /**
   * The flow's source thumbnail: MediaConnect makes one at most every second, often slower, and its own console asks
   * every 2 s (https://docs.aws.amazon.com/mediaconnect/latest/ug/monitor-with-thumbnails.html). Its rate: 30
   * requests/s per account and Region, shared with DescribeFlow and DescribeFlowSourceMetadata, not adjustable
   * (https://docs.aws.amazon.com/mediaconnect/latest/ug/quotas.html, "Limits for API requests"; the request budgets
   * hold the console to 20/s of it).
   */
  sourceEveryMs: number;
  /** Output figures: one GetMetricData for every channel watched. */
  healthEveryMs: number;
  /** How often the watched set is compared with the running channels (no AWS request). */
  reconcileMs: number;
  /**
   * DescribeThumbnails has its own per-account, per-Region TPS quota, apart from the 5 TPS (burst 30) of MediaLive's
   * other APIs, adjustable, and shared with the thumbnails the MediaLive console shows
   * (https://docs.aws.amazon.com/medialive/latest/ug/limits-api.html,
   * https://docs.aws.amazon.com/medialive/latest/ug/thumbnail-limits.html). AWS publishes no default figure: "For the
   * current limit, see the MediaLive page in the Service Quotas console". 12/s is this console's own ceiling, not
   * AWS's; what keeps it under the quota is the cadence (one request a picture per visible running tile, about one
   * every 2 s as AWS's console asks, so 20 tiles make about 10/s), this bucket, and the doubling wait on throttling.
   */
  thumbnailRatePerSec: number;
  maxBackoffMs: number;
}

const DEFAULTS: ConfidenceOptions = {
  thumbnailEveryMs: 2_000,
  sameAgainMs: 250,
  sourceEveryMs: 2_000,
  healthEveryMs: 10_000,
  reconcileMs: 1_000,
  thumbnailRatePerSec: 12,
  maxBackoffMs: 16_000,
};

export interface ConfidenceDestination {
  id: string;
  channelId: string | null;
  /** RUNNING or RECOVERING: MediaLive makes thumbnails only for a running channel. */
  running: boolean;
}

export interface ConfidenceDeps {
  medialive: Pick<MediaLiveClient, 'send'>;
  mediaconnect: Pick<MediaConnectClient, 'send'>;
  cloudwatch: Pick<CloudWatchClient, 'send'>;
  flowArn: string | null;
  destinations: () => ConfidenceDestination[];
  publish: (update: ConfidenceUpdate) => void;
  /** Each reading of a destination's figures (for the alarms). */
  onHealth?: (destinationId: string, health: OutputHealth) => void;
  clock?: Clock;
  options?: Partial<ConfidenceOptions>;
}

/** One watched picture: its timer, the request under way, and what it showed last. */
class PictureLoop {
  stopped = false;
  timer: TimerHandle | null = null;
  abort: AbortController | null = null;
  thumbnail: Thumbnail | null = null;
  backoffMs = 0;
  sameCount = 0;
  constructor(readonly key: string) {}
}

/**
 * Fetches thumbnails and output figures for what the operator window shows, and only that: the destinations whose
 * tiles are on screen and whose channel runs, and the source cards, never while the window is hidden. Each picture is
 * asked for just after AWS makes its next one (the phase is learnt from AWS's TimeStamps), about one request a picture;
 * throttling doubles the wait. A request whose answer comes after its tile stopped being watched (the channel stopped,
 * the window was hidden) is aborted and its answer dropped.
 */
export class ConfidenceMonitor {
  private readonly o: ConfidenceOptions;
  private readonly clock: Clock;
  private readonly bucket: TokenBucket;
  private readonly watches = new Map<string, ConfidenceWatch>();
  private readonly pictures = new Map<string, PictureLoop>();
  private source: PictureLoop | null = null;
  private readonly health = new Map<string, OutputHealth>();
  private healthTimer: TimerHandle | null = null;
  /** Bumped whenever the figures' cycle stops, so a reading under way then schedules no second cycle. */
  private healthCycle = 0;
  private reconcileTimer: TimerHandle | null = null;
  private running = false;
  private readonly calls = { DescribeThumbnails: 0, DescribeFlowSourceThumbnail: 0, GetMetricData: 0 };

  constructor(private readonly deps: ConfidenceDeps) {
    this.o = { ...DEFAULTS, ...deps.options };
    this.clock = deps.clock ?? systemClock;
    this.bucket = new TokenBucket({
      ratePerSec: this.o.thumbnailRatePerSec,
      burst: 4,
      now: () => this.clock.now(),
      timers: this.clock,
    });
  }

  /** AWS requests sent so far, by operation (the bench reads it). */
  requestCounts(): Readonly<typeof this.calls> {
    return { ...this.calls };
  }

  start(): void {
    if (this.running) return;
    this.running = true;
    this.reconcileTimer = this.clock.setInterval(() => this.reconcile(), this.o.reconcileMs);
    this.reconcileTimer.unref?.();
    this.reconcile();
  }

  stop(): void {
    this.running = false;
    this.clock.clearInterval(this.reconcileTimer);
    this.reconcileTimer = null;
    for (const loop of this.pictures.values()) this.end(loop);
    this.pictures.clear();
    if (this.source) this.end(this.source);
    this.source = null;
    this.stopHealth();
    this.health.clear();
  }

  /** What one window (by its key) shows now; the union of every window's is fetched. */
  watch(windowKey: string, watch: ConfidenceWatch): number {
    this.watches.set(windowKey, watch);
    this.reconcile();
    return this.pictures.size + (this.source ? 1 : 0);
  }

  snapshot(): ConfidenceSnapshot {
    const ids = new Set([...this.pictures.keys(), ...this.health.keys()]);
    return {
      destinations: [...ids].map((id) => ({
        id,
        thumbnail: this.pictures.get(id)?.thumbnail ?? null,
        health: this.health.get(id) ?? null,
      })),
      source: this.source?.thumbnail ?? null,
    };
  }

  /** The destinations to watch now: on a visible window's screen, and running. */
  private wanted(): { channels: Map<string, string>; source: boolean } {
    const shown = new Set<string>();
    let source = false;
    for (const w of this.watches.values()) {
      if (!w.visible) continue;
      for (const id of w.destinationIds) shown.add(id);
      source ||= w.source;
    }
    const channels = new Map<string, string>();
    for (const d of this.deps.destinations())
      if (d.running && d.channelId && shown.has(d.id)) channels.set(d.id, d.channelId);
    return { channels, source: source && this.deps.flowArn !== null };
  }

  private reconcile(): void {
    if (!this.running) return;
    const { channels, source } = this.wanted();
    for (const [id, loop] of this.pictures) {
      if (channels.has(id)) continue;
      this.end(loop);
      this.pictures.delete(id);
      this.health.delete(id);
      this.deps.publish({ target: { kind: 'destination', id }, thumbnail: null, health: null });
    }
    let added = false;
    for (const [id, channelId] of channels) {
      if (this.pictures.has(id)) continue;
      const loop = new PictureLoop(id);
      this.pictures.set(id, loop);
      added = true;
      void this.fetchPicture(loop, channelId);
    }
    if (source && !this.source) {
      this.source = new PictureLoop('source');
      void this.fetchSource(this.source);
    } else if (!source && this.source) {
      this.end(this.source);
      this.source = null;
      this.deps.publish({ target: { kind: 'source' }, thumbnail: null });
    }
    // A tile that just went on air gets its figures within a second, not at the next 10 s round.
    if (channels.size > 0 && (!this.healthTimer || added)) {
      this.stopHealth();
      this.scheduleHealth(this.o.reconcileMs);
    }
    if (channels.size === 0 && this.healthTimer) this.stopHealth();
  }

  private end(loop: PictureLoop): void {
    loop.stopped = true;
    this.clock.clearTimeout(loop.timer);
    loop.timer = null;
    loop.abort?.abort();
    loop.abort = null;
  }

  private later(loop: PictureLoop, ms: number, run: () => void): void {
    if (loop.stopped) return;
    loop.timer = this.clock.setTimeout(run, Math.max(0, ms));
    loop.timer.unref?.();
  }

  private async fetchPicture(loop: PictureLoop, channelId: string): Promise<void> {
    await this.bucket.take();
    if (loop.stopped) return;
    const reading = await this.ask(
      loop,
      async (signal) => {
        this.calls.DescribeThumbnails++;
        const out = await this.deps.medialive.send(
          new DescribeThumbnailsCommand({ ChannelId: channelId, PipelineId: '0', ThumbnailType: 'CURRENT_ACTIVE' }),
          { abortSignal: signal },
        );
        // "If thumbnails are disabled, the response looks like this: { "ThumbnailDetails": [] }"
        // (https://docs.aws.amazon.com/medialive/latest/ug/thumbnails-work-cli.html)
        const details = out.ThumbnailDetails ?? [];
        if (details.length === 0) return noPicture('disabled', 'Thumbnails are off in this channel (see Readiness).');
        const t = details.find((d) => d.PipelineId === '0')?.Thumbnails?.[0];
        if (!t?.Body || !t.TimeStamp) return noPicture('no-picture');
        return { kind: 'picture', base64: t.Body, capturedAt: t.TimeStamp.getTime() };
      },
      'Read the thumbnail',
    );
    if (reading === null) return;
    this.settle(loop, reading, this.o.thumbnailEveryMs, () => void this.fetchPicture(loop, channelId));
    this.deps.publish({ target: { kind: 'destination', id: loop.key }, thumbnail: loop.thumbnail });
  }

  private async fetchSource(loop: PictureLoop): Promise<void> {
    const flowArn = this.deps.flowArn;
    if (loop.stopped || !flowArn) return;
    const reading = await this.ask(
      loop,
      async (signal) => {
        this.calls.DescribeFlowSourceThumbnail++;
        const out = await this.deps.mediaconnect.send(new DescribeFlowSourceThumbnailCommand({ FlowArn: flowArn }), {
          abortSignal: signal,
        });
        const d = out.ThumbnailDetails;
        if (d?.Thumbnail && d.Timestamp)
          return { kind: 'picture', base64: d.Thumbnail, capturedAt: d.Timestamp.getTime() };
        const said = d?.ThumbnailMessages?.[0];
        if (said?.Code?.toUpperCase().includes('DISABLED'))
          return noPicture('disabled', 'Source thumbnails are off in the flow (see Readiness).');
        return noPicture('no-picture', said?.Message ? `No source picture: ${said.Message}` : undefined);
      },
      'Read the source thumbnail',
    );
    if (reading === null) return;
    this.settle(loop, reading, this.o.sourceEveryMs, () => void this.fetchSource(loop), false);
    this.deps.publish({ target: { kind: 'source' }, thumbnail: loop.thumbnail });
  }

  /** One request, aborted if the loop ends meanwhile; null when its answer is no longer wanted. */
  private async ask(
    loop: PictureLoop,
    request: (signal: AbortSignal) => Promise<Reading>,
    action: string,
  ): Promise<Reading | null> {
    const abort = new AbortController();
    loop.abort = abort;
    try {
      const reading = await request(abort.signal);
      return loop.stopped ? null : reading;
    } catch (error) {
      return loop.stopped ? null : failedReading(error, action);
    } finally {
      if (loop.abort === abort) loop.abort = null;
    }
  }

  /** Keeps the reading and plans the next request. */
  private settle(loop: PictureLoop, reading: Reading, everyMs: number, again: () => void, phaseLock = true): void {
    const now = this.clock.now();
    const before = loop.thumbnail?.capturedAt ?? null;
    loop.thumbnail = nextThumbnail(loop.thumbnail, reading, now);
    if (reading.kind === 'none') {
      loop.sameCount = 0;
      if (reading.status === 'throttled')
        loop.backoffMs = Math.min(this.o.maxBackoffMs, Math.max(everyMs, loop.backoffMs * 2));
      const wait =
        reading.status === 'throttled' ? loop.backoffMs : reading.status === 'disabled' ? 30_000 : everyMs * 2;
      this.later(loop, wait, again);
      return;
    }
    loop.backoffMs = 0;
    if (!phaseLock) {
      this.later(loop, everyMs, again);
      return;
    }
    if (before !== null && reading.capturedAt <= before) {
      // Still the previous picture: the next is due any moment (give up on the phase after a few tries).
      loop.sameCount++;
      this.later(loop, loop.sameCount > 6 ? everyMs : this.o.sameAgainMs, again);
      return;
    }
    loop.sameCount = 0;
    // How late after AWS made it this picture was read. The next request aims a little earlier each time (half the
    // lag, then 25 ms steps): too early brings the same picture and a retry 250 ms later, which bounds the lag.
    const lag = Math.max(0, now - reading.capturedAt);
    const aim = lag < 200 ? Math.max(0, lag - 25) : lag / 2;
    const due = reading.capturedAt + everyMs + aim;
    this.later(loop, Math.min(everyMs * 2, Math.max(this.o.sameAgainMs, due - now)), again);
  }

  private stopHealth(): void {
    this.clock.clearTimeout(this.healthTimer);
    this.healthTimer = null;
    this.healthCycle++;
  }

  private scheduleHealth(ms: number): void {
    const cycle = this.healthCycle;
    this.healthTimer = this.clock.setTimeout(() => void this.readHealth(cycle), ms);
    this.healthTimer.unref?.();
  }

  private async readHealth(cycle: number): Promise<void> {
    const ids = new Map<string, string>();
    for (const d of this.deps.destinations()) if (d.channelId && this.pictures.has(d.id)) ids.set(d.channelId, d.id);
    if (ids.size > 0) {
      this.calls.GetMetricData++;
      const read = await readOutputHealth(this.deps.cloudwatch, [...ids.keys()], this.clock.now());
      for (const [channelId, health] of read) {
        const id = ids.get(channelId);
        // A tile no longer watched keeps nothing (its loop has gone while the figures were read).
        if (!id || !this.pictures.has(id)) continue;
        this.health.set(id, health);
        this.deps.publish({ target: { kind: 'destination', id }, health });
        this.deps.onHealth?.(id, health);
      }
    }
    if (!this.running || cycle !== this.healthCycle) return;
    this.scheduleHealth(this.o.healthEveryMs);
  }
}
