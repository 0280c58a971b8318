import type { FLOW_INVOKE_ROLES } from '../../shared/ipc/features/flow.roles';
import type { Feature, FeatureContext } from './feature';

export type FlowChannel = keyof typeof FLOW_INVOKE_ROLES;

/** Handlers and background work of the flow feature. */
export function createFlowFeature(_context: FeatureContext): Feature<FlowChannel> {
  return { handlers: {} };
}
