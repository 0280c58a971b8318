import type { ServerResponse } from 'node:http';
import { isAwsError } from './errors';
import type { FaultRuleInput } from './faults';
import { INJECTED_EVENT_KINDS, type InjectedEventKind, type SimulatorControl } from './control';
import type { ServiceId, SimRequest } from './types';
import { confidenceRoute } from './control-confidence';
import { scheduleRoute } from './control-schedules';

/**
 * HTTP JSON binding of the control API under /_sim/ (see README.md). Loopback only; it never
 * returns stream keys. Errors: { error: { code, message } } with 400/404/409 as appropriate.
 */
export function createControlHttp(control: SimulatorControl): (req: SimRequest, res: ServerResponse) => void {
  return (req, res) => {
    try {
      const out = route(control, req);
      if (out === undefined)
        return send(res, 404, { error: { code: 'NotFound', message: `No control route ${req.method} ${req.path}` } });
      send(res, 200, out);
    } catch (e) {
      if (isAwsError(e)) return send(res, e.status, { error: { code: e.code, message: e.message } });
      send(res, 400, { error: { code: 'BadRequest', message: e instanceof Error ? e.message : String(e) } });
    }
  };
}

function route(c: SimulatorControl, req: SimRequest): unknown {
  const seg = req.path
    .split('/')
    .filter(Boolean)
    .map((s) => decodeURIComponent(s))
    .slice(1);
  const m = req.method;
  const body = (): Record<string, unknown> => {
    if (req.body.trim() === '') return {};
    const v: unknown = JSON.parse(req.body);
    if (!v || typeof v !== 'object' || Array.isArray(v)) throw new Error('body must be a JSON object');
    return v as Record<string, unknown>;
  };
  const [a, b, cmd] = seg;

  if (a === 'state' && seg.length === 1 && m === 'GET') return c.state();

  if (a === 'timings' && seg.length === 1) {
    if (m === 'GET') return c.timings();
    if (m === 'PUT' || m === 'PATCH' || m === 'POST') return c.setTimings(body());
  }

  if (a === 'requests' && seg.length === 1) {
    if (m === 'GET') {
      const service = req.query.get('service') ?? undefined;
      const operation = req.query.get('operation') ?? undefined;
      const since = req.query.get('since');
      return c.requests({
        service: service as ServiceId | undefined,
        operation,
        since: since ? Number(since) : undefined,
      });
    }
    if (m === 'DELETE') {
      c.clearRequests();
      return { ok: true };
    }
  }

  if (a === 'faults') {
    if (seg.length === 1 && m === 'GET') return c.faults();
    if (seg.length === 1 && m === 'POST') return c.addFault(body() as unknown as FaultRuleInput);
    if (seg.length === 1 && m === 'DELETE') {
      c.clearFaults();
      return { ok: true };
    }
    if (seg.length === 2 && b && m === 'DELETE') return { removed: c.removeFault(b) };
  }

  if (a === 'channels' && b) {
    if (seg.length === 2 && m === 'GET') return { id: b, state: c.channelState(b) };
    if (seg.length === 2 && m === 'DELETE') {
      c.deleteChannel(b);
      return { id: b, state: null };
    }
    if (seg.length === 3 && m === 'POST') {
      switch (cmd) {
        case 'start':
          return { id: b, state: c.startChannel(b) };
        case 'stop':
          return { id: b, state: c.stopChannel(b) };
        case 'restore':
          return { id: b, state: c.restoreChannel(b) };
        case 'fail': {
          const o = body();
          return {
            id: b,
            state: c.failChannel(b, {
              recover: typeof o['recover'] === 'boolean' ? o['recover'] : undefined,
              afterMs: typeof o['afterMs'] === 'number' ? o['afterMs'] : undefined,
            }),
          };
        }
      }
    }
  }

  if (a === 'flow' && seg.length === 2 && m === 'POST') {
    if (b === 'start') return { status: c.startFlow() };
    if (b === 'stop') return { status: c.stopFlow() };
  }

  if (a === 'sources' && b && seg.length === 3 && m === 'POST') {
    switch (cmd) {
      case 'lose':
        c.loseSource(b);
        return { ok: true, activeSource: c.activeSource() };
      case 'restore':
        c.restoreSource(b);
        return { ok: true, activeSource: c.activeSource() };
      case 'ramp-loss': {
        const o = body();
        c.rampPacketLoss(b, { toPercent: Number(o['toPercent']), overMs: Number(o['overMs'] ?? 0) });
        return { ok: true };
      }
      case 'bitrate': {
        const o = body();
        c.setBitrate(b, o['bps'] === null ? null : Number(o['bps']));
        return { ok: true };
      }
    }
  }

  if (a === 'events') {
    if (seg.length === 1 && m === 'GET') return { delivery: c.eventDelivery(), events: c.events() };
    if (b === 'delivery' && seg.length === 2) {
      if (m === 'GET') return c.eventDelivery();
      if (m === 'PUT' || m === 'PATCH' || m === 'POST') return c.setEventDelivery(body());
    }
    if (b === 'inject' && seg.length === 2 && m === 'POST') {
      const o = body();
      const kind = o['kind'];
      if (typeof kind !== 'string' || !(INJECTED_EVENT_KINDS as readonly string[]).includes(kind))
        throw new Error(`kind must be one of ${INJECTED_EVENT_KINDS.join(', ')}`);
      c.injectEvent(kind as InjectedEventKind, typeof o['channelId'] === 'string' ? o['channelId'] : undefined);
      return { ok: true };
    }
    if (b === 'alert' && seg.length === 2 && m === 'POST') {
      const o = body();
      const text = (k: string) => (typeof o[k] === 'string' ? { [k]: o[k] } : {});
      if (typeof o['channelId'] !== 'string') throw new Error('channelId is required');
      if (o['state'] !== 'SET' && o['state'] !== 'CLEARED') throw new Error('state must be SET or CLEARED');
      return c.channelAlert(o['channelId'], {
        state: o['state'],
        ...text('alarmId'),
        ...text('type'),
        ...text('message'),
      });
    }
  }

  if (a === 'queues') {
    if (seg.length === 1 && m === 'GET') return c.queues();
    if (b && seg.length === 2 && m === 'DELETE') {
      c.deleteQueue(b);
      return { ok: true };
    }
    if (b && cmd === 'restore' && seg.length === 3 && m === 'POST') {
      c.restoreQueue(b);
      return { ok: true };
    }
  }

  if (a === 'confidence') return confidenceRoute(c.confidence, m, seg.slice(1), body);
  if (a === 'schedules') return scheduleRoute(c.schedules, m, seg.slice(1), req.query.get('groupName'));

  if (a === 'sso') {
    if (seg.length === 1 && m === 'GET') return c.ssoState();
    if (seg.length === 2 && b === 'device' && m === 'GET') return c.ssoState().authorizations;
    if (seg.length === 2 && m === 'POST') {
      const code = () => {
        const v = body()['userCode'];
        return typeof v === 'string' ? v : undefined;
      };
      if (b === 'approve') return c.decideSignIn('approved', code());
      if (b === 'deny') return c.decideSignIn('denied', code());
      if (b === 'expire-session') return c.expireSsoSessions();
      if (b === 'timings') {
        const o = body();
        const num = (v: unknown) => (v === undefined ? undefined : Number(v));
        return c.setSsoTimings({ sessionMs: num(o['sessionMs']), deviceCodeSeconds: num(o['deviceCodeSeconds']) });
      }
    }
  }

  if (a === 'sample' && seg.length === 1 && m === 'POST') {
    c.sampleNow();
    return { ok: true };
  }
  return undefined;
}

function send(res: ServerResponse, status: number, payload: unknown): void {
  const text = JSON.stringify(payload);
  res.writeHead(status, {
    'content-type': 'application/json',
    'content-length': Buffer.byteLength(text),
    'cache-control': 'no-store',
  });
  res.end(text);
}
