/**
 * The simulated AWS Price List: MediaLive products as GetProducts returns them, one JSON object each (product with
 * attributes, OnDemand terms by SKU and offer term code, price dimensions by rate code; "Reading the service price
 * list file for an AWS service",
 * https://docs.aws.amazon.com/awsaccountbilling/latest/aboutv2/reading-service-price-list-file-for-services.html).
 *
 * Attribute names are the published price list's columns for AWSElementalMediaLive (Bit Rate, Frame Rate, Input,
 * Output, Pipeline, Region Code, Resolution, Video Quality, usagetype, operation; the offer index,
 * https://pricing.us-east-1.amazonaws.com/offers/v1.0/aws/index.json); `operation` is one of MediaLive's billing
 * operations ("Billing operations", https://docs.aws.amazon.com/medialive/latest/ug/billing-operations.html) and the
 * usage type follows "Usage type format" ({Tier}-{Region}-{Direction}-{Codec}-{Resolution}-..., same guide).
 *
 * Prices are the only us-east-1 MediaLive figures AWS documentation states: Live Streaming on AWS with Amazon S3,
 * cost examples 1 and 2 (https://docs.aws.amazon.com/solutions/latest/live-streaming-on-aws-with-amazon-s3/cost-example-2.html):
 * HD AVC input 10-20 Mbps $0.294/h, SD AVC output <10 Mbps <30 fps $0.354/h, HD AVC output <10 Mbps <30 fps
 * $0.702/h, for the solution's channels, which are standard (two-pipeline) channels. AWS documents no single-pipeline
 * figure, so the default catalog has none: a console that wants single-pipeline rates finds no such product, as it
 * would against a Price List without them. Tests pass their own catalog for other cases.
 */
export interface PriceListProduct {
  sku: string;
  productFamily: string;
  attributes: Record<string, string>;
  /** On-demand price per unit in USD (text, as AWS sends it), with its unit. */
  onDemand: { usd: string; unit: string; description: string };
}

/** When the simulated prices take effect, and when the list was published. */
const SIM_PRICE_EFFECTIVE_DATE = '2026-11-01T00:00:00Z';
const SIM_PRICE_PUBLICATION_DATE = '2026-11-12T18:04:31Z';

const US_EAST_1 = { regionCode: 'us-east-1', location: 'US East (N. Virginia)', locationType: 'AWS Region' };

export const DEFAULT_PRICE_LIST: readonly PriceListProduct[] = [
  {
    sku: 'SIMML7Q2HDINSTD1',
    productFamily: 'Live Video',
    attributes: {
      ...US_EAST_1,
      servicecode: 'AWSElementalMediaLive',
      usagetype: 'USE1-Standard-Input-AVC-HD-Lev2',
      operation: 'CHANNEL_INPUT',
      input: 'AVC',
      resolution: 'HD',
      bitRate: '10-20Mbps',
      pipeline: 'Standard',
    },
    onDemand: { usd: '0.2940000000', unit: 'Hrs', description: 'HD AVC input, 10-20 Mbps, standard channel' },
  },
  {
    sku: 'SIMML7Q2SDOUTSTD',
    productFamily: 'Live Video',
    attributes: {
      ...US_EAST_1,
      servicecode: 'AWSElementalMediaLive',
      usagetype: 'USE1-Standard-Output-AVC-SD-Freq30-Standard',
      operation: 'CHANNEL_OUTPUT',
      output: 'AVC',
      resolution: 'SD',
      bitRate: '<10Mbps',
      frameRate: '<=30fps',
      pipeline: 'Standard',
      videoQuality: 'Standard',
    },
    onDemand: { usd: '0.3540000000', unit: 'Hrs', description: 'SD AVC output, <10 Mbps, <=30 fps, standard channel' },
  },
  {
    sku: 'SIMML7Q2HDOUTSTD',
    productFamily: 'Live Video',
    attributes: {
      ...US_EAST_1,
      servicecode: 'AWSElementalMediaLive',
      usagetype: 'USE1-Standard-Output-AVC-HD-Freq30-Standard',
      operation: 'CHANNEL_OUTPUT',
      output: 'AVC',
      resolution: 'HD',
      bitRate: '<10Mbps',
      frameRate: '<=30fps',
      pipeline: 'Standard',
      videoQuality: 'Standard',
    },
    onDemand: { usd: '0.7020000000', unit: 'Hrs', description: 'HD AVC output, <10 Mbps, <=30 fps, standard channel' },
  },
];

/** One product as a GetProducts PriceList entry (a JSON string). */
export function priceListEntry(product: PriceListProduct, serviceCode: string): string {
  const termCode = 'JRTCKXETXF'; // the on-demand offer term code the price list files use
  const rateCode = `${product.sku}.${termCode}.6YS6EN2CT7`;
  return JSON.stringify({
    product: { productFamily: product.productFamily, attributes: product.attributes, sku: product.sku },
    serviceCode,
    terms: {
      OnDemand: {
        [product.sku]: {
          [`${product.sku}.${termCode}`]: {
            priceDimensions: {
              [rateCode]: {
                unit: product.onDemand.unit,
                endRange: 'Inf',
                description: product.onDemand.description,
                appliesTo: [],
                rateCode,
                beginRange: '0',
                pricePerUnit: { USD: product.onDemand.usd },
              },
            },
            sku: product.sku,
            effectiveDate: SIM_PRICE_EFFECTIVE_DATE,
            offerTermCode: termCode,
            termAttributes: {},
          },
        },
      },
    },
    version: '20261112180431',
    publicationDate: SIM_PRICE_PUBLICATION_DATE,
  });
}
