import type { CallerRole } from '../../domain/roles';

/**
 * The operator window's arm, take and disarm, through the one arm main holds for every surface (a Stream Deck's
 * are `remote.arm`, `remote.take`, `remote.disarm`).
 */
export const ARMING_INVOKE_ROLES = {
  'arming.arm': ['operator'],
  'arming.take': ['operator'],
  'arming.armSwitch': ['operator'],
  'arming.takeSwitch': ['operator'],
  'arming.disarm': ['operator'],
} as const satisfies Record<string, readonly CallerRole[]>;
