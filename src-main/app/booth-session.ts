import type { DestinationState } from '../../shared/domain/channel';
import { hostname } from 'node:os';
import type { ConnectionInfo } from '../../shared/domain/connection';
import type { Notification } from '../../shared/domain/notification';
import type { AwsClients } from '../aws/clients';
import { mapAwsError } from '../aws/errors';
import type { RetryPolicy } from '../aws/retry';
import { OfflineCatalog } from '../core/catalog-cache';
import { ChannelActions } from '../core/channels/channel-actions';
import { ChannelAlarms } from '../core/channels/channel-alarms';
import { ChannelMonitor, type ChannelMonitorOptions } from '../core/channels/channel-monitor';
import { ChannelEventReader, type EventReaderOptions } from '../core/events/event-reader';
import { ChannelAlertEvents } from '../core/channels/alert-events';
import { EventSeat } from '../core/events/event-seat';
import { ForgottenChannelWatch, type ForgottenChannelOptions } from '../core/channels/forgotten-channels';
import { StateNotifications } from '../core/channels/state-notifications';
import { OnAirTagWriter } from '../core/channels/on-air-tags';
import { SafetyStops } from '../core/channels/safety-stop';
import { WarmStandby, type WarmStandbyDeps } from '../core/channels/warm-standby';
import { WarmInputLoss } from '../core/channels/warm-standby-loss';
import { CostMeter } from '../core/costs/cost-meter';
import { monthSpendStore, startCostTicker } from '../core/costs/cost-wiring';
import { SharedMonthSpend } from '../core/costs/shared-month';
import { flowReading } from '../core/costs/flow-usage';
import { countMetricsRequested } from '../core/costs/metrics-requested';
import { watchCredentialExpiry } from '../core/credentials-watch';
import { readConfiguredDestinations } from '../core/destinations/configured-destinations';
import { createDestinationStore } from '../core/destinations/destination-store';
import type { FlowMonitorOptions } from '../core/flow/flow-monitor';
import type { Logger } from '../core/logger';
import type { Notifier } from '../core/notifications/notifier';
import type { IncidentLog } from '../core/incidents/incident-log';
import type { IncidentEntry } from '../../shared/domain/incident';
import type { ShowTimeline } from '../../shared/domain/show-time';
import type { OperatorSettingsService } from '../core/operator-settings-service';
import { createPresetStore } from '../core/presets/preset-store';
import { seedPresets } from '../core/presets/seed-presets';
import { SessionRecorder } from '../core/sessions/session-recorder';
import { indexEarlierRecords } from '../core/sessions/show-store';
import type { SettingsStore } from '../core/settings';
import type { StackTopology } from '../core/stack/stack-outputs';
import type { InvokeHandlers, Router } from '../ipc/router';
import { createAdminFeature, type AdminChannel } from './admin-feature';
import type { FeatureContext } from './feature';
import { createConfidenceFeature, type ConfidenceChannel } from './confidence-feature';
import { createFlowFeature, type FlowChannel } from './flow-feature';
import { createHistoryFeature, type HistoryChannel } from './history-feature';
import { createOperatorFeature } from './operator-feature';
import { resumeShow } from './show-resume';
import { createCostsFeature, type CostsChannel } from './costs-feature';
import { createWarmFeature, type WarmChannel } from './warm-feature';
import { takeModeStore } from './warm-modes';

const DEFAULT_FORGOTTEN = { graceMs: 3 * 60_000, repeatMs: 5 * 60_000, checkEveryMs: 15_000 };

/** The channels only a connected console can answer: they read the stack's channels, flow and tables. */
export type SessionChannel =
  | 'destinations.snapshot'
  | 'channels.start'
  | 'channels.stop'
  | 'channels.endAll'
  | 'channels.acknowledgeAlarm'
  | 'channels.acknowledgeFailure'
  | 'costs.snapshot'
  | 'updates.snapshot'
  | AdminChannel
  | FlowChannel
  | HistoryChannel
  | ConfidenceChannel
  | WarmChannel
  | CostsChannel;

export interface SessionTuning {
  monitor?: Partial<ChannelMonitorOptions>;
  retry?: RetryPolicy;
  forgotten?: Partial<ForgottenChannelOptions>;
  costTickMs?: number;
  flow?: Partial<FlowMonitorOptions>;
  events?: Pick<EventReaderOptions, 'waitSeconds' | 'retryMs' | 'maxRetryMs'> & { seatLeaseMs?: number };
  warm?: Pick<WarmStandbyDeps, 'readEveryMs' | 'switchReadEveryMs' | 'standbyWarnAfterMs'>;
}

export interface SessionInput {
  clients: AwsClients;
  connection: ConnectionInfo;
  stack: StackTopology & { tables: { presets: string; destinations: string } };
  settings: SettingsStore;
  operatorSettings: OperatorSettingsService;
  notifier: Notifier;
  incidents: IncidentLog;
  logger: Logger;
  now: () => number;
  publish: Router['publish'];
  tuning: SessionTuning;
  /** The person or role behind the credentials (from the caller ARN), named on the channels this console starts. */
  principal?: string | null;
  /** The show's timeline changed (a take, a destination on or off air, End all). */
  onShowChanged?: () => void;
  env?: NodeJS.ProcessEnv;
  /** When control ends (the IAM Identity Center session), for the warnings at 60, 15 and 5 minutes. */
  controlEndsAt?: () => Promise<number | null>;
  /** Subscribes to changes of the show plan (its end moves the safety stops); returns the unsubscribe. */
  onPlanChanged?: (listener: () => void) => () => void;
}

/** Everything the console runs for one connection (account, region, stack); replaced whole on a reconnect. */
export interface BoothSession {
  handlers: Pick<InvokeHandlers, SessionChannel>;
  sessionId: string;
  destinations(): FeatureContext['destinations'];
  destinationIds(): string[];
  /** A destination's state as last confirmed (UNKNOWN when it is not in the show). */
  stateOf(destinationId: string): DestinationState;
  reloadDestinations(): Promise<void>;
  /** The show so far, from this connection's session record. */
  showTimeline(): ShowTimeline;
  /** Keeps a notification in the show's session record. */
  note(notification: Notification): void;
  /** Keeps an incident (new, or one that gained its end) in the show's session record. */
  noteIncident(entry: IncidentEntry): void;
  /** Warns at once when control has ended or will end soon (a sign-in refused early), not at the next minute. */
  checkControlDeadline(): void;
  /** Stops the monitors and timers of this connection; never touches a channel in AWS. */
  stop(): Promise<void>;
}

/**
 * Reads destinations and presets from the stack's tables and starts the monitors. Throws when the tables
 * cannot be read (and there is no offline copy): the console then stays disconnected with the reason.
 */
export async function openBoothSession(input: SessionInput): Promise<BoothSession> {
  const { clients, connection, stack, logger, now, notifier, publish, tuning } = input;
  const catalog = new OfflineCatalog(input.settings, logger, now);
  const presetStore = catalog.presets(createPresetStore(clients.dynamo, stack.tables.presets, logger));
  await seedPresets(presetStore, logger);
  const destinationStore = catalog.destinations(
    createDestinationStore(clients.dynamo, stack.tables.destinations, logger, stack),
  );
  const readDestinations = () => readConfiguredDestinations(destinationStore, presetStore, stack);
  const destinations = await readDestinations();

  const who = connection.mode === 'aws' ? `profile:${connection.profile}` : 'simulation';
  // Names this console on the channels it starts (LUNORA_CONSOLE_NAME, else the machine's name).
  const consoleName = (input.env ?? process.env)['LUNORA_CONSOLE_NAME']?.trim() || hostname();
  const operatorName = input.principal ? `${input.principal} via ${who}` : who;
  const sessions = new SessionRecorder(clients.dynamo, stack.tables.sessions, who, logger, {
    now,
    consoleName,
    operator: operatorName,
    ratePerHour: (id): number => costs.ratePerHour(id),
  });
  const stateNotifications = new StateNotifications(notifier, now, (id) => warm.onSlate(id));
  const alarms = new ChannelAlarms(notifier, now);
  const profiles = new Map(destinations.map((d) => [d.id, d.encoding]));
  const sharedMonth = stack.tables.sessions
    ? new SharedMonthSpend({
        dynamo: clients.dynamo,
        table: stack.tables.sessions,
        sessionId: () => sessions.sessionId,
        logger,
        now,
      })
    : null;
  const costs = new CostMeter({
    rates: () => input.operatorSettings.get().rateCard,
    budgetUsd: () => input.operatorSettings.get().monthlyBudgetUsd,
    profile: (id) => profiles.get(id) ?? null,
    spend: monthSpendStore(input.settings),
    now,
    ...(sharedMonth ? { sharedMonth: (month: string) => sharedMonth.current(month) } : {}),
  });
  countMetricsRequested(clients.cloudwatch, (metrics) => costs.recordMetricsRequested(metrics));
  const destinationListeners = new Set<() => void>();
  const forgotten = new ForgottenChannelWatch(notifier, (id) => costs.ratePerHour(id), {
    ...DEFAULT_FORGOTTEN,
    now,
    ...tuning.forgotten,
  });
  const safetyStops = new SafetyStops({
    scheduler: clients.scheduler,
    group: stack.safetyStop?.group ?? null,
    roleArn: stack.safetyStop?.roleArn ?? null,
    region: connection.region ?? '',
    monitor: { setSafetyStop: (id, value) => monitor.setSafetyStop(id, value) },
    notifier,
    logger,
    now,
    graceMinutes: () => input.operatorSettings.get().safetyGraceMinutes,
    plannedEnd: () => input.settings.get().showPlan?.endsAt ?? null,
    ...(tuning.retry ? { retry: tuning.retry } : {}),
  });
  alarms.explainStopsWith((id) => safetyStops.explain(id));
  const monitor = new ChannelMonitor(
    clients.medialive,
    destinations,
    (feed) => {
      publish('destinations.feed', feed);
      const changed = feed.kind === 'snapshot' ? feed.destinations : feed.changed;
      stateNotifications.observe(changed);
      costs.observe(changed);
      if (sessions.observe(changed)) {
        void sessions.flush(costs.snapshot());
        input.onShowChanged?.();
      }
      onAirTags.observe(changed);
      safetyStops.observe(changed);
      warm.observe(changed);
      warmLoss.review(monitor.snapshot().destinations);
      forgotten.observe(monitor.snapshot().destinations);
      for (const listener of destinationListeners) listener();
    },
    logger,
    {
      ...tuning.monitor,
      now,
      consoleName,
      // A running channel whose input is not read yet says so in the same delta as its state (never ON AIR first).
      review: (previous, next) => warm.review(alarms.review(previous, next)),
    },
  );
  const onAirTags = new OnAirTagWriter({
    medialive: clients.medialive,
    channelTags: (id) => monitor.channelTags(id),
    identity: { console: consoleName, operator: operatorName },
    sessionId: () => sessions.sessionId,
    notifier,
    logger,
  });
  // Warm standby's start is the cold start (its safety stop, tags and alarms included); its take replaces StartChannel.
  const warm: WarmStandby = new WarmStandby({
    medialive: clients.medialive,
    monitor,
    startChannel: (id) => actions.startChannel(id),
    modes: takeModeStore(input.settings),
    ratePerHour: (id): number => costs.ratePerHour(id),
    notifier,
    logger,
    now,
    ...tuning.warm,
    ...(tuning.retry ? { retry: tuning.retry } : {}),
  });
  const warmLoss = new WarmInputLoss(input.incidents, now);
  const actions: ChannelActions = new ChannelActions({
    medialive: clients.medialive,
    monitor,
    notifier,
    stateNotifications,
    alarms,
    forgotten,
    onAirTags,
    safetyStop: safetyStops,
    warm,
    logger,
    now,
    ...(tuning.retry ? { retry: tuning.retry } : {}),
  });
  const context: FeatureContext = {
    clients,
    connection,
    stack,
    destinations,
    monitor,
    notifier,
    incidents: input.incidents,
    presetStore,
    destinationStore,
    catalog,
    settings: input.settings,
    logger,
    publish,
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
      costs.retain(next.map((d) => d.id));
      context.destinations = next;
      await monitor.reconfigure(next);
    } catch (error) {
      logger.warn('destinations: reload after an admin change failed', {
        message: mapAwsError(error, 'Reload destinations').message,
      });
    }
  };
  // Channel changes pushed by AWS: EventBridge -> this console's seat queue -> the tiles at once; the monitor's poll
  // then only reconciles, and takes over at its usual cadence whenever the queue cannot be read.
  const seat = new EventSeat({
    dynamo: clients.dynamo,
    table: stack.tables.sessions,
    queues: stack.events?.queues ?? [],
    owner: `${consoleName} (${who})`,
    logger,
    now,
    ...(tuning.events?.seatLeaseMs ? { leaseMs: tuning.events.seatLeaseMs } : {}),
  });
  const eventReader = new ChannelEventReader({
    sqs: clients.sqs,
    queue: () => seat.choice(),
    account: connection.accountId,
    region: connection.region ?? '',
    target: monitor,
    logger,
    now,
    onStatus: (status) => publish('updates.feed', status),
    alerts: new ChannelAlertEvents(monitor, notifier, now),
    sourceAlarms: stack.events?.sourceAlarms ?? [],
    ...tuning.events,
  });
  const operator = createOperatorFeature(context, {
    actions,
    costs,
    updates: () => eventReader.current(),
    onEndAll: () => {
      sessions.markEndAll();
      input.onShowChanged?.();
    },
  });
  const admin = createAdminFeature(context, { onChanged: () => void reloadDestinations() });
  const flow = createFlowFeature(context, tuning.flow, (state) => {
    costs.observeFlow(flowReading(state));
    if (state.unconfirmed === null) warmLoss.observeInput(state.inputOutage, monitor.snapshot().destinations);
  });
  eventReader.attachFlow(flow.events);
  const history = createHistoryFeature(context);
  const confidence = createConfidenceFeature(context);
  const warmFeature = createWarmFeature(warm);
  const costsFeature = createCostsFeature({
    pricing: clients.pricing,
    region: connection.region ?? '',
    settings: input.operatorSettings,
    logger,
    now,
  });
  const features = [operator, admin, flow, history, confidence, warmFeature];
  if (catalog.servedFromCacheAt !== null) {
    notifier.notify({
      level: 'warning',
      kind: 'alert',
      title: 'Offline copy of destinations and presets',
      message: `DynamoDB could not be reached; the console shows the copy saved at ${new Date(catalog.servedFromCacheAt).toLocaleString()}. Channel states still come from MediaLive; the admin window is read-only until DynamoDB answers.`,
    });
  }
  // Records of earlier versions (one item per session) join the index once, so the history and the month list them.
  if (stack.tables.sessions) {
    const table = stack.tables.sessions;
    void indexEarlierRecords(clients.dynamo, table, logger).catch((error: unknown) =>
      logger.warn('sessions: could not index the records of earlier versions', {
        message: mapAwsError(error, 'Read the sessions table').message,
      }),
    );
  }
  await monitor.refresh();
  // Channels already live (this console restarted mid-show, or another console runs the show): continue the
  // show's session record and its cost before metering anything.
  await resumeShow({ monitor, sessions, costs, notifier, logger, consoleName, now });
  // After the resume: the month's other shows leave out this show, whichever record it continues.
  sharedMonth?.start();
  const initial = monitor.snapshot().destinations;
  stateNotifications.observe(initial);
  costs.observe(initial);
  sessions.observe(initial);
  onAirTags.observe(initial);
  monitor.start();
  await seat.take();
  seat.startRenewing();
  eventReader.start();
  forgotten.startChecking(() => monitor.snapshot().destinations);
  for (const feature of features) await feature.start?.();
  const controlEndsAt = input.controlEndsAt;
  const credentials = controlEndsAt ? watchCredentialExpiry(controlEndsAt, notifier, { now }) : null;
  void credentials?.check();
  // The schedules move with the planned end, and one deleted in AWS by someone else is made again.
  const stopPlanWatch = input.onPlanChanged?.(() => void safetyStops.replan());
  const stopGraceWatch = input.operatorSettings.onChange(() => void safetyStops.replan());
  const safetyCheck = setInterval(() => void safetyStops.verify(), 60_000);
  safetyCheck.unref?.();
  const costTicker = startCostTicker(
    costs,
    (snapshot) => publish('costs.feed', snapshot),
    tuning.costTickMs ?? 2_000,
    () => {
      void sessions.flush(costs.snapshot());
      // A tag write that failed is tried again here, as a steady channel brings no change to retry it on.
      onAirTags.observe(monitor.snapshot().destinations);
    },
  );
  // The windows may hold the previous connection's tiles and flow: give them this one's now.
  publish('destinations.feed', monitor.snapshot());
  publish('flow.feed', await flow.handlers['flow.snapshot']({}, { role: 'operator' }));
  publish('costs.feed', costs.snapshot());
  input.onShowChanged?.();
  publish('updates.feed', eventReader.current());

  return {
    handlers: {
      ...operator.handlers,
      ...admin.handlers,
      ...flow.handlers,
      ...history.handlers,
      ...confidence.handlers,
      ...warmFeature.handlers,
      ...costsFeature.handlers,
    },
    get sessionId() {
      return sessions.sessionId;
    },
    destinations: () => context.destinations,
    showTimeline: () => sessions.timeline(),
    destinationIds: () => monitor.snapshot().destinations.map((d) => d.id),
    stateOf: (id) => monitor.snapshot().destinations.find((d) => d.id === id)?.state ?? 'UNKNOWN',
    reloadDestinations,
    note: (notification) => sessions.note(notification),
    noteIncident: (entry) => sessions.incidents.appendIncident(entry),
    checkControlDeadline: () => void credentials?.check(),
    async stop() {
      clearInterval(safetyCheck);
      stopPlanWatch?.();
      stopGraceWatch();
      costTicker.stop();
      sharedMonth?.stop();
      forgotten.stopChecking();
      credentials?.stop();
      for (const feature of features) await feature.stop?.();
      costs.persist();
      await sessions.flush(costs.snapshot(), true);
      await eventReader.stop();
      await seat.release();
      monitor.stop();
    },
  };
}
