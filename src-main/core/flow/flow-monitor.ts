import { GetMetricDataCommand, type CloudWatchClient } from '@aws-sdk/client-cloudwatch';
import {
  DescribeFlowCommand,
  DescribeFlowSourceMetadataCommand,
  type FailoverConfig,
  type Flow,
  type MediaConnectClient,
} from '@aws-sdk/client-mediaconnect';
import type { ErrorSummary } from '../../../shared/domain/destination';
import type { BoothError } from '../../../shared/domain/errors';
import {
  toFlowStatus,
  type FlowFeed,
  type FlowSnapshot,
  type FlowSourceStatus,
  type FlowState,
  type FlowStatus,
  type MetricsStatus,
  type SourceDimensionSet,
  type SourceMetadata,
  type SwitchReport,
} from '../../../shared/domain/flow';
import { mapAwsError } from '../../aws/errors';
import { callAws, type RetryPolicy } from '../../aws/retry';
import { systemTimers, type Timers } from '../clock';
import type { Logger } from '../logger';
import { CallCounter } from './call-counter';
import {
  DEFAULT_SOURCE_NAMING,
  failoverInfo,
  inferFeeding,
  knownSources,
  toSourceMetadata,
  type KnownSource,
  type SourceNaming,
} from './flow-model';
import { chartScales, gradeSource, resolveThresholds, type HealthThresholds } from './health';
import { MetricHistory } from './history';
import {
  buildMergeActiveQuery,
  buildSourceQueries,
  discoverSourceDimensions,
  parseMergeActive,
  parseSourceResults,
} from './metric-queries';
import { createMediaConnectBucket } from '../request-budgets';
import type { TokenBucket } from './token-bucket';
import { PollLoop } from '../poll-loop';
import { FeedingTracker, type InputEvent } from './feeding-tracker';

export interface FlowMonitorOptions {
  /** Poll interval when both sources are healthy and nothing moves. */
  steadyIntervalMs: number;
  /** Poll interval while a source is degraded or lost, the flow is changing state, or a switch runs. */
  fastIntervalMs: number;
  /** Upper bound of the back-off applied while AWS throttles us. */
  maxBackoffMs: number;
  /** DescribeFlowSourceMetadata at most this often (and when the feeding source changes). */
  metadataIntervalMs: number;
  /** CloudWatch period of every query: 1, 5, 10, 30 or a multiple of 60 (high-resolution rules). */
  periodSec: number;
  /** History kept for the charts. */
  historyMs: number;
  /** Each poll re-reads this much of the recent past: CloudWatch fills periods in late. */
  refetchMs: number;
  /** After this many failed DescribeFlow in a row the flow shows UNKNOWN rather than a stale status. */
  staleAfterFailures: number;
  thresholds: Partial<HealthThresholds>;
  naming: SourceNaming;
  /** Polls are not retried by default: the next poll is the retry, and retrying throttled reads makes throttling worse. */
  pollRetry: RetryPolicy;
  now: () => number;
  /** Where polls (and the rate limit's waits, and the switch's re-reads) are scheduled; pairs with `now`. */
  timers: Timers;
  /**
   * While AWS pushes the flow's events (status, source and flow health, alerts): the steady poll only reconciles and
   * fills the charts (each poll re-reads `refetchMs` of the past, so no figure is lost), this seldom; an event polls
   * at once. Degraded or lost sources, a moving flow and a switch still poll at `fastIntervalMs`.
   */
  pushSteadyIntervalMs: number;
  /**
   * The same while a channel is on air and the stack has no source alarms: a source that degrades (packet loss,
   * bitrate) without losing its connection sends no MediaConnect event, and viewers see it; CloudWatch is read this
   * often then. With the stack's source alarms delivered, their state change is that event, and the on-air poll
   * reconciles at `pushSteadyIntervalMs` like the others.
   */
  pushLiveIntervalMs: number;
  /** DescribeFlowSourceMetadata at most this often while events flow (and when the feeding source changes). */
  pushMetadataIntervalMs: number;
  /** A flow event polls now, or this long after the last poll started, so that a burst of events is one poll. */
  eventPollGapMs: number;
  /** After a flow event, polls stay fast this long: CloudWatch's figures of a change arrive after its event. */
  afterEventFastMs: number;
}

const DEFAULT_FLOW_MONITOR_OPTIONS: FlowMonitorOptions = {
  steadyIntervalMs: 5_000,
  fastIntervalMs: 1_000,
  // Short enough that the view catches up within 10 s of a throttling storm's end (it reads unconfirmed
  // meanwhile); at the ceiling the monitor sends one DescribeFlow and one GetMetricData every 10 s.
  maxBackoffMs: 10_000,
  metadataIntervalMs: 30_000,
  periodSec: 5,
  historyMs: 15 * 60_000,
  refetchMs: 2 * 60_000,
  staleAfterFailures: 3,
  thresholds: {},
  naming: DEFAULT_SOURCE_NAMING,
  pollRetry: { retries: 0, minTimeoutMs: 100, maxTimeoutMs: 100 },
  now: () => Date.now(),
  timers: systemTimers,
  pushSteadyIntervalMs: 60_000,
  pushLiveIntervalMs: 15_000,
  pushMetadataIntervalMs: 5 * 60_000,
  eventPollGapMs: 1_000,
  afterEventFastMs: 15_000,
};

export interface FlowMonitorDeps {
  mediaconnect: MediaConnectClient;
  cloudwatch: CloudWatchClient;
  logger: Logger;
  /** Shared with the backup switch: every MediaConnect call of the console draws from it. */
  bucket?: TokenBucket;
  counter?: CallCounter;
  /** Failovers, returns and input outages, once per change, from confirmed polls only. */
  onInputEvent?: (event: InputEvent) => void;
}

const TRANSITIONAL: ReadonlySet<FlowStatus> = new Set(['STARTING', 'STOPPING', 'UPDATING', 'DELETING']);

/**
 * Watches the MediaConnect flow: per poll ONE DescribeFlow and ONE GetMetricData carrying every
 * source metric of both sources; DescribeFlowSourceMetadata now and then. Keeps 15 minutes of
 * history, grades each source, infers which one feeds, and publishes a snapshot then deltas.
 */
export class FlowMonitor {
  readonly options: FlowMonitorOptions;
  readonly thresholds: HealthThresholds;
  readonly bucket: TokenBucket;
  readonly counter: CallCounter;
  readonly history: MetricHistory;

  private state: FlowState;
  private known: KnownSource[] = [];
  private rawFailover: FailoverConfig | undefined;
  private metricsEnd: number | null = null;
  /** The newest MergeActive reading (MERGE mode only). */
  private mergeActive: { at: number; value: number } | null = null;
  private firstPollAt: number | null = null;
  private metadataAt = 0;
  private metadataFor: string | null = null;
  /** The dimension set found for the current sources, and which sources it was found for. */
  private dimensions: { set: SourceDimensionSet; listed: boolean; forSources: string; at: number } | null = null;
  private describeFailures = 0;
  private throttleStreak = 0;
  private switching = false;
  private fastUntil = 0;
  private readonly tracker = new FeedingTracker();
  /** The last poll whose DescribeFlow and GetMetricData both answered. */
  private confirmedAt: number | null = null;
  private seq = 0;
  private readonly loop: PollLoop;
  private pushing = false;
  private onAir = false;
  private sourceAlarms = false;
  /** Polls in a row that could not read the flow or its figures (refused credentials, network, throttling). */
  private failedPolls = 0;
  private lastPollStartedAt = -Infinity;
  /** A poll asked for by a flow event, due then (0: none). */
  private eventPollAt = 0;

  constructor(
    private readonly deps: FlowMonitorDeps,
    readonly flowArn: string | null,
    private readonly publish: (feed: FlowFeed) => void,
    options: Partial<FlowMonitorOptions> = {},
  ) {
    this.options = { ...DEFAULT_FLOW_MONITOR_OPTIONS, ...options };
    this.loop = new PollLoop(
      () => this.poll(),
      () => this.nextDelayMs(),
      (error) => this.deps.logger.error('flow: poll crashed', { message: String(error) }),
      this.options.timers,
    );
    this.thresholds = resolveThresholds(this.options.thresholds);
    this.bucket = deps.bucket ?? createMediaConnectBucket({ now: this.options.now, timers: this.options.timers });
    this.counter = deps.counter ?? new CallCounter(this.options.now);
    this.history = new MetricHistory(this.options.historyMs, this.options.periodSec * 1000);
    this.state = {
      flowArn,
      name: null,
      availabilityZone: null,
      status: flowArn ? 'UNKNOWN' : 'MISSING',
      statusSince: null,
      problem: flowArn ? null : 'No MediaConnect flow ARN is configured (stack output FlowArn).',
      failover: null,
      feeding: { source: null, role: null, inferred: true, reason: 'Not read yet.', signal: 'nothing read yet' },
      sources: [],
      metadata: null,
      metrics: { state: 'not-polled', message: null, lastSuccessAt: null },
      lastSwitch: null,
      lastError: null,
      polledAt: null,
      feedingSince: null,
      inputOutage: null,
      unconfirmed: null,
    };
  }

  start(): void {
    this.loop.start();
  }

  stop(): void {
    this.loop.stop();
  }

  current(): FlowState {
    return this.state;
  }

  snapshot(): FlowSnapshot {
    return {
      kind: 'snapshot',
      seq: this.seq,
      at: this.options.now(),
      flow: this.state,
      historyMs: this.options.historyMs,
      periodSec: this.options.periodSec,
      charts: chartScales(this.thresholds),
      history: this.history.all(),
    };
  }

  /** Polls now (joining a poll under way) and keeps polling fast for `fastForMs`. */
  async refresh(fastForMs = 0): Promise<void> {
    if (fastForMs > 0) this.fastUntil = Math.max(this.fastUntil, this.options.now() + fastForMs);
    return this.loop.run();
  }

  // --- pushed events ---

  /** The flow's events can be read (true) or not (false): the steady poll slows to a reconciler, or returns at once. */
  setPushing(pushing: boolean): void {
    if (this.pushing === pushing) return;
    this.pushing = pushing;
    this.loop.reschedule();
  }

  /** A channel of the booth is on air (true) or none is: while events flow, the flow is read more often on air. */
  setOnAir(onAir: boolean): void {
    if (this.onAir === onAir) return;
    this.onAir = onAir;
    this.loop.reschedule();
  }

  /**
   * The stack's CloudWatch alarms on the sources' figures reach this console (true): while events flow, a channel on
   * air no longer needs the flow read every `pushLiveIntervalMs` for a degradation that sends no MediaConnect event.
   */
  setSourceAlarms(delivered: boolean): void {
    if (this.sourceAlarms === delivered) return;
    this.sourceAlarms = delivered;
    this.loop.reschedule();
  }

  /**
   * The steady poll interval now: the reconciler's while events flow, shorter while on air without source alarms or
   * while a source of a running flow has no figures yet.
   */
  get steadyIntervalMs(): number {
    if (!this.pushing) return this.options.steadyIntervalMs;
    // A source of a running flow with no figures yet (CloudWatch has no datapoints, e.g. just after it connected): no
    // event will bring them, so it is read at the polling cadence until CloudWatch has them, not once a minute.
    if (this.state.status === 'ACTIVE' && this.state.sources.some((s) => s.grade === 'no-data'))
      return this.options.steadyIntervalMs;
    return this.onAir && !this.sourceAlarms ? this.options.pushLiveIntervalMs : this.options.pushSteadyIntervalMs;
  }

  /**
   * AWS says the flow changed (status, a source's or the flow's health, an alert): poll now (or `eventPollGapMs` after
   * the last poll) and keep polling fast for `afterEventFastMs`. The event itself is not applied: DescribeFlow and
   * CloudWatch, read right after, say what the flow is, so what the operator sees is always what AWS answered.
   */
  onFlowEvent(): void {
    const now = this.options.now();
    this.fastUntil = Math.max(this.fastUntil, now + this.options.afterEventFastMs);
    const due = this.lastPollStartedAt + this.options.eventPollGapMs;
    if (now >= due) {
      void this.loop.run();
      return;
    }
    if (this.eventPollAt === 0 || due < this.eventPollAt) this.eventPollAt = due;
    this.loop.reschedule();
  }

  // --- for the backup switch ---

  /** The flow's SourceFailoverConfig exactly as DescribeFlow last returned it. */
  failoverConfigAsRead(): FailoverConfig | undefined {
    return this.rawFailover;
  }

  source(role: 'main' | 'backup'): FlowSourceStatus | undefined {
    return this.state.sources.find((s) => s.role === role);
  }

  /** Calls MediaConnect through the shared rate limit, counted; used by the switch too. */
  callMediaConnect<T>(operation: string, label: string, send: () => Promise<T>, policy?: RetryPolicy): Promise<T> {
    return callAws(
      label,
      async () => {
        await this.bucket.take();
        this.counter.record(operation);
        return send();
      },
      { policy: policy ?? this.options.pollRetry },
    );
  }

  beginSwitch(target: string, forced: boolean): void {
    this.switching = true;
    const report: SwitchReport = {
      target,
      forced,
      outcome: null,
      startedAt: this.options.now(),
      finishedAt: null,
      primarySource: this.state.failover?.primarySource ?? null,
      message: `Switching the flow's primary source to ${target}…`,
    };
    this.commit({ ...this.state, lastSwitch: report });
  }

  /** After an automatic failover: the operator keeps the primary and lets the flow return to it when it is back. */
  acknowledgeFailover(): boolean {
    if (!this.tracker.acknowledge()) return false;
    this.commit({ ...this.state, ...this.tracker.current() });
    return true;
  }

  endSwitch(report: SwitchReport | null): void {
    this.switching = false;
    this.fastUntil = Math.max(this.fastUntil, this.options.now() + 10 * this.options.fastIntervalMs);
    this.commit({ ...this.state, lastSwitch: report });
    this.loop.reschedule();
  }

  // --- polling ---

  private nextDelayMs(): number {
    const unhealthy = this.state.sources.some((s) => s.grade === 'degraded' || s.grade === 'lost');
    const fast =
      unhealthy ||
      this.switching ||
      TRANSITIONAL.has(this.state.status) ||
      this.describeFailures > 0 ||
      this.options.now() < this.fastUntil;
    let interval = fast ? this.options.fastIntervalMs : this.steadyIntervalMs;
    const now = this.options.now();
    if (this.eventPollAt > now) interval = Math.min(interval, this.eventPollAt - now);
    // While AWS throttles or refuses (credentials, access, network), back off exponentially: 1 s, 2 s, 4 s … up to the
    // ceiling. Polling harder prolongs throttling, and refused credentials only come back with a new sign-in.
    const doublings = Math.max(this.throttleStreak, this.failedPolls - 1);
    if (doublings > 0)
      interval = Math.min(this.options.maxBackoffMs, Math.max(interval, this.options.fastIntervalMs) * 2 ** doublings);
    return interval;
  }

  private async poll(): Promise<void> {
    const now = this.options.now();
    this.lastPollStartedAt = now;
    this.eventPollAt = 0;
    this.firstPollAt ??= now;
    if (!this.flowArn) {
      this.commit({ ...this.state, polledAt: now });
      return;
    }
    let throttled = false;
    let next: FlowState = { ...this.state, polledAt: now };
    /** What could not be read in this poll: the view is then the last confirmed one. */
    const unread: string[] = [];

    try {
      const out = await this.callMediaConnect('DescribeFlow', 'Read the MediaConnect flow', () =>
        this.deps.mediaconnect.send(new DescribeFlowCommand({ FlowArn: this.flowArn! })),
      );
      this.describeFailures = 0;
      next = this.applyFlow(next, out.Flow, now);
    } catch (error) {
      const mapped = mapAwsError(error, 'Read the MediaConnect flow');
      throttled ||= mapped.code === 'throttled';
      next = this.onDescribeFailure(next, mapped, now);
      if (next.status !== 'MISSING')
        unread.push(mapped.code === 'throttled' ? 'MediaConnect is throttling the flow reads' : mapped.message);
    }

    if (next.status !== 'MISSING' && this.known.length > 0) {
      const metrics = await this.readMetrics(now, next.failover?.mode === 'MERGE');
      throttled ||= metrics.state === 'throttled';
      next = { ...next, metrics };
      if (metrics.state === 'throttled') unread.push('CloudWatch is throttling the source metric reads');
      else if (metrics.state === 'error') unread.push(metrics.message ?? 'CloudWatch could not be read');
    }
    this.history.trim(now);
    this.throttleStreak = throttled ? Math.min(this.throttleStreak + 1, 6) : 0;
    this.failedPolls = unread.length > 0 ? Math.min(this.failedPolls + 1, 6) : 0;

    next = this.grade(next, now);
    next = await this.maybeReadMetadata(next, now);
    if (unread.length === 0) this.confirmedAt = now;
    next = {
      ...next,
      unconfirmed: unread.length === 0 ? null : { since: this.confirmedAt, reason: unread.join('; ') },
    };
    next = this.track(next, now);
    this.commit(next);
  }

  /** Which source feeds since when, and outages: named from confirmed polls, logged with their times. */
  private track(next: FlowState, now: number): FlowState {
    for (const event of this.tracker.observe(next, now)) {
      this.deps.logger.info(`flow: ${event.kind}`, { at: new Date(event.at).toISOString(), message: event.message });
      this.deps.onInputEvent?.(event);
    }
    return { ...next, ...this.tracker.current() };
  }

  private applyFlow(prev: FlowState, flow: Flow | undefined, now: number): FlowState {
    const status = toFlowStatus(flow?.Status);
    this.known = flow ? knownSources(flow, this.options.naming) : [];
    this.rawFailover = flow?.SourceFailoverConfig;
    return {
      ...prev,
      name: flow?.Name ?? null,
      availabilityZone: flow?.AvailabilityZone ?? null,
      status,
      statusSince: status === prev.status ? prev.statusSince : now,
      problem: status === 'ERROR' ? 'MediaConnect reports the flow in ERROR.' : null,
      failover: failoverInfo(flow?.SourceFailoverConfig),
      lastError: null,
    };
  }

  private onDescribeFailure(prev: FlowState, error: BoothError, now: number): FlowState {
    const lastError: ErrorSummary = { code: error.code, message: error.message, at: now };
    this.deps.logger.warn('flow: DescribeFlow failed', { code: error.code, message: error.message });
    if (error.code === 'not-found') {
      // Definitive: the flow is gone (or the stack points elsewhere); forget its sources.
      this.known = [];
      this.rawFailover = undefined;
      return {
        ...prev,
        status: 'MISSING',
        statusSince: prev.status === 'MISSING' ? prev.statusSince : now,
        problem: `MediaConnect flow ${this.flowArn} does not exist in this account and region (AWS: ${error.awsCode ?? 'NotFoundException'}). Check the stack outputs.`,
        failover: null,
        sources: [],
        metadata: null,
        lastError,
      };
    }
    this.describeFailures += 1;
    if (this.describeFailures < this.options.staleAfterFailures) return { ...prev, lastError };
    return { ...prev, status: 'UNKNOWN', statusSince: prev.status === 'UNKNOWN' ? prev.statusSince : now, lastError };
  }

  /** ONE GetMetricData for every metric of every source; merges the answer into the history. */
  private async readMetrics(now: number, merge: boolean): Promise<MetricsStatus> {
    const periodMs = this.options.periodSec * 1000;
    const earliest = now - this.options.historyMs;
    const from =
      Math.floor(
        Math.max(earliest, this.metricsEnd === null ? earliest : this.metricsEnd - this.options.refetchMs) / periodMs,
      ) * periodMs;
    const previous = this.state.metrics;
    const dimensions = await this.sourceDimensions();
    try {
      const out = await callAws(
        'Read the SRT source metrics',
        () => {
          this.counter.record('GetMetricData');
          return this.deps.cloudwatch.send(
            new GetMetricDataCommand({
              StartTime: new Date(from),
              EndTime: new Date(now),
              ScanBy: 'TimestampAscending',
              MetricDataQueries: [
                ...buildSourceQueries(this.flowArn!, this.known, this.options.periodSec, dimensions.set),
                ...(merge ? [buildMergeActiveQuery(this.flowArn!, this.options.periodSec)] : []),
              ],
            }),
          );
        },
        { policy: this.options.pollRetry },
      );
      // Periods before the monitor's first poll are not filled with gaps: nobody was looking.
      const gapFrom = Math.max(from, this.firstPollAt ?? from);
      for (const series of parseSourceResults(this.known, out.MetricDataResults ?? [])) {
        this.history.merge(series.source, series.metric, series.points, gapFrom, now, 2 * periodMs);
      }
      this.metricsEnd = now;
      const mergeActive = merge ? parseMergeActive(out.MetricDataResults ?? []) : null;
      // A reading older than three periods says nothing about now.
      this.mergeActive = mergeActive && now - mergeActive.at <= 3 * periodMs ? mergeActive : null;
      return { state: 'ok', message: null, lastSuccessAt: now, dimensions };
    } catch (error) {
      this.mergeActive = null;
      const mapped = mapAwsError(error, 'Read the SRT source metrics');
      this.deps.logger.warn('flow: GetMetricData failed', { code: mapped.code, message: mapped.message });
      return {
        state: mapped.code === 'throttled' ? 'throttled' : 'error',
        message: mapped.message,
        lastSuccessAt: previous.lastSuccessAt,
        dimensions,
      };
    }
  }

  /**
   * The dimension set to query, found with one ListMetrics when the sources change (not on every poll). Until
   * ListMetrics shows the sources' metrics (they appear once data flows) it asks again, once a minute at most.
   */
  private async sourceDimensions(): Promise<{ set: SourceDimensionSet; listed: boolean }> {
    const forSources = this.known.map((k) => k.sourceArn).join(',');
    const now = this.options.now();
    const current = this.dimensions?.forSources === forSources ? this.dimensions : null;
    if (current && (current.listed || now - current.at < 60_000)) return { set: current.set, listed: current.listed };
    try {
      this.counter.record('ListMetrics');
      const found = await discoverSourceDimensions(this.deps.cloudwatch, this.known);
      this.dimensions = { set: found.dimensions, listed: found.listed, forSources, at: now };
      if (found.listed) this.deps.logger.info('flow: source metrics found', { dimensions: found.dimensions });
    } catch (error) {
      const mapped = mapAwsError(error, 'List the SRT source metrics');
      this.deps.logger.warn('flow: ListMetrics failed; querying the documented {SourceARN} set', {
        code: mapped.code,
      });
      this.dimensions = { set: 'SourceARN', listed: false, forSources, at: now };
    }
    return { set: this.dimensions.set, listed: this.dimensions.listed };
  }

  private grade(next: FlowState, now: number): FlowState {
    const sources: FlowSourceStatus[] = this.known.map((known) => {
      const g = gradeSource(
        { source: known.name, flowStatus: next.status, metrics: next.metrics, history: this.history, now },
        this.thresholds,
      );
      return {
        name: known.name,
        role: known.role,
        isPrimary: next.failover?.primarySource === known.name,
        connected: g.connected,
        connectedSince: g.connectedSince,
        ingestEndpoint: known.ingestEndpoint,
        whitelistCidr: known.whitelistCidr,
        minLatencyMs: known.minLatencyMs,
        figures: g.figures,
        grade: g.grade,
        gradeCause: g.cause,
        gradeReason: g.reason,
      };
    });
    const running = next.status === 'ACTIVE' || next.status === 'UPDATING' || next.status === 'UNKNOWN';
    const mergeActive = next.failover?.mode === 'MERGE' ? (this.mergeActive?.value ?? null) : null;
    return { ...next, sources, feeding: inferFeeding(next.failover, sources, running, mergeActive) };
  }

  /** Source metadata every `metadataIntervalMs`, and at once when the feeding source changes. */
  private async maybeReadMetadata(next: FlowState, now: number): Promise<FlowState> {
    if (next.status !== 'ACTIVE') return next.status === 'MISSING' ? { ...next, metadata: null } : next;
    const feedingChanged = next.feeding.source !== null && next.feeding.source !== this.metadataFor;
    const every = this.pushing ? this.options.pushMetadataIntervalMs : this.options.metadataIntervalMs;
    if (now - this.metadataAt < every && !feedingChanged) return next;
    // Recorded before the call so that a failing read is retried on the interval, not every poll.
    this.metadataAt = now;
    this.metadataFor = next.feeding.source;
    try {
      const out = await this.callMediaConnect('DescribeFlowSourceMetadata', 'Read the source metadata', () =>
        this.deps.mediaconnect.send(new DescribeFlowSourceMetadataCommand({ FlowArn: this.flowArn! })),
      );
      const metadata: SourceMetadata = toSourceMetadata(out, next.feeding.source);
      return { ...next, metadata };
    } catch (error) {
      const mapped = mapAwsError(error, 'Read the source metadata');
      this.deps.logger.warn('flow: DescribeFlowSourceMetadata failed', { code: mapped.code, message: mapped.message });
      return next;
    }
  }

  /** Stores the new state and publishes a delta with what changed (state and/or history points). */
  private commit(next: FlowState): void {
    const stateChanged = JSON.stringify(next) !== JSON.stringify(this.state);
    this.state = next;
    const history = this.history.takePatch();
    if (!stateChanged && history.length === 0) return;
    this.seq += 1;
    this.publish({ kind: 'delta', seq: this.seq, at: this.options.now(), flow: stateChanged ? next : null, history });
  }
}
