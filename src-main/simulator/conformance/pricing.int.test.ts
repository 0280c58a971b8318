import { PricingClient } from '@aws-sdk/client-pricing';
import { describe, expect, it } from 'vitest';
import { DEFAULT_RATE_CARD } from '../../../shared/domain/cost';
import { refreshFromPriceList } from '../../core/costs/price-list-refresh';
import { startSimulator, type SimExchange } from '../index';
import { clientConfig } from '../test-support/helpers';
import { checkExchange } from './test-support/conformance';

describe('the simulated AWS Price List against the pricing-2017-10-15 model', () => {
  it('answers the console’s GetProducts (and its bad cases) as the model defines and the SDK parses', async () => {
    const exchanges: SimExchange[] = [];
    const sim = await startSimulator({ withDynamo: false, seed: 32, onExchange: (e) => exchanges.push(e) });
    const pricing = new PricingClient(clientConfig(sim, { maxAttempts: 1, region: 'us-east-1' }));
    try {
      const deps = {
        pricing,
        region: 'us-east-1',
        now: () => 1,
        policy: { retries: 0, minTimeoutMs: 1, maxTimeoutMs: 1 },
      };
      await refreshFromPriceList(deps, DEFAULT_RATE_CARD);
      sim.control.addFault({ service: 'pricing', kind: 'access-denied', count: 1 });
      await refreshFromPriceList(deps, DEFAULT_RATE_CARD);
      sim.control.addFault({ service: 'pricing', kind: 'throttle', count: 1 });
      await refreshFromPriceList(deps, DEFAULT_RATE_CARD);
      expect(exchanges.map((e) => `${e.service}.${e.operation}:${e.response.status}`)).toEqual([
        'pricing.GetProducts:200',
        'pricing.GetProducts:403',
        'pricing.GetProducts:400',
      ]);
      const issues: string[] = [];
      for (const exchange of exchanges) issues.push(...(await checkExchange(exchange)));
      expect(issues).toEqual([]);
    } finally {
      pricing.destroy();
      await sim.close();
    }
  });
});
