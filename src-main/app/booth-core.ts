import type { ConnectionInfo, ConnectionProblem } from '../../shared/domain/connection';
import type { DestinationsFeed } from '../../shared/domain/destination';
import { BoothError, type ErrorCode } from '../../shared/domain/errors';
import type { FlowFeed } from '../../shared/domain/flow';
import { INVOKE_ROLES, type InvokeChannel } from '../../shared/ipc/channels';
import { createAwsClients, type AwsClients, type ClientTuning } from '../aws/clients';
import { configuredEndpoints } from '../aws/endpoints';
import { describeRegionSource, resolveRegion } from '../aws/region';
import { ssoSessionExpiry } from '../aws/sso-session';
import type { AwsTarget } from '../aws/target';
import type { Logger } from '../core/logger';
import { createNotifier } from '../core/notifications/notifier';
import { createOperatorSettingsService, type OperatorSettingsService } from '../core/operator-settings-service';
import { attachRequestBudgets, RequestBudgets } from '../core/request-budgets';
import type { SettingsStore } from '../core/settings';
import { discoverStack, type StackTopology } from '../core/stack/stack-outputs';
import { createRouter, type CallerIdentity, type InvokeHandlers, type Router } from '../ipc/router';
import { startSimulator, type RunningSimulator, type SimulatorOptions } from '../simulator/index';
import { openBoothSession, type BoothSession, type SessionChannel, type SessionTuning } from './booth-session';
import { createConnectionFeature } from './connection-feature';
import { describeConnection, readCallerIdentity } from './connection-info';
import { chooseConnection, externalSimulator, type ConnectionChoice } from './connection-mode';
import { connectionProblem, missingOutputs, missingRegion } from './connection-problem';
import { FeedSequence } from './feed-sequence';
import { createLocalOperatorFeature } from './operator-feature';
import { createIncidentsFeature } from './incidents-feature';
import { IncidentLog } from '../core/incidents/incident-log';
import { createReadinessFeature } from './readiness-feature';
import { createShowFeature } from './show-feature';
import { createShowPlanService } from '../core/show-plan-service';
import { EMPTY_TIMELINE } from '../../shared/domain/show-time';

export interface BoothCoreOptions extends SessionTuning {
  settings: SettingsStore;
  logger: Logger;
  env?: NodeJS.ProcessEnv;
  simulator?: SimulatorOptions;
  /** SDK request timeouts (tests shorten them). */
  aws?: ClientTuning;
  now?: () => number;
}

export interface BoothCore {
  router: Router;
  /** The connection in use now; it changes when an admin chooses another one. */
  readonly connection: ConnectionInfo;
  settings: OperatorSettingsService;
  /** The streaming-sessions record the current connection writes (sessions table, key session_id); null when not connected. */
  readonly sessionId: string | null;
  /** Destination ids in tile order (for global shortcuts); empty when not connected. */
  destinationIds(): string[];
  /** Re-reads destinations and presets (after an admin change) and updates the tiles. */
  reloadDestinations(): Promise<void>;
  /** The embedded simulator once simulation mode has been used (tests and rehearsals drive it), else null. */
  readonly simulator: RunningSimulator | null;
  /** Called after every connection attempt, with its outcome. */
  onConnectionChanged(listener: (connection: ConnectionInfo) => void): () => void;
  close(): Promise<void>;
}

const PROBLEM_CODES: Record<ConnectionProblem['kind'], ErrorCode> = {
  region: 'not-found',
  'sign-in': 'expired-credentials',
  'access-denied': 'access-denied',
  stack: 'not-found',
  'stack-outputs': 'not-found',
  network: 'network',
  other: 'unavailable',
};

/** Where one attempt looks, before anything is read. */
interface Place {
  target: AwsTarget | null;
  info: Omit<Parameters<typeof describeConnection>[0], 'accountId' | 'credentialsExpireAt' | 'problem'>;
}

/**
 * The plain-Node core of the console: the same services run inside Electron's main process and behind the
 * web preview. Chooses the connection, discovers the stack from its outputs, reads destinations and presets
 * from DynamoDB, and starts the monitors. A stack that cannot be read does not stop it: the console runs
 * disconnected, says what failed, and connects again when the admin changes the choice or retries, without
 * a restart and without touching a channel.
 */
export async function startBoothCore(options: BoothCoreOptions): Promise<BoothCore> {
  const { logger } = options;
  const env = options.env ?? process.env;
  const now = options.now ?? Date.now;

  let routerPublish: Router['publish'] = () => {};
  const operatorSettings = createOperatorSettingsService(options.settings, (next) =>
    routerPublish('settings.feed', next),
  );
  let session: BoothSession | null = null;
  const showPlans = createShowPlanService(options.settings, now);
  const show = createShowFeature(showPlans, () => session?.showTimeline() ?? EMPTY_TIMELINE, now);
  const publishShow = () => routerPublish('show.feed', show.snapshot());
  showPlans.onChange(publishShow);
  // Kept across reconnections: one log for the console's whole run, copied into each show's session record.
  const incidents = new IncidentLog((entry) => {
    session?.noteIncident(entry);
    routerPublish('incidents.feed', entry);
  }, now);
  const notifier = createNotifier((n, input) => {
    session?.note(n);
    if (!input.inIncidentLog) incidents.noteNotification(n);
    routerPublish('notifications.feed', n);
  }, now);
  const destinationsSeq = new FeedSequence();
  const flowSeq = new FeedSequence();
  const sessionPublish: Router['publish'] = (channel, payload) => {
    if (channel === 'destinations.feed')
      routerPublish('destinations.feed', destinationsSeq.shift(payload as DestinationsFeed));
    else if (channel === 'flow.feed') routerPublish('flow.feed', flowSeq.shift(payload as FlowFeed));
    else routerPublish(channel, payload);
  };

  let simulator: RunningSimulator | null = null;
  let clients: AwsClients | null = null;
  let stack: StackTopology | null = null;
  let choice = chooseConnection(options.settings.get(), env);
  let info: ConnectionInfo | null = null;
  let connecting = false;
  const listeners = new Set<(connection: ConnectionInfo) => void>();

  async function placeOf(next: ConnectionChoice): Promise<Place> {
    const external = next.mode === 'simulation' ? externalSimulator(env) : null;
    if (external) {
      // A simulator running as its own process keeps its world when this console restarts (rehearsing a restart).
      logger.info('connection: SIMULATION mode (simulator running as its own process)', {
        endpoint: external.endpoint,
      });
      return {
        target: { mode: 'simulation', ...external },
        info: {
          mode: 'simulation',
          profile: null,
          region: external.region,
          regionSource: 'the simulator of npm run sim',
          stackName: next.stackName,
          endpointSources: [`the simulator of npm run sim (${external.endpoint})`],
        },
      };
    }
    if (next.mode === 'simulation') {
      if (!simulator) {
        simulator = await startSimulator(options.simulator);
        logger.info('connection: SIMULATION mode (embedded AWS simulator on loopback)', {
          endpoint: simulator.endpoint,
        });
      }
      if (!simulator.dynamoEndpoint) throw new Error('the simulator must run DynamoDB for simulation mode');
      return {
        target: {
          mode: 'simulation',
          region: simulator.region,
          endpoint: simulator.endpoint,
          dynamoEndpoint: simulator.dynamoEndpoint,
        },
        info: {
          mode: 'simulation',
          profile: null,
          region: simulator.region,
          regionSource: 'the built-in simulator',
          stackName: next.stackName,
          endpointSources: ['the built-in simulator'],
        },
      };
    }
    const [resolved, endpointSources] = await Promise.all([
      resolveRegion({ explicit: next.region, profile: next.profile, env }),
      configuredEndpoints(next.profile, env),
    ]);
    // The SDK resolves a profile's endpoint_url / services section through AWS_PROFILE, not the client's
    // profile option; main's environment never reaches a renderer.
    process.env['AWS_PROFILE'] = next.profile;
    const regionSource = resolved
      ? `${describeRegionSource(resolved.source, next.profile)}${resolved.profileRegion && resolved.profileRegion !== resolved.region ? `; profile ${next.profile} names ${resolved.profileRegion}` : ''}`
      : 'none set';
    logger.info('connection: AWS mode', {
      profile: next.profile,
      region: resolved?.region ?? null,
      regionSource,
      customEndpoint: endpointSources.length > 0,
      endpoints: endpointSources.join('; '),
    });
    return {
      target: resolved ? { mode: 'aws', region: resolved.region, profile: next.profile } : null,
      info: {
        mode: 'aws',
        profile: next.profile,
        region: resolved?.region ?? null,
        regionSource,
        stackName: next.stackName,
        endpointSources,
      },
    };
  }

  async function stopCurrent(): Promise<void> {
    const previous = session;
    session = null;
    await previous?.stop().catch((error: unknown) =>
      logger.warn('connection: the previous connection did not stop cleanly', {
        message: error instanceof Error ? error.message : String(error),
      }),
    );
    clients?.destroy();
    clients = null;
    stack = null;
    destinationsSeq.restart();
    flowSeq.restart();
    // No session, no show: the windows must not keep the previous connection's timeline.
    if (previous) publishShow();
  }

  async function attempt(next: ConnectionChoice): Promise<ConnectionInfo> {
    await stopCurrent();
    choice = next;
    const place = await placeOf(next);
    if (!place.target) {
      const profile = place.info.profile ?? 'default';
      return describeConnection({
        ...place.info,
        accountId: null,
        credentialsExpireAt: null,
        problem: missingRegion(profile),
      });
    }
    const target = place.target;
    clients = createAwsClients(target, options.aws);
    // Every request of every feature waits for its budget (MediaConnect's and CloudWatch's documented rates).
    attachRequestBudgets(clients, new RequestBudgets());
    const where = { mode: target.mode, profile: place.info.profile, region: target.region, stackName: next.stackName };
    let accountId: string | null = null;
    let credentialsExpireAt: number | null = null;
    try {
      const [identity, expiry, found] = await Promise.all([
        readCallerIdentity(clients, logger),
        target.mode === 'aws' ? ssoSessionExpiry(target.profile) : Promise.resolve(null),
        discoverStack(clients.cloudformation, next.stackName),
      ]);
      accountId = identity.accountId;
      credentialsExpireAt = expiry;
      stack = found;
      const { presets, destinations } = found.tables;
      if (!presets || !destinations) {
        const missing = [!destinations && 'DestinationsTableName', !presets && 'PresetsTableName'].filter(
          (name): name is string => typeof name === 'string',
        );
        return describeConnection({
          ...place.info,
          accountId,
          credentialsExpireAt,
          problem: missingOutputs(where, missing),
        });
      }
      const connected = describeConnection({ ...place.info, accountId, credentialsExpireAt, problem: null });
      session = await openBoothSession({
        clients,
        connection: connected,
        stack: { ...found, tables: { ...found.tables, presets, destinations } },
        settings: options.settings,
        operatorSettings,
        notifier,
        incidents,
        logger,
        now,
        publish: sessionPublish,
        tuning: options,
        principal: identity.principal,
        env,
        onShowChanged: publishShow,
      });
      return connected;
    } catch (error) {
      const problem = connectionProblem(error, where);
      logger.warn('connection: the console runs disconnected', { problem: problem.message });
      return describeConnection({ ...place.info, accountId, credentialsExpireAt, problem });
    }
  }

  // One attempt at a time: a second choice made while one connects waits for it, then replaces it.
  let queue: Promise<unknown> = Promise.resolve();
  function connect(next: ConnectionChoice): Promise<ConnectionInfo> {
    const run = queue.then(async () => {
      connecting = true;
      try {
        info = await attempt(next);
      } finally {
        connecting = false;
      }
      routerPublish('connection.changed', info);
      publishShow();
      for (const listener of listeners) listener(info);
      return info;
    });
    queue = run.catch(() => undefined);
    return run;
  }

  const current = (): ConnectionInfo => {
    if (!info) throw new BoothError('unavailable', 'The console is still connecting.');
    return info;
  };

  function notConnected(): BoothError {
    if (connecting || !info) return new BoothError('unavailable', 'The console is connecting; try again in a moment.');
    const problem = info.problem;
    if (!problem) return new BoothError('unavailable', 'The console is not connected.');
    // Windows add their own ". Retrying…" after it.
    return new BoothError(PROBLEM_CODES[problem.kind], `Not connected: ${problem.message.replace(/\.$/, '')}`);
  }

  const local = {
    ...createConnectionFeature(options.settings, {
      current,
      connect,
      retry: () => connect(choice),
    }).handlers,
    ...createReadinessFeature(
      () => ({
        connection: current(),
        clients,
        stack,
        destinations: session?.destinations() ?? [],
      }),
      () => showPlans.get(),
      now,
    ).handlers,
    ...show.handlers,
    ...createLocalOperatorFeature(notifier, operatorSettings).handlers,
    ...createIncidentsFeature(incidents, now).handlers,
  };

  /** A channel that needs the stack answers from the current connection, or says why there is none. */
  async function viaSession(channel: SessionChannel, input: unknown, caller: CallerIdentity): Promise<unknown> {
    const active = session;
    if (!active) throw notConnected();
    const handler = active.handlers[channel] as (input: unknown, caller: CallerIdentity) => Promise<unknown>;
    const output = await handler(input, caller);
    if (channel === 'destinations.snapshot') return destinationsSeq.shift(output as { seq: number });
    if (channel === 'flow.snapshot') return flowSeq.shift(output as { seq: number });
    return output;
  }
  const handlers: Record<string, unknown> = { ...local };
  for (const channel of Object.keys(INVOKE_ROLES) as InvokeChannel[]) {
    if (!(channel in local))
      handlers[channel] = (input: unknown, caller: CallerIdentity) =>
        viaSession(channel as SessionChannel, input, caller);
  }
  // Every channel is either answered here (connection, readiness, the operator's own settings) or by the session.
  const router = createRouter(handlers as InvokeHandlers, logger);
  routerPublish = (channel, payload) => router.publish(channel, payload);

  try {
    await connect(choice);
  } catch (error) {
    await stopCurrent();
    await (simulator as RunningSimulator | null)?.close();
    throw error;
  }

  return {
    router,
    get connection() {
      return current();
    },
    settings: operatorSettings,
    get sessionId() {
      return session?.sessionId ?? null;
    },
    get simulator() {
      return simulator;
    },
    destinationIds: () => session?.destinationIds() ?? [],
    reloadDestinations: async () => session?.reloadDestinations(),
    onConnectionChanged(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    async close() {
      await queue;
      await stopCurrent();
      await simulator?.close();
    },
  };
}
