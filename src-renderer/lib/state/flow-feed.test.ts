import { describe, expect, it } from 'vitest';
import type { FlowAlert, FlowFeed } from '../../../shared/domain/flow';
import type { IpcClient } from '../ipc';
import { sampleFlowSnapshot } from '../test-support/flow-snapshot';
import { applyAlert, FlowFeedSync, historyKey, mergePoints } from './flow-feed';

function fakeIpc(snapshots: FlowFeed[]) {
  const listeners: Record<string, (payload: never) => void> = {};
  const calls: string[] = [];
  const client = {
    role: 'operator',
    link: 'connected',
    onLink: () => () => {},
    on: (channel: string, listener: (payload: never) => void) => {
      listeners[channel] = listener;
      return () => {};
    },
    invoke: async (channel: string) => {
      calls.push(channel);
      if (channel === 'flow.alerts') return { ok: true, data: { alerts: [] } };
      const next = snapshots.shift();
      return next ? { ok: true, data: next } : { ok: false, code: 'network', message: 'down' };
    },
  } as unknown as IpcClient;
  return { client, calls, emit: (channel: string, payload: unknown) => listeners[channel]!(payload as never) };
}

const tick = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('flow feed', () => {
  it('keeps null points as gaps, upserts by time and trims to the window', () => {
    expect(
      mergePoints(
        [
          [1000, 1],
          [2000, null],
        ],
        [
          [2000, 5],
          [3000, null],
        ],
        1500,
      ),
    ).toEqual([
      [2000, 5],
      [3000, null],
    ]);
  });

  it('applies a snapshot, then deltas in order, and resyncs on a gap', async () => {
    const first = sampleFlowSnapshot(1_000_000);
    const second = { ...sampleFlowSnapshot(1_000_000), seq: 9 };
    const { client, calls, emit } = fakeIpc([first, second]);
    const sync = new FlowFeedSync(client);
    sync.start();
    await tick();
    expect(sync.view.flow?.status).toBe('ACTIVE');
    const key = historyKey('main', 'bitrateBps');
    const before = sync.view.history[key]!.length;
    emit('flow.feed', {
      kind: 'delta',
      seq: 2,
      at: 1_005_000,
      flow: { ...first.flow, status: 'UPDATING' },
      history: [{ source: 'main', metric: 'bitrateBps', points: [[1_005_000, null]] }],
    });
    expect(sync.view.flow?.status).toBe('UPDATING');
    expect(sync.view.history[key]!.at(-1)).toEqual([1_005_000, null]);
    expect(sync.view.history[key]!.length).toBeLessThanOrEqual(before + 1);
    emit('flow.feed', { kind: 'delta', seq: 5, at: 1_006_000, flow: null, history: [] });
    await tick();
    expect(calls.filter((c) => c === 'flow.snapshot')).toHaveLength(2);
    expect(sync.seq).toBe(9);
    sync.stop();
  });

  it('keeps raised alerts by id, critical first, and drops them when cleared', () => {
    const alert = (id: string, severity: FlowAlert['severity'], state: FlowAlert['state'], at: number): FlowAlert => ({
      id,
      kind: 'packet-loss',
      severity,
      state,
      source: 'main',
      message: id,
      at,
    });
    let list = applyAlert([], alert('loss', 'warning', 'raised', 1));
    list = applyAlert(list, alert('lost', 'critical', 'raised', 2));
    expect(list.map((a) => a.id)).toEqual(['lost', 'loss']);
    list = applyAlert(list, alert('lost', 'critical', 'cleared', 3));
    expect(list.map((a) => a.id)).toEqual(['loss']);
  });
});
