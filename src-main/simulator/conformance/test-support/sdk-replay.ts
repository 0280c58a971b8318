import { Readable } from 'node:stream';
import * as cloudformation from '@aws-sdk/client-cloudformation';
import * as cloudwatch from '@aws-sdk/client-cloudwatch';
import * as eventbridge from '@aws-sdk/client-eventbridge';
import * as mediaconnect from '@aws-sdk/client-mediaconnect';
import * as medialive from '@aws-sdk/client-medialive';
import * as pricing from '@aws-sdk/client-pricing';
import * as s3 from '@aws-sdk/client-s3';
import * as scheduler from '@aws-sdk/client-scheduler';
import * as sqs from '@aws-sdk/client-sqs';
import * as sso from '@aws-sdk/client-sso';
import * as ssoOidc from '@aws-sdk/client-sso-oidc';
import * as sts from '@aws-sdk/client-sts';
import type { SimExchange } from '../../types';
import type { ApiModel } from './api-model';

type Sendable = { send(command: unknown): Promise<unknown>; destroy(): void };
type Ctor = new (...args: unknown[]) => unknown;

const MODULES: Record<SimExchange['service'], { module: Record<string, unknown>; client: string }> = {
  medialive: { module: medialive, client: 'MediaLiveClient' },
  mediaconnect: { module: mediaconnect, client: 'MediaConnectClient' },
  cloudwatch: { module: cloudwatch, client: 'CloudWatchClient' },
  sts: { module: sts, client: 'STSClient' },
  cloudformation: { module: cloudformation, client: 'CloudFormationClient' },
  sqs: { module: sqs, client: 'SQSClient' },
  eventbridge: { module: eventbridge, client: 'EventBridgeClient' },
  'sso-oidc': { module: ssoOidc, client: 'SSOOIDCClient' },
  sso: { module: sso, client: 'SSOClient' },
  scheduler: { module: scheduler, client: 'SchedulerClient' },
  pricing: { module: pricing, client: 'PricingClient' },
  s3: { module: s3, client: 'S3Client' },
};

/**
 * Hands a recorded raw answer to the real v3 client of its service, through a request handler that answers with it,
 * and says what the SDK made of it: the parsed output, or the modeled error it raised (name and HTTP status).
 */
export async function parseWithSdk(
  model: ApiModel,
  exchange: SimExchange,
  wireInput: Record<string, unknown>,
): Promise<{ output: Record<string, unknown> } | { error: { name: string; status: number | undefined } }> {
  const { module, client } = MODULES[exchange.service];
  const ClientCtor = module[client] as Ctor;
  const CommandCtor = module[`${exchange.operation}Command`] as Ctor | undefined;
  if (!CommandCtor) throw new Error(`the v3 ${exchange.service} client has no ${exchange.operation}Command`);
  const { response } = exchange;
  const sdk = new ClientCtor({
    region: 'us-east-1',
    credentials: { accessKeyId: 'replay', secretAccessKey: 'replay' },
    maxAttempts: 1,
    requestHandler: {
      handle: async () => ({
        response: {
          statusCode: response.status,
          headers: response.headers,
          body: Readable.from([Buffer.from(response.body)]),
        },
      }),
      updateHttpClientConfig() {},
      httpHandlerConfigs: () => ({}),
      destroy() {},
    },
  }) as Sendable;
  try {
    return {
      output: (await sdk.send(new CommandCtor(labelInput(model, exchange.operation, wireInput)))) as Record<
        string,
        unknown
      >,
    };
  } catch (e) {
    const err = e as { name?: string; $metadata?: { httpStatusCode?: number } };
    return { error: { name: err.name ?? String(e), status: err.$metadata?.httpStatusCode } };
  } finally {
    sdk.destroy();
  }
}

/** The command input the SDK needs to build the request again: the path labels and query members, by member name. */
function labelInput(model: ApiModel, operation: string, wire: Record<string, unknown>): Record<string, unknown> {
  const input = model.resolve(model.operation(operation).input ?? {});
  const out: Record<string, unknown> = {};
  for (const [name, ref] of Object.entries(input.members ?? {})) {
    const member = model.resolve(ref);
    if (member.location === 'uri' || member.location === 'querystring') {
      const v = wire[member.locationName ?? name];
      if (v !== undefined) out[name] = v;
    }
  }
  return out;
}
