import { DescribeRuleCommand, EventBridgeClient } from '@aws-sdk/client-eventbridge';
import { DeleteMessageBatchCommand, GetQueueUrlCommand, ReceiveMessageCommand, SQSClient } from '@aws-sdk/client-sqs';
import { afterEach, describe, expect, it } from 'vitest';
import { ManualClock } from '../core/test-support/manual-clock';
import { startSimulator, type RunningSimulator } from './index';
import { clientConfig } from './test-support/helpers';

let sim: RunningSimulator | null = null;
const clients: Array<{ destroy(): void }> = [];
afterEach(async () => {
  for (const c of clients.splice(0)) c.destroy();
  await sim?.close();
  sim = null;
});

async function setup() {
  const clock = new ManualClock();
  sim = await startSimulator({ withDynamo: false, seed: 3, clock, timings: { metricSampleMs: 1_000 } });
  const sqs = new SQSClient(clientConfig(sim, { maxAttempts: 1 }));
  clients.push(sqs);
  const { QueueUrl } = await sqs.send(new GetQueueUrlCommand({ QueueName: sim.topology.events.queues[1] ?? '' }));
  const alarmEvents = async () => {
    const out = await sqs.send(new ReceiveMessageCommand({ QueueUrl, MaxNumberOfMessages: 10 }));
    const messages = out.Messages ?? [];
    if (messages.length > 0)
      await sqs.send(
        new DeleteMessageBatchCommand({
          QueueUrl,
          Entries: messages.map((m, i) => ({ Id: String(i), ReceiptHandle: m.ReceiptHandle ?? '' })),
        }),
      );
    return messages
      .map((m) => JSON.parse(m.Body ?? '{}'))
      .filter((e) => e['detail-type'] === 'CloudWatch Alarm State Change');
  };
  return { sim, clock, alarmEvents };
}

describe("the simulator's CloudWatch source alarms", () => {
  it('a healthy source: each alarm leaves INSUFFICIENT_DATA for OK at the first period, once, then says nothing', async () => {
    const t = await setup();
    await t.clock.advance(61_000);
    const first = await t.alarmEvents();
    expect(first.map((e) => [e.detail.alarmName, e.detail.previousState.value, e.detail.state.value])).toEqual(
      t.sim.topology.events.sourceAlarms.map((a) => [a.name, 'INSUFFICIENT_DATA', 'OK']),
    );
    await t.clock.advance(120_000);
    expect(await t.alarmEvents()).toEqual([]);
  });

  it("packet loss that keeps the source connected: its loss alarm goes to ALARM in AWS's event shape, then back to OK", async () => {
    const t = await setup();
    await t.clock.advance(61_000);
    await t.alarmEvents();
    t.sim.control.rampPacketLoss('main', { toPercent: 3, overMs: 1_000 });
    await t.clock.advance(61_000);
    const [event, ...others] = await t.alarmEvents();
    expect(others).toEqual([]);
    expect(event).toMatchObject({
      version: '0',
      source: 'aws.cloudwatch',
      account: t.sim.topology.accountId,
      region: t.sim.topology.region,
      resources: [
        `arn:aws:cloudwatch:${t.sim.topology.region}:${t.sim.topology.accountId}:alarm:lunora-booth-source-main-loss`,
      ],
      detail: {
        alarmName: 'lunora-booth-source-main-loss',
        state: { value: 'ALARM' },
        previousState: { value: 'OK' },
        configuration: {
          metrics: [{ metricStat: { metric: { name: 'SourcePacketLossPercent', namespace: 'AWS/MediaConnect' } } }],
        },
      },
    });
    expect(event.time).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/);
    t.sim.control.rampPacketLoss('main', { toPercent: 0, overMs: 1_000 });
    await t.clock.advance(120_000);
    expect((await t.alarmEvents()).map((e) => e.detail.state.value)).toEqual(['OK']);
  });

  it('a bitrate that falls under 50 kb/s: the bitrate alarm; DescribeRule knows the rule that delivers them', async () => {
    const t = await setup();
    await t.clock.advance(61_000);
    await t.alarmEvents();
    t.sim.control.setBitrate('backup', 20_000);
    await t.clock.advance(61_000);
    expect((await t.alarmEvents()).map((e) => [e.detail.alarmName, e.detail.state.value])).toEqual([
      ['lunora-booth-source-backup-bitrate', 'ALARM'],
    ]);
    const eventbridge = new EventBridgeClient(clientConfig(t.sim, { maxAttempts: 1 }));
    clients.push(eventbridge);
    const rule = await eventbridge.send(new DescribeRuleCommand({ Name: t.sim.topology.events.sourceAlarmRuleName }));
    expect(JSON.parse(rule.EventPattern ?? '{}')).toEqual({
      source: ['aws.cloudwatch'],
      'detail-type': ['CloudWatch Alarm State Change'],
      detail: { alarmName: t.sim.topology.events.sourceAlarms.map((a) => a.name) },
    });
  });
});
