import type { IncomingHttpHeaders } from 'node:http';

export type ServiceId =
  | 'medialive'
  | 'mediaconnect'
  | 'cloudwatch'
  | 'sts'
  | 'cloudformation'
  | 'sqs'
  | 'eventbridge'
  | 'sso-oidc'
  | 'sso'
  | 'scheduler'
  | 'pricing'
  | 's3';

/** A request as read off the socket, before any service interpretation. */
export interface SimRequest {
  method: string;
  /** Raw path (still percent-encoded), without the query string. */
  path: string;
  query: URLSearchParams;
  headers: IncomingHttpHeaders;
  body: string;
}

/** What a service resolved a request to. */
export interface ResolvedOperation {
  operation: string;
  /** Small, secret-free summary for the request log (e.g. channelId). */
  params: Record<string, string | number>;
}

/** A successful answer: the protocol layer serialises it. */
export interface OperationOutput {
  status: number;
  body: unknown;
}

/**
 * One AWS request and the simulator's raw answer, as they crossed the socket (conformance tests read these; they
 * carry stream keys in UpdateChannel bodies, so nothing but an in-process test should receive them).
 */
export interface SimExchange {
  service: ServiceId;
  operation: string;
  request: SimRequest;
  response: { status: number; headers: Record<string, string>; body: string };
}
