import type { CallerRole } from '../../domain/roles';

/**
 * The control API's own channels: a remote arm and take, standby and back to slate, the backup switch (arm, take)
 * and test, End all in two steps; each runs the operator's own handler. One arm for every surface: the operator
 * window sees what a remote armed (`remote.armed`, the feed) and takes it through `arming.take`, and a remote take
 * takes what the window armed; tokens and the port/LAN choice are the admin's.
 */
export const REMOTE_INVOKE_ROLES = {
  'remote.arm': ['remote-operator'],
  'remote.take': ['remote-operator'],
  'remote.disarm': ['remote-operator'],
  'remote.armed': ['operator', 'remote-operator', 'remote-viewer'],
  'remote.standby': ['remote-operator'],
  'remote.backToSlate': ['remote-operator'],
  'remote.armSwitch': ['remote-operator'],
  'remote.takeSwitch': ['remote-operator'],
  'remote.testBackup': ['remote-operator'],
  'remote.requestEndAll': ['remote-operator'],
  'remote.endAll': ['remote-operator'],
  'remote.status': ['operator', 'admin'],
  'remote.configure': ['admin'],
  'remote.tokens': ['admin'],
  'remote.createToken': ['admin'],
  'remote.revokeToken': ['admin'],
} as const satisfies Record<string, readonly CallerRole[]>;

export const REMOTE_EVENT_ROLES = {
  'remote.armedFeed': ['operator', 'remote-operator', 'remote-viewer'],
  'remote.statusFeed': ['operator', 'admin'],
} as const satisfies Record<string, readonly CallerRole[]>;
