import { timingSafeEqual } from 'node:crypto';
import type { SimRequest } from './types';

/** The header that carries the simulator's per-run control token (`curl -H "x-sim-token: $SIM_TOKEN"`). */
const CONTROL_TOKEN_HEADER = 'x-sim-token';

function sameSecret(a: string, b: string): boolean {
  const left = Buffer.from(a);
  const right = Buffer.from(b);
  return left.length === right.length && timingSafeEqual(left, right);
}

/**
 * Who may talk to the simulator: SDK clients and test code on this machine. A web page open in a browser of the same
 * machine can reach 127.0.0.1 too; it always sends an Origin header on a request that changes something, and its
 * Host may name another domain (DNS rebinding). So: a loopback Host, no Origin, and for the control API (which injects
 * faults and starts channels) the per-run token in a header a page cannot set without a CORS preflight the simulator
 * never grants. Returns why a request is refused, or null.
 */
export function createCallerGuard(options: { allowedHosts: () => ReadonlySet<string>; controlToken: string }) {
  return (req: SimRequest): string | null => {
    if (!options.allowedHosts().has(req.headers.host ?? '')) return 'the Host header must name this loopback endpoint';
    if (req.headers.origin !== undefined) return 'requests from web pages are refused';
    const isControl = req.path === '/_sim' || req.path.startsWith('/_sim/');
    if (!isControl) return null;
    const token = req.headers[CONTROL_TOKEN_HEADER];
    if (typeof token !== 'string' || !sameSecret(token, options.controlToken))
      return `the control API needs the ${CONTROL_TOKEN_HEADER} header with this run's token`;
    return null;
  };
}
