import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { randomUUID } from 'node:crypto';
import { AwsError, isAwsError } from './errors';
import { expiredTokenError, faultError, foreignReply, TIMEOUT_CAP_MS, type FaultInjector } from './faults';
import type { RequestLog } from './request-log';
import type { ServiceHandler } from './services/service';
import type { TimerRegistry } from './timers';
import type { ServiceId, SimExchange, SimRequest } from './types';

/** SigV4 credential-scope service names -> simulated service. */
const SCOPE_TO_SERVICE: Record<string, ServiceId> = {
  medialive: 'medialive',
  mediaconnect: 'mediaconnect',
  monitoring: 'cloudwatch',
  sts: 'sts',
  cloudformation: 'cloudformation',
  sqs: 'sqs',
  events: 'eventbridge',
  scheduler: 'scheduler',
  pricing: 'pricing',
  s3: 's3',
};

export interface ServerDeps {
  services: Record<ServiceId, ServiceHandler>;
  faults: FaultInjector;
  log: RequestLog;
  timers: TimerRegistry;
  /** Stamps the request log, so that a test clock and the log agree on when a request arrived. */
  now: () => number;
  /** Handles /_sim/* (control API). */
  control: (req: SimRequest, res: ServerResponse) => void;
  /** Says why a caller is refused (403), or null to serve it. */
  admit: (req: SimRequest) => string | null;
  /** True when requests signed with this access key id must be refused as expired (an ended portal session's keys). */
  refusedKey?: (accessKeyId: string) => boolean;
  /** Receives every AWS request with the raw answer once it is written. */
  onExchange?: ((exchange: SimExchange) => void) | undefined;
}

const MAX_BODY_BYTES = 5 * 1024 * 1024;

/** Routes a request: by the SigV4 Authorization credential scope, else by X-Amz-Target, path or Action. */
function routeService(req: SimRequest): ServiceId | undefined {
  const auth = req.headers['authorization'];
  const m = typeof auth === 'string' ? /Credential=[^/,\s]+\/\d{8}\/[^/]+\/([^/]+)\/aws4_request/.exec(auth) : null;
  const scoped = m?.[1] ? SCOPE_TO_SERVICE[m[1]] : undefined;
  if (scoped) return scoped;
  const target = req.headers['x-amz-target'];
  if (typeof target === 'string' && target.startsWith('GraniteServiceVersion20100801.')) return 'cloudwatch';
  if (typeof target === 'string' && target.startsWith('AmazonSQS.')) return 'sqs';
  if (typeof target === 'string' && target.startsWith('AWSEvents.')) return 'eventbridge';
  if (typeof target === 'string' && target.startsWith('AWSPriceListService.')) return 'pricing';
  // SSO OIDC requests are unsigned and the portal's carry a bearer token: they are told apart by their paths.
  if (['/client/register', '/device_authorization', '/token'].includes(req.path)) return 'sso-oidc';
  if (['/federation/credentials', '/assignment/accounts', '/assignment/roles', '/logout'].includes(req.path))
    return 'sso';
  if (req.path.startsWith('/prod/')) return 'medialive';
  if (req.path.startsWith('/v1/')) return 'mediaconnect';
  if (req.method === 'POST' && req.path === '/') {
    const action = new URLSearchParams(req.body).get('Action');
    if (action === 'GetCallerIdentity') return 'sts';
    if (action === 'DescribeStacks') return 'cloudformation';
  }
  return undefined;
}

export interface SimServer {
  server: Server;
  /** Drops hanging (timeout-fault) requests and every open connection. */
  dropAll(): void;
}

export function createSimServer(deps: ServerDeps): SimServer {
  const hanging = new Set<ServerResponse>();

  const server = createServer((req, res) => {
    readBody(req)
      .then((body) => dispatch(toSimRequest(req, body), res))
      .catch(() => {
        if (!res.headersSent) {
          res.writeHead(400, { 'content-type': 'application/json' });
          res.end(JSON.stringify({ message: 'Bad request' }));
        }
      });
  });

  async function dispatch(req: SimRequest, res: ServerResponse): Promise<void> {
    const refused = deps.admit(req);
    if (refused) {
      res.writeHead(403, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ error: { code: 'Forbidden', message: `Refused: ${refused}` } }));
      return;
    }
    if (req.path === '/_sim' || req.path.startsWith('/_sim/')) {
      deps.control(req, res);
      return;
    }
    const serviceId = routeService(req);
    if (!serviceId) {
      deps.log.add({ service: 'unknown', operation: 'Unknown', at: deps.now(), params: { path: req.path } }).status =
        404;
      res.writeHead(404, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ message: 'No simulated AWS service matches this request' }));
      return;
    }
    const service = deps.services[serviceId];
    const requestId = randomUUID();
    let operation = 'Unknown';
    if (deps.onExchange)
      tapResponse(res, (response) => deps.onExchange?.({ service: serviceId, operation, request: req, response }));
    let op;
    try {
      op = service.resolve(req);
    } catch (e) {
      const err = isAwsError(e) ? e : new AwsError('InternalFailure', 500, 'Internal error');
      const entry = deps.log.add({
        service: serviceId,
        operation: 'Unknown',
        at: deps.now(),
        params: { path: req.path },
      });
      service.writeError(res, err, requestId);
      entry.status = err.status;
      entry.errorCode = err.code;
      return;
    }
    operation = op.operation;
    const entry = deps.log.add({ service: serviceId, operation: op.operation, at: deps.now(), params: op.params });
    const signedWith = /Credential=([^/,\s]+)\//.exec(String(req.headers['authorization'] ?? ''))?.[1];
    if (signedWith && deps.refusedKey?.(signedWith)) {
      const err = expiredTokenError(serviceId);
      service.writeError(res, err, requestId);
      entry.status = err.status;
      entry.errorCode = err.code;
      return;
    }
    const fault = deps.faults.take(serviceId, op.operation);
    if (fault) {
      entry.fault = `${fault.id}:${fault.kind}`;
      if (fault.kind === 'timeout') {
        hanging.add(res);
        const timer = deps.timers.setTimeout(() => {
          hanging.delete(res);
          res.destroy();
        }, TIMEOUT_CAP_MS);
        res.on('close', () => {
          deps.timers.clearTimeout(timer);
          hanging.delete(res);
        });
        return;
      }
      const foreign = foreignReply(fault);
      if (foreign) {
        res.writeHead(foreign.status, { 'content-type': foreign.contentType });
        res.end(foreign.body);
        entry.status = foreign.status;
        return;
      }
      if (fault.kind === 'latency') {
        await deps.timers.delay(fault.latencyMs ?? 1000);
        if (deps.timers.isClosed || res.destroyed) return;
      } else {
        const err = faultError(serviceId, fault);
        service.writeError(res, err, requestId);
        entry.status = err.status;
        entry.errorCode = err.code;
        return;
      }
    }
    try {
      const out = await service.handle(op, req);
      if (res.destroyed) return;
      service.write(res, op, out, requestId);
      entry.status = out.status;
    } catch (e) {
      const err = isAwsError(e)
        ? e
        : new AwsError(
            serviceId === 'medialive' || serviceId === 'mediaconnect'
              ? 'InternalServerErrorException'
              : 'InternalFailure',
            500,
            'Internal error',
          );
      if (res.destroyed) return;
      service.writeError(res, err, requestId);
      entry.status = err.status;
      entry.errorCode = err.code;
    }
  }

  return {
    server,
    dropAll() {
      for (const res of hanging) res.destroy();
      hanging.clear();
      server.closeAllConnections();
    },
  };
}

/** Calls `done` with what `res.writeHead` and `res.end` wrote (every answer here is one of each). */
function tapResponse(res: ServerResponse, done: (response: SimExchange['response']) => void): void {
  const headers: Record<string, string> = {};
  const writeHead = res.writeHead.bind(res) as (status: number, h?: Record<string, unknown>) => ServerResponse;
  res.writeHead = ((status: number, h?: Record<string, unknown>) => {
    for (const [k, v] of Object.entries(h ?? {})) headers[k.toLowerCase()] = String(v);
    return writeHead(status, h);
  }) as ServerResponse['writeHead'];
  const end = res.end.bind(res) as (chunk?: unknown) => ServerResponse;
  res.end = ((chunk?: unknown) => {
    const body = typeof chunk === 'string' ? chunk : Buffer.isBuffer(chunk) ? chunk.toString('utf8') : '';
    const out = end(chunk);
    done({ status: res.statusCode, headers, body });
    return out;
  }) as ServerResponse['end'];
}

function toSimRequest(req: IncomingMessage, body: string): SimRequest {
  const raw = req.url ?? '/';
  const q = raw.indexOf('?');
  return {
    method: (req.method ?? 'GET').toUpperCase(),
    path: q >= 0 ? raw.slice(0, q) : raw,
    query: new URLSearchParams(q >= 0 ? raw.slice(q + 1) : ''),
    headers: req.headers,
    body,
  };
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (c: Buffer) => {
      size += c.length;
      if (size > MAX_BODY_BYTES) {
        reject(new Error('body too large'));
        req.destroy();
        return;
      }
      chunks.push(c);
    });
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}
