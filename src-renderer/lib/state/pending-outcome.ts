import { format, isSameDay } from 'date-fns';
import type { Notification } from '../../../shared/domain/notification';
import type { PendingApply } from '../../../shared/ipc/features/admin.contract';

/**
 * Whether a notification is main's word on what became of a queued preset (applied at the stop, or
 * not). Notifications carry no link to the queued request, so this goes by what main writes for it:
 * an action notification about the same destination that quotes the preset's name, or calls it the
 * queued preset when the apply threw. The operator's start/stop notifications never quote a preset.
 * The pending-applies e2e test catches a change of wording on main's side.
 */
export function isQueuedApplyOutcome(notification: Notification, item: PendingApply): boolean {
  if (notification.kind !== 'action' || notification.destinationId !== item.destinationId) return false;
  return notification.message.includes(`"${item.presetName}"`) || notification.title.includes('queued preset');
}

/** "queued 14:02"; with the day when it was not today, so an old request does not pass for a fresh one. */
export function queuedAtLabel(at: number, now: number): string {
  return `queued ${format(at, isSameDay(at, now) ? 'HH:mm' : 'd MMM HH:mm')}`;
}
