import { z } from 'zod';
import type { RateKey } from '../../../shared/domain/cost';

/**
 * The Price List service code of MediaLive, as the published offer index names it (its column list for
 * AWSElementalMediaLive: Bit Rate, Frame Rate, Input, Output, Pipeline, Region Code, Resolution, Video Quality,
 * usagetype, operation; https://pricing.us-east-1.amazonaws.com/offers/v1.0/aws/index.json). MediaConnect's is
 * AWSMediaConnect (same index); its flow and data rates are not read: which products price a transport stream flow
 * is not documented, so they stay as the card has them.
 */
export const MEDIALIVE_SERVICE_CODE = 'AWSElementalMediaLive';

/**
 * What one GetProducts PriceList entry holds (each entry is a JSON string): the product with its attributes, and
 * its terms, OnDemand keyed by SKU then by offer term code, each with price dimensions keyed by rate code, each with
 * a unit and pricePerUnit by currency ("Reading the service price list file for an AWS service",
 * https://docs.aws.amazon.com/awsaccountbilling/latest/aboutv2/reading-service-price-list-file-for-services.html).
 * Unknown members are kept out of the way, not refused: AWS adds attributes.
 */
const PriceDimensionSchema = z.looseObject({
  unit: z.string(),
  pricePerUnit: z.record(z.string(), z.string()),
  description: z.string().optional(),
  beginRange: z.string().optional(),
});
const TermSchema = z.looseObject({
  effectiveDate: z.string(),
  priceDimensions: z.record(z.string(), PriceDimensionSchema),
});
const PriceListEntrySchema = z.looseObject({
  product: z.looseObject({
    sku: z.string(),
    productFamily: z.string().optional(),
    attributes: z.record(z.string(), z.string()),
  }),
  serviceCode: z.string().optional(),
  publicationDate: z.string().optional(),
  terms: z.looseObject({ OnDemand: z.record(z.string(), z.record(z.string(), TermSchema)).optional() }),
});
type PriceListEntry = z.infer<typeof PriceListEntrySchema>;

/** One rate of the card and the product that prices it. */
interface RateProduct {
  key: RateKey;
  /** The product in operator words, said when it cannot be read. */
  words: string;
  /** Attribute values the product must have (compared without case, spaces, hyphens or underscores). */
  attributes: Record<string, string>;
  /** Whether the usage type (`{Tier}-{Region}-{Direction}-{Codec}-...`) must name AVC. */
  avc: boolean;
}

/**
 * The booth's channels: single pipeline, one HD AVC input below 10 Mbps (the stack's InputSpecification), AVC
 * outputs of standard quality. The `operation` values are MediaLive's billing operations (CHANNEL_INPUT,
 * CHANNEL_OUTPUT, INACTIVE_CHANNEL idle channel, INACTIVE_INPUT idle push input: "Billing operations",
 * https://docs.aws.amazon.com/medialive/latest/ug/billing-operations.html); the usage type's codec component is per
 * "Usage type format" (https://docs.aws.amazon.com/medialive/latest/ug/billing-usage-type-format.html).
 */
const RATE_PRODUCTS: readonly RateProduct[] = [
  {
    key: 'medialiveInputPerHour',
    words: 'running HD AVC input below 10 Mbps, single pipeline',
    attributes: { operation: 'CHANNEL_INPUT', resolution: 'HD', bitRate: '<10Mbps', pipeline: 'Single' },
    avc: true,
  },
  {
    key: 'medialiveHdOutputPerHour',
    words: 'running HD AVC output, up to 30 fps, single pipeline',
    attributes: {
      operation: 'CHANNEL_OUTPUT',
      resolution: 'HD',
      frameRate: '<=30fps',
      pipeline: 'Single',
      videoQuality: 'Standard',
    },
    avc: true,
  },
  {
    key: 'medialiveHdHighFpsOutputPerHour',
    words: 'running HD AVC output above 30 fps, single pipeline',
    attributes: {
      operation: 'CHANNEL_OUTPUT',
      resolution: 'HD',
      frameRate: '>30fps',
      pipeline: 'Single',
      videoQuality: 'Standard',
    },
    avc: true,
  },
  {
    key: 'medialiveSdOutputPerHour',
    words: 'running SD AVC output, up to 30 fps, single pipeline',
    attributes: {
      operation: 'CHANNEL_OUTPUT',
      resolution: 'SD',
      frameRate: '<=30fps',
      pipeline: 'Single',
      videoQuality: 'Standard',
    },
    avc: true,
  },
  {
    key: 'medialiveIdleChannelPerHour',
    words: 'idle channel',
    attributes: { operation: 'INACTIVE_CHANNEL' },
    avc: false,
  },
  {
    key: 'medialiveIdlePushInputPerHour',
    words: 'idle push input',
    attributes: { operation: 'INACTIVE_INPUT' },
    avc: false,
  },
];

/** The rates the console asks the Price List for; the card's other rates are never read from it. */
export const PRICE_LIST_KEYS: readonly RateKey[] = RATE_PRODUCTS.map((p) => p.key);

/** The Price List's unit for an hourly rate is "Hrs" (EC2's and MediaLive's on-demand terms); "hours" is taken too. */
const HOURLY_UNIT = /^(hrs?|hours?)$/i;
/** The card's bounds for an hourly rate: a figure outside them is not a rate the console believes. */
const MAX_HOURLY_USD = 100;

export type RateReading =
  | { key: RateKey; ok: true; usd: number; sku: string; effectiveDate: string }
  | { key: RateKey; ok: false; reason: string };

export interface PriceListReading {
  rates: RateReading[];
  /** The latest publication date the entries carried, or null. */
  publicationDate: string | null;
  /** Entries that were not JSON of the documented shape (counted, not read). */
  unreadable: number;
}

const norm = (value: string) => value.toLowerCase().replace(/[\s_-]/g, '');

function matches(entry: PriceListEntry, wanted: RateProduct): boolean {
  const attributes = entry.product.attributes;
  for (const [name, value] of Object.entries(wanted.attributes)) {
    const actual = attributes[name];
    if (actual === undefined || norm(actual) !== norm(value)) return false;
  }
  if (!wanted.avc) return true;
  return (attributes['usagetype'] ?? '').toUpperCase().split('-').includes('AVC');
}

/** The one on-demand hourly USD price of a product, or why there is none the console can use. */
function onDemandHourly(
  entry: PriceListEntry,
): { ok: true; usd: number; effectiveDate: string } | { ok: false; reason: string } {
  const terms = Object.values(entry.terms.OnDemand ?? {}).flatMap((bySku) => Object.values(bySku));
  if (terms.length === 0) return { ok: false, reason: 'it has no on-demand price' };
  if (terms.length > 1) return { ok: false, reason: `it has ${terms.length} on-demand terms, not one` };
  const term = terms[0]!;
  const dimensions = Object.values(term.priceDimensions);
  // A tiered price lists several dimensions; the first tier (beginRange "0") is the booth's (a few hours a month).
  const dimension = dimensions.length === 1 ? dimensions[0] : dimensions.find((d) => d.beginRange === '0');
  if (!dimension) return { ok: false, reason: `it has ${dimensions.length} price dimensions and no first tier` };
  if (!HOURLY_UNIT.test(dimension.unit.trim()))
    return { ok: false, reason: `it is priced per "${dimension.unit.slice(0, 20)}", not per hour` };
  const usdText = dimension.pricePerUnit['USD'];
  if (usdText === undefined) {
    const currencies = Object.keys(dimension.pricePerUnit).join(', ').slice(0, 30) || 'no currency';
    return { ok: false, reason: `it is priced in ${currencies}, not US dollars` };
  }
  const usd = Number(usdText);
  if (usdText.trim() === '' || !Number.isFinite(usd) || usd < 0 || usd > MAX_HOURLY_USD)
    return { ok: false, reason: `its price "${usdText.slice(0, 20)}" is not an hourly rate the console can use` };
  return { ok: true, usd, effectiveDate: term.effectiveDate.slice(0, 10) };
}

/** Parses GetProducts PriceList strings; an entry that is not JSON of the documented shape is counted, not read. */
function parsePriceList(priceList: readonly string[]): { entries: PriceListEntry[]; unreadable: number } {
  const entries: PriceListEntry[] = [];
  let unreadable = 0;
  for (const text of priceList) {
    let raw: unknown;
    try {
      raw = JSON.parse(text);
    } catch {
      unreadable += 1;
      continue;
    }
    const parsed = PriceListEntrySchema.safeParse(raw);
    if (parsed.success) entries.push(parsed.data);
    else unreadable += 1;
  }
  return { entries, unreadable };
}

/**
 * Reads each of the console's MediaLive rates off a region's products: exactly one product must match, with one
 * on-demand hourly price in US dollars; anything else is a rate not read, with the reason in words.
 */
export function readMediaLiveRates(priceList: readonly string[], region: string): PriceListReading {
  const { entries, unreadable } = parsePriceList(priceList);
  const inRegion = entries.filter((e) => (e.product.attributes['regionCode'] ?? region) === region);
  const rates = RATE_PRODUCTS.map((wanted): RateReading => {
    const found = inRegion.filter((entry) => matches(entry, wanted));
    if (found.length === 0)
      return { key: wanted.key, ok: false, reason: `the Price List has no ${wanted.words} product in ${region}` };
    if (found.length > 1)
      return {
        key: wanted.key,
        ok: false,
        reason: `the Price List has ${found.length} ${wanted.words} products in ${region}, not one`,
      };
    const entry = found[0]!;
    const price = onDemandHourly(entry);
    if (!price.ok) return { key: wanted.key, ok: false, reason: `the ${wanted.words} product: ${price.reason}` };
    return { key: wanted.key, ok: true, usd: price.usd, sku: entry.product.sku, effectiveDate: price.effectiveDate };
  });
  const dates = entries.map((e) => e.publicationDate).filter((d): d is string => typeof d === 'string');
  return { rates, publicationDate: dates.sort().at(-1) ?? null, unreadable };
}
