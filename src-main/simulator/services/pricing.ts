import { AwsError } from '../errors';
import { json11Input, json11Operation, writeJson11, writeJson11Error } from '../protocols/json11';
import { DEFAULT_PRICE_LIST, priceListEntry, type PriceListProduct } from '../pricing-catalog';
import { decodeToken, encodeToken, type ServiceHandler } from './service';

/**
 * The AWS Price List Query API's GetProducts over AWS JSON 1.1 as `@aws-sdk/client-pricing` 3.1133 speaks it
 * (`X-Amz-Target: AWSPriceListService.GetProducts`, signing name "pricing"; the API model pricing-2017-10-15). Filters
 * are TERM_MATCH on a product attribute, all of them must match; MaxResults is 1 to 100; PriceList entries are JSON
 * strings (Price List API Reference, GetProducts,
 * https://docs.aws.amazon.com/aws-cost-management/latest/APIReference/API_pricing_GetProducts.html). The errors are
 * the model's: InvalidParameterException, NotFoundException (an unknown service code), InvalidNextTokenException.
 */
export function createPricingService(products: readonly PriceListProduct[] = DEFAULT_PRICE_LIST): ServiceHandler {
  /** The Price List service codes the simulator knows; MediaConnect's (AWSMediaConnect) has no products here. */
  const catalog = new Map<string, readonly PriceListProduct[]>([
    ['AWSElementalMediaLive', products],
    ['AWSMediaConnect', []],
  ]);
  return {
    id: 'pricing',
    resolve: (req) => json11Operation(req, 'GetProducts'),
    handle(_op, req) {
      const input = json11Input(req, 'InvalidParameterException');
      const serviceCode = input['ServiceCode'];
      if (typeof serviceCode !== 'string' || serviceCode === '')
        throw new AwsError('InvalidParameterException', 400, 'ServiceCode is required');
      const known = catalog.get(serviceCode);
      if (!known) throw new AwsError('NotFoundException', 400, `Service code ${serviceCode} was not found`);
      const filters = Array.isArray(input['Filters']) ? (input['Filters'] as unknown[]) : [];
      const terms = filters.map((raw) => {
        const f = (raw ?? {}) as Record<string, unknown>;
        if (f['Type'] !== 'TERM_MATCH' || typeof f['Field'] !== 'string' || typeof f['Value'] !== 'string')
          throw new AwsError(
            'InvalidParameterException',
            400,
            'Each filter needs Type TERM_MATCH, a Field and a Value',
          );
        return { field: f['Field'], value: f['Value'] };
      });
      const max = input['MaxResults'] ?? 100;
      if (typeof max !== 'number' || !Number.isInteger(max) || max < 1 || max > 100)
        throw new AwsError('InvalidParameterException', 400, 'MaxResults must be between 1 and 100');
      const token = typeof input['NextToken'] === 'string' ? input['NextToken'] : null;
      const offset = decodeToken(token, 'InvalidNextTokenException', 400);
      const matching = known.filter((p) =>
        terms.every(({ field, value }) =>
          field === 'ServiceCode' ? value === serviceCode : p.attributes[field] === value,
        ),
      );
      const page = matching.slice(offset, offset + max);
      const next = offset + max < matching.length ? encodeToken(offset + max) : undefined;
      return {
        status: 200,
        body: {
          FormatVersion: 'aws_v1',
          PriceList: page.map((p) => priceListEntry(p, serviceCode)),
          ...(next ? { NextToken: next } : {}),
        },
      };
    },
    write: (res, _op, out, requestId) => writeJson11(res, out.status, out.body, requestId),
    writeError: (res, err, requestId) => writeJson11Error(res, err, requestId, 'InternalErrorException'),
  };
}
