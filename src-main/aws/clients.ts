import { CloudFormationClient } from '@aws-sdk/client-cloudformation';
import { CloudWatchClient } from '@aws-sdk/client-cloudwatch';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { EventBridgeClient } from '@aws-sdk/client-eventbridge';
import { MediaConnectClient } from '@aws-sdk/client-mediaconnect';
import { MediaLiveClient } from '@aws-sdk/client-medialive';
import { PricingClient } from '@aws-sdk/client-pricing';
import { S3Client } from '@aws-sdk/client-s3';
import { SchedulerClient } from '@aws-sdk/client-scheduler';
import { SQSClient } from '@aws-sdk/client-sqs';
import { STSClient } from '@aws-sdk/client-sts';
import { fromIni } from '@aws-sdk/credential-providers';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { tagErrorRegion } from './errors';
import { SIMULATION_CREDENTIALS, type AwsTarget } from './target';

/** What AWS answers a request signed with expired credentials (REST JSON and query services). */
const EXPIRED_CREDENTIALS = new Set(['ExpiredTokenException', 'ExpiredToken']);

/**
 * The Price List Query API answers at a few endpoints only, us-east-1 among them (AWS SDK for Rust, aws-sdk-pricing,
 * "Service Endpoint": https://api.pricing.us-east-1.amazonaws.com and https://api.pricing.ap-south-1.amazonaws.com),
 * and serves every region's prices from there: the stack's region is a `regionCode` filter, not the endpoint.
 */
export const PRICE_LIST_ENDPOINT_REGION = 'us-east-1';

export interface AwsClients {
  medialive: MediaLiveClient;
  mediaconnect: MediaConnectClient;
  cloudwatch: CloudWatchClient;
  sts: STSClient;
  cloudformation: CloudFormationClient;
  /** The booth's event queue (long polling: its request timeout outlasts the 20 s wait). */
  sqs: SQSClient;
  /** The stack's event rules (readiness: they exist). */
  eventbridge: EventBridgeClient;
  /** The safety-stop schedules (EventBridge Scheduler). */
  scheduler: SchedulerClient;
  /** The AWS Price List, at its own endpoint region whatever the stack's (see core/costs/price-list-refresh.ts). */
  pricing: PricingClient;
  /** The stack's slate files (readiness: HeadObject). */
  s3: S3Client;
  /** Items, marshalled (lib-dynamodb). */
  dynamo: DynamoDBDocumentClient;
  /** Table-level operations (DescribeTable, CreateBackup). */
  dynamodb: DynamoDBClient;
  destroy(): void;
}

export interface ClientTuning {
  /** Per-request socket timeout; a hung request must not freeze a take. */
  requestTimeoutMs?: number;
  connectionTimeoutMs?: number;
}

/**
 * Builds every SDK client from the active target. Retries are off at the SDK level
 * (maxAttempts 1): the services decide what may be retried (throttling and 5xx only,
 * never a start whose outcome is unknown), with backoff and jitter of their own.
 */
export function createAwsClients(
  target: AwsTarget,
  tuning: ClientTuning = {},
  /** The credentials of an IAM Identity Center sign-in (aws/sso/sso-credentials.ts), swapped without a rebuild. */
  signedIn?: () => Promise<{ accessKeyId: string; secretAccessKey: string; sessionToken?: string; expiration?: Date }>,
  /** Told when AWS refused the credentials as expired, so that they are not used for another request. */
  onExpired?: () => void,
): AwsClients {
  const requestHandler = {
    requestTimeout: tuning.requestTimeoutMs ?? 10_000,
    connectionTimeout: tuning.connectionTimeoutMs ?? 3_000,
    // Without this, newer handlers only log when the timeout passes and keep waiting for ever.
    throwOnRequestTimeout: true,
  };
  const common =
    target.mode === 'simulation'
      ? { region: target.region, credentials: signedIn ?? SIMULATION_CREDENTIALS, maxAttempts: 1, requestHandler }
      : {
          region: target.region,
          // Passing the profile to the client (not only to the credential provider) makes the SDK read
          // that profile's endpoint_url and services settings, as the AWS CLI does.
          profile: target.profile,
          credentials: signedIn ?? fromIni({ profile: target.profile }),
          maxAttempts: 1,
          requestHandler,
        };
  const endpoint = target.mode === 'simulation' ? { endpoint: target.endpoint } : {};
  const dynamoEndpoint = target.mode === 'simulation' ? { endpoint: target.dynamoEndpoint } : {};

  const medialive = new MediaLiveClient({ ...common, ...endpoint });
  const mediaconnect = new MediaConnectClient({ ...common, ...endpoint });
  const cloudwatch = new CloudWatchClient({ ...common, ...endpoint });
  const sts = new STSClient({ ...common, ...endpoint });
  const cloudformation = new CloudFormationClient({ ...common, ...endpoint });
  // "Ensure that the HTTP response timeout of ReceiveMessage requests is longer than the WaitTimeSeconds parameter"
  // (SQS Developer Guide, "Setting-up long polling in Amazon SQS").
  const sqs = new SQSClient({
    ...common,
    ...endpoint,
    requestHandler: { ...requestHandler, requestTimeout: Math.max(requestHandler.requestTimeout, 30_000) },
  });
  const eventbridge = new EventBridgeClient({ ...common, ...endpoint });
  const scheduler = new SchedulerClient({ ...common, ...endpoint });
  const pricing = new PricingClient({ ...common, ...endpoint, region: PRICE_LIST_ENDPOINT_REGION });
  // The same endpoint settings as the other clients (the simulator's endpoint, else the profile's and the
  // environment's). A custom endpoint is addressed path-style, the bucket in the path ("When true, force a path-style
  // endpoint to be used where the bucket name is part of the path", S3 endpoint parameter ForcePathStyle; path-style
  // requests: https://docs.aws.amazon.com/AmazonS3/latest/userguide/VirtualHosting.html#path-style-access), as a
  // loopback endpoint has no per-bucket host names.
  const s3 = new S3Client({ ...common, ...endpoint, forcePathStyle: target.mode === 'simulation' });
  const dynamoBase = new DynamoDBClient({ ...common, ...dynamoEndpoint });
  const dynamo = DynamoDBDocumentClient.from(dynamoBase, {
    marshallOptions: { removeUndefinedValues: true },
  });

  // Every error leaves the client carrying the region it was sent to, so a "not found" can say where it looked.
  const tagged = target.mode === 'simulation' ? `${target.region} (the built-in simulator)` : target.region;
  const regionTag = { step: 'initialize', name: 'lunoraRegionTag', override: true } as const;
  const tagging =
    <A, R>(next: (args: A) => Promise<R>) =>
    async (args: A): Promise<R> => {
      try {
        return await next(args);
      } catch (error) {
        tagErrorRegion(error, tagged);
        if (onExpired && EXPIRED_CREDENTIALS.has((error as { name?: string } | null)?.name ?? '')) onExpired();
        throw error;
      }
    };
  medialive.middlewareStack.add(tagging, regionTag);
  mediaconnect.middlewareStack.add(tagging, regionTag);
  cloudwatch.middlewareStack.add(tagging, regionTag);
  sts.middlewareStack.add(tagging, regionTag);
  cloudformation.middlewareStack.add(tagging, regionTag);
  sqs.middlewareStack.add(tagging, regionTag);
  eventbridge.middlewareStack.add(tagging, regionTag);
  scheduler.middlewareStack.add(tagging, regionTag);
  pricing.middlewareStack.add(tagging, regionTag);
  s3.middlewareStack.add(tagging, regionTag);
  dynamoBase.middlewareStack.add(tagging, regionTag);
  dynamo.middlewareStack.add(tagging, regionTag);

  return {
    medialive,
    mediaconnect,
    cloudwatch,
    sts,
    cloudformation,
    sqs,
    eventbridge,
    scheduler,
    pricing,
    s3,
    dynamo,
    dynamodb: dynamoBase,
    destroy() {
      for (const client of [
        medialive,
        mediaconnect,
        cloudwatch,
        sts,
        cloudformation,
        sqs,
        eventbridge,
        scheduler,
        pricing,
        s3,
        dynamo,
        dynamoBase,
      ])
        client.destroy();
    },
  };
}
