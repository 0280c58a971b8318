import { GetProductsCommand, type PricingClient } from '@aws-sdk/client-pricing';
import { RATE_FIELDS, type RateCard, type RateKey } from '../../../shared/domain/cost';
import { BoothError } from '../../../shared/domain/errors';
import { PRICE_LIST_ENDPOINT_REGION } from '../../aws/clients';
import { callAws } from '../../aws/retry';
import type { RetryPolicy } from '../../aws/retry';
import { MEDIALIVE_SERVICE_CODE, PRICE_LIST_KEYS, readMediaLiveRates, type PriceListReading } from './price-list';

/** GetProducts returns at most 100 entries a page ("MaxResults", Price List API Reference, GetProducts). */
const PAGE_SIZE = 100;
/** A region's MediaLive products fit in a few pages; past this the answer is not one the console reads. */
const MAX_PAGES = 20;
/** Throttling is retried twice, then the card stays as it is and the admin is told to try later. */
const PRICE_LIST_RETRY: RetryPolicy = { retries: 2, minTimeoutMs: 500, maxTimeoutMs: 2_000 };

export interface RefreshOutcome {
  /** 'refreshed': at least one rate came from the Price List; 'kept': the card is unchanged. */
  outcome: 'refreshed' | 'kept';
  message: string;
  card: RateCard;
}

const labelOf = (key: RateKey) => RATE_FIELDS.find((f) => f.key === key)?.label ?? key;
const usd = (n: number) => `$${n.toFixed(4)}`;

/** The card with every rate the Price List gave replaced, and where the figures now come from. */
export function applyPriceList(card: RateCard, reading: PriceListReading, region: string, now: number): RefreshOutcome {
  const read = reading.rates.filter((r) => r.ok);
  const kept = reading.rates.filter((r) => !r.ok);
  const keptWords = kept.map((r) => `${labelOf(r.key)} kept at ${usd(card[r.key])} (${r.reason})`).join('; ');
  if (read.length === 0)
    return {
      outcome: 'kept',
      card,
      message: `The AWS Price List gave none of the card's MediaLive rates for ${region}, so the card is unchanged: ${keptWords}.`,
    };
  const effectiveDate =
    read
      .map((r) => r.effectiveDate)
      .sort()
      .at(-1) ?? '';
  const next: RateCard = { ...card, pages: { ...card.pages } };
  for (const rate of read) {
    next[rate.key] = rate.usd;
    next.pages[rate.key] =
      `AWS Price List, ${MEDIALIVE_SERVICE_CODE} in ${region}, SKU ${rate.sku}, effective ${rate.effectiveDate}`.slice(
        0,
        300,
      );
  }
  next.source = `AWS Price List, ${region}, effective ${effectiveDate}`.slice(0, 200);
  next.origin = {
    kind: 'price-list',
    region,
    effectiveDate,
    publicationDate: reading.publicationDate,
    readAt: now,
    read: read.map((r) => r.key),
    kept: kept.map((r) => ({ key: r.key, reason: r.reason.slice(0, 300) })),
  };
  const readWords = read.map((r) => `${labelOf(r.key)} ${usd(r.usd)}/h`).join(', ');
  const others = RATE_FIELDS.length - PRICE_LIST_KEYS.length;
  return {
    outcome: 'refreshed',
    card: next,
    message:
      `Rates from the AWS Price List for ${region}, effective ${effectiveDate}: ${readWords}.` +
      (kept.length > 0 ? ` Not read, kept as they were: ${keptWords}.` : '') +
      ` The ${others} MediaConnect, data transfer and CloudWatch rates are not read from it: they stay as set here.`,
  };
}

/** Why the Price List could not be read, in words, with the card kept. */
function unreachable(error: unknown, region: string): string {
  const mapped = error instanceof BoothError ? error : null;
  const kept = 'The rate card is unchanged: edit it here.';
  if (mapped?.code === 'access-denied')
    return `These credentials may not read the AWS Price List (the pricing:GetProducts permission is missing). ${kept}`;
  if (mapped?.code === 'throttled')
    return `The AWS Price List is limiting requests (throttled) and kept refusing after retries: try again in a minute. ${kept}`;
  if (mapped?.code === 'expired-credentials')
    return `The AWS credentials have expired: sign in again, then refresh. ${kept}`;
  if (mapped?.code === 'network' || mapped?.code === 'timeout')
    return `The AWS Price List endpoint (${PRICE_LIST_ENDPOINT_REGION}) could not be reached for ${region}'s prices. ${kept}`;
  return `The AWS Price List could not be read for ${region}${mapped ? ` (${mapped.message})` : ''}. ${kept}`;
}

export interface PriceListDeps {
  pricing: PricingClient;
  /** The stack's region, whose prices are read. */
  region: string;
  now: () => number;
  policy?: RetryPolicy;
}

/** Reads the region's MediaLive products (every page) and applies them to `card`; never throws. */
export async function refreshFromPriceList(deps: PriceListDeps, card: RateCard): Promise<RefreshOutcome> {
  const priceList: string[] = [];
  try {
    let nextToken: string | undefined;
    for (let page = 0; page < MAX_PAGES; page += 1) {
      const answer = await callAws(
        'Reading the AWS Price List',
        () =>
          deps.pricing.send(
            new GetProductsCommand({
              ServiceCode: MEDIALIVE_SERVICE_CODE,
              Filters: [{ Type: 'TERM_MATCH', Field: 'regionCode', Value: deps.region }],
              FormatVersion: 'aws_v1',
              MaxResults: PAGE_SIZE,
              ...(nextToken ? { NextToken: nextToken } : {}),
            }),
          ),
        { policy: deps.policy ?? PRICE_LIST_RETRY, now: deps.now },
      );
      // Each entry is the JSON text AWS sent: the model marks PriceList members as JSON values, which the SDK hands
      // back as String objects (a LazyJsonString); one already parsed is turned back into text to read the same way.
      const entries: unknown = answer.PriceList;
      for (const entry of Array.isArray(entries) ? (entries as unknown[]) : [])
        priceList.push(typeof entry === 'string' || entry instanceof String ? entry.toString() : JSON.stringify(entry));
      nextToken = answer.NextToken;
      if (!nextToken) break;
    }
  } catch (error) {
    return { outcome: 'kept', card, message: unreachable(error, deps.region) };
  }
  return applyPriceList(card, readMediaLiveRates(priceList, deps.region), deps.region, deps.now());
}
