import type { FLOW_INVOKE_ROLES } from '../../shared/ipc/features/flow.roles';
import { BoothError } from '../../shared/domain/errors';
import type { FlowAlert, FlowState } from '../../shared/domain/flow';
import { BackupSwitch } from '../core/flow/backup-switch';
import { FlowAlerts } from '../core/flow/flow-alerts';
import { FlowMonitor, type FlowMonitorOptions } from '../core/flow/flow-monitor';
import type { InputEvent } from '../core/flow/feeding-tracker';
import type { FlowPushTarget } from '../core/events/event-reader';
import type { Feature, FeatureContext } from './feature';

export type FlowChannel = keyof typeof FLOW_INVOKE_ROLES;

/** Raised flow alerts reach the operator as notifications too (and so as desktop alerts), and the incident log as alarms. */
function notifyAlert(context: FeatureContext, alert: FlowAlert): void {
  const level = alert.state === 'cleared' ? 'info' : alert.severity === 'critical' ? 'error' : 'warning';
  const title =
    alert.state === 'cleared'
      ? 'Input alert cleared'
      : alert.kind === 'main-lost'
        ? 'Main SRT source lost'
        : 'SRT input alert';
  context.incidents.record({ kind: 'alarm', level, title, detail: alert.message, at: alert.at });
  context.notifier.notify({
    inIncidentLog: true,
    level,
    kind: alert.state === 'cleared' ? 'state' : 'alert',
    title,
    message: alert.message,
  });
}

const OUTAGE_KEY = 'input-outage';

/**
 * A failover, a return or an outage: in the incident log in its own words (an outage as one entry with
 * its start, end and duration) and in the tray.
 */
function logInputEvent(context: FeatureContext, event: InputEvent): void {
  const { incidents, notifier } = context;
  if (event.kind === 'outage-started') {
    incidents.begin(OUTAGE_KEY, {
      kind: 'outage',
      level: 'error',
      title: 'Input outage: nothing feeds the flow',
      detail: event.reason,
      at: event.at,
    });
    notifier.notify({
      level: 'error',
      kind: 'alert',
      title: 'Input outage',
      message: event.message,
      inIncidentLog: true,
    });
    return;
  }
  if (event.kind === 'outage-ended') {
    incidents.end(OUTAGE_KEY, event.at);
    notifier.notify({
      level: 'success',
      kind: 'state',
      title: 'Input restored',
      message: event.message,
      inIncidentLog: true,
    });
    return;
  }
  const titles: Record<typeof event.cause, string> = {
    'automatic-failover': 'Automatic failover',
    'automatic-return': 'Automatic return to the primary source',
    'operator-switch': 'Input switched',
    recovered: 'Input restored',
  };
  incidents.record({
    kind: 'failover',
    level: event.cause === 'automatic-failover' ? 'warning' : 'info',
    title: titles[event.cause],
    detail: event.message,
    at: event.at,
  });
  // An outage's end already says it in the tray.
  if (event.cause !== 'recovered')
    notifier.notify({
      level: event.cause === 'automatic-failover' ? 'warning' : 'info',
      kind: event.cause === 'automatic-failover' ? 'alert' : 'state',
      title: titles[event.cause],
      message: event.message,
      inIncidentLog: true,
    });
}

/** SRT input health: the flow monitor, its alerts, the backup switch and the backup test. */
export function createFlowFeature(
  context: FeatureContext,
  options: Partial<FlowMonitorOptions> = {},
  /** Every new flow state (the cost meter bills the flow by its status). */
  onFlowState?: (flow: FlowState) => void,
): Feature<FlowChannel> & { events: FlowPushTarget } {
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
    {
      mediaconnect: clients.mediaconnect,
      cloudwatch: clients.cloudwatch,
      logger,
      onInputEvent: (event) => logInputEvent(context, event),
    },
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
    // The flow's events AWS pushes poll it at once, and slow its steady poll while they flow.
    events: monitor,
    handlers: {
      'flow.snapshot': async () => monitor.snapshot(),
      'flow.switchSource': async (input) => {
        const target = input.target === 'main' ? 'MAIN' : 'BACKUP';
        const title = `Operator: switch the input to ${target}${input.force ? ' (forced)' : ''}`;
        try {
          const result = await requireFlow().switchTo(input);
          context.incidents.record({
            kind: 'action',
            level: result.outcome === 'pending' ? 'warning' : 'success',
            title,
            detail: result.message,
          });
          return result;
        } catch (error) {
          const detail = error instanceof BoothError ? error.message : 'The switch could not be made.';
          context.incidents.record({ kind: 'action', level: 'error', title, detail });
          throw error;
        }
      },
      'flow.testBackup': async () => {
        const result = await requireFlow().testBackup();
        context.incidents.record({
          kind: 'action',
          level: result.ready ? 'success' : 'warning',
          title: `Operator: test backup — ${result.ready ? 'ready' : 'NOT ready'}`,
          detail: result.reasons.join('; '),
        });
        return result;
      },
      'flow.acknowledgeFailover': async () => {
        const acknowledged = monitor.acknowledgeFailover();
        const primary = monitor.current().failover?.primarySource ?? 'the primary source';
        const message = acknowledged
          ? `The flow stays on the backup until ${primary} is back; MediaConnect then returns to ${primary} on its own.`
          : 'There is no automatic failover to acknowledge.';
        if (acknowledged)
          context.incidents.record({
            kind: 'acknowledgement',
            level: 'info',
            title: 'Operator: return to MAIN when healthy',
            detail: message,
          });
        return { acknowledged, message };
      },
      'flow.alerts': async () => ({ alerts: alerts.raised() }),
    },
    async start() {
      // "Flow not ACTIVE while channels are live" depends on the channels too.
      let lastLive = liveCount();
      monitor.setOnAir(lastLive > 0);
      unsubscribe = context.onDestinationsChanged(() => {
        const live = liveCount();
        if (live !== lastLive) alerts.observe(monitor.current());
        lastLive = live;
        monitor.setOnAir(live > 0);
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
