import { BILLING_STATES } from '../../shared/domain/channel';
import type { DestinationsSnapshot } from '../../shared/domain/destination';
import type { Notification } from '../../shared/domain/notification';
import type { Router } from '../ipc/router';

/** Channels that would keep billing if the console quit now, by name. */
export async function billingChannelNames(router: Router): Promise<string[]> {
  const result = await router.invoke('destinations.snapshot', {}, { role: 'operator' });
  if (!result.ok) return [];
  return (result.data as DestinationsSnapshot).destinations
    .filter((d) => BILLING_STATES.has(d.state))
    .map((d) => d.name);
}

/** The words of the quit confirmation: quitting never stops channels, so say what keeps running. */
export function quitWarning(names: string[]): { message: string; detail: string } {
  return {
    message: `${names.length === 1 ? `${names[0]} is` : `${names.length} channels are`} still running in AWS`,
    detail: `${names.join(', ')} will keep streaming and billing after the console closes. End them first, or quit and let them run.`,
  };
}

/** Which notifications deserve a desktop alert when the operator may be looking elsewhere. */
function wantsDesktopAlert(notification: Notification): boolean {
  return (
    notification.kind === 'alert' || notification.kind === 'forgotten-channel' || notification.kind === 'credentials'
  );
}

/** Raises desktop alerts for the core's alerts; returns the detach function. */
export function attachDesktopAlerts(router: Router, show: (title: string, body: string) => void): () => void {
  return router.attach('operator', (channel, payload) => {
    if (channel !== 'notifications.feed') return;
    const notification = payload as Notification;
    if (wantsDesktopAlert(notification)) show(notification.title, notification.message);
  });
}
