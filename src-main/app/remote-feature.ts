import type { RemoteArm } from '../../shared/ipc/features/remote.contract';
import { RemoteArming } from '../core/remote/remote-arming';
import type { IncidentLog } from '../core/incidents/incident-log';
import type { CallerIdentity, InvokeHandlers, Router } from '../ipc/router';
import type { Feature } from './feature';

export interface RemoteFeatureDeps {
  now(): number;
  timeoutMs(): number;
  destinationIds(): string[];
  /** The router's own channels.start handler, so a remote take runs exactly what a window's take runs. */
  start: InvokeHandlers['channels.start'];
  incidents: IncidentLog;
  publish: Router['publish'];
}

/** Who did it, in the incident log and on the operator's screen: the token's name, or the operator's window. */
function nameOf(caller: CallerIdentity): string {
  if (caller.label) return caller.label;
  return caller.role === 'operator' ? 'operator window' : caller.role;
}

export function createRemoteFeature(
  deps: RemoteFeatureDeps,
): Feature<'remote.arm' | 'remote.take' | 'remote.disarm' | 'remote.armed'> & { arming: RemoteArming } {
  const arming = new RemoteArming({
    now: () => deps.now(),
    timeoutMs: () => deps.timeoutMs(),
    hasDestination: (id) => deps.destinationIds().includes(id),
    // The take runs as the operator's own channels.start would (a remote role may not call it directly).
    start: (destinationId) => deps.start({ destinationId }, { role: 'operator', label: 'remote take' }),
    changed: (armed: RemoteArm | null) => deps.publish('remote.armedFeed', { armed }),
    record: (title, detail, destinationId) =>
      deps.incidents.record({ kind: 'action', level: 'info', title, detail, destinationId }),
  });
  return {
    arming,
    handlers: {
      'remote.arm': async ({ destinationId }, caller) => ({ armed: arming.arm(destinationId, nameOf(caller)) }),
      'remote.take': async (_input, caller) => arming.take(nameOf(caller), caller.role === 'operator'),
      'remote.disarm': async (_input, caller) => ({ armed: arming.disarm(nameOf(caller), caller.role === 'operator') }),
      'remote.armed': async () => ({ armed: arming.current() }),
    },
  };
}
