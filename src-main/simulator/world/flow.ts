import { AwsError } from '../errors';
import type { SimTimings } from '../timings';
import type { TimerHandle } from '../../core/clock';
import type { TimerRegistry } from '../timers';
import type { SignalWorld } from './signal';
import { asArray, clone, isObject, str, type JsonObject } from './wire';

export type FlowStatus = 'STANDBY' | 'ACTIVE' | 'UPDATING' | 'STARTING' | 'STOPPING' | 'DELETING' | 'ERROR';

export interface FlowDeps {
  timers: TimerRegistry;
  timings: () => SimTimings;
  signal: SignalWorld;
  /** Told of every status change, for the "MediaConnect Flow Status Change" events. */
  onStatusChange?: (flowArn: string, previous: FlowStatus, current: FlowStatus) => void;
  /** Told when the flow's health indicators change, for the "MediaConnect Flow Health" events. */
  onHealthChange?: (flowArn: string, previous: FlowHealth, current: FlowHealth) => void;
}

/**
 * The flow health indicators MediaConnect publishes in "MediaConnect Flow Health": the flow's source state
 * (connected, receiving, disconnected, idle) and the failover switch (true, false); TR-101 errors are not simulated
 * (MediaConnect User Guide, "MediaConnect flow health event",
 * https://docs.aws.amazon.com/mediaconnect/latest/ug/monitoring-cloudwatch-events-flow-health.html). Here the switch
 * is true while the flow is fed by a source other than its primary, i.e. after a failover.
 */
export interface FlowHealth {
  sourceState: 'CONNECTED' | 'DISCONNECTED' | 'IDLE';
  failoverSwitch: boolean;
}

/**
 * The MediaConnect flow: status machine, SourceFailoverConfig and which source feeds the flow.
 * MediaConnect has no 409: a request in the wrong state is a 400 BadRequestException.
 */
export class FlowWorld {
  private readonly flow: JsonObject;
  private status: FlowStatus;
  /** Status to return to after UPDATING. */
  private statusBeforeUpdate: FlowStatus = 'ACTIVE';
  private transitionTimer: TimerHandle | null = null;
  private active: string | null = null;
  private pendingSwitch: { target: string | null; timer: TimerHandle } | null = null;
  private health: FlowHealth;

  constructor(
    seed: JsonObject,
    initiallyActive: boolean,
    private readonly deps: FlowDeps,
  ) {
    this.flow = clone(seed);
    this.status = initiallyActive ? 'ACTIVE' : 'STANDBY';
    this.flow['status'] = this.status;
    if (this.isRunning()) this.active = this.desiredSource();
    this.health = this.currentHealth();
  }

  get arn(): string {
    return String(this.flow['flowArn']);
  }

  get name(): string {
    return String(this.flow['name']);
  }

  getStatus(): FlowStatus {
    return this.status;
  }

  /** True while MediaConnect would be moving packets (and publishing source metrics). */
  isRunning(): boolean {
    return this.status === 'ACTIVE' || (this.status === 'UPDATING' && this.statusBeforeUpdate === 'ACTIVE');
  }

  activeSource(): string | null {
    return this.active;
  }

  failoverConfig(): JsonObject {
    return clone(isObject(this.flow['sourceFailoverConfig']) ? this.flow['sourceFailoverConfig'] : {});
  }

  sourceNames(): string[] {
    return asArray(this.flow['sources'])
      .map((s) => (isObject(s) ? str(s['name']) : undefined))
      .filter((n): n is string => !!n);
  }

  /** Wire form of the flow, as DescribeFlow returns it. */
  describe(): JsonObject {
    return clone({ ...this.flow, status: this.status });
  }

  listed(): JsonObject {
    return {
      availabilityZone: this.flow['availabilityZone'],
      description: this.flow['description'],
      flowArn: this.flow['flowArn'],
      name: this.flow['name'],
      sourceType: 'OWNED',
      status: this.status,
      maintenance: clone(this.flow['maintenance']),
    };
  }

  start(): FlowStatus {
    if (this.status !== 'STANDBY') {
      throw new AwsError(
        'BadRequestException',
        400,
        `Failed to start flow ${this.arn}: flow must be in STANDBY status, current status is ${this.status}.`,
      );
    }
    this.setStatus('STARTING');
    this.schedule(this.deps.timings().flowStartMs, () => {
      this.setStatus('ACTIVE');
      this.setActive(null);
      this.reevaluateFailover();
    });
    return this.status;
  }

  stop(): FlowStatus {
    if (this.status !== 'ACTIVE') {
      throw new AwsError(
        'BadRequestException',
        400,
        `Failed to stop flow ${this.arn}: flow must be in ACTIVE status, current status is ${this.status}.`,
      );
    }
    this.setStatus('STOPPING');
    this.cancelSwitch();
    this.schedule(this.deps.timings().flowStopMs, () => {
      this.setStatus('STANDBY');
      this.setActive(null);
    });
    return this.status;
  }

  /** UpdateFlow: only SourceFailoverConfig (and maintenance) are honoured. Validates first. */
  update(body: JsonObject): JsonObject {
    if (this.status !== 'ACTIVE' && this.status !== 'STANDBY') {
      throw new AwsError(
        'BadRequestException',
        400,
        `Failed to update flow ${this.arn}: flow is ${this.status}. Wait until the flow is ACTIVE or STANDBY.`,
      );
    }
    const sfc = body['sourceFailoverConfig'];
    let nextConfig: JsonObject | undefined;
    if (sfc !== undefined) {
      if (!isObject(sfc)) throw new AwsError('BadRequestException', 400, 'sourceFailoverConfig must be an object.');
      nextConfig = { ...this.failoverConfig() };
      const mode = sfc['failoverMode'];
      if (mode !== undefined) {
        if (mode !== 'FAILOVER' && mode !== 'MERGE')
          throw new AwsError(
            'BadRequestException',
            400,
            `Invalid failoverMode: ${wireText(mode)}. Valid values: MERGE, FAILOVER.`,
          );
        nextConfig['failoverMode'] = mode;
      }
      const state = sfc['state'];
      if (state !== undefined) {
        if (state !== 'ENABLED' && state !== 'DISABLED')
          throw new AwsError(
            'BadRequestException',
            400,
            `Invalid state: ${wireText(state)}. Valid values: ENABLED, DISABLED.`,
          );
        nextConfig['state'] = state;
      }
      // "You can choose a value from 100-500 ms ... This setting only applies when Failover Mode is set to MERGE"
      // (AWS::MediaConnect::Flow FailoverConfig, https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-properties-mediaconnect-flow-failoverconfig.html).
      const rw = sfc['recoveryWindow'];
      if (rw !== undefined) {
        if (typeof rw !== 'number' || !Number.isInteger(rw) || rw < 100 || rw > 500) {
          throw new AwsError(
            'BadRequestException',
            400,
            'recoveryWindow must be an integer between 100 and 500 milliseconds.',
          );
        }
        nextConfig['recoveryWindow'] = rw;
      }
      const sp = sfc['sourcePriority'];
      if (sp !== undefined) {
        const primary = isObject(sp) ? sp['primarySource'] : undefined;
        if (typeof primary !== 'string' || !this.sourceNames().includes(primary)) {
          throw new AwsError(
            'BadRequestException',
            400,
            `Invalid primarySource: ${String(primary)} is not a source of flow ${this.name}. Sources: ${this.sourceNames().join(', ')}.`,
          );
        }
        nextConfig['sourcePriority'] = { primarySource: primary };
      }
    }
    if (nextConfig) this.flow['sourceFailoverConfig'] = nextConfig;
    if (isObject(body['maintenance']))
      this.flow['maintenance'] = { ...(this.flow['maintenance'] as JsonObject), ...body['maintenance'] };
    if (isObject(body['sourceMonitoringConfig']))
      this.flow['sourceMonitoringConfig'] = clone(body['sourceMonitoringConfig']);

    this.statusBeforeUpdate = this.status;
    this.setStatus('UPDATING');
    this.schedule(this.deps.timings().flowUpdateMs, () => {
      this.setStatus(this.statusBeforeUpdate);
      this.reevaluateFailover();
    });
    this.reevaluateFailover();
    return this.describe();
  }

  /**
   * Source the failover logic wants now, from connectivity and the failover config. In FAILOVER mode the
   * primary is used whenever it is available ("If set, MediaConnect always uses this source when it is
   * available", https://docs.aws.amazon.com/cdk/api/v2/docs/@aws-cdk_aws-mediaconnect-alpha.FailoverFailoverOptions.html),
   * so the flow returns to it on its own; UpdateFlow with SourceFailoverConfig.SourcePriority.PrimarySource
   * changes which source that is ("The priority you want to assign to a source. You can have a primary stream
   * and a backup stream", https://docs.aws.amazon.com/mediaconnect/latest/api/API_FailoverConfig.html).
   */
  private desiredSource(): string | null {
    const names = this.sourceNames();
    const cfg = this.failoverConfig();
    const connected = (n: string): boolean => this.deps.signal.isConnected(n);
    if (cfg['state'] !== 'ENABLED') {
      const first = names[0];
      return first && connected(first) ? first : null;
    }
    const sp = cfg['sourcePriority'];
    const primary = (isObject(sp) ? str(sp['primarySource']) : undefined) ?? names[0] ?? null;
    if (primary && connected(primary)) return primary;
    return names.find((n) => n !== primary && connected(n)) ?? null;
  }

  /** Called on connectivity or configuration change: switches after failoverMs (MERGE: at once). */
  reevaluateFailover(): void {
    // Connectivity may have changed the flow's source state before any switch.
    this.noteHealth();
    if (!this.isRunning()) {
      this.cancelSwitch();
      return;
    }
    const desired = this.desiredSource();
    if (desired === this.active) {
      this.cancelSwitch();
      return;
    }
    const merge = this.failoverConfig()['failoverMode'] === 'MERGE';
    if (this.active === null || merge) {
      this.cancelSwitch();
      this.setActive(desired);
      return;
    }
    if (this.pendingSwitch && this.pendingSwitch.target === desired) return;
    this.cancelSwitch();
    const timer = this.deps.timers.setTimeout(() => {
      this.pendingSwitch = null;
      if (this.isRunning()) this.setActive(this.desiredSource());
    }, this.deps.timings().failoverMs);
    this.pendingSwitch = { target: desired, timer };
  }

  private cancelSwitch(): void {
    if (this.pendingSwitch) this.deps.timers.clearTimeout(this.pendingSwitch.timer);
    this.pendingSwitch = null;
  }

  private setStatus(s: FlowStatus): void {
    const previous = this.status;
    this.status = s;
    this.flow['status'] = s;
    if (previous !== s) this.deps.onStatusChange?.(this.arn, previous, s);
    this.noteHealth();
  }

  private setActive(source: string | null): void {
    this.active = source;
    this.noteHealth();
  }

  private primarySource(): string | null {
    const sp = this.failoverConfig()['sourcePriority'];
    return (isObject(sp) ? str(sp['primarySource']) : undefined) ?? this.sourceNames()[0] ?? null;
  }

  private currentHealth(): FlowHealth {
    if (!this.isRunning()) return { sourceState: 'IDLE', failoverSwitch: false };
    const fed = this.active !== null && this.deps.signal.isConnected(this.active);
    return {
      sourceState: fed ? 'CONNECTED' : 'DISCONNECTED',
      failoverSwitch: fed && this.active !== this.primarySource(),
    };
  }

  /** Publishes a Flow Health event when an indicator changed (once per change, as MediaConnect does). */
  private noteHealth(): void {
    const next = this.currentHealth();
    const previous = this.health;
    if (previous.sourceState === next.sourceState && previous.failoverSwitch === next.failoverSwitch) return;
    this.health = next;
    this.deps.onHealthChange?.(this.arn, previous, next);
  }

  private schedule(ms: number, fn: () => void): void {
    this.deps.timers.clearTimeout(this.transitionTimer);
    this.transitionTimer = this.deps.timers.setTimeout(() => {
      this.transitionTimer = null;
      fn();
    }, ms);
  }
}

/** A request value as an error message quotes it: strings as sent, anything else as JSON (not "[object Object]"). */
function wireText(value: unknown): string {
  return typeof value === 'string' ? value : JSON.stringify(value);
}
