import { UpdateFlowCommand, type MediaConnectClient, type UpdateFailoverConfig } from '@aws-sdk/client-mediaconnect';
import { BoothError } from '../../../shared/domain/errors';
import {
  FlowSwitchInputSchema,
  type BackupTestResult,
  type FlowSwitchInput,
  type FlowSwitchResult,
  type SourceRole,
  type SwitchReport,
} from '../../../shared/domain/flow';
import { mapAwsError } from '../../aws/errors';
import { DEFAULT_RETRY, type RetryPolicy } from '../../aws/retry';
import type { Logger } from '../logger';
import type { FlowMonitor } from './flow-monitor';
import { backupVerdict } from './health';

export interface BackupSwitchOptions {
  /** UpdateFlow is retried on throttling/5xx: setting the same primary twice is harmless. */
  retry: RetryPolicy;
  /** How long to re-read DescribeFlow for the new primary before reporting 'pending'. */
  confirmTimeoutMs: number;
  confirmEveryMs: number;
}

const DEFAULTS: BackupSwitchOptions = { retry: DEFAULT_RETRY, confirmTimeoutMs: 20_000, confirmEveryMs: 1_000 };

/**
 * Switch main <-> backup: UpdateFlow with the SourceFailoverConfig exactly as read, only
 * SourcePriority.PrimarySource changed (FAILOVER mode kept). Refuses a target that is not
 * connected unless forced; single-flight; the result is what DescribeFlow says afterwards.
 */
export class BackupSwitch {
  private readonly options: BackupSwitchOptions;
  private inFlight: { key: string; target: SourceRole; run: Promise<FlowSwitchResult> } | null = null;

  constructor(
    private readonly mediaconnect: MediaConnectClient,
    private readonly monitor: FlowMonitor,
    private readonly flowArn: string,
    private readonly logger: Logger,
    options: Partial<BackupSwitchOptions> = {},
  ) {
    this.options = { ...DEFAULTS, ...options };
  }

  switchTo(raw: FlowSwitchInput): Promise<FlowSwitchResult> {
    const input = FlowSwitchInputSchema.parse(raw);
    const key = `${input.target}:${input.force}`;
    if (this.inFlight) {
      if (this.inFlight.key === key) return this.inFlight.run;
      throw new BoothError(
        'conflict',
        `A switch to ${this.inFlight.target} is already in progress; wait for its result.`,
      );
    }
    const run = this.perform(input.target, input.force).finally(() => {
      this.inFlight = null;
    });
    this.inFlight = { key, target: input.target, run };
    return run;
  }

  /** Is the backup connected and clean over the last window? Reads fresh figures, never switches. */
  async testBackup(): Promise<BackupTestResult> {
    await this.monitor.refresh();
    const now = this.monitor.options.now();
    const t = this.monitor.thresholds;
    const state = this.monitor.current();
    const backup = this.monitor.source('backup');
    const base = { windowMs: t.backupTestWindowMs, checkedAt: now };
    const none = {
      datapoints: 0,
      coveredMs: 0,
      connectedThroughout: null,
      maxLossPercent: null,
      avgLossPercent: null,
      notRecoveredPackets: null,
      minBitrateBps: null,
    };
    if (state.status === 'MISSING')
      return {
        ...base,
        ready: false,
        source: null,
        reasons: [state.problem ?? 'The flow does not exist.'],
        figures: none,
      };
    if (!backup)
      return { ...base, ready: false, source: null, reasons: ['The flow has no backup source.'], figures: none };
    const verdict = backupVerdict(this.monitor.history, backup.name, now, t);
    const reasons = [...verdict.reasons];
    if (state.metrics.state !== 'ok')
      reasons.push(`Metrics are ${state.metrics.state}: ${state.metrics.message ?? ''}`.trim());
    return {
      ...base,
      ready: verdict.ready && state.metrics.state === 'ok',
      source: backup.name,
      reasons,
      figures: verdict.figures,
    };
  }

  private async perform(role: SourceRole, force: boolean): Promise<FlowSwitchResult> {
    // Decide on fresh facts: one DescribeFlow (and metrics) right now, through the shared rate limit.
    await this.monitor.refresh();
    const state = this.monitor.current();
    if (state.status === 'MISSING') throw new BoothError('not-found', state.problem ?? 'The flow does not exist.');
    if (state.status !== 'ACTIVE' && state.status !== 'STANDBY') {
      throw new BoothError(
        'invalid-state',
        `Cannot switch now: the flow is ${state.status}. MediaConnect accepts a new primary source when the flow is ACTIVE or STANDBY.${state.lastError ? ` (${state.lastError.message})` : ''}`,
      );
    }
    const config = this.monitor.failoverConfigAsRead();
    if (!config || config.State !== 'ENABLED') {
      throw new BoothError(
        'invalid-state',
        'Cannot switch: source failover is not enabled on this flow, so there is no primary source to change.',
      );
    }
    if (config.FailoverMode !== 'FAILOVER') {
      throw new BoothError(
        'invalid-state',
        `Cannot switch: the flow's failover mode is ${config.FailoverMode ?? 'unset'}, not FAILOVER; in MERGE mode both sources feed and there is no primary to choose.`,
      );
    }
    const target = this.monitor.source(role);
    if (!target) throw new BoothError('not-found', `The flow has no ${role} source.`);
    const other = state.sources.find((s) => s !== target);
    if (config.SourcePriority?.PrimarySource === target.name) {
      return {
        outcome: 'already',
        target: target.name,
        forced: force,
        primarySource: target.name,
        status: state.status,
        feeding: state.feeding,
        message: `${target.name} is already the primary source.`,
      };
    }
    if (target.connected !== true && !force) {
      // The grade reason is a sentence of its own; drop its full stop inside the parentheses.
      const reason = target.gradeReason.replace(/\.\s*$/, '');
      const what =
        target.connected === false
          ? `${target.name} is not connected (${reason})`
          : `there is no recent data for ${target.name} (${reason})`;
      throw new BoothError(
        'invalid-state',
        `Refused: ${what}. In FAILOVER mode the flow keeps the connected source${other ? ` (${other.name})` : ''} until ${target.name} connects. Switch with force to make ${target.name} primary anyway.`,
      );
    }

    this.monitor.beginSwitch(target.name, force);
    const sourceFailoverConfig: UpdateFailoverConfig = {
      ...(config.FailoverMode !== undefined ? { FailoverMode: config.FailoverMode } : {}),
      ...(config.RecoveryWindow !== undefined ? { RecoveryWindow: config.RecoveryWindow } : {}),
      ...(config.State !== undefined ? { State: config.State } : {}),
      SourcePriority: { PrimarySource: target.name },
    };
    const label = `Switch the flow to ${target.name}`;
    const startedAt = this.monitor.options.now();
    const report = (outcome: SwitchReport['outcome'], primarySource: string | null, message: string): SwitchReport => ({
      target: target.name,
      forced: force,
      outcome,
      startedAt,
      finishedAt: this.monitor.options.now(),
      primarySource,
      message,
    });
    try {
      await this.monitor.callMediaConnect(
        'UpdateFlow',
        label,
        () =>
          this.mediaconnect.send(
            new UpdateFlowCommand({ FlowArn: this.flowArn, SourceFailoverConfig: sourceFailoverConfig }),
          ),
        this.options.retry,
      );
      this.logger.info('flow: primary source change requested', { target: target.name, forced: force });
    } catch (error) {
      const mapped = mapAwsError(error, label);
      this.monitor.endSwitch(report('failed', config.SourcePriority?.PrimarySource ?? null, mapped.message));
      throw mapped;
    }
    return this.confirm(target.name, force, report);
  }

  /** Waits on the monitor's timers, so the re-reads follow the same clock as the polls. */
  private sleep(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const t = this.monitor.options.timers.setTimeout(resolve, ms);
      t.unref?.();
    });
  }

  /** Re-reads DescribeFlow until AWS reports the new primary (and the update done), or gives up saying so. */
  private async confirm(
    target: string,
    force: boolean,
    report: (o: SwitchReport['outcome'], p: string | null, m: string) => SwitchReport,
  ): Promise<FlowSwitchResult> {
    const deadline = this.monitor.options.now() + this.options.confirmTimeoutMs;
    for (;;) {
      await this.monitor.refresh();
      const state = this.monitor.current();
      const primary = state.failover?.primarySource ?? null;
      const done = primary === target && state.status !== 'UPDATING';
      if (done || this.monitor.options.now() >= deadline) {
        const message = done
          ? `AWS reports ${target} as the primary source; the flow is ${state.status}. ${state.feeding.source ? `${state.feeding.source} feeds it (inferred).` : state.feeding.reason}`
          : `AWS has not confirmed yet: DescribeFlow reports primary ${primary ?? 'none'} and status ${state.status}.`;
        this.monitor.endSwitch(report(done ? 'switched' : 'pending', primary, message));
        return {
          outcome: done ? 'switched' : 'pending',
          target,
          forced: force,
          primarySource: primary,
          status: state.status,
          feeding: state.feeding,
          message,
        };
      }
      await this.sleep(this.options.confirmEveryMs);
    }
  }
}
