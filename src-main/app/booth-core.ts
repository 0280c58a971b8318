import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { SSOClient } from '@aws-sdk/client-sso';
import { SSOOIDCClient } from '@aws-sdk/client-sso-oidc';
import type { ConnectionInfo, ConnectionProblem } from '../../shared/domain/connection';
import type { ControlDeadline } from '../../shared/domain/sign-in';
import type { DestinationsFeed } from '../../shared/domain/destination';
import { BoothError, type ErrorCode } from '../../shared/domain/errors';
import type { FlowFeed } from '../../shared/domain/flow';
import { INVOKE_ROLES, type InvokeChannel } from '../../shared/ipc/channels';
import { createAwsClients, type AwsClients, type ClientTuning } from '../aws/clients';
import { configuredEndpoints } from '../aws/endpoints';
import { describeRegionSource, resolveRegion } from '../aws/region';
import { readSessionDeadline } from '../aws/sso/session-deadline';
import { readSharedConfig } from '../aws/sso/shared-config';
import { createSsoCredentials, type SsoCredentials } from '../aws/sso/sso-credentials';
import { resolveSsoProfile, SsoConfigError, type SsoProfile } from '../aws/sso/sso-profile';
import { systemClock, type Clock } from '../core/clock';
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
import type { AwsCaller } from '../../shared/domain/caller-identity';
import { describeConnection, readCallerIdentity } from './connection-info';
import { chooseConnection, externalSimulator, type ConnectionChoice } from './connection-mode';
import { connectionProblem, missingOutputs, missingRegion } from './connection-problem';
import { FeedSequence } from './feed-sequence';
import { createLocalOperatorFeature } from './operator-feature';
import { createIncidentsFeature } from './incidents-feature';
import { createRemoteFeature } from './remote-feature';
import { createRemoteControl } from './remote-control';
import type { RemoteStatus } from '../../shared/ipc/features/remote.contract';
import { IncidentLog } from '../core/incidents/incident-log';
import { createReadinessFeature } from './readiness-feature';
import { readinessCounts, ShowReminders } from '../core/show-reminders';
import { createShowFeature } from './show-feature';
import { createShowPlanService } from '../core/show-plan-service';
import { ShowStandbyOffer } from '../core/show-standby-offer';
import { EMPTY_TIMELINE } from '../../shared/domain/show-time';
import { createSignInService } from './sso-sign-in';

export interface BoothCoreOptions extends SessionTuning {
  settings: SettingsStore;
  logger: Logger;
  env?: NodeJS.ProcessEnv;
  simulator?: SimulatorOptions;
  /** SDK request timeouts (tests shorten them). */
  aws?: ClientTuning;
  now?: () => number;
  /** Where the sign-in waits between polls (tests pass a ManualClock). */
  clock?: Clock;
  /** Opens a verification page in the system browser (the desktop shell's allow-listed shell.openExternal). */
  openExternal?: (url: string) => Promise<boolean>;
  /**
   * Simulation that needs an IAM Identity Center sign-in, as an AWS account would (LUNORA_SIM_SSO=1): the
   * credentials come from the simulator's portal and end when its session does.
   */
  simulatorSignIn?: boolean;
  /** The control API's port instead of the stored one (tests and benches: 0, any free port). */
  controlPort?: number;
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
  /** Where the control API (Stream Deck, Companion) listens, or why it does not. */
  readonly controlApi: RemoteStatus;
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
  /** The IAM Identity Center sign-in the credentials come from, when they do. */
  sso: { profile: SsoProfile; endpoint?: string } | null;
  /** Why no client can be built (the shared config is wrong); null when one can. */
  problem?: ConnectionProblem;
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
  // A plan's destinations are checked against the booth's (and their slates) while connected.
  const showPlans = createShowPlanService(options.settings, now, async () => {
    const active = session;
    if (!active) return null;
    const snapshot = await active.handlers['destinations.snapshot']({}, { role: 'operator' });
    return snapshot.destinations.map((d) => ({ id: d.id, name: d.name, warmCapable: d.warm?.capable ?? null }));
  });
  const standbyOffer = new ShowStandbyOffer(() => publishShow());
  const show = createShowFeature(showPlans, () => session?.showTimeline() ?? EMPTY_TIMELINE, now, standbyOffer);
  const publishShow = () => routerPublish('show.feed', show.snapshot());
  showPlans.onChange((plan) => {
    standbyOffer.planChanged(plan);
    publishShow();
  });
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
  const clock = options.clock ?? systemClock;
  const simulatorSignIn = options.simulatorSignIn ?? env['LUNORA_SIM_SSO']?.trim() === '1';
  /** The IAM Identity Center sign-in of the connection in use: its profile, clients and credentials. */
  let identity: { profile: SsoProfile; credentials: SsoCredentials; oidc: SSOOIDCClient; portal: SSOClient } | null =
    null;
  // The simulator's sign-ins go to a folder of this run, never to the CLI's ~/.aws/sso/cache.
  let simulatorCacheDir: string | null = null;
  /**
   * When IAM Identity Center refused the sign-in the cache still holds, and which sign-in that was (its start):
   * control ended then, whatever the cache's dates say, until a new sign-in replaces it.
   */
  let refusal: { at: number; startedAt: number } | null = null;

  function simulatedSsoProfile(sim: RunningSimulator): SsoProfile {
    simulatorCacheDir ??= mkdtempSync(path.join(tmpdir(), 'lunora-sim-sso-'));
    return {
      profile: 'simulation',
      sessionName: 'lunora-simulation',
      startUrl: `${sim.endpoint}/start`,
      ssoRegion: sim.region,
      accountId: options.simulator?.accountId ?? '123456789012',
      roleName: 'LunoraOperator',
      scopes: ['sso:account:access'],
      cacheKey: 'lunora-simulation',
      cacheDir: simulatorCacheDir,
    };
  }

  function createIdentity(profile: SsoProfile, endpoint?: string): NonNullable<typeof identity> {
    identity?.oidc.destroy();
    identity?.portal.destroy();
    const config = { region: profile.ssoRegion, maxAttempts: 2, ...(endpoint ? { endpoint } : {}) };
    const oidc = new SSOOIDCClient(config);
    const portal = new SSOClient(config);
    const credentials = createSsoCredentials({
      profile,
      sso: portal,
      oidc,
      now,
      // A refresh the console wrote keeps the session's start: the file changed, the sign-in did not.
      onTokenRefreshed: (file) => void noteOwnWrite(file),
      onSessionEnded: () => void noteSessionEnded(),
    });
    refusal = null;
    return { profile, credentials, oidc, portal };
  }

  async function noteOwnWrite(file: string): Promise<void> {
    const { stat } = await import('node:fs/promises');
    const writtenAt = (await stat(file)).mtimeMs;
    options.settings.update((current) => ({
      ...current,
      ssoSignIns: current.ssoSignIns.map((r) => (r.cacheFile === file ? { ...r, writtenAt } : r)),
    }));
  }

  async function cachedDeadline(held: NonNullable<typeof identity>): Promise<ControlDeadline | null> {
    const sessionMinutes = options.settings.get().connection.ssoSessionMinutes;
    const found = await readSessionDeadline(held.profile, options.settings.get().ssoSignIns, sessionMinutes);
    return found ? { ...found, sessionMinutes } : null;
  }

  /** When control ends for the sign-in in use, and why; null without an IAM Identity Center sign-in. */
  async function controlDeadline(): Promise<ControlDeadline | null> {
    if (!identity) return null;
    const found = await cachedDeadline(identity);
    if (found && refusal && refusal.startedAt === found.startedAt && refusal.at < found.endsAt)
      return { ...found, endsAt: refusal.at, bound: 'refused' };
    return found;
  }

  /** Both windows learn the deadline now, without a reconnect: the monitors keep running meanwhile. */
  async function publishDeadline(): Promise<void> {
    if (!info || info.status !== 'connected') return;
    const deadline = await controlDeadline();
    info = { ...info, deadline, credentialsExpireAt: deadline?.endsAt ?? null };
    routerPublish('connection.changed', info);
    for (const listener of listeners) listener(info);
    session?.checkControlDeadline();
  }

  /** IAM Identity Center refused the cached sign-in: the status bar and readiness say control has ended. */
  async function noteSessionEnded(): Promise<void> {
    const held = identity;
    if (!held) return;
    const found = await cachedDeadline(held).catch(() => null);
    if (!found || (refusal && refusal.startedAt === found.startedAt)) return;
    refusal = { at: now(), startedAt: found.startedAt };
    logger.warn('sign-in: IAM Identity Center refused the session before its expected end', {
      expectedEnd: new Date(found.endsAt).toISOString(),
    });
    await publishDeadline();
  }

  async function placeOf(next: ConnectionChoice): Promise<Place> {
    const external = next.mode === 'simulation' ? externalSimulator(env) : null;
    if (external) {
      // A simulator running as its own process keeps its world when this console restarts (rehearsing a restart).
      logger.info('connection: SIMULATION mode (simulator running as its own process)', {
        endpoint: external.endpoint,
      });
      return {
        target: { mode: 'simulation', ...external },
        sso: null,
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
        sso: simulatorSignIn ? { profile: simulatedSsoProfile(simulator), endpoint: simulator.endpoint } : null,
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
    const [resolved, endpointSources, shared] = await Promise.all([
      resolveRegion({ explicit: next.region, profile: next.profile, env }),
      configuredEndpoints(next.profile, env),
      readSharedConfig(env),
    ]);
    let ssoProfile: SsoProfile | null = null;
    let configProblem: ConnectionProblem | undefined;
    try {
      ssoProfile = await resolveSsoProfile(next.profile, shared);
    } catch (error) {
      if (!(error instanceof SsoConfigError)) throw error;
      configProblem = {
        kind: 'sign-in',
        message: `Profile ${next.profile} cannot sign in: ${error.message}`,
        fix: 'Correct the file at that line (or choose another profile in the admin window), then retry.',
      };
    }
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
      target: resolved && !configProblem ? { mode: 'aws', region: resolved.region, profile: next.profile } : null,
      sso: ssoProfile ? { profile: ssoProfile } : null,
      ...(configProblem ? { problem: configProblem } : {}),
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
    identity = place.sso ? createIdentity(place.sso.profile, place.sso.endpoint) : null;
    const canSignIn = identity !== null;
    if (!place.target) {
      const profile = place.info.profile ?? 'default';
      return describeConnection({
        ...place.info,
        accountId: null,
        credentialsExpireAt: null,
        canSignIn,
        problem: place.problem ?? missingRegion(profile),
      });
    }
    const target = place.target;
    const held = identity;
    clients = createAwsClients(
      target,
      options.aws,
      held?.credentials.provider,
      held ? () => held.credentials.reset() : undefined,
    );
    // Every request of every feature waits for its budget (MediaConnect's and CloudWatch's documented rates).
    attachRequestBudgets(clients, new RequestBudgets());
    const where = { mode: target.mode, profile: place.info.profile, region: target.region, stackName: next.stackName };
    let accountId: string | null = null;
    let caller: AwsCaller | null = null;
    let credentialsExpireAt: number | null = null;
    let deadline: ControlDeadline | null = null;
    // What both windows are told, with whatever was learnt before a failure (or the problem itself).
    const connection = (problem: ConnectionProblem | null) =>
      describeConnection({ ...place.info, accountId, caller, credentialsExpireAt, deadline, canSignIn, problem });
    try {
      const [who, found, ends] = await Promise.all([
        readCallerIdentity(clients, logger),
        discoverStack(clients.cloudformation, next.stackName),
        controlDeadline(),
      ]);
      accountId = who.accountId;
      caller = who.caller;
      deadline = ends;
      credentialsExpireAt = ends?.endsAt ?? null;
      stack = found;
      const { presets, destinations } = found.tables;
      if (!presets || !destinations) {
        const missing = [!destinations && 'DestinationsTableName', !presets && 'PresetsTableName'].filter(
          (name): name is string => typeof name === 'string',
        );
        return connection(missingOutputs(where, missing));
      }
      const connected = connection(null);
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
        principal: who.principal,
        env,
        onShowChanged: publishShow,
        controlEndsAt: async () => (await controlDeadline())?.endsAt ?? null,
        onPlanChanged: (listener) => showPlans.onChange(listener),
      });
      return connected;
    } catch (error) {
      const problem = connectionProblem(error, where);
      logger.warn('connection: the console runs disconnected', { problem: problem.message });
      return connection(problem);
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

  const signIn = createSignInService({
    target: () => (identity ? { profile: identity.profile, oidc: identity.oidc } : null),
    settings: options.settings,
    clock,
    logger,
    publish: (status) => routerPublish('connection.signInChanged', status),
    ...(options.openExternal ? { openExternal: options.openExternal } : {}),
    onSignedIn: async () => {
      identity?.credentials.reset();
      refusal = null;
      if (!info || info.status !== 'connected') {
        await connect(choice);
        return;
      }
      // Connected: the monitors keep running and sign their next request with the new credentials.
      await publishDeadline();
    },
  });

  const readiness = createReadinessFeature(
    () => ({
      connection: current(),
      clients,
      stack,
      destinations: session?.destinations() ?? [],
      controlEndsAt: async () => (await controlDeadline())?.endsAt ?? null,
    }),
    () => showPlans.get(),
    now,
  );
  // Reminders of the planned show (the checklist at the lead time, the start with nothing on air); never a take.
  const reminders = new ShowReminders({
    plan: () => showPlans.get(),
    now,
    notifier,
    logger,
    anyOnAir: () => (session?.showTimeline().onAir.since ?? null) !== null,
    readiness: async () => readinessCounts(await readiness.check()),
    // The plan's warm destinations are offered standby in the operator window; the operator confirms it there.
    onLeadTime: (plan) => standbyOffer.offer(plan, now()),
    destinationName: (id) => session?.destinations().find((d) => d.id === id)?.name ?? id,
  });
  showPlans.onChange(() => void reminders.check());

  const local = {
    ...createConnectionFeature(
      options.settings,
      {
        current,
        connect,
        retry: () => connect(choice),
      },
      signIn,
    ).handlers,
    ...readiness.handlers,
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
  // A remote act runs the very handler the window's act runs (channels.start's single-flight, the same checks).
  Object.assign(
    handlers,
    createRemoteFeature({
      now,
      timeoutMs: () => operatorSettings.get().shortcuts.armTimeoutSeconds * 1_000,
      destinationIds: () => session?.destinationIds() ?? [],
      stateOf: (id) => session?.stateOf(id) ?? 'UNKNOWN',
      operator: (channel) => handlers[channel] as InvokeHandlers[typeof channel],
      testBackup: (input, caller) => (handlers['flow.testBackup'] as InvokeHandlers['flow.testBackup'])(input, caller),
      incidents,
      publish: (channel, payload) => routerPublish(channel, payload),
    }).handlers,
  );
  const remoteControl = createRemoteControl({
    settings: options.settings,
    logger,
    incidents,
    publish: (channel, payload) => routerPublish(channel, payload),
    ...(options.controlPort !== undefined ? { port: options.controlPort } : {}),
    now,
  });
  Object.assign(handlers, remoteControl.handlers);
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
  await remoteControl.start(router);
  reminders.start();

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
    get controlApi() {
      return remoteControl.status();
    },
    async close() {
      reminders.stop();
      await remoteControl.close();
      signIn.cancel();
      await queue;
      await stopCurrent();
      identity?.oidc.destroy();
      identity?.portal.destroy();
      await simulator?.close();
    },
  };
}
