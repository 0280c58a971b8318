import { createS3Service, SimS3World } from './s3';
import { randomBytes } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import { createCallerGuard } from './caller-guard';
import { systemClock, type Clock } from '../core/clock';
import { createControl, type SimulatorControl } from './control';
import { createControlHttp } from './control-http';
import { startDynamo, type RunningDynamo } from './dynamo';
import { FaultInjector } from './faults';
import { createPrng } from './prng';
import { RequestLog } from './request-log';
import { buildSeedWorld, type RegionNeighbours, type SeededTopology } from './seed';
import { createSimServer } from './server';
import { createCloudFormationService } from './services/cloudformation';
import { createCloudWatchService } from './services/cloudwatch';
import { createMediaConnectService } from './services/mediaconnect';
import { createMediaLiveService } from './services/medialive';
import { createSqsService } from './services/sqs';
import { createEventBridgeService } from './services/eventbridge';
import { createSchedulerService } from './services/scheduler';
import { createPricingService } from './services/pricing';
import type { PriceListProduct } from './pricing-catalog';
import { ScheduleWorld } from './world/schedules';
import { createSsoOidcService, createSsoPortalService } from './services/identity-center';
import { createStsService } from './services/sts';
import { TimerRegistry } from './timers';
import { resolveTimings, type SimTimings } from './timings';
import type { SimExchange } from './types';
import type { World } from './world';
import { ChannelWorld } from './world/channels';
import { ConfidenceWorld } from './world/confidence';
import { SourceAlarmWorld } from './world/source-alarms';
import { EventBus } from './world/events';
import { QueueWorld } from './world/queues';
import { FlowWorld } from './world/flow';
import { IdentityCenterWorld } from './world/identity-center';
import { SignalWorld } from './world/signal';

export type { SimTimings } from './timings';
export type { SimulatorControl } from './control';
export type { SimDestinationSeed, SeededTopology } from './seed';
export type { SimExchange } from './types';

export interface SimulatorOptions {
  /** Port of the AWS endpoint (0/undefined = ephemeral). Always bound to 127.0.0.1. */
  port?: number;
  region?: string;
  accountId?: string;
  timings?: Partial<SimTimings>;
  /** PRNG seed: ids and the synthetic signal are reproducible per seed. */
  seed?: number;
  /** Seed the flow ACTIVE (default true) or STANDBY. */
  flowInitiallyActive?: boolean;
  /** Start dynalite with the tables (default true). */
  withDynamo?: boolean;
  /** Destinations beyond the seeded five (`extra-1`…), each with its input and channel. */
  extraDestinations?: number;
  /** Destinations in all (the seeded five first, then `extra-1`…); overrides extraDestinations. */
  destinationCount?: number;
  /** Other workloads' channels and push inputs in the same Region (they count against its quotas). */
  neighbours?: RegionNeighbours;
  /**
   * Destinations (ids) whose channel also has a slate: an MP4 file input attached after the live one, for warm standby.
   * None by default (channels deployed before the slate existed).
   */
  slateDestinations?: readonly string[];
  /** Synthetic SRT history to start with (ms), as if the encoder had been streaming; 0 (default) starts empty. */
  backfillHistoryMs?: number;
  /**
   * Time and timers of the simulated world (transitions, failover, metric samples, request log).
   * Defaults to the real clock; a test passes its own to move time instead of waiting for it.
   */
  clock?: Clock;
  /** Receives every AWS request with the simulator's raw answer (conformance tests). */
  onExchange?: (exchange: SimExchange) => void;
  /** The Price List's MediaLive products (default: the documented ones, simulator/pricing-catalog.ts). */
  priceList?: readonly PriceListProduct[];
}

export interface RunningSimulator {
  /** http://127.0.0.1:<port> — the `endpoint` for MediaLive, MediaConnect, CloudWatch, STS, CloudFormation, SQS clients. */
  endpoint: string;
  dynamoEndpoint: string | null;
  region: string;
  topology: SeededTopology;
  /** Per-run token the HTTP control API (/_sim/) requires in the x-sim-token header. */
  controlToken: string;
  control: SimulatorControl;
  /** The S3 buckets (the stack's slates): remove an object or a bucket, or deny access, to test the readiness check. */
  s3: SimS3World;
  close(): Promise<void>;
}

export async function startSimulator(options: SimulatorOptions = {}): Promise<RunningSimulator> {
  const region = options.region ?? 'us-east-1';
  const accountId = options.accountId ?? '123456789012';
  if (!/^\d{12}$/.test(accountId)) throw new Error('accountId must be 12 digits');
  let timings = resolveTimings(options.timings);
  const prng = createPrng(options.seed ?? 20250106);
  const clock = options.clock ?? systemClock;
  const now = (): number => clock.now();
  const timers = new TimerRegistry(clock);
  const seed = buildSeedWorld({
    region,
    accountId,
    prng,
    extraDestinations: options.extraDestinations ?? 0,
    ...(options.destinationCount !== undefined ? { destinationCount: options.destinationCount } : {}),
    ...(options.neighbours ? { neighbours: options.neighbours } : {}),
    ...(options.slateDestinations ? { slateDestinations: options.slateDestinations } : {}),
  });

  const queues = new QueueWorld({ timers, now, region, accountId });
  // The stack's seat queues exist from the start, as CloudFormation creates them with the rule. A queue deleted with
  // the control API receives nothing more (EventBridge cannot deliver to it).
  for (const name of seed.topology.events.queues) queues.create(name, { MessageRetentionPeriod: '300' });
  const events = new EventBus({
    queues,
    targets: () => seed.topology.events.queues.filter((q) => queues.has(q)),
    timers,
    prng: createPrng((options.seed ?? 20250106) ^ 0x5eed),
    now,
    region,
    accountId,
  });

  // The flow is created after the signal; the signal notifies it through this late-bound hook.
  let flowRef: FlowWorld | null = null;
  const signal = new SignalWorld(seed.sources, prng, () => flowRef?.reevaluateFailover(), now);
  const flow = new FlowWorld(seed.flow, options.flowInitiallyActive ?? true, {
    timers,
    timings: () => timings,
    signal,
    onStatusChange: (arn, previous, current) => events.flowStatus(arn, previous, current),
    onHealthChange: (arn, previous, current) => events.flowHealth(arn, previous, current),
  });
  flowRef = flow;
  const channels = new ChannelWorld(seed.channels, seed.inputs, {
    timers,
    timings: () => timings,
    now,
    liveSignal: () => {
      const active = flow.activeSource();
      return flow.isRunning() && active !== null && signal.isConnected(active);
    },
    onStateChange: (arn, state, pipelines) => events.channelState(arn, state, pipelines),
  });
  // The verification page is on this endpoint; its port is known once the server listens.
  let endpoint = '';
  const sso = new IdentityCenterWorld(accountId, () => endpoint, now);
  const schedules = new ScheduleWorld({
    timers,
    now,
    region,
    accountId,
    groups: () => ['default', seed.topology.safetyStopGroup],
    stopChannel: (id) => void channels.stop(id),
  });
  const confidence = new ConfidenceWorld({
    channels,
    flow,
    signal,
    now,
    label: (id) => seed.topology.destinations.find((d) => d.channelId === id)?.name ?? id,
  });
  // CloudWatch evaluating the stack's source alarms; their state changes go to EventBridge like the services' events.
  const sourceAlarms = new SourceAlarmWorld({
    alarms: seed.topology.events.sourceAlarms,
    signal,
    events,
    timers,
    timings: () => timings,
    now,
  });
  const world: World = {
    region,
    accountId,
    seed,
    channels,
    flow,
    signal,
    queues,
    events,
    sso,
    schedules,
    confidence,
    sourceAlarms,
    now,
  };

  const sampleNow = (): void =>
    signal.sample(flow.isRunning(), flow.activeSource(), now(), flow.failoverConfig()['failoverMode'] === 'MERGE');
  if ((options.backfillHistoryMs ?? 0) > 0 && flow.isRunning())
    signal.backfill(options.backfillHistoryMs ?? 0, Math.max(timings.metricSampleMs, 1_000), flow.activeSource());
  let sampler = timers.setInterval(sampleNow, timings.metricSampleMs);
  const setTimings = (partial: Partial<SimTimings>): SimTimings => {
    const previous = timings.metricSampleMs;
    timings = resolveTimings(partial, timings);
    if (timings.metricSampleMs !== previous) {
      timers.clearInterval(sampler);
      sampler = timers.setInterval(sampleNow, timings.metricSampleMs);
    }
    return { ...timings };
  };

  // The stack's slate bucket, for the console's readiness check of the slate files.
  const s3 = new SimS3World(now);
  s3.seedSlates(accountId);

  const controlToken = randomBytes(24).toString('base64url');
  let allowedHosts = new Set<string>();
  const faults = new FaultInjector();
  const log = new RequestLog();
  const control = createControl({
    world,
    faults,
    log,
    getTimings: () => ({ ...timings }),
    setTimings,
    sampleNow,
    delay: (ms) => timers.delay(ms),
    now,
  });

  const sim = createSimServer({
    services: {
      medialive: createMediaLiveService(world),
      mediaconnect: createMediaConnectService(world),
      cloudwatch: createCloudWatchService(world),
      sts: createStsService(world),
      cloudformation: createCloudFormationService(world),
      sqs: createSqsService(queues, accountId),
      eventbridge: createEventBridgeService(world),
      scheduler: createSchedulerService(schedules),
      pricing: createPricingService(options.priceList),
      'sso-oidc': createSsoOidcService(world),
      sso: createSsoPortalService(world),
      s3: createS3Service(s3),
    },
    faults,
    log,
    timers,
    now,
    control: createControlHttp(control),
    admit: createCallerGuard({ allowedHosts: () => allowedHosts, controlToken }),
    refusedKey: (accessKeyId) => sso.roleKeyRefused(accessKeyId),
    onExchange: options.onExchange,
  });

  let dynamo: RunningDynamo | null = null;
  try {
    await new Promise<void>((resolve, reject) => {
      sim.server.once('error', reject);
      sim.server.listen(options.port ?? 0, '127.0.0.1', () => resolve());
    });
    if (options.withDynamo ?? true) dynamo = await startDynamo(seed.topology, region);
  } catch (e) {
    timers.clearAll();
    sim.dropAll();
    sim.server.close();
    throw e;
  }
  const { port } = sim.server.address() as AddressInfo;
  allowedHosts = new Set([`127.0.0.1:${port}`, `localhost:${port}`]);
  endpoint = `http://127.0.0.1:${port}`;

  let closing: Promise<void> | null = null;
  return {
    endpoint,
    dynamoEndpoint: dynamo?.endpoint ?? null,
    region,
    topology: seed.topology,
    controlToken,
    control,
    s3,
    close() {
      closing ??= (async () => {
        timers.clearAll();
        await new Promise<void>((resolve) => {
          sim.server.close(() => resolve());
          sim.dropAll();
        });
        if (dynamo) await dynamo.close();
      })();
      return closing;
    },
  };
}
