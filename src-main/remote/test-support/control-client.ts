import { Agent, request } from 'node:http';

export interface ControlReply {
  status: number;
  body: { ok: boolean; code?: string; message?: string; data?: unknown } & Record<string, unknown>;
}

/**
 * A control-API client as a Stream Deck's Companion instance is one: plain HTTP with a bearer token, no browser
 * Origin. One keep-alive agent per client, so a take is measured without a TCP handshake in front of it.
 */
export function controlClient(address: string, token: string) {
  const url = new URL(address);
  const agent = new Agent({ keepAlive: true, maxSockets: 4 });
  function call(
    channel: string,
    body: unknown = {},
    extra: { headers?: Record<string, string>; localAddress?: string } = {},
  ): Promise<ControlReply> {
    const text = JSON.stringify(body);
    return new Promise((resolve, reject) => {
      const req = request(
        {
          host: url.hostname,
          port: Number(url.port),
          path: `/api/v1/${channel}`,
          method: 'POST',
          agent,
          ...(extra.localAddress ? { localAddress: extra.localAddress } : {}),
          headers: {
            Authorization: `Bearer ${token}`,
            'Content-Type': 'application/json',
            'Content-Length': Buffer.byteLength(text),
            ...extra.headers,
          },
        },
        (res) => {
          let raw = '';
          res.setEncoding('utf8');
          res.on('data', (chunk: string) => (raw += chunk));
          res.on('end', () => resolve({ status: res.statusCode ?? 0, body: JSON.parse(raw) as ControlReply['body'] }));
        },
      );
      req.on('error', reject);
      req.end(text);
    });
  }
  return { call, close: () => agent.destroy() };
}
