import type { ServerResponse } from 'node:http';
import type { AwsError } from '../errors';
import type { OperationOutput } from '../types';

/**
 * AWS restJson1 (MediaLive, MediaConnect): JSON bodies with lowerCamelCase jsonName members;
 * errors carry the shape name in `x-amzn-ErrorType` and `{ "message": ... }` in the body.
 */
export function writeRestJson(res: ServerResponse, output: OperationOutput, requestId: string): void {
  if (output.status === 204) {
    // 204 No Content carries no body (RFC 9110 15.3.5); MediaLive's CreateTags/DeleteTags answer so.
    res.writeHead(204, { 'x-amzn-requestid': requestId });
    res.end();
    return;
  }
  const payload = JSON.stringify(output.body ?? {});
  res.writeHead(output.status, {
    'content-type': 'application/json',
    'content-length': Buffer.byteLength(payload),
    'x-amzn-requestid': requestId,
  });
  res.end(payload);
}

export function writeRestJsonError(res: ServerResponse, err: AwsError, requestId: string): void {
  const payload = JSON.stringify({ message: err.message, ...err.extra });
  res.writeHead(err.status, {
    'content-type': 'application/json',
    'content-length': Buffer.byteLength(payload),
    'x-amzn-requestid': requestId,
    'x-amzn-errortype': err.code,
  });
  res.end(payload);
}
