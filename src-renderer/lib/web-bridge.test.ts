import { describe, expect, it, vi } from 'vitest';
import { createWebBridge, tokenFromHash } from './web-bridge';

class FakeSocket {
  static OPEN = 1;
  static instances: FakeSocket[] = [];
  readyState = 0;
  sent: string[] = [];
  onopen: (() => void) | null = null;
  onmessage: ((event: { data: string }) => void) | null = null;
  onclose: (() => void) | null = null;
  onerror: (() => void) | null = null;
  constructor(readonly url: string) {
    FakeSocket.instances.push(this);
  }
  send(data: string) {
    this.sent.push(data);
  }
  close() {
    this.readyState = 3;
    this.onclose?.();
  }
  open() {
    this.readyState = 1;
    this.onopen?.();
  }
}

const bridge = () =>
  createWebBridge({
    role: 'operator',
    token: 't k',
    origin: 'ws://127.0.0.1:1',
    minBackoffMs: 1,
    maxBackoffMs: 2,
    WebSocketImpl: FakeSocket as unknown as typeof WebSocket,
  });

describe('web bridge', () => {
  it('reads the token from the fragment', () => {
    expect(tokenFromHash('#token=abc')).toBe('abc');
    expect(tokenFromHash('')).toBeNull();
  });

  it('pairs answers with requests by id and delivers events', async () => {
    FakeSocket.instances = [];
    const b = bridge();
    const socket = FakeSocket.instances[0]!;
    expect(socket.url).toBe('ws://127.0.0.1:1/ipc?token=t%20k');
    const events: unknown[] = [];
    b.on('destinations.feed', (payload) => events.push(payload));
    const pending = b.invoke('connection.describe', {});
    socket.open();
    const frame = JSON.parse(socket.sent[0]!) as { id: number; channel: string };
    expect(frame.channel).toBe('connection.describe');
    socket.onmessage?.({ data: JSON.stringify({ type: 'event', channel: 'destinations.feed', payload: { seq: 1 } }) });
    socket.onmessage?.({ data: JSON.stringify({ type: 'result', id: frame.id, result: { ok: true, data: 42 } }) });
    expect(await pending).toEqual({ ok: true, data: 42 });
    expect(events).toEqual([{ seq: 1 }]);
    b.close();
  });

  it('fails what was in flight as network on a drop, never re-sends it, and reconnects', async () => {
    FakeSocket.instances = [];
    const b = bridge();
    const statuses: string[] = [];
    b.onStatus((s) => statuses.push(s));
    const first = FakeSocket.instances[0]!;
    first.open();
    const pending = b.invoke('channels.start', { destinationId: 'youtube' });
    first.close();
    expect(await pending).toMatchObject({ ok: false, code: 'network' });
    // With the link down, nothing is queued for later.
    expect(await b.invoke('channels.stop', { destinationId: 'youtube' })).toMatchObject({ ok: false, code: 'network' });
    // It reconnects on its own after the (1-2 ms) backoff.
    const second = await vi.waitFor(() => {
      const next = FakeSocket.instances[1];
      if (!next) throw new Error('no second socket yet');
      return next;
    });
    second.open();
    expect(second.sent).toEqual([]);
    expect(statuses).toEqual(['connected', 'disconnected', 'connecting', 'connected']);
    b.close();
  });
});

describe('web bridge after the core restarted', () => {
  const refusing = (tokenRefused: () => Promise<boolean>) =>
    createWebBridge({
      role: 'operator',
      token: 'old-run',
      origin: 'ws://127.0.0.1:1',
      minBackoffMs: 1,
      maxBackoffMs: 2,
      WebSocketImpl: FakeSocket as unknown as typeof WebSocket,
      tokenRefused,
    });

  it('says the core restarted when the server refuses the token, and stops retrying', async () => {
    vi.useFakeTimers();
    try {
      FakeSocket.instances = [];
      const b = refusing(async () => true);
      const statuses: string[] = [];
      b.onStatus((s) => statuses.push(s));
      FakeSocket.instances[0]!.open();
      // The core stops: the socket drops, the retry is refused before it opens (new run, new tokens).
      FakeSocket.instances[0]!.close();
      await vi.advanceTimersByTimeAsync(5);
      expect(FakeSocket.instances).toHaveLength(2);
      FakeSocket.instances[1]!.close();
      await vi.advanceTimersByTimeAsync(0);
      expect(b.status).toBe('restarted');
      expect(statuses.at(-1)).toBe('restarted');
      expect(await b.invoke('channels.start', { destinationId: 'youtube' })).toMatchObject({
        ok: false,
        code: 'network',
        message: expect.stringContaining('restarted'),
      });
      // Nothing more is tried: the token of an earlier run never becomes valid again.
      await vi.advanceTimersByTimeAsync(60_000);
      expect(FakeSocket.instances).toHaveLength(2);
      b.close();
    } finally {
      vi.useRealTimers();
    }
  });

  it('keeps reconnecting while the server is down or still knows the token', async () => {
    FakeSocket.instances = [];
    const b = refusing(async () => false);
    FakeSocket.instances[0]!.close();
    await vi.waitFor(() => expect(FakeSocket.instances.length).toBeGreaterThanOrEqual(2));
    expect(b.status).not.toBe('restarted');
    b.close();
  });
});
