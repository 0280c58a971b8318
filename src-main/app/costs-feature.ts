import type { COSTS_INVOKE_ROLES } from '../../shared/ipc/features/costs.roles';
import type { PricingClient } from '@aws-sdk/client-pricing';
import { refreshFromPriceList } from '../core/costs/price-list-refresh';
import type { OperatorSettingsService } from '../core/operator-settings-service';
import type { Logger } from '../core/logger';
import type { Feature } from './feature';

export type CostsChannel = keyof typeof COSTS_INVOKE_ROLES;

/**
 * The rate card's refresh from the AWS Price List, for the stack's region: what was read is saved (every window's
 * estimates use it at once); when nothing could be read, the card stays as it was and the answer says why.
 */
export function createCostsFeature(deps: {
  pricing: PricingClient;
  region: string;
  settings: OperatorSettingsService;
  logger: Logger;
  now: () => number;
}): Feature<CostsChannel> {
  return {
    handlers: {
      'costs.refreshRates': async () => {
        const result = await refreshFromPriceList(
          { pricing: deps.pricing, region: deps.region, now: deps.now },
          deps.settings.get().rateCard,
        );
        if (result.outcome === 'refreshed') deps.settings.update({ rateCard: result.card });
        deps.logger.info('costs: rate card refresh from the AWS Price List', {
          outcome: result.outcome,
          region: deps.region,
        });
        return { outcome: result.outcome, message: result.message, rateCard: result.card };
      },
    },
  };
}
