import type { FaultInjector, FaultRule, FaultRuleInput } from './faults';
import type { RequestLog, RequestLogEntry, RequestLogFilter } from './request-log';
import type { SimTimings } from './timings';
import type { World } from './world';
import type { ChannelState } from './world/channels';
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
    loseSource: (name) => world.signal.lose(name),
    restoreSource: (name) => world.signal.restore(name),
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
