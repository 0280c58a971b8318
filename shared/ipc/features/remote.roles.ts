import type { CallerRole } from '../../domain/roles';

/** The control API's own channels: a remote arm and take; the operator window sees what a remote armed. */
export const REMOTE_INVOKE_ROLES = {
  'remote.arm': ['remote-operator'],
  'remote.take': ['remote-operator'],
  'remote.disarm': ['remote-operator'],
  'remote.armed': ['operator', 'remote-operator', 'remote-viewer'],
} as const satisfies Record<string, readonly CallerRole[]>;

export const REMOTE_EVENT_ROLES = {
  'remote.armedFeed': ['operator', 'remote-operator', 'remote-viewer'],
} as const satisfies Record<string, readonly CallerRole[]>;
