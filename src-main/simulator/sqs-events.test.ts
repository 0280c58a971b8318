import {
  DeleteMessageBatchCommand,
  DeleteMessageCommand,
  GetQueueAttributesCommand,
  GetQueueUrlCommand,
  ReceiveMessageCommand,
  SQSClient,
  type Message,
} from '@aws-sdk/client-sqs';
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { startSimulator, type RunningSimulator } from './index';
import { clientConfig, FAST_TIMINGS, sdkError } from './test-support/helpers';

let sim: RunningSimulator;
let sqs: SQSClient;
let queueUrl: string;
const seat1 = () => sim.topology.events.queues[0] ?? '';
const channelOf = (id: string) => sim.topology.destinations.find((d) => d.id === id);

beforeAll(async () => {
  sim = await startSimulator({ withDynamo: false, timings: FAST_TIMINGS });
  sqs = new SQSClient(clientConfig(sim, { maxAttempts: 1 }));
});
afterAll(async () => {
  sqs.destroy();
  await sim.close();
});

async function drain(): Promise<void> {
  for (;;) {
    const out = await sqs.send(new ReceiveMessageCommand({ QueueUrl: queueUrl, MaxNumberOfMessages: 10 }));
    if (!out.Messages?.length) return;
    await sqs.send(
      new DeleteMessageBatchCommand({
        QueueUrl: queueUrl,
        Entries: out.Messages.map((m, i) => ({ Id: String(i), ReceiptHandle: m.ReceiptHandle })),
      }),
    );
  }
}

beforeEach(async () => {
  sim.control.setEventDelivery({ minDelayMs: 0, maxDelayMs: 0, duplicateRate: 0, reorder: false });
  for (const q of sim.topology.events.queues)
    if (!sim.control.queues().some((x) => x.name === q)) sim.control.restoreQueue(q);
  sim.control.clearFaults();
  sim.control.clearRequests();
  queueUrl = (await sqs.send(new GetQueueUrlCommand({ QueueName: seat1() }))).QueueUrl ?? '';
  await drain();
});

async function receiveAll(untilCount: number): Promise<Message[]> {
  const got: Message[] = [];
  while (got.length < untilCount) {
    const out = await sqs.send(
      new ReceiveMessageCommand({ QueueUrl: queueUrl, MaxNumberOfMessages: 10, WaitTimeSeconds: 2 }),
    );
    if (!out.Messages?.length) break;
    got.push(...out.Messages);
    await sqs.send(
      new DeleteMessageBatchCommand({
        QueueUrl: queueUrl,
        Entries: out.Messages.map((m, i) => ({ Id: String(i), ReceiptHandle: m.ReceiptHandle })),
      }),
    );
  }
  return got;
}

const states = (messages: Message[]) =>
  messages.map((m) => (JSON.parse(m.Body ?? '{}') as { detail: { state?: string } }).detail.state);

describe('SQS (AWS JSON 1.0, as @aws-sdk/client-sqs speaks it) and the channel state events', () => {
  it('a long poll returns as soon as the channel changes, with the event in AWS format and a valid MD5', async () => {
    const dest = channelOf('youtube');
    expect(dest).toBeDefined();
    const poll = sqs.send(
      new ReceiveMessageCommand({ QueueUrl: queueUrl, MaxNumberOfMessages: 10, WaitTimeSeconds: 20 }),
    );
    const started = Date.now();
    sim.control.startChannel(dest?.channelId ?? '');
    const out = await poll;
    expect(Date.now() - started).toBeLessThan(2_000);
    const event = JSON.parse(out.Messages?.[0]?.Body ?? '{}') as Record<string, unknown>;
    expect(event).toMatchObject({
      version: '0',
      'detail-type': 'MediaLive Channel State Change',
      source: 'aws.medialive',
      account: sim.topology.accountId,
      region: sim.region,
      resources: [dest?.channelArn],
      detail: { channel_arn: dest?.channelArn, state: 'STARTING', pipelines_running_count: 0 },
    });
    expect(String(event['time'])).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/);
    await sqs.send(new DeleteMessageCommand({ QueueUrl: queueUrl, ReceiptHandle: out.Messages?.[0]?.ReceiptHandle }));
    await sim.control.waitForChannelState(dest?.channelId ?? '', 'RUNNING');
    sim.control.stopChannel(dest?.channelId ?? '');
    await sim.control.waitForChannelState(dest?.channelId ?? '', 'IDLE');
    const rest = await receiveAll(3);
    expect(states(rest)).toEqual(['RUNNING', 'STOPPING', 'IDLE']);
  });

  it('every seat queue gets every event (two consoles both see the change)', async () => {
    const other = (await sqs.send(new GetQueueUrlCommand({ QueueName: sim.topology.events.queues[1] }))).QueueUrl;
    const dest = channelOf('twitch')?.channelId ?? '';
    sim.control.startChannel(dest);
    const a = await receiveAll(1);
    const b = await sqs.send(
      new ReceiveMessageCommand({ QueueUrl: other, MaxNumberOfMessages: 10, WaitTimeSeconds: 2 }),
    );
    expect(states(a)[0]).toBe('STARTING');
    expect(JSON.parse(b.Messages?.[0]?.Body ?? '{}')).toMatchObject({ detail: { state: 'STARTING' } });
    await sim.control.waitForChannelState(dest, 'RUNNING');
    sim.control.stopChannel(dest);
    await sim.control.waitForChannelState(dest, 'IDLE');
  });

  it('a received message is invisible for the visibility timeout, then comes back unless deleted', async () => {
    sim.control.injectEvent('unknown-state');
    const first = await sqs.send(
      new ReceiveMessageCommand({
        QueueUrl: queueUrl,
        MaxNumberOfMessages: 10,
        WaitTimeSeconds: 2,
        VisibilityTimeout: 1,
      }),
    );
    expect(first.Messages).toHaveLength(1);
    const hidden = await sqs.send(new ReceiveMessageCommand({ QueueUrl: queueUrl, MaxNumberOfMessages: 10 }));
    expect(hidden.Messages ?? []).toHaveLength(0);
    const again = await sqs.send(
      new ReceiveMessageCommand({ QueueUrl: queueUrl, MaxNumberOfMessages: 10, WaitTimeSeconds: 3 }),
    );
    expect(again.Messages?.[0]?.MessageId).toBe(first.Messages?.[0]?.MessageId);
    await sqs.send(new DeleteMessageCommand({ QueueUrl: queueUrl, ReceiptHandle: again.Messages?.[0]?.ReceiptHandle }));
    const attrs = await sqs.send(new GetQueueAttributesCommand({ QueueUrl: queueUrl, AttributeNames: ['All'] }));
    expect(attrs.Attributes?.['ApproximateNumberOfMessages']).toBe('0');
    expect(attrs.Attributes?.['ApproximateNumberOfMessagesNotVisible']).toBe('0');
  });

  it('duplicates carry the same event id; reordering swaps consecutive events', async () => {
    sim.control.setEventDelivery({ duplicateRate: 1 });
    sim.control.injectEvent('unknown-state'); // raw injections are not duplicated
    const dest = channelOf('linkedin')?.channelId ?? '';
    sim.control.startChannel(dest);
    const got = (await receiveAll(3)).filter((m) => m.Body?.includes('STARTING'));
    expect(got).toHaveLength(2);
    const ids = got.map((m) => (JSON.parse(m.Body ?? '{}') as { id: string }).id);
    expect(ids[0]).toBe(ids[1]);
    expect(got[0]?.MessageId).not.toBe(got[1]?.MessageId);
    await sim.control.waitForChannelState(dest, 'RUNNING');
    let running = 0;
    while (running < 2) running += (await receiveAll(1)).filter((m) => m.Body?.includes('"RUNNING"')).length;
    sim.control.setEventDelivery({ duplicateRate: 0, reorder: true });
    sim.control.stopChannel(dest);
    await sim.control.waitForChannelState(dest, 'IDLE');
    expect(states(await receiveAll(2))).toEqual(['IDLE', 'STOPPING']);
  });

  it('a queue deleted mid-poll answers QueueDoesNotExist; access denied is 403 AccessDenied', async () => {
    const poll = sdkError(
      sqs.send(new ReceiveMessageCommand({ QueueUrl: queueUrl, MaxNumberOfMessages: 10, WaitTimeSeconds: 20 })),
    );
    await vi.waitFor(() =>
      expect(sim.control.requests({ service: 'sqs', operation: 'ReceiveMessage' }).length).toBeGreaterThan(0),
    );
    sim.control.deleteQueue(seat1());
    const err = await poll;
    expect(err.name).toBe('QueueDoesNotExist');
    expect(err.$metadata.httpStatusCode).toBe(400);
    expect((await sdkError(sqs.send(new GetQueueUrlCommand({ QueueName: seat1() })))).name).toBe('QueueDoesNotExist');
    sim.control.restoreQueue(seat1());
    sim.control.addFault({ service: 'sqs', operation: 'ReceiveMessage', kind: 'access-denied', count: 1 });
    const denied = await sdkError(sqs.send(new ReceiveMessageCommand({ QueueUrl: queueUrl })));
    expect(denied.$metadata.httpStatusCode).toBe(403);
    expect(denied.name).toMatch(/AccessDenied/);
  });

  it('delays each event by up to maxDelayMs, and flow status changes are MediaConnect events', async () => {
    sim.control.setEventDelivery({ minDelayMs: 150, maxDelayMs: 200 });
    const t0 = Date.now();
    sim.control.stopFlow();
    // The stop also changes the flow's health (its source state goes IDLE): two events, in either order.
    const got = (await receiveAll(2)).filter((m) => m.Body?.includes('MediaConnect Flow Status Change'));
    expect(Date.now() - t0).toBeGreaterThanOrEqual(140);
    expect(JSON.parse(got[0]?.Body ?? '{}')).toMatchObject({
      'detail-type': 'MediaConnect Flow Status Change',
      source: 'aws.mediaconnect',
      resources: [sim.topology.flowArn],
      detail: { previousStatus: 'ACTIVE', currentStatus: 'STOPPING' },
    });
    sim.control.setEventDelivery({ minDelayMs: 0, maxDelayMs: 0 });
    await vi.waitFor(() => expect(sim.control.state().flow.status).toBe('STANDBY'), { timeout: 5_000 });
    sim.control.startFlow();
  });

  it('a failover is a Flow Health event with failover_switch true, and the return to the primary sets it false', async () => {
    type Health = { resources: string[]; detail: { unhealthy: boolean; current: object; previous: object } };
    /** Flow Health events received until one matches `last` (each receive long-polls up to 2 s). */
    const flowHealthUntil = async (last: (e: Health) => boolean): Promise<Health[]> => {
      const got: Health[] = [];
      for (let round = 0; round < 5 && !got.some(last); round++)
        for (const m of await receiveAll(10))
          if (m.Body?.includes('"MediaConnect Flow Health"')) got.push(JSON.parse(m.Body) as Health);
      return got;
    };
    await vi.waitFor(() => expect(sim.control.state().flow.status).toBe('ACTIVE'), { timeout: 5_000 });
    await vi.waitFor(() => expect(sim.control.activeSource()).toBe('main'), { timeout: 5_000 });
    await drain();
    sim.control.loseSource('main');
    const lost = await flowHealthUntil((e) => JSON.stringify(e.detail.current).includes('"failover_switch":true'));
    // The flow first loses its source (DISCONNECTED), then fails over to the backup (CONNECTED, switch true).
    expect(lost.map((e) => e.detail.current)).toEqual([
      { failover_switch: false, source_state: 'DISCONNECTED' },
      { failover_switch: true, source_state: 'CONNECTED' },
    ]);
    expect(lost[0]?.resources).toEqual([sim.topology.flowArn]);
    expect(lost[0]?.detail.previous).toEqual({ failover_switch: false, source_state: 'CONNECTED' });
    expect(lost.map((e) => e.detail.unhealthy)).toEqual([true, true]);
    sim.control.restoreSource('main');
    const back = await flowHealthUntil((e) => JSON.stringify(e.detail.current).includes('"failover_switch":false'));
    expect(back.map((e) => e.detail)).toEqual([
      {
        unhealthy: false,
        current: { failover_switch: false, source_state: 'CONNECTED' },
        previous: { failover_switch: true, source_state: 'CONNECTED' },
      },
    ]);
  });
});
