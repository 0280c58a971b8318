import { ListFlowsCommand, MediaConnectClient } from '@aws-sdk/client-mediaconnect';
import { CloudWatchClient } from '@aws-sdk/client-cloudwatch';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { startSimulator, type RunningSimulator } from '../simulator/index';
import { clientConfig, FAST_TIMINGS } from '../simulator/test-support/helpers';
import { attachRequestBudgets, budgetFor, RequestBudgets } from './request-budgets';

let sim: RunningSimulator | null = null;
afterEach(async () => {
  vi.useRealTimers();
  await sim?.close();
  sim = null;
});

describe('request budgets', () => {
  it('give DescribeFlow its own budget (30/s documented) and every other MediaConnect call the shared 5/s one', () => {
    expect(budgetFor('mediaconnect', 'DescribeFlow').ratePerSec).toBeLessThan(30);
    expect(budgetFor('mediaconnect', 'DescribeFlow').ratePerSec).toBeGreaterThan(5);
    expect(budgetFor('mediaconnect', 'UpdateFlow')).toEqual(budgetFor('mediaconnect', 'ListFlows'));
    expect(budgetFor('mediaconnect', 'UpdateFlow').ratePerSec).toBeLessThan(5);
  });

  it('pace the shared budget across operations, and leave an operation with its own budget alone', async () => {
    vi.useFakeTimers();
    const budgets = new RequestBudgets({ now: () => Date.now() });
    const t0 = Date.now();
    const doneAt: Record<string, number[]> = { shared: [], describe: [] };
    const shared = ['UpdateFlow', 'ListFlows', 'StartFlow'];
    const waits = Array.from({ length: 9 }, (_, i) =>
      budgets.take('mediaconnect', shared[i % 3]!).then(() => doneAt['shared']!.push(Date.now() - t0)),
    );
    const describes = Array.from({ length: 9 }, () =>
      budgets.take('mediaconnect', 'DescribeFlow').then(() => doneAt['describe']!.push(Date.now() - t0)),
    );
    await vi.advanceTimersByTimeAsync(2_000);
    await Promise.all([...waits, ...describes]);
    // Burst 5, then 4/s: the 6th at 250 ms … the 9th at 1000 ms. DescribeFlow's nine all go at once.
    expect(doneAt['shared']).toEqual([0, 0, 0, 0, 0, 250, 500, 750, 1000]);
    expect(doneAt['describe']).toEqual(Array.from({ length: 9 }, () => 0));
  });

  it('are taken by every request of the budgeted clients (SDK middleware), named by operation', async () => {
    sim = await startSimulator({ timings: FAST_TIMINGS, withDynamo: false });
    const budgets = new RequestBudgets();
    const taken = vi.spyOn(budgets, 'take');
    const clients = {
      mediaconnect: new MediaConnectClient(clientConfig(sim, { maxAttempts: 1 })),
      cloudwatch: new CloudWatchClient(clientConfig(sim, { maxAttempts: 1 })),
    };
    attachRequestBudgets(clients, budgets);
    await clients.mediaconnect.send(new ListFlowsCommand({}));
    expect(taken.mock.calls).toEqual([['mediaconnect', 'ListFlows']]);
    clients.mediaconnect.destroy();
    clients.cloudwatch.destroy();
  });
});
