import type { FLOW_INVOKE_ROLES } from '../../shared/ipc/features/flow.roles';
import { BoothError } from '../../shared/domain/errors';
import type { FlowAlert, FlowState } from '../../shared/domain/flow';
import { BackupSwitch } from '../core/flow/backup-switch';
import { FlowAlerts } from '../core/flow/flow-alerts';
import { FlowMonitor, type FlowMonitorOptions } from '../core/flow/flow-monitor';
import type { Feature, FeatureContext } from './feature';

export type FlowChannel = keyof typeof FLOW_INVOKE_ROLES;

/** Raised flow alerts reach the operator as notifications too (and so as desktop alerts). */
function notifyAlert(context: FeatureContext, alert: FlowAlert): void {
  context.notifier.notify({
    level: alert.state === 'cleared' ? 'info' : alert.severity === 'critical' ? 'error' : 'warning',
    kind: alert.state === 'cleared' ? 'state' : 'alert',
    title:
      alert.state === 'cleared'
        ? 'Input alert cleared'
        : alert.kind === 'main-lost'
          ? 'Main SRT source lost'
          : 'SRT input alert',
    message: alert.message,
  });
}

/** SRT input health: the flow monitor, its alerts, the backup switch and the backup test. */
export function createFlowFeature(
  context: FeatureContext,
  options: Partial<FlowMonitorOptions> = {},
  /** Every new flow state (the cost meter bills the flow by its status). */
  onFlowState?: (flow: FlowState) => void,
): Feature<FlowChannel> {
  const { clients, logger, publish } = context;
  const liveCount = () => context.monitor.snapshot().destinations.filter((d) => d.state === 'RUNNING').length;
  const alerts = new FlowAlerts(
    liveCount,
    (alert) => {
      publish('flow.alert', alert);
      notifyAlert(context, alert);
    },
    context.now,
  );
  const monitor = new FlowMonitor(
    { mediaconnect: clients.mediaconnect, cloudwatch: clients.cloudwatch, logger },
    context.stack.flowArn,
    (feed) => {
      publish('flow.feed', feed);
      if (feed.kind === 'snapshot' || feed.flow !== null) {
        alerts.observe(monitor.current());
        onFlowState?.(monitor.current());
      }
    },
    { now: context.now, ...options },
  );
  const backupSwitch = context.stack.flowArn
    ? new BackupSwitch(clients.mediaconnect, monitor, context.stack.flowArn, logger)
    : null;
  let unsubscribe: (() => void) | null = null;

  const requireFlow = () => {
    if (!backupSwitch)
      throw new BoothError(
        'not-found',
        'The stack names no MediaConnect flow (FlowArn output); there is nothing to switch or test.',
      );
    return backupSwitch;
  };

  return {
    handlers: {
      'flow.snapshot': async () => monitor.snapshot(),
      'flow.switchSource': async (input) => requireFlow().switchTo(input),
      'flow.testBackup': async () => requireFlow().testBackup(),
      'flow.alerts': async () => ({ alerts: alerts.raised() }),
    },
    async start() {
      // "Flow not ACTIVE while channels are live" depends on the channels too.
      let lastLive = liveCount();
      unsubscribe = context.onDestinationsChanged(() => {
        const live = liveCount();
        if (live !== lastLive) alerts.observe(monitor.current());
        lastLive = live;
      });
      await monitor.refresh();
      monitor.start();
    },
    stop() {
      unsubscribe?.();
      monitor.stop();
    },
  };
}
