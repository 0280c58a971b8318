import type { ServerResponse } from 'node:http';
import { AwsError } from '../errors';
import type { OperationOutput, ResolvedOperation, ServiceId, SimRequest } from '../types';

export interface ServiceHandler {
  readonly id: ServiceId;
  /** Names the operation (throws an AwsError the protocol can write when it cannot). */
  resolve(req: SimRequest): ResolvedOperation;
  /** A long-polling operation (SQS ReceiveMessage) answers later. */
  handle(op: ResolvedOperation, req: SimRequest): OperationOutput | Promise<OperationOutput>;
  write(res: ServerResponse, op: ResolvedOperation, out: OperationOutput, requestId: string): void;
  writeError(res: ServerResponse, err: AwsError, requestId: string): void;
}

export function parseJsonBody(body: string): Record<string, unknown> {
  if (body.trim() === '') return {};
  try {
    const v: unknown = JSON.parse(body);
    if (v && typeof v === 'object' && !Array.isArray(v)) return v as Record<string, unknown>;
  } catch {
    // fall through
  }
  throw new AwsError('BadRequestException', 400, 'Request body is not a valid JSON object');
}

/** Splits a REST path into decoded segments ("/v1/flows/arn%3Aaws..." -> ["v1","flows","arn:aws..."]). */
export function pathSegments(path: string): string[] {
  return path
    .split('/')
    .filter((s) => s !== '')
    .map((s) => {
      try {
        return decodeURIComponent(s);
      } catch {
        return s;
      }
    });
}

/** Opaque pagination token over an offset. */
export function encodeToken(offset: number): string {
  return Buffer.from(JSON.stringify({ o: offset }), 'utf8').toString('base64');
}

export function decodeToken(token: string | null, errorCode: string, status: number): number {
  if (!token) return 0;
  try {
    const v = JSON.parse(Buffer.from(token, 'base64').toString('utf8')) as { o?: unknown };
    if (typeof v.o === 'number' && Number.isInteger(v.o) && v.o >= 0) return v.o;
  } catch {
    // fall through
  }
  throw new AwsError(errorCode, status, 'The nextToken is invalid');
}

export function parseMaxResults(raw: string | null, max: number, errorCode: string): number | undefined {
  if (raw === null) return undefined;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < 1 || n > max) {
    throw new AwsError(errorCode, 400, `maxResults must be an integer between 1 and ${max}`);
  }
  return n;
}
