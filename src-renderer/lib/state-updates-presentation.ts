import { clockTime } from '../../shared/domain/time-format';
import type { StateUpdates } from '../../shared/domain/state-updates';

/** The status bar's UPDATES cell: the mode in one word, why and since when in its tooltip. */
export function stateUpdatesCell(
  updates: StateUpdates | null,
  now: number,
): { text: string; tone: 'ok' | 'warn' | 'idle'; title: string } {
  if (!updates) return { text: '—', tone: 'idle', title: 'How channel changes reach the console: not known yet' };
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
