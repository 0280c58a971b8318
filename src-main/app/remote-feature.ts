import { randomUUID } from 'node:crypto';
import type { DestinationState } from '../../shared/domain/channel';
import type { ARMING_INVOKE_ROLES } from '../../shared/ipc/features/arming.roles';
import type { REMOTE_INVOKE_ROLES } from '../../shared/ipc/features/remote.roles';
import { ArmHolder, type Hand } from '../core/arming/arm-holder';
import { RemoteEndAll } from '../core/remote/remote-end-all';
import type { IncidentLog } from '../core/incidents/incident-log';
import type { CallerIdentity, InvokeHandlers, Router } from '../ipc/router';
import type { Feature } from './feature';

/** The operator's own channels a remote act runs (a remote role may not call them directly). */
type OperatorChannel =
  'channels.start' | 'channels.stop' | 'channels.endAll' | 'warm.standby' | 'warm.backToSlate' | 'flow.switchSource';
type RemoteActChannel =
  | Exclude<
      keyof typeof REMOTE_INVOKE_ROLES,
      'remote.status' | 'remote.configure' | 'remote.tokens' | 'remote.createToken' | 'remote.revokeToken'
    >
  | keyof typeof ARMING_INVOKE_ROLES;

export interface RemoteFeatureDeps {
  now(): number;
  timeoutMs(): number;
  destinationIds(): string[];
  stateOf(destinationId: string): DestinationState;
  /**
   * The router's own handler of an operator channel, so a remote act runs exactly what the window's act runs
   * (channels.start's single-flight, warm standby's checks, the flow's switch).
   */
  operator<C extends OperatorChannel>(channel: C): InvokeHandlers[C];
  /** The backup test, which is the flow feature's (remote.testBackup calls it). */
  testBackup: InvokeHandlers['flow.testBackup'];
  incidents: IncidentLog;
  publish: Router['publish'];
}

/** Who did it, in the incident log and on the operator's screen: the token's name, or the operator's window. */
function nameOf(caller: CallerIdentity): string {
  if (caller.label) return caller.label;
  return caller.role === 'operator' ? 'operator window' : caller.role;
}

/** Which surface acts: the operator's window, or a control-API token (by its name). */
const handOf = (caller: CallerIdentity): Hand => ({
  by: nameOf(caller),
  surface: caller.role === 'operator' ? 'console' : 'remote',
});

/** The identity a remote act runs the operator's handler with: the operator role, labelled with the token. */
const asOperator = (caller: CallerIdentity): CallerIdentity => ({ role: 'operator', label: nameOf(caller) });

export function createRemoteFeature(deps: RemoteFeatureDeps): Feature<RemoteActChannel> & { arming: ArmHolder } {
  const record = (title: string, detail: string, destinationId: string | null) =>
    deps.incidents.record({ kind: 'action', level: 'info', title, detail, destinationId });
  const arming = new ArmHolder({
    now: () => deps.now(),
    timeoutMs: () => deps.timeoutMs(),
    newId: () => randomUUID(),
    hasDestination: (id) => deps.destinationIds().includes(id),
    stateOf: (id) => deps.stateOf(id),
    start: (destinationId) => deps.operator('channels.start')({ destinationId }, { role: 'operator', label: 'take' }),
    stop: (destinationId) => deps.operator('channels.stop')({ destinationId }, { role: 'operator', label: 'take' }),
    switchSource: (target, force) =>
      deps.operator('flow.switchSource')({ target, force }, { role: 'operator', label: 'remote switch' }),
    changed: (armed) => deps.publish('remote.armedFeed', armed),
    record,
  });
  const endAll = new RemoteEndAll({
    now: () => deps.now(),
    endAll: () => deps.operator('channels.endAll')({ confirm: true }, { role: 'operator', label: 'remote end all' }),
    record: (title, detail) => record(title, detail, null),
  });

  /** Standby and back to slate: the warm standby's own op, recorded with the token's name and what AWS answered. */
  function warmAct(channel: 'warm.standby' | 'warm.backToSlate', words: string) {
    return async ({ destinationId }: { destinationId: string }, caller: CallerIdentity) => {
      const title = `${words} from remote (${nameOf(caller)})`;
      try {
        const result = await deps.operator(channel)({ destinationId }, asOperator(caller));
        record(
          title,
          result.outcome === 'requested'
            ? `${destinationId}: sent to AWS.`
            : `${destinationId} was already ${result.state}; nothing was sent.`,
          destinationId,
        );
        return result;
      } catch (error) {
        record(title, `${destinationId}: ${error instanceof Error ? error.message : String(error)}`, destinationId);
        throw error;
      }
    };
  }

  return {
    arming,
    handlers: {
      'remote.arm': async ({ destinationId }, caller) => {
        arming.arm(handOf(caller), destinationId);
        return arming.state();
      },
      'remote.take': async (_input, caller) => arming.take(handOf(caller)),
      'remote.disarm': async (_input, caller) => arming.disarm(handOf(caller)),
      'arming.arm': async ({ armId, destinationId, action }, caller) => {
        arming.arm(handOf(caller), destinationId, action, armId);
        return arming.state();
      },
      'arming.take': async ({ armId }, caller) => arming.take(handOf(caller), armId),
      'arming.armSwitch': async ({ armId, target }, caller) => {
        arming.armSwitch(handOf(caller), target, false, armId);
        return arming.state();
      },
      'arming.takeSwitch': async ({ armId }, caller) => arming.takeSwitch(handOf(caller), armId),
      'arming.disarm': async ({ armId }, caller) => arming.disarm(handOf(caller), armId),
      'remote.armed': async () => arming.state(),
      'remote.standby': warmAct('warm.standby', 'Standby'),
      'remote.backToSlate': warmAct('warm.backToSlate', 'Back to slate'),
      'remote.armSwitch': async ({ target, force }, caller) => {
        arming.armSwitch(handOf(caller), target, force);
        return arming.state();
      },
      'remote.takeSwitch': async (_input, caller) => arming.takeSwitch(handOf(caller)),
      'remote.testBackup': async (_input, caller) => {
        const result = await deps.testBackup({}, asOperator(caller));
        record(
          `Backup tested from remote (${nameOf(caller)})`,
          result.ready ? 'The backup is ready.' : `Not ready: ${result.reasons.join('; ')}`,
          null,
        );
        return result;
      },
      'remote.requestEndAll': async (_input, caller) => endAll.request(nameOf(caller)),
      'remote.endAll': async ({ confirmation }, caller) => endAll.confirm(confirmation, nameOf(caller)),
    },
  };
}
