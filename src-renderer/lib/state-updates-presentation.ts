import { clockTime } from '../../shared/domain/time-format';
import type { StateUpdates } from '../../shared/domain/state-updates';

/** The status bar's UPDATES cell: the mode in one word, why and since when in its tooltip. */
export function stateUpdatesCell(
  updates: StateUpdates,
  now: number,
): { text: string; tone: 'ok' | 'warn'; title: string } {
  const every = Math.round(updates.pollEveryMs / 1000);
  if (updates.mode === 'events') {
    const last = updates.lastEventAt !== null ? ` Last event ${clockTime(updates.lastEventAt, now)}.` : '';
    return {
      text: 'EVENTS',
      tone: 'ok',
      title: `Channel changes are pushed by AWS (EventBridge) since ${clockTime(updates.since, now)}; MediaLive is re-read every ${every} s to reconcile.${last}`,
    };
  }
  return {
    text: 'POLLING',
    tone: 'warn',
    title: `${updates.reason ?? 'Channel changes are not pushed.'} Since ${clockTime(updates.since, now)}, MediaLive is read every ${every} s.`,
  };
}
