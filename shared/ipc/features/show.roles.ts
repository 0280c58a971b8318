import type { Role } from '../../domain/roles';

/**
 * The show's plan and timing (merged into ../channels.ts): both windows read them; the operator, who runs the show,
 * sets the plan. Nothing here touches AWS.
 */
export const SHOW_INVOKE_ROLES = {
  'show.snapshot': ['operator', 'admin'],
  'show.setPlan': ['operator'],
} as const satisfies Record<string, readonly Role[]>;

export const SHOW_EVENT_ROLES = {
  /** The plan and the show's timeline, whole, whenever either changes. */
  'show.feed': ['operator', 'admin'],
} as const satisfies Record<string, readonly Role[]>;
