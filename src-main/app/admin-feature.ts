import type { ADMIN_INVOKE_ROLES } from '../../shared/ipc/features/admin.roles';
import type { Feature, FeatureContext } from './feature';

export type AdminChannel = keyof typeof ADMIN_INVOKE_ROLES;

/** Handlers and background work of the admin feature. */
export function createAdminFeature(_context: FeatureContext): Feature<AdminChannel> {
  return { handlers: {} };
}
