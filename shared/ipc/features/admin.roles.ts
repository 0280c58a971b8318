import type { Role } from '../../domain/roles';

const ADMIN = ['admin'] as const satisfies readonly Role[];

/**
 * The admin feature's channels and the roles allowed to use them (merged into ../channels.ts).
 * Every one is admin-only: main refuses them for the operator window, whatever its UI shows.
 */
export const ADMIN_INVOKE_ROLES = {
  /** Whether these credentials may write (false after DynamoDB or MediaLive answered AccessDenied), and why. */
  'admin.access': ADMIN,
  'presets.listAll': ADMIN,
  'presets.create': ADMIN,
  'presets.update': ADMIN,
  'presets.delete': ADMIN,
  'presets.previewApply': ADMIN,
  'presets.apply': ADMIN,
  /** Queue a preset for a channel that is running: applied when it is next IDLE. */
  'presets.applyAtNextStop': ADMIN,
  'presets.pendingApplies': ADMIN,
  'presets.cancelPendingApply': ADMIN,
  'destinations.listAll': ADMIN,
  'destinations.create': ADMIN,
  'destinations.update': ADMIN,
  'destinations.retire': ADMIN,
  /** The order of the active destinations, as every console shows them (tiles and keys follow it). */
  'destinations.reorder': ADMIN,
  'destinations.streamTarget': ADMIN,
  /** The only channel that carries a stream key, and only renderer -> main; its answer holds a masked hint. */
  'destinations.setStreamKey': ADMIN,
  /** The account's MediaLive channels (name, id, state, inputs), to pick one for a destination. */
  'destinations.channels': ADMIN,
  /** What creating the destinations from the stack outputs would do (nothing written). */
  'destinations.stackPlan': ADMIN,
  /** Creates them, never overwriting a record: the admin confirmed the plan. */
  'destinations.createFromStack': ADMIN,
  'destinations.migrationDryRun': ADMIN,
  'destinations.migrationApply': ADMIN,
} as const satisfies Record<string, readonly Role[]>;

export const ADMIN_EVENT_ROLES = {} as const satisfies Record<string, readonly Role[]>;
