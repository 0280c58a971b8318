import { createHash } from 'node:crypto';
import type { ResolvedOperation, SimRequest } from '../types';
import { AwsError } from '../errors';
import { json10Operation, writeJson10, writeJson10Error } from '../protocols/json10';
import type { QueueWorld } from '../world/queues';
import { parseJsonBody, type ServiceHandler } from './service';

/**
 * Amazon SQS over the AWS JSON 1.0 protocol, which `@aws-sdk/client-sqs` 3.1169 speaks (AwsJson1_0Protocol,
 * `X-Amz-Target: AmazonSQS.<Action>`, query-compatible errors): "Making query API requests using AWS JSON protocol in
 * Amazon SQS", https://docs.aws.amazon.com/AWSSimpleQueueService/latest/SQSDeveloperGuide/sqs-making-api-requests-json.html ;
 * errors carry `__type` (e.g. `com.amazonaws.sqs#QueueDoesNotExist`) and `x-amzn-query-error:
 * AWS.SimpleQueueService.NonExistentQueue;Sender` ("Interpreting Amazon SQS JSON API responses",
 * https://docs.aws.amazon.com/AWSSimpleQueueService/latest/SQSDeveloperGuide/sqs-json-api-responses.html).
 * Queue URLs are `<endpoint>/<account>/<name>`; ReceiveMessage takes 1-10 messages and waits 0-20 s.
 */
const SQS_SHAPES: Record<string, string> = {
  'AWS.SimpleQueueService.NonExistentQueue': 'com.amazonaws.sqs#QueueDoesNotExist',
  ReceiptHandleIsInvalid: 'com.amazonaws.sqs#ReceiptHandleIsInvalid',
  InvalidAttributeValue: 'com.amazonaws.sqs#InvalidAttributeValue',
  'AWS.SimpleQueueService.EmptyBatchRequest': 'com.amazonaws.sqs#EmptyBatchRequest',
  'AWS.SimpleQueueService.TooManyEntriesInBatchRequest': 'com.amazonaws.sqs#TooManyEntriesInBatchRequest',
  'AWS.SimpleQueueService.BatchEntryIdsNotDistinct': 'com.amazonaws.sqs#BatchEntryIdsNotDistinct',
  Throttling: 'com.amazonaws.sqs#RequestThrottled',
  AccessDenied: 'com.amazon.coral.service#AccessDeniedException',
  ExpiredToken: 'com.amazon.coral.service#ExpiredTokenException',
  InternalFailure: 'com.amazon.coral.service#InternalFailure',
  ServiceUnavailable: 'com.amazon.coral.availability#ServiceUnavailableException',
  UnknownOperation: 'com.amazon.coral.service#UnknownOperationException',
};

const OPERATIONS = new Set([
  'CreateQueue',
  'GetQueueUrl',
  'GetQueueAttributes',
  'ReceiveMessage',
  'DeleteMessage',
  'DeleteMessageBatch',
  'SendMessage',
  'DeleteQueue',
]);

export function createSqsService(queues: QueueWorld, accountId: string): ServiceHandler {
  const urlFor = (req: SimRequest, name: string): string => {
    const host = typeof req.headers.host === 'string' ? req.headers.host : '127.0.0.1';
    return `http://${host}/${accountId}/${name}`;
  };
  return {
    id: 'sqs',
    resolve(req): ResolvedOperation {
      const op = json10Operation(req.headers['x-amz-target']);
      if (!op || !OPERATIONS.has(op))
        throw new AwsError('UnknownOperation', 400, `Unknown operation ${op ?? '(none)'}`);
      const input = safeBody(req.body);
      const queue = typeof input['QueueUrl'] === 'string' ? queueName(input['QueueUrl']) : input['QueueName'];
      return { operation: op, params: typeof queue === 'string' ? { queue } : {} };
    },
    async handle(op, req) {
      const input = safeBody(req.body);
      const name = (): string => {
        const url = input['QueueUrl'];
        if (typeof url !== 'string' || url === '')
          throw new AwsError('MissingParameter', 400, 'The request must contain the parameter QueueUrl.');
        return queueName(url);
      };
      switch (op.operation) {
        case 'CreateQueue': {
          const queueNameIn = input['QueueName'];
          if (typeof queueNameIn !== 'string')
            throw new AwsError('MissingParameter', 400, 'The request must contain the parameter QueueName.');
          const attrs = isStringMap(input['Attributes']) ? input['Attributes'] : {};
          return { status: 200, body: { QueueUrl: urlFor(req, queues.create(queueNameIn, attrs)) } };
        }
        case 'GetQueueUrl': {
          const queueNameIn = input['QueueName'];
          if (typeof queueNameIn !== 'string')
            throw new AwsError('MissingParameter', 400, 'The request must contain the parameter QueueName.');
          queues.check(queueNameIn);
          return { status: 200, body: { QueueUrl: urlFor(req, queueNameIn) } };
        }
        case 'GetQueueAttributes': {
          const all = queues.attributes(name());
          const wanted = Array.isArray(input['AttributeNames']) ? (input['AttributeNames'] as unknown[]) : ['All'];
          const pick = wanted.includes('All')
            ? all
            : Object.fromEntries(Object.entries(all).filter(([k]) => wanted.includes(k)));
          return { status: 200, body: { Attributes: pick } };
        }
        case 'ReceiveMessage': {
          const max = optInt(input['MaxNumberOfMessages'], 'MaxNumberOfMessages', 1, 10) ?? 1;
          const waitS = optInt(input['WaitTimeSeconds'], 'WaitTimeSeconds', 0, 20);
          const visibilityS = optInt(input['VisibilityTimeout'], 'VisibilityTimeout', 0, 43_200);
          const messages = await queues.receive(name(), { max, waitS, visibilityS });
          return { status: 200, body: messages.length > 0 ? { Messages: messages } : {} };
        }
        case 'DeleteMessage': {
          const handle = input['ReceiptHandle'];
          queues.deleteMessage(name(), typeof handle === 'string' ? handle : '');
          return { status: 200, body: {} };
        }
        case 'DeleteMessageBatch': {
          const entries = Array.isArray(input['Entries']) ? (input['Entries'] as Record<string, unknown>[]) : [];
          const queue = name();
          if (entries.length === 0)
            throw new AwsError('AWS.SimpleQueueService.EmptyBatchRequest', 400, 'There should be at least one entry.');
          if (entries.length > 10)
            throw new AwsError(
              'AWS.SimpleQueueService.TooManyEntriesInBatchRequest',
              400,
              'Maximum number of entries per request are 10.',
            );
          const ids = entries.map((e) => String(e['Id']));
          if (new Set(ids).size !== ids.length)
            throw new AwsError('AWS.SimpleQueueService.BatchEntryIdsNotDistinct', 400, 'Id values must be distinct.');
          const successful: { Id: string }[] = [];
          const failed: { Id: string; SenderFault: boolean; Code: string; Message: string }[] = [];
          for (const e of entries) {
            const id = String(e['Id']);
            const handle = typeof e['ReceiptHandle'] === 'string' ? e['ReceiptHandle'] : '';
            if (handle === '') {
              failed.push({ Id: id, SenderFault: true, Code: 'ReceiptHandleIsInvalid', Message: 'Invalid handle' });
              continue;
            }
            queues.deleteMessage(queue, handle);
            successful.push({ Id: id });
          }
          return { status: 200, body: { Successful: successful, Failed: failed } };
        }
        case 'SendMessage': {
          const body = input['MessageBody'];
          if (typeof body !== 'string' || body === '')
            throw new AwsError('MissingParameter', 400, 'The request must contain the parameter MessageBody.');
          const queue = name();
          queues.check(queue);
          const id = queues.send(queue, body);
          return {
            status: 200,
            body: { MessageId: id, MD5OfMessageBody: createHash('md5').update(body, 'utf8').digest('hex') },
          };
        }
        case 'DeleteQueue':
        default:
          queues.delete(name());
          return { status: 200, body: {} };
      }
    },
    write: (res, _op, out, requestId) => writeJson10(res, out, requestId),
    writeError: (res, err, requestId) => writeJson10Error(res, err, requestId, SQS_SHAPES, 'com.amazonaws.sqs'),
  };
}

function safeBody(body: string): Record<string, unknown> {
  try {
    return parseJsonBody(body);
  } catch {
    throw new AwsError('InvalidParameterValue', 400, 'Request body is not valid JSON');
  }
}

/** `http://host/123456789012/name` -> `name`. */
function queueName(url: string): string {
  const last = url.split('/').filter(Boolean).pop();
  return last ?? '';
}

function isStringMap(v: unknown): v is Record<string, string> {
  return !!v && typeof v === 'object' && !Array.isArray(v) && Object.values(v).every((x) => typeof x === 'string');
}

function optInt(v: unknown, name: string, min: number, max: number): number | undefined {
  if (v === undefined || v === null) return undefined;
  if (typeof v !== 'number' || !Number.isInteger(v) || v < min || v > max)
    throw new AwsError('InvalidParameterValue', 400, `Value ${JSON.stringify(v)} for parameter ${name} is invalid.`);
  return v;
}
