import { SAFETY_STOP } from './seed';
import type { ScheduleWorld } from './world/schedules';

/**
 * /_sim/schedules: GET lists the schedules and what fired; POST /_sim/schedules/{name}/fire fires one now (its time
 * has come, on a clock the test does not wait for); DELETE /_sim/schedules/{name} removes one as someone else would.
 * The group is the stack's safety-stop group unless `groupName` says otherwise.
 */
export function scheduleRoute(
  schedules: ScheduleWorld,
  method: string,
  rest: string[],
  groupName: string | null,
): unknown {
  const group = groupName ?? SAFETY_STOP.group;
  const [name, cmd] = rest;
  if (rest.length === 0 && method === 'GET') return { schedules: schedules.list(), fired: schedules.fired };
  if (name && cmd === 'fire' && rest.length === 2 && method === 'POST') return schedules.fireNow(name, group);
  if (name && rest.length === 1 && method === 'DELETE') {
    schedules.removeElsewhere(name, group);
    return { removed: name };
  }
  return undefined;
}
