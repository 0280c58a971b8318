import type { Role } from '../../domain/roles';

/** The rate card is the admin's (as `settings.updateCosts`): so is refreshing it from the AWS Price List. */
export const COSTS_INVOKE_ROLES = {
  'costs.refreshRates': ['admin'],
} as const satisfies Record<string, readonly Role[]>;

export const COSTS_EVENT_ROLES = {} as const satisfies Record<string, readonly Role[]>;
