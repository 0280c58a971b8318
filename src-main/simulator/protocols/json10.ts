import type { ServerResponse } from 'node:http';
import type { AwsError } from '../errors';
import type { OperationOutput } from '../types';

/**
 * AWS JSON 1.0 with awsQueryCompatible (CloudWatch): the SDK sends `X-Amz-Target:
 * GraniteServiceVersion20100801.<Op>` and `x-amzn-query-mode: true`; members keep their
 * PascalCase names; timestamps are epoch seconds. Errors: `__type` is the modeled shape id and
 * `x-amzn-query-error: <QueryCode>;<Sender|Receiver>` carries the legacy query code, which the
 * SDK reads first.
 */
const SHAPE_FOR_QUERY_CODE: Record<string, string> = {
  InternalServiceError: 'com.amazonaws.cloudwatch#InternalServiceFault',
  InvalidParameterValue: 'com.amazonaws.cloudwatch#InvalidParameterValueException',
  InvalidParameterCombination: 'com.amazonaws.cloudwatch#InvalidParameterCombinationException',
  MissingParameter: 'com.amazonaws.cloudwatch#MissingRequiredParameterException',
  InvalidNextToken: 'com.amazonaws.cloudwatch#InvalidNextToken',
  Throttling: 'com.amazon.coral.availability#ThrottlingException',
  AccessDenied: 'com.amazon.coral.service#AccessDeniedException',
  ExpiredToken: 'com.amazon.coral.service#ExpiredTokenException',
  ServiceUnavailable: 'com.amazon.coral.availability#ServiceUnavailableException',
  UnknownOperation: 'com.amazon.coral.service#UnknownOperationException',
  ValidationError: 'com.amazonaws.cloudwatch#ValidationException',
};

export function writeJson10(res: ServerResponse, output: OperationOutput, requestId: string): void {
  const payload = JSON.stringify(output.body ?? {});
  res.writeHead(output.status, {
    'content-type': 'application/x-amz-json-1.0',
    'content-length': Buffer.byteLength(payload),
    'x-amzn-requestid': requestId,
  });
  res.end(payload);
}

export function writeJson10Error(
  res: ServerResponse,
  err: AwsError,
  requestId: string,
  shapes: Record<string, string> = SHAPE_FOR_QUERY_CODE,
  namespace = 'com.amazonaws.cloudwatch',
): void {
  const payload = JSON.stringify({
    __type: shapes[err.code] ?? `${namespace}#${err.code}`,
    message: err.message,
  });
  res.writeHead(err.status, {
    'content-type': 'application/x-amz-json-1.0',
    'content-length': Buffer.byteLength(payload),
    'x-amzn-requestid': requestId,
    'x-amzn-query-error': `${err.code};${err.faultType}`,
  });
  res.end(payload);
}

/** `GraniteServiceVersion20100801.GetMetricData` -> `GetMetricData`. */
export function json10Operation(target: string | string[] | undefined): string | undefined {
  const t = Array.isArray(target) ? target[0] : target;
  if (!t) return undefined;
  const dot = t.lastIndexOf('.');
  return dot >= 0 ? t.slice(dot + 1) : t;
}
