import type { ServerResponse } from 'node:http';
import { AwsError } from '../errors';
import { parseJsonBody } from '../services/service';
import type { ResolvedOperation, SimRequest } from '../types';
import { json10Operation } from './json10';

/**
 * AWS JSON 1.1 (EventBridge, the Price List): the body as JSON under `application/x-amz-json-1.1`; an error is its
 * bare shape name in `__type` with a `message`. The common faults are said by each service model's own names, which
 * differ only for the internal error (EventBridge's InternalException, the Price List's InternalErrorException).
 */
export function writeJson11(res: ServerResponse, status: number, body: unknown, requestId: string): void {
  const payload = JSON.stringify(body ?? {});
  res.writeHead(status, {
    'content-type': 'application/x-amz-json-1.1',
    'content-length': Buffer.byteLength(payload),
    'x-amzn-requestid': requestId,
  });
  res.end(payload);
}

export function writeJson11Error(res: ServerResponse, err: AwsError, requestId: string, internalError: string): void {
  writeJson11(res, err.status, { __type: json11Shape(err.code, internalError), message: err.message }, requestId);
}

function json11Shape(code: string, internalError: string): string {
  if (code === 'AccessDenied' || code === 'AccessDeniedException') return 'AccessDeniedException';
  if (code === 'Throttling') return 'ThrottlingException';
  if (code === 'ExpiredToken') return 'ExpiredTokenException';
  if (code === 'InternalFailure') return internalError;
  return code;
}

/** The one operation a simulated JSON 1.1 service answers, named by `X-Amz-Target`; any other is unknown to it. */
export function json11Operation(req: SimRequest, only: string): ResolvedOperation {
  const op = json10Operation(req.headers['x-amz-target']);
  if (op !== only) throw new AwsError('UnknownOperationException', 400, `Unknown operation ${op ?? '(none)'}`);
  return { operation: op, params: {} };
}

/** The request's JSON members; a body that is not JSON is the service's own validation error (`validationError`). */
export function json11Input(req: SimRequest, validationError: string): Record<string, unknown> {
  try {
    return parseJsonBody(req.body);
  } catch {
    throw new AwsError(validationError, 400, 'Request body is not valid JSON');
  }
}
