import { PricingClient } from '@aws-sdk/client-pricing';
import { afterEach, describe, expect, it } from 'vitest';
import { DEFAULT_RATE_CARD } from '../../../shared/domain/cost';
import { startSimulator, type RunningSimulator } from '../../simulator/index';
import { DEFAULT_PRICE_LIST, type PriceListProduct } from '../../simulator/pricing-catalog';
import { clientConfig } from '../../simulator/test-support/helpers';
import { refreshFromPriceList } from './price-list-refresh';

let sim: RunningSimulator | undefined;
let pricing: PricingClient | undefined;
afterEach(async () => {
  pricing?.destroy();
  await sim?.close();
  sim = pricing = undefined;
});

async function start(priceList?: readonly PriceListProduct[]) {
  sim = await startSimulator({ withDynamo: false, seed: 31, ...(priceList ? { priceList } : {}) });
  pricing = new PricingClient(clientConfig(sim, { maxAttempts: 1, region: 'us-east-1' }));
  const refresh = () =>
    refreshFromPriceList(
      {
        pricing: pricing!,
        region: 'us-east-1',
        now: () => 5_000,
        policy: { retries: 2, minTimeoutMs: 1, maxTimeoutMs: 2 },
      },
      DEFAULT_RATE_CARD,
    );
  return { sim, refresh };
}

/** Single-pipeline products for this test (figures of its own), beside the documented standard-channel ones. */
function singlePipeline(): PriceListProduct[] {
  const base = DEFAULT_PRICE_LIST.find((p) => p.sku === 'SIMML7Q2HDOUTSTD')!;
  return [
    ...DEFAULT_PRICE_LIST,
    {
      ...base,
      sku: 'TESTHDOUTSINGLE',
      attributes: { ...base.attributes, pipeline: 'Single', usagetype: 'USE1-Single-Output-AVC-HD-Freq30-Standard' },
      onDemand: { ...base.onDemand, usd: '0.3900000000' },
    },
  ];
}

describe('the rate card from the simulated AWS Price List (GetProducts over AWS JSON 1.1)', () => {
  it('finds no single-pipeline product among the documented standard-channel ones, and keeps the card', async () => {
    const { refresh, sim } = await start();
    const result = await refresh();
    expect(result.outcome).toBe('kept');
    expect(result.card).toBe(DEFAULT_RATE_CARD);
    expect(result.message).toContain(
      'the Price List has no running HD AVC output, up to 30 fps, single pipeline product',
    );
    const calls = sim.control.requests().filter((r) => r.service === 'pricing');
    expect(calls.map((r) => r.operation)).toEqual(['GetProducts']);
  });

  it('reads the rate it finds, says from which date, and keeps the others with why', async () => {
    const { refresh } = await start(singlePipeline());
    const result = await refresh();
    expect(result.outcome).toBe('refreshed');
    expect(result.card.medialiveHdOutputPerHour).toBe(0.39);
    expect(result.card.source).toBe('AWS Price List, us-east-1, effective 2026-11-01');
    expect(result.card.origin).toMatchObject({
      kind: 'price-list',
      publicationDate: '2026-11-12T18:04:31Z',
      read: ['medialiveHdOutputPerHour'],
    });
    expect(result.card.medialiveInputPerHour).toBe(DEFAULT_RATE_CARD.medialiveInputPerHour);
    expect(result.message).toContain('Not read, kept as they were: MediaLive input kept at');
  });

  it('pages through a long answer', async () => {
    const many = Array.from({ length: 230 }, (_, i): PriceListProduct => ({
      ...DEFAULT_PRICE_LIST[0]!,
      sku: `FILL${i}`,
      attributes: { ...DEFAULT_PRICE_LIST[0]!.attributes, operation: 'CHANNEL_FEATURE' },
    }));
    const { refresh, sim } = await start([...many, ...singlePipeline()]);
    const result = await refresh();
    expect(result.card.medialiveHdOutputPerHour).toBe(0.39);
    expect(sim.control.requests().filter((r) => r.service === 'pricing')).toHaveLength(3);
  });

  it('without access, keeps the card and says which permission is missing', async () => {
    const { refresh, sim } = await start(singlePipeline());
    sim.control.addFault({ service: 'pricing', kind: 'access-denied' });
    const result = await refresh();
    expect(result.outcome).toBe('kept');
    expect(result.card).toBe(DEFAULT_RATE_CARD);
    expect(result.message).toBe(
      'These credentials may not read the AWS Price List (the pricing:GetProducts permission is missing). The rate card is unchanged: edit it here.',
    );
  });

  it('retries a throttled read, and keeps the card with a word to try later when AWS keeps throttling', async () => {
    const first = await start(singlePipeline());
    first.sim.control.addFault({ service: 'pricing', kind: 'throttle', count: 1 });
    expect((await first.refresh()).outcome).toBe('refreshed');

    first.sim.control.clearFaults();
    first.sim.control.addFault({ service: 'pricing', kind: 'throttle' });
    const result = await first.refresh();
    expect(result.outcome).toBe('kept');
    expect(result.message).toMatch(/^The AWS Price List is limiting requests \(throttled\)/);
  });
});
