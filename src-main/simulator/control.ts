import { randomUUID } from 'node:crypto';
import type { ScheduleWorld } from './world/schedules';
import type { ConfidenceWorld } from './world/confidence';
import type { FaultInjector, FaultRule, FaultRuleInput } from './faults';
import type { RequestLog, RequestLogEntry, RequestLogFilter } from './request-log';
import type { SimTimings } from './timings';
import type { World } from './world';
import type { ChannelPicture, ChannelState } from './world/channels';
import type { EventDelivery, EventLogEntry } from './world/events';
import type { FlowStatus } from './world/flow';
import type { IdentityCenterState } from './world/identity-center';
import type { SourceSignalState } from './world/signal';
import { isObject, type JsonObject } from './world/wire';

export interface SimChannelState {
  id: string;
  name: string;
  destinationId: string | null;
  state: ChannelState;
  pipelinesRunningCount: number;
  paused: boolean;
  /** The attachment the running channel ingests (null when not running). */
  activeInputAttachment: string | null;
  /** What it sends: the live input, the file (slate), or the input-loss image (null when not running). */
  picture: ChannelPicture | null;
}

export interface SimState {
  flow: {
    arn: string;
    name: string;
    status: FlowStatus;
    activeSource: string | null;
    failover: {
      state: string | null;
      failoverMode: string | null;
      recoveryWindow: number | null;
      primarySource: string | null;
    };
  };
  sources: SourceSignalState[];
  channels: SimChannelState[];
  timings: SimTimings;
  faults: FaultRule[];
}

/** Control surface for tests and rehearsals (also served over HTTP under /_sim/). */
export interface SimulatorControl {
  state(): SimState;
  /** The Scheduler's schedules: list, fire one now, remove one as someone else would. */
  readonly schedules: ScheduleWorld;
  /** Thumbnail faults, channels' thumbnails on or off, and their CloudWatch figures. */
  readonly confidence: ConfidenceWorld;
  channelState(channelId: string): ChannelState | null;
  /** Same state machine as StartChannel (throws the AWS error the API would return). */
  startChannel(channelId: string): ChannelState;
  stopChannel(channelId: string): ChannelState;
  /** RUNNING -> RECOVERING, then RUNNING (recover, default) or IDLE after afterMs (default channelStartMs). */
  failChannel(channelId: string, opts?: { recover?: boolean; afterMs?: number }): ChannelState;
  deleteChannel(channelId: string): void;
  restoreChannel(channelId: string): ChannelState;
  startFlow(): FlowStatus;
  stopFlow(): FlowStatus;
  activeSource(): string | null;
  loseSource(name: string): void;
  restoreSource(name: string): void;
  rampPacketLoss(name: string, opts: { toPercent: number; overMs: number }): void;
  /** null restores the seeded bitrate. */
  setBitrate(name: string, bps: number | null): void;
  /** Takes one metric sample now (besides the periodic ones). */
  sampleNow(): void;
  addFault(rule: FaultRuleInput): FaultRule;
  removeFault(id: string): boolean;
  clearFaults(): void;
  faults(): FaultRule[];
  requests(filter?: RequestLogFilter): RequestLogEntry[];
  clearRequests(): void;
  timings(): SimTimings;
  setTimings(partial: Partial<SimTimings>): SimTimings;
  /** How events reach the queues (delay, duplicates, reordering). */
  eventDelivery(): EventDelivery;
  setEventDelivery(partial: Partial<EventDelivery>): EventDelivery;
  /** The events sent so far (the last 200). */
  events(): EventLogEntry[];
  /** Puts an event that is not the booth's, or not an event at all, on the queues. */
  injectEvent(kind: InjectedEventKind, channelId?: string): void;
  /**
   * MediaLive raises (SET) or clears (CLEARED) an alert on a channel: a "MediaLive Channel Alert" event. A SET without
   * `alarmId` gets a new one (returned); a CLEARED names the alert it clears.
   */
  channelAlert(
    channelId: string,
    alert: { state: 'SET' | 'CLEARED'; alarmId?: string; type?: string; message?: string },
  ): { alarmId: string };
  /** The queues and how many messages each holds. */
  queues(): { name: string; visible: number; inFlight: number }[];
  deleteQueue(name: string): void;
  /** Creates the queue again, empty (as redeploying the stack would). */
  restoreQueue(name: string): void;
  /** IAM Identity Center: device authorizations (user codes and states) and portal sessions; no token or secret. */
  ssoState(): IdentityCenterState;
  /** Approves (or denies) the newest pending device authorization, or the one with this user code; 404 when none. */
  decideSignIn(decision: 'approved' | 'denied', userCode?: string): { userCode: string; state: string };
  /** Ends every portal session now: tokens, refreshes and the role credentials they gave are refused from here on. */
  expireSsoSessions(): { ended: number };
  /** The length of portal sessions (default 8 h) and of device codes (default 600 s) started from now on. */
  setSsoTimings(timings: { sessionMs?: number; deviceCodeSeconds?: number }): IdentityCenterState;
  /** Resolves when the channel reaches `state` (polls every 10 ms of the simulator's clock); rejects after timeoutMs. */
  waitForChannelState(channelId: string, state: ChannelState | null, timeoutMs?: number): Promise<void>;
}

export const INJECTED_EVENT_KINDS = [
  'malformed',
  'not-an-event',
  'foreign-account',
  'unknown-channel',
  'unknown-state',
  'other-service',
] as const;
export type InjectedEventKind = (typeof INJECTED_EVENT_KINDS)[number];

export interface ControlDeps {
  world: World;
  faults: FaultInjector;
  log: RequestLog;
  getTimings: () => SimTimings;
  setTimings: (partial: Partial<SimTimings>) => SimTimings;
  sampleNow: () => void;
  delay: (ms: number) => Promise<void>;
  now: () => number;
}

export function createControl(deps: ControlDeps): SimulatorControl {
  const { world } = deps;
  const destinationOf = new Map(world.seed.topology.destinations.map((d) => [d.channelId, d.id]));
  const state = (id: string): ChannelState => world.channels.state(id) ?? 'DELETED';

  const control: SimulatorControl = {
    schedules: world.schedules,
    confidence: world.confidence,
    state() {
      const cfg = world.flow.failoverConfig();
      const sp = cfg['sourcePriority'];
      return {
        flow: {
          arn: world.flow.arn,
          name: world.flow.name,
          status: world.flow.getStatus(),
          activeSource: world.flow.activeSource(),
          failover: {
            state: typeof cfg['state'] === 'string' ? cfg['state'] : null,
            failoverMode: typeof cfg['failoverMode'] === 'string' ? cfg['failoverMode'] : null,
            recoveryWindow: typeof cfg['recoveryWindow'] === 'number' ? cfg['recoveryWindow'] : null,
            primarySource: isObject(sp) && typeof sp['primarySource'] === 'string' ? sp['primarySource'] : null,
          },
        },
        sources: world.signal.state(),
        channels: world.channels.list().map((c: JsonObject) => ({
          id: String(c['id']),
          name: String(c['name']),
          destinationId: destinationOf.get(String(c['id'])) ?? null,
          state: c['state'] as ChannelState,
          pipelinesRunningCount: Number(c['pipelinesRunningCount'] ?? 0),
          paused: world.channels.paused(String(c['id'])),
          activeInputAttachment: world.channels.activeInputAttachment(String(c['id'])),
          picture: world.channels.picture(String(c['id'])),
        })),
        timings: deps.getTimings(),
        faults: deps.faults.list(),
      };
    },
    channelState: (id) => world.channels.state(id),
    startChannel: (id) => {
      world.channels.start(id);
      return state(id);
    },
    stopChannel: (id) => {
      world.channels.stop(id);
      return state(id);
    },
    failChannel: (id, opts) => {
      world.channels.fail(id, opts);
      return state(id);
    },
    deleteChannel: (id) => world.channels.delete(id),
    restoreChannel: (id) => {
      world.channels.restore(id);
      return state(id);
    },
    startFlow: () => world.flow.start(),
    stopFlow: () => world.flow.stop(),
    activeSource: () => world.flow.activeSource(),
    loseSource: (name) => {
      const was = world.signal.state().find((x) => x.name === name)?.connected;
      world.signal.lose(name);
      const arn = world.signal.sourceArn(name);
      if (was && arn) world.events.sourceHealth(world.flow.arn, arn, false);
    },
    restoreSource: (name) => {
      const was = world.signal.state().find((x) => x.name === name)?.connected;
      world.signal.restore(name);
      const arn = world.signal.sourceArn(name);
      if (was === false && arn) world.events.sourceHealth(world.flow.arn, arn, true);
    },
    rampPacketLoss: (name, opts) => world.signal.rampPacketLoss(name, opts.toPercent, opts.overMs),
    setBitrate: (name, bps) => world.signal.setBitrate(name, bps),
    sampleNow: () => deps.sampleNow(),
    addFault: (rule) => deps.faults.add(rule),
    removeFault: (id) => deps.faults.remove(id),
    clearFaults: () => deps.faults.clear(),
    faults: () => deps.faults.list(),
    requests: (filter) => deps.log.list(filter),
    clearRequests: () => deps.log.clear(),
    timings: () => deps.getTimings(),
    setTimings: (partial) => deps.setTimings(partial),
    eventDelivery: () => world.events.settings(),
    setEventDelivery: (partial) => world.events.configure(partial),
    events: () => world.events.log(),
    injectEvent(kind, channelId) {
      const channel = channelId ?? world.channels.ids()[0] ?? '0';
      const arn = `arn:aws:medialive:${world.region}:${world.accountId}:channel:${channel}`;
      const stateChange = (a: string, state: string, account = world.accountId) =>
        JSON.stringify(
          world.events.envelope(
            'MediaLive Channel State Change',
            'aws.medialive',
            [a],
            { channel_arn: a, state, message: 'Injected', pipelines_running_count: 0 },
            { account },
          ),
        );
      switch (kind) {
        case 'malformed':
          return world.events.injectRaw('{"version":"0","id":');
        case 'not-an-event':
          return world.events.injectRaw('hello');
        case 'foreign-account':
          return world.events.injectRaw(
            stateChange(`arn:aws:medialive:${world.region}:999988887777:channel:${channel}`, 'RUNNING', '999988887777'),
          );
        case 'unknown-channel':
          return world.events.injectRaw(
            stateChange(`arn:aws:medialive:${world.region}:${world.accountId}:channel:0000000`, 'RUNNING'),
          );
        case 'unknown-state':
          return world.events.injectRaw(stateChange(arn, 'LEVITATING'));
        case 'other-service':
          return world.events.injectRaw(
            JSON.stringify(world.events.envelope('EC2 Instance State-change Notification', 'aws.ec2', [], {})),
          );
      }
    },
    channelAlert(channelId, alert) {
      if (!world.channels.ids().includes(channelId)) throw new Error(`no channel ${channelId}`);
      if (alert.state === 'CLEARED' && !alert.alarmId) throw new Error('a CLEARED alert names the alarmId it clears');
      const alarmId = alert.alarmId ?? randomUUID().replaceAll('-', '');
      world.events.channelAlert(`arn:aws:medialive:${world.region}:${world.accountId}:channel:${channelId}`, {
        state: alert.state,
        id: alarmId,
        // An alert type and message as AWS's example has them ("JSON for an alert event", MediaLive User Guide).
        type: alert.type ?? 'Failed to Create Output File or Socket',
        message: alert.message ?? 'MPEGTS muxer for mediaID [1] unable to open output or stream.',
      });
      return { alarmId };
    },
    queues: () =>
      world.queues.names().map((name) => {
        const a = world.queues.attributes(name);
        return {
          name,
          visible: Number(a['ApproximateNumberOfMessages']),
          inFlight: Number(a['ApproximateNumberOfMessagesNotVisible']),
        };
      }),
    deleteQueue: (name) => world.queues.delete(name),
    restoreQueue: (name) => {
      world.queues.create(name, { MessageRetentionPeriod: '300' });
    },
    ssoState: () => world.sso.state(),
    decideSignIn: (decision, userCode) => world.sso.decide(decision, userCode),
    expireSsoSessions: () => ({ ended: world.sso.expireSessions() }),
    setSsoTimings: ({ sessionMs, deviceCodeSeconds }) => {
      if (sessionMs !== undefined && !(Number.isFinite(sessionMs) && sessionMs >= 1_000))
        throw new Error('sessionMs must be a number of milliseconds, at least 1000');
      if (deviceCodeSeconds !== undefined && !(Number.isInteger(deviceCodeSeconds) && deviceCodeSeconds >= 1))
        throw new Error('deviceCodeSeconds must be a whole number of seconds, at least 1');
      if (sessionMs !== undefined) world.sso.sessionLengthMs = sessionMs;
      if (deviceCodeSeconds !== undefined) world.sso.deviceCodeSeconds = deviceCodeSeconds;
      return world.sso.state();
    },
    async waitForChannelState(id, wanted, timeoutMs = 10_000) {
      const deadline = deps.now() + timeoutMs;
      while (world.channels.state(id) !== wanted) {
        if (deps.now() > deadline) {
          throw new Error(
            `channel ${id} did not reach ${String(wanted)} within ${timeoutMs} ms (now ${String(world.channels.state(id))})`,
          );
        }
        await deps.delay(10);
      }
    },
  };
  return control;
}
