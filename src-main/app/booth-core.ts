import type { ConnectionInfo } from '../../shared/domain/connection';
import { createAwsClients, type ClientTuning } from '../aws/clients';
import { attachRequestBudgets, RequestBudgets } from '../core/request-budgets';
import { mapAwsError } from '../aws/errors';
import { ssoSessionExpiry } from '../aws/sso-session';
import { watchCredentialExpiry } from '../core/credentials-watch';
import type { RetryPolicy } from '../aws/retry';
import { hasEndpointOverride, type AwsTarget } from '../aws/target';
import { ChannelActions } from '../core/channels/channel-actions';
import { ChannelMonitor, type ChannelMonitorOptions } from '../core/channels/channel-monitor';
import { readConfiguredDestinations } from '../core/destinations/configured-destinations';
import { createDestinationStore } from '../core/destinations/destination-store';
import type { Logger } from '../core/logger';
import { OfflineCatalog } from '../core/catalog-cache';
import { SessionRecorder } from '../core/sessions/session-recorder';
import { createPresetStore } from '../core/presets/preset-store';
import { seedPresets } from '../core/presets/seed-presets';
import type { SettingsStore } from '../core/settings';
import { discoverStack } from '../core/stack/stack-outputs';
import { createRouter, type Router } from '../ipc/router';
import { ForgottenChannelWatch, type ForgottenChannelOptions } from '../core/channels/forgotten-channels';
import { StateNotifications } from '../core/channels/state-notifications';
import { ChannelAlarms } from '../core/channels/channel-alarms';
import { CostMeter } from '../core/costs/cost-meter';
import { monthSpendStore, startCostTicker } from '../core/costs/cost-wiring';
import { createNotifier } from '../core/notifications/notifier';
import { createOperatorSettingsService, type OperatorSettingsService } from '../core/operator-settings-service';
import { startSimulator, type RunningSimulator, type SimulatorOptions } from '../simulator/index';
import { createAdminFeature } from './admin-feature';
import { createConnectionFeature } from './connection-feature';
import { describeConnection, readCallerAccount } from './connection-info';
import { chooseConnection } from './connection-mode';
import type { FeatureContext } from './feature';
import { createFlowFeature } from './flow-feature';
import type { FlowMonitorOptions } from '../core/flow/flow-monitor';
import { createOperatorFeature } from './operator-feature';
import { createReadinessFeature } from './readiness-feature';

export interface BoothCoreOptions {
  settings: SettingsStore;
  logger: Logger;
  env?: NodeJS.ProcessEnv;
  simulator?: SimulatorOptions;
  monitor?: Partial<ChannelMonitorOptions>;
  retry?: RetryPolicy;
  forgotten?: Partial<ForgottenChannelOptions>;
  costTickMs?: number;
  flow?: Partial<FlowMonitorOptions>;
  /** SDK request timeouts (tests shorten them). */
  aws?: ClientTuning;
  now?: () => number;
}

const DEFAULT_FORGOTTEN = { graceMs: 3 * 60_000, repeatMs: 5 * 60_000, checkEveryMs: 15_000 };

export interface BoothCore {
  router: Router;
  connection: ConnectionInfo;
  settings: OperatorSettingsService;
  /** The streaming-sessions record this run writes (sessions table, key session_id). */
  sessionId: string;
  /** Destination ids in tile order (for global shortcuts). */
  destinationIds(): string[];
  /** Re-reads destinations and presets (after an admin change) and updates the tiles. */
  reloadDestinations(): Promise<void>;
  /** The embedded simulator in simulation mode (tests and rehearsals drive it), else null. */
  simulator: RunningSimulator | null;
  close(): Promise<void>;
}

/**
 * The plain-Node core of the console: the same services run inside Electron's main process
 * and behind the web preview. Chooses the connection, discovers the stack from its outputs,
 * reads destinations and presets from DynamoDB, and starts the channel monitor.
 */
export async function startBoothCore(options: BoothCoreOptions): Promise<BoothCore> {
  const { logger } = options;
  const env = options.env ?? process.env;
  const choice = chooseConnection(options.settings.get(), env);

  let simulator: RunningSimulator | null = null;
  let target: AwsTarget;
  if (choice.mode === 'simulation') {
    simulator = await startSimulator(options.simulator);
    if (!simulator.dynamoEndpoint) throw new Error('the simulator must run DynamoDB for simulation mode');
    target = {
      mode: 'simulation',
      region: simulator.region,
      endpoint: simulator.endpoint,
      dynamoEndpoint: simulator.dynamoEndpoint,
    };
    logger.info('connection: SIMULATION mode (embedded AWS simulator on loopback)', { endpoint: simulator.endpoint });
  } else {
    target = { mode: 'aws', region: choice.region, profile: choice.profile };
    // The SDK resolves a profile's endpoint_url / services section through AWS_PROFILE, not the client's
    // profile option; main's environment never reaches a renderer.
    process.env['AWS_PROFILE'] = choice.profile;
    logger.info('connection: AWS mode', {
      profile: choice.profile,
      region: choice.region,
      customEndpoint: hasEndpointOverride(env),
    });
  }
  const stackName = simulator ? simulator.topology.stackName : choice.stackName;
  const clients = createAwsClients(target, options.aws);
  // Every request of every feature waits for its budget (MediaConnect's and CloudWatch's documented rates).
  attachRequestBudgets(clients, new RequestBudgets());

  try {
    const [accountId, credentialsExpireAt, stack] = await Promise.all([
      readCallerAccount(clients, logger),
      target.mode === 'aws' ? ssoSessionExpiry(target.profile) : Promise.resolve(null),
      discoverStack(clients.cloudformation, stackName),
    ]);
    if (!stack.tables.destinations || !stack.tables.presets) {
      throw new Error(
        `Stack ${stackName} has no DestinationsTableName/PresetsTableName outputs; deploy the data template of cloudformation/.`,
      );
    }
    const catalog = new OfflineCatalog(options.settings, logger, options.now ?? Date.now);
    const presetStore = catalog.presets(createPresetStore(clients.dynamo, stack.tables.presets, logger));
    await seedPresets(presetStore, logger);
    const destinationStore = catalog.destinations(
      createDestinationStore(clients.dynamo, stack.tables.destinations, logger, stack),
    );
    const readDestinations = () => readConfiguredDestinations(destinationStore, presetStore, stack);
    const destinations = await readDestinations();

    const connection = describeConnection({ target, stackName, accountId, credentialsExpireAt, env });

    // The services publish through the router, which is created with the handlers that use them.
    let publish: Router['publish'] = () => {};
    const now = options.now ?? Date.now;
    const settings = createOperatorSettingsService(options.settings, (next) => publish('settings.feed', next));
    const sessions = new SessionRecorder(
      clients.dynamo,
      stack.tables.sessions,
      connection.mode === 'aws' ? `profile:${connection.profile}` : 'simulation',
      logger,
      now,
    );
    const notifier = createNotifier((n) => {
      sessions.note(n);
      publish('notifications.feed', n);
    }, now);
    const stateNotifications = new StateNotifications(notifier);
    const alarms = new ChannelAlarms(notifier, now);
    const profiles = new Map(destinations.map((d) => [d.id, d.encoding]));
    const costs = new CostMeter({
      rates: () => settings.get().rateCard,
      budgetUsd: () => settings.get().monthlyBudgetUsd,
      profile: (id) => profiles.get(id) ?? null,
      spend: monthSpendStore(options.settings),
      now,
    });
    const destinationListeners = new Set<() => void>();
    const forgotten = new ForgottenChannelWatch(notifier, (id) => costs.ratePerHour(id), {
      ...DEFAULT_FORGOTTEN,
      now,
      ...options.forgotten,
    });
    const monitor = new ChannelMonitor(
      clients.medialive,
      destinations,
      (feed) => {
        publish('destinations.feed', feed);
        const changed = feed.kind === 'snapshot' ? feed.destinations : feed.changed;
        stateNotifications.observe(changed);
        costs.observe(changed);
        sessions.observe(changed);
        forgotten.observe(monitor.snapshot().destinations);
        for (const listener of destinationListeners) listener();
      },
      logger,
      { ...options.monitor, now, review: (previous, next) => alarms.review(previous, next) },
    );
    const actions = new ChannelActions({
      medialive: clients.medialive,
      monitor,
      notifier,
      stateNotifications,
      alarms,
      forgotten,
      logger,
      now,
      ...(options.retry ? { retry: options.retry } : {}),
    });
    const context: FeatureContext = {
      clients,
      connection,
      stack,
      destinations,
      monitor,
      notifier,
      presetStore,
      destinationStore,
      catalog,
      settings: options.settings,
      logger,
      publish: (channel, payload) => publish(channel, payload),
      now,
      onDestinationsChanged(listener) {
        destinationListeners.add(listener);
        return () => destinationListeners.delete(listener);
      },
    };
    // What an admin changes (a destination added or retired, a preset applied) reaches the tiles now, not at the next start.
    const reloadDestinations = async () => {
      try {
        const next = await readDestinations();
        for (const d of next) profiles.set(d.id, d.encoding);
        context.destinations = next;
        await monitor.reconfigure(next);
      } catch (error) {
        logger.warn('destinations: reload after an admin change failed', {
          message: mapAwsError(error, 'Reload destinations').message,
        });
      }
    };
    const connectionFeature = createConnectionFeature(context);
    const operator = createOperatorFeature(context, { actions, costs, settings });
    const admin = createAdminFeature(context, { onChanged: () => void reloadDestinations() });
    const flow = createFlowFeature(context, options.flow);
    const readiness = createReadinessFeature(context);
    const features = [connectionFeature, operator, admin, flow, readiness];
    const router = createRouter(
      {
        ...connectionFeature.handlers,
        ...operator.handlers,
        ...admin.handlers,
        ...flow.handlers,
        ...readiness.handlers,
      },
      logger,
    );
    publish = (channel, payload) => router.publish(channel, payload);
    if (catalog.servedFromCacheAt !== null) {
      notifier.notify({
        level: 'warning',
        kind: 'alert',
        title: 'Offline copy of destinations and presets',
        message: `DynamoDB could not be reached; the console shows the copy saved at ${new Date(catalog.servedFromCacheAt).toLocaleString()}. Channel states still come from MediaLive; the admin window is read-only until DynamoDB answers.`,
      });
    }
    await monitor.refresh();
    const initial = monitor.snapshot().destinations;
    stateNotifications.observe(initial);
    costs.observe(initial);
    sessions.observe(initial);
    monitor.start();
    forgotten.startChecking(() => monitor.snapshot().destinations);
    for (const feature of features) await feature.start?.();
    const credentials =
      target.mode === 'aws' ? watchCredentialExpiry(() => ssoSessionExpiry(target.profile), notifier, { now }) : null;
    void credentials?.check();
    const costTicker = startCostTicker(
      costs,
      (snapshot) => publish('costs.feed', snapshot),
      options.costTickMs ?? 2_000,
      () => void sessions.flush(costs.snapshot()),
    );

    return {
      router,
      connection,
      simulator,
      sessionId: sessions.sessionId,
      settings,
      destinationIds: () => monitor.snapshot().destinations.map((d) => d.id),
      reloadDestinations,
      async close() {
        costTicker.stop();
        forgotten.stopChecking();
        credentials?.stop();
        for (const feature of features) await feature.stop?.();
        costs.persist();
        await sessions.flush(costs.snapshot(), true);
        monitor.stop();
        clients.destroy();
        await simulator?.close();
      },
    };
  } catch (error) {
    clients.destroy();
    await simulator?.close();
    throw error;
  }
}
