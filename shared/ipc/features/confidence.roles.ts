import type { Role } from '../../domain/roles';

/** Confidence monitoring: thumbnails and output figures for the tiles the operator window shows. */
export const CONFIDENCE_INVOKE_ROLES = {
  'confidence.snapshot': ['operator'],
  'confidence.watch': ['operator'],
} as const satisfies Record<string, readonly Role[]>;

export const CONFIDENCE_EVENT_ROLES = {
  'confidence.feed': ['operator'],
} as const satisfies Record<string, readonly Role[]>;
