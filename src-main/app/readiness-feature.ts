import type { READINESS_INVOKE_ROLES } from '../../shared/ipc/features/readiness.roles';
import type { Feature, FeatureContext } from './feature';

export type ReadinessChannel = keyof typeof READINESS_INVOKE_ROLES;

/** Handlers and background work of the readiness feature. */
export function createReadinessFeature(_context: FeatureContext): Feature<ReadinessChannel> {
  return { handlers: {} };
}
