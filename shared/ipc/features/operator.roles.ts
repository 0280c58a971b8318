import type { CallerRole } from '../../domain/roles';

/**
 * The operator's console: the channel tiles and go-live, costs, notifications and the operator's
 * settings (merged into ../channels.ts). Starting and stopping channels is the operator's act.
 */
export const OPERATOR_INVOKE_ROLES = {
  'destinations.snapshot': ['operator', 'admin', 'remote-operator', 'remote-viewer'],
  'channels.start': ['operator'],
  'channels.stop': ['operator'],
  'channels.endAll': ['operator'],
  /** The operator has seen an alarm (a drop, a recovery, a change made elsewhere): its latch clears. */
  'channels.acknowledgeAlarm': ['operator'],
  'channels.acknowledgeFailure': ['operator'],
  'costs.snapshot': ['operator', 'admin', 'remote-operator', 'remote-viewer'],
  /** How channel changes reach the console now: pushed by AWS ("events") or polled, and why. */
  'updates.snapshot': ['operator', 'admin'],
  'notifications.recent': ['operator', 'admin'],
  'settings.get': ['operator', 'admin'],
  /** Keys, global shortcuts, alarm sound: the operator's own way of working. */
  'settings.update': ['operator', 'admin'],
  /** The rate card and the monthly budget: the admin's, as they describe the AWS account's bill. */
  'settings.updateCosts': ['admin'],
} as const satisfies Record<string, readonly CallerRole[]>;

export const OPERATOR_EVENT_ROLES = {
  'destinations.feed': ['operator', 'admin', 'remote-operator', 'remote-viewer'],
  'costs.feed': ['operator', 'admin', 'remote-operator', 'remote-viewer'],
  'updates.feed': ['operator', 'admin'],
  'notifications.feed': ['operator', 'admin'],
  'settings.feed': ['operator', 'admin'],
  /** Global shortcut presses (Electron globalShortcut), delivered to the operator window as if typed there. */
  'shortcuts.global': ['operator'],
} as const satisfies Record<string, readonly CallerRole[]>;
