import { AwsError } from './errors';
import type { ServiceId } from './types';

export type FaultKind =
  'throttle' | 'server-error' | 'latency' | 'timeout' | 'access-denied' | 'expired-token' | 'html-page' | 'bare-error';
const FAULT_KINDS: readonly FaultKind[] = [
  'throttle',
  'server-error',
  'latency',
  'timeout',
  'access-denied',
  'expired-token',
  'html-page',
  'bare-error',
];

export interface FaultRuleInput {
  service?: ServiceId;
  operation?: string;
  kind: FaultKind;
  /** Apply to the next N matching requests only; unlimited when absent. */
  count?: number;
  /** For 'latency' (default 1000). */
  latencyMs?: number;
  /** For 'server-error' (default 500), 'html-page' (default 502) and 'bare-error' (default 500). */
  status?: 500 | 502 | 503 | 504;
}

export interface FaultRule extends FaultRuleInput {
  id: string;
  /** How many requests this rule has hit so far. */
  hits: number;
}

/** The longest a 'timeout' fault keeps a request hanging before dropping the socket. */
export const TIMEOUT_CAP_MS = 60_000;

export class FaultInjector {
  private rules: FaultRule[] = [];
  private nextId = 1;

  add(input: FaultRuleInput): FaultRule {
    validateRule(input);
    const rule: FaultRule = { ...input, id: `fault-${this.nextId++}`, hits: 0 };
    this.rules.push(rule);
    return { ...rule };
  }

  remove(id: string): boolean {
    const before = this.rules.length;
    this.rules = this.rules.filter((r) => r.id !== id);
    return this.rules.length !== before;
  }

  clear(): void {
    this.rules = [];
  }

  list(): FaultRule[] {
    return this.rules.map((r) => ({ ...r }));
  }

  /** Finds the first rule matching the request, consumes one use of it, returns a copy. */
  take(service: ServiceId, operation: string): FaultRule | undefined {
    const rule = this.rules.find(
      (r) => (!r.service || r.service === service) && (!r.operation || r.operation === operation),
    );
    if (!rule) return undefined;
    rule.hits++;
    if (rule.count !== undefined) {
      rule.count--;
      if (rule.count <= 0) this.rules = this.rules.filter((r) => r !== rule);
    }
    return { ...rule };
  }
}

function validateRule(input: FaultRuleInput): void {
  if (!FAULT_KINDS.includes(input.kind)) throw new Error(`unknown fault kind: ${String(input.kind)}`);
  if (input.count !== undefined && (!Number.isInteger(input.count) || input.count < 1)) {
    throw new Error('count must be a positive integer');
  }
  if (input.status !== undefined && ![500, 502, 503, 504].includes(input.status)) {
    throw new Error('status must be 500, 502, 503 or 504');
  }
  if (input.latencyMs !== undefined && (!Number.isFinite(input.latencyMs) || input.latencyMs < 0)) {
    throw new Error('latencyMs must be >= 0');
  }
}

const REST_JSON = new Set<ServiceId>(['medialive', 'mediaconnect', 'sso-oidc', 'sso', 'scheduler']);

/**
 * A reply that did not come from AWS: what a proxy, captive portal or load balancer in front of the endpoint sends
 * (an HTML error page), or a bare 5xx with no error shape at all. The answer is written as is, never as an AWS error.
 */
export function foreignReply(rule: FaultRule): { status: number; contentType: string; body: string } | null {
  if (rule.kind === 'html-page') {
    const status = rule.status ?? 502;
    return {
      status,
      contentType: 'text/html; charset=utf-8',
      body: `<!DOCTYPE html>\n<html><head><title>${status} Bad Gateway</title></head><body><h1>${status} Bad Gateway</h1><hr><center>proxy</center></body></html>\n`,
    };
  }
  if (rule.kind === 'bare-error') return { status: rule.status ?? 500, contentType: 'text/plain', body: '' };
  return null;
}

/**
 * What a service answers a request signed with credentials that have expired: the REST JSON services name it
 * ExpiredTokenException, the query ones ExpiredToken (AWS API common errors, "ExpiredTokenException: The security
 * token included in the request is expired", HTTP 403).
 */
export function expiredTokenError(service: ServiceId): AwsError {
  return REST_JSON.has(service)
    ? new AwsError('ExpiredTokenException', 403, 'The security token included in the request is expired')
    : new AwsError('ExpiredToken', 403, 'The security token included in the request is expired');
}

/** The AWS error a fault produces for a given service, as that service's model names it. */
export function faultError(service: ServiceId, rule: FaultRule): AwsError {
  const restJson = REST_JSON.has(service);
  switch (rule.kind) {
    case 'throttle':
      return restJson
        ? new AwsError('TooManyRequestsException', 429, 'Too Many Requests')
        : new AwsError('Throttling', 400, 'Rate exceeded');
    case 'access-denied':
      return restJson
        ? new AwsError(
            'ForbiddenException',
            403,
            'User: arn:aws:sts::000000000000:assumed-role/sim/operator is not authorized to perform this action',
          )
        : new AwsError(
            'AccessDenied',
            403,
            'User: arn:aws:sts::000000000000:assumed-role/sim/operator is not authorized to perform this action',
          );
    case 'expired-token':
      return expiredTokenError(service);
    case 'server-error':
    default:
      return serverError(service, rule.status ?? 500);
  }
}

function serverError(service: ServiceId, status: number): AwsError {
  if (service === 'medialive') {
    if (status === 502) return new AwsError('BadGatewayException', 502, 'Bad Gateway');
    if (status === 504) return new AwsError('GatewayTimeoutException', 504, 'Gateway Timeout');
    if (status === 503) return new AwsError('ServiceUnavailableException', 503, 'Service Unavailable');
    return new AwsError('InternalServerErrorException', 500, 'Internal Server Error');
  }
  if (service === 'mediaconnect') {
    // The MediaConnect model has no 502/504 shapes: those statuses come back as ServiceUnavailableException.
    if (status === 500) return new AwsError('InternalServerErrorException', 500, 'Internal Server Error');
    return new AwsError('ServiceUnavailableException', status, 'Service Unavailable');
  }
  if (service === 'eventbridge') return new AwsError('InternalFailure', status, 'Internal failure');
  if (service === 'sqs') {
    if (status === 500) return new AwsError('InternalFailure', 500, 'Internal failure');
    return new AwsError('ServiceUnavailable', status, 'Service is unavailable');
  }
  if (service === 'cloudwatch') {
    if (status === 500) return new AwsError('InternalServiceError', 500, 'Internal service error');
    return new AwsError('ServiceUnavailable', status, 'Service is unavailable');
  }
  if (status === 500)
    return new AwsError('InternalFailure', 500, 'We encountered an internal error. Please try again.');
  return new AwsError('ServiceUnavailable', status, 'Service is unavailable');
}
