import { randomUUID } from 'node:crypto';
import type { Notification } from '../../../shared/domain/notification';

export type NotificationInput = Omit<Notification, 'id' | 'at' | 'destinationId'> & {
  destinationId?: string | null;
  /** True when the sender has already written it to the incident log in its own words (failovers, outages). */
  inIncidentLog?: boolean;
};

export interface Notifier {
  notify(input: NotificationInput): Notification;
  recent(): Notification[];
}

const KEEP = 100;

/** Every outcome and alert the operator should read, kept for windows that open later. */
export function createNotifier(
  publish: (notification: Notification, input: NotificationInput) => void,
  now: () => number = Date.now,
): Notifier {
  const kept: Notification[] = [];
  return {
    notify(input) {
      const notification: Notification = {
        id: randomUUID(),
        at: now(),
        level: input.level,
        kind: input.kind,
        title: input.title.slice(0, 200),
        message: input.message.slice(0, 2000),
        destinationId: input.destinationId ?? null,
      };
      kept.push(notification);
      if (kept.length > KEEP) kept.splice(0, kept.length - KEEP);
      publish(notification, input);
      return notification;
    },
    recent: () => [...kept],
  };
}
