import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { ServiceId } from '../../types';
import { enumIndexFor, type EnumIndex } from './enum-index';

/**
 * AWS's own service models, as the AWS SDK for JavaScript v2 ships them (`aws-sdk/apis/<service>-<version>.min.json`):
 * every operation's HTTP binding, input and output shapes, `required` lists, wire names (`locationName`) and member
 * types. The minified files drop enum lists (and `type: "string"`, the default), so enum values come from the v3
 * clients' exported enum objects instead (see enum-index.ts).
 */
export interface ApiShape {
  type?:
    | 'structure'
    | 'list'
    | 'map'
    | 'string'
    | 'integer'
    | 'long'
    | 'double'
    | 'float'
    | 'boolean'
    | 'timestamp'
    | 'blob';
  shape?: string;
  members?: Record<string, ApiShape>;
  required?: string[];
  member?: ApiShape;
  key?: ApiShape;
  value?: ApiShape;
  locationName?: string;
  location?: 'uri' | 'querystring' | 'header' | 'headers' | 'statusCode';
  flattened?: boolean;
  payload?: string;
  resultWrapper?: string;
}

export interface ApiOperation {
  http?: { method?: string; requestUri?: string; responseCode?: number };
  input?: ApiShape;
  output?: ApiShape;
}

export interface ApiModel {
  service: ServiceId;
  /** How members are named on the wire: rest-json by locationName, JSON 1.0 by member name, query XML by locationName. */
  protocol: 'rest-json' | 'json' | 'query';
  operation(name: string): ApiOperation;
  /** A member or shape reference with the named shape merged in (the reference's locationName/location win). */
  resolve(shape: ApiShape): ApiShape;
  enums: EnumIndex;
}

const MODEL_FILES: Record<ServiceId, string> = {
  medialive: 'aws-sdk/apis/medialive-2017-10-14.min.json',
  mediaconnect: 'aws-sdk/apis/mediaconnect-2018-11-14.min.json',
  cloudwatch: 'aws-sdk/apis/monitoring-2010-08-01.min.json',
  sts: 'aws-sdk/apis/sts-2011-06-15.min.json',
  cloudformation: 'aws-sdk/apis/cloudformation-2010-05-15.min.json',
  sqs: 'aws-sdk/apis/sqs-2012-11-05.min.json',
  eventbridge: 'aws-sdk/apis/eventbridge-2015-10-07.min.json',
  'sso-oidc': 'aws-sdk/apis/sso-oidc-2019-06-10.min.json',
  sso: 'aws-sdk/apis/sso-2019-06-10.min.json',
  scheduler: 'aws-sdk/apis/scheduler-2021-06-30.min.json',
  pricing: 'aws-sdk/apis/pricing-2017-10-15.min.json',
  s3: 'aws-sdk/apis/s3-2006-03-01.min.json',
};

/**
 * CloudWatch's and SQS's v2 models are the query protocol; their v3 clients (and so the console) speak JSON 1.0 with the
 * same shapes.
 */
const WIRE_PROTOCOL: Record<ServiceId, ApiModel['protocol']> = {
  medialive: 'rest-json',
  mediaconnect: 'rest-json',
  cloudwatch: 'json',
  sts: 'query',
  cloudformation: 'query',
  sqs: 'json',
  eventbridge: 'json',
  'sso-oidc': 'rest-json',
  sso: 'rest-json',
  // REST XML, and the simulator answers only bodiless HEADs: nothing of it is compared member by member.
  s3: 'query',
  scheduler: 'rest-json',
  pricing: 'json',
};

const require = createRequire(import.meta.url);
const cache = new Map<ServiceId, ApiModel>();

export function loadApiModel(service: ServiceId): ApiModel {
  const cached = cache.get(service);
  if (cached) return cached;
  const raw = JSON.parse(readFileSync(require.resolve(MODEL_FILES[service]), 'utf8')) as {
    operations: Record<string, ApiOperation>;
    shapes: Record<string, ApiShape>;
  };
  const model: ApiModel = {
    service,
    protocol: WIRE_PROTOCOL[service],
    operation(name) {
      const op = raw.operations[name];
      if (!op) throw new Error(`${service} model has no operation ${name}`);
      return op;
    },
    resolve(shape) {
      if (!shape.shape) return shape;
      const named = raw.shapes[shape.shape];
      if (!named) throw new Error(`${service} model has no shape ${shape.shape}`);
      const { shape: _ref, ...ref } = shape;
      return { ...named, ...ref };
    },
    enums: enumIndexFor(service),
  };
  cache.set(service, model);
  return model;
}
