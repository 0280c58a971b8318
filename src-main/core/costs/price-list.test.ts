import { describe, expect, it } from 'vitest';
import { DEFAULT_RATE_CARD, RateCardSchema } from '../../../shared/domain/cost';
import { applyPriceList } from './price-list-refresh';
import { readMediaLiveRates } from './price-list';

/** A GetProducts entry of the documented shape; the figures are this test's own, not AWS's. */
function entry(
  sku: string,
  attributes: Record<string, string>,
  price: { usd?: string; unit?: string; currency?: Record<string, string>; effective?: string } = {},
): string {
  return JSON.stringify({
    product: { sku, productFamily: 'Live Video', attributes: { regionCode: 'eu-west-1', ...attributes } },
    serviceCode: 'AWSElementalMediaLive',
    terms: {
      OnDemand: {
        [sku]: {
          [`${sku}.JRTCKXETXF`]: {
            sku,
            effectiveDate: price.effective ?? '2026-11-01T00:00:00Z',
            priceDimensions: {
              [`${sku}.JRTCKXETXF.6YS6EN2CT7`]: {
                unit: price.unit ?? 'Hrs',
                beginRange: '0',
                pricePerUnit: price.currency ?? { USD: price.usd ?? '0.1000000000' },
              },
            },
          },
        },
      },
    },
    publicationDate: '2026-11-12T18:04:31Z',
  });
}

const single = { pipeline: 'Single', videoQuality: 'Standard' };
const HD_OUT = {
  operation: 'CHANNEL_OUTPUT',
  usagetype: 'EU-Single-Output-AVC-HD-Freq30',
  resolution: 'HD',
  frameRate: '<=30fps',
  ...single,
};
const FULL = [
  entry(
    'IN',
    {
      operation: 'CHANNEL_INPUT',
      usagetype: 'EU-Single-Input-AVC-HD-Lev1',
      resolution: 'HD',
      bitRate: '<10 Mbps',
      pipeline: 'Single',
    },
    { usd: '0.1111' },
  ),
  entry('HD', HD_OUT, { usd: '0.2222' }),
  entry('HD60', { ...HD_OUT, usagetype: 'EU-Single-Output-AVC-HD-Freq60', frameRate: '>30fps' }, { usd: '0.3333' }),
  entry('SD', { ...HD_OUT, usagetype: 'EU-Single-Output-AVC-SD-Freq30', resolution: 'SD' }, { usd: '0.0444' }),
  entry('IDLE', { operation: 'INACTIVE_CHANNEL' }, { usd: '0.0055' }),
  entry('IDLEIN', { operation: 'INACTIVE_INPUT' }, { usd: '0.0066', effective: '2026-10-01T00:00:00Z' }),
  // Neither the standard-channel nor the HEVC output is the booth's: they must not be taken for it.
  entry('HDSTD', { ...HD_OUT, pipeline: 'Standard' }, { usd: '0.9' }),
  entry('HEVC', { ...HD_OUT, usagetype: 'EU-Single-Output-HEVC-HD-Freq30' }, { usd: '0.8' }),
];

describe('reading the rate card off the AWS Price List', () => {
  it('reads each rate from its one single-pipeline AVC product, and says where and from when', () => {
    const reading = readMediaLiveRates(FULL, 'eu-west-1');
    expect(reading.rates.map((r) => (r.ok ? [r.key, r.usd, r.sku] : [r.key, r.reason]))).toEqual([
      ['medialiveInputPerHour', 0.1111, 'IN'],
      ['medialiveHdOutputPerHour', 0.2222, 'HD'],
      ['medialiveHdHighFpsOutputPerHour', 0.3333, 'HD60'],
      ['medialiveSdOutputPerHour', 0.0444, 'SD'],
      ['medialiveIdleChannelPerHour', 0.0055, 'IDLE'],
      ['medialiveIdlePushInputPerHour', 0.0066, 'IDLEIN'],
    ]);
    expect(reading.publicationDate).toBe('2026-11-12T18:04:31Z');

    const applied = applyPriceList(DEFAULT_RATE_CARD, reading, 'eu-west-1', 1_000);
    expect(applied.outcome).toBe('refreshed');
    expect(applied.card.source).toBe('AWS Price List, eu-west-1, effective 2026-11-01');
    expect(applied.card.medialiveHdOutputPerHour).toBe(0.2222);
    expect(applied.card.mediaconnectFlowPerHour).toBe(DEFAULT_RATE_CARD.mediaconnectFlowPerHour);
    expect(applied.card.pages.medialiveInputPerHour).toBe(
      'AWS Price List, AWSElementalMediaLive in eu-west-1, SKU IN, effective 2026-11-01',
    );
    expect(applied.card.origin).toMatchObject({
      kind: 'price-list',
      region: 'eu-west-1',
      effectiveDate: '2026-11-01',
      kept: [],
    });
    expect(applied.message).toContain('MediaConnect, data transfer and CloudWatch rates are not read');
    // What is saved is a valid card.
    expect(RateCardSchema.safeParse(applied.card).success).toBe(true);
  });

  it('keeps a rate whose product is missing, doubled, not hourly or not in dollars, and says which and why', () => {
    const bad = [
      FULL[0]!,
      FULL[1]!,
      entry('HD-TWICE', HD_OUT, { usd: '0.2300' }),
      entry('HD60', { ...HD_OUT, frameRate: '>30fps', usagetype: 'EU-Single-Output-AVC-HD-Freq60' }, { unit: 'GB' }),
      entry('SD', { ...HD_OUT, resolution: 'SD' }, { currency: { CNY: '1.2' } }),
      entry('IDLE', { operation: 'INACTIVE_CHANNEL' }, { usd: 'n/a' }),
      'not json',
      JSON.stringify({ product: { sku: 'X' } }),
    ];
    const reading = readMediaLiveRates(bad, 'eu-west-1');
    const reasons = Object.fromEntries(reading.rates.map((r) => [r.key, r.ok ? r.usd : r.reason]));
    expect(reasons).toEqual({
      medialiveInputPerHour: 0.1111,
      medialiveHdOutputPerHour:
        'the Price List has 2 running HD AVC output, up to 30 fps, single pipeline products in eu-west-1, not one',
      medialiveHdHighFpsOutputPerHour:
        'the running HD AVC output above 30 fps, single pipeline product: it is priced per "GB", not per hour',
      medialiveSdOutputPerHour:
        'the running SD AVC output, up to 30 fps, single pipeline product: it is priced in CNY, not US dollars',
      medialiveIdleChannelPerHour:
        'the idle channel product: its price "n/a" is not an hourly rate the console can use',
      medialiveIdlePushInputPerHour: 'the Price List has no idle push input product in eu-west-1',
    });
    expect(reading.unreadable).toBe(2);

    const applied = applyPriceList(DEFAULT_RATE_CARD, reading, 'eu-west-1', 1_000);
    // The rates not read keep the card's figures: no wrong figure is shown as the Price List's.
    expect(applied.card.medialiveHdOutputPerHour).toBe(DEFAULT_RATE_CARD.medialiveHdOutputPerHour);
    expect(applied.card.medialiveInputPerHour).toBe(0.1111);
    expect(applied.message).toContain(
      `HD output ≤30 fps kept at $${DEFAULT_RATE_CARD.medialiveHdOutputPerHour.toFixed(4)}`,
    );
    expect(applied.card.origin).toMatchObject({ kind: 'price-list', read: ['medialiveInputPerHour'] });
  });

  it('changes nothing when no rate could be read, and says so', () => {
    const reading = readMediaLiveRates([entry('HDSTD', { ...HD_OUT, pipeline: 'Standard' })], 'eu-west-1');
    const applied = applyPriceList(DEFAULT_RATE_CARD, reading, 'eu-west-1', 1_000);
    expect(applied.outcome).toBe('kept');
    expect(applied.card).toBe(DEFAULT_RATE_CARD);
    expect(applied.message).toMatch(/^The AWS Price List gave none of the card's MediaLive rates for eu-west-1/);
  });

  it('does not take another region’s product for the stack’s', () => {
    const reading = readMediaLiveRates(
      [entry('IDLE', { operation: 'INACTIVE_CHANNEL', regionCode: 'us-east-1' })],
      'eu-west-1',
    );
    expect(reading.rates.find((r) => r.key === 'medialiveIdleChannelPerHour')?.ok).toBe(false);
  });
});
