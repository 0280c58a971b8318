import { describe, expect, it } from 'vitest';
import type { DestinationsFeed, DestinationStatus } from '../../../shared/domain/destination';
import type { IpcClient } from '../ipc';
import { DestinationsFeedSync as DestinationsStore } from './destinations-feed';
import { destinationStatus } from '../../../shared/domain/test-support/destination-status';

const dest = (id: string, state: DestinationStatus['state'] = 'IDLE'): DestinationStatus =>
  destinationStatus(id, state, { platform: 'youtube' });

function fakeIpc(snapshots: DestinationsFeed[]) {
  let feed: ((payload: DestinationsFeed) => void) | null = null;
  const calls: string[] = [];
  let release: (() => void) | null = null;
  let hold = false;
  const linkListeners: ((status: string) => void)[] = [];
  const client = {
    role: 'operator',
    link: 'connected',
    onLink: (listener: (status: string) => void) => {
      linkListeners.push(listener);
      return () => {};
    },
    on: (_channel: string, listener: (payload: DestinationsFeed) => void) => {
      feed = listener;
      return () => {};
    },
    invoke: async (channel: string) => {
      calls.push(channel);
      if (hold) await new Promise<void>((resolve) => (release = resolve));
      const next = snapshots.shift();
      return next ? { ok: true, data: next } : { ok: false, code: 'network', message: 'down' };
    },
  } as unknown as IpcClient;
  return {
    client,
    calls,
    emit: (payload: DestinationsFeed) => feed?.(payload),
    link: (status: string) => {
      for (const listener of linkListeners) listener(status);
    },
    holdNext: () => (hold = true),
    release: () => {
      hold = false;
      release?.();
    },
  };
}

const flush = () => new Promise((resolve) => setTimeout(resolve, 0));
const snapshot = (seq: number, destinations: DestinationStatus[]): DestinationsFeed => ({
  kind: 'snapshot',
  seq,
  at: 0,
  destinations,
});
const delta = (seq: number, changed: DestinationStatus[]): DestinationsFeed => ({
  kind: 'delta',
  seq,
  at: 0,
  changed,
  removed: [],
});

describe('DestinationsFeedSync (snapshot then deltas)', () => {
  it('applies deltas newer than the snapshot and ignores stale ones', async () => {
    const ipc = fakeIpc([snapshot(3, [dest('a'), dest('b')])]);
    const store = new DestinationsStore(ipc.client);
    store.start();
    await flush();
    ipc.emit(delta(3, [dest('a', 'RUNNING')]));
    expect(store.view.list[0]?.state).toBe('IDLE');
    ipc.emit(delta(4, [dest('a', 'STARTING')]));
    expect(store.view.list.map((d) => d.state)).toEqual(['STARTING', 'IDLE']);
    expect(store.seq).toBe(4);
  });

  it('asks for a new snapshot on a gap instead of guessing', async () => {
    const ipc = fakeIpc([snapshot(1, [dest('a')]), snapshot(9, [dest('a', 'RUNNING')])]);
    const store = new DestinationsStore(ipc.client);
    store.start();
    await flush();
    ipc.emit(delta(5, [dest('a', 'STOPPING')]));
    await flush();
    expect(ipc.calls).toEqual(['destinations.snapshot', 'destinations.snapshot']);
    expect(store.view.list[0]?.state).toBe('RUNNING');
    expect(store.seq).toBe(9);
  });

  it('buffers deltas that arrive while the snapshot is in flight', async () => {
    const ipc = fakeIpc([snapshot(2, [dest('a')])]);
    ipc.holdNext();
    const store = new DestinationsStore(ipc.client);
    store.start();
    ipc.emit(delta(2, [dest('a', 'STARTING')])); // already in the snapshot
    ipc.emit(delta(3, [dest('a', 'RUNNING')]));
    ipc.release();
    await flush();
    expect(store.view.list[0]?.state).toBe('RUNNING');
    expect(store.seq).toBe(3);
  });

  it('reports each change of state once', async () => {
    const ipc = fakeIpc([snapshot(0, [dest('a')])]);
    const store = new DestinationsStore(ipc.client);
    const changes: string[] = [];
    store.onStateChange(({ destination, previous }) => changes.push(`${previous?.state}->${destination.state}`));
    store.start();
    await flush();
    ipc.emit(delta(1, [dest('a', 'STARTING')]));
    ipc.emit(delta(2, [{ ...dest('a', 'STARTING'), presetSummary: '720p30 3 Mbps' }]));
    ipc.emit(delta(3, [dest('a', 'RUNNING')]));
    expect(changes).toEqual(['IDLE->STARTING', 'STARTING->RUNNING']);
  });

  it('marks the list as out of date from the moment the link drops until the snapshot after it is back', async () => {
    const ipc = fakeIpc([snapshot(0, [dest('a', 'RUNNING')]), snapshot(7, [dest('a', 'RUNNING')])]);
    let clock = 1_000;
    const store = new DestinationsStore(ipc.client, undefined, () => clock);
    store.start();
    await flush();
    expect(store.view.linkDownSince).toBeNull();
    ipc.link('disconnected');
    clock = 2_000;
    ipc.link('connecting');
    expect(store.view.linkDownSince).toBe(1_000);
    ipc.link('connected');
    // Connected again, but nothing confirmed yet: the mark holds until the snapshot is applied.
    expect(store.view.linkDownSince).toBe(1_000);
    await flush();
    expect(store.view.linkDownSince).toBeNull();
    expect(store.seq).toBe(7);
  });
});
