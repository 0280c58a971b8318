import type { SQSClient } from '@aws-sdk/client-sqs';
import { describe, expect, it, vi } from 'vitest';
import { silentLogger } from '../logger';
import { ChannelEventReader, type FlowPushTarget, type PushTarget } from './event-reader';

const ACCOUNT = '111122223333';
const REGION = 'us-west-2';
const FLOW = `arn:aws:mediaconnect:${REGION}:${ACCOUNT}:flow:1-abc:lunora-srt-router`;
const CHANNEL = `arn:aws:medialive:${REGION}:${ACCOUNT}:channel:1234`;

let ids = 0;
const event = (detailType: string, source: string, resources: string[], detail: object, id = `e${++ids}`) =>
  JSON.stringify({
    version: '0',
    id,
    'detail-type': detailType,
    source,
    account: resources[0]?.split(':')[4] ?? ACCOUNT,
    time: '2026-12-02T01:00:00Z',
    region: REGION,
    resources,
    detail,
  });
const flowHealth = (flowArn = FLOW, id?: string) =>
  event(
    'MediaConnect Flow Health',
    'aws.mediaconnect',
    [flowArn],
    { unhealthy: true, current: { failover_switch: true, source_state: 'CONNECTED' } },
    id,
  );
const sourceHealth = () =>
  event(
    'MediaConnect Source Health',
    'aws.mediaconnect',
    [FLOW, `arn:aws:mediaconnect:${REGION}:${ACCOUNT}:source:x`],
    {
      unhealthy: true,
      current: { source_state: 'DISCONNECTED' },
    },
  );
const alert = (state: string, id?: string) =>
  event(
    'MediaLive Channel Alert',
    'aws.medialive',
    [CHANNEL],
    { alarm_state: state, alarm_id: 'a1', alert_type: 'Output failure', pipeline: '0', channel_arn: CHANNEL },
    id,
  );

/** An SQS client that answers the batches given, one per ReceiveMessage, then waits like an empty long poll. */
function fakeSqs(batches: string[][]): { client: SQSClient; deleted: number } {
  const state = { deleted: 0 };
  const client = {
    send: vi.fn((command: { constructor: { name: string } }, options?: { abortSignal?: AbortSignal }) => {
      const name = command.constructor.name;
      if (name === 'GetQueueUrlCommand') return Promise.resolve({ QueueUrl: 'http://q/111122223333/seat-1' });
      if (name === 'DeleteMessageBatchCommand') {
        state.deleted += 1;
        return Promise.resolve({});
      }
      const batch = batches.shift();
      if (batch)
        return Promise.resolve({
          Messages: batch.map((Body, i) => ({ Body, ReceiptHandle: `r${i}`, MessageId: `m${i}` })),
        });
      return new Promise((resolve) => options?.abortSignal?.addEventListener('abort', () => resolve({})));
    }),
  } as unknown as SQSClient;
  return {
    client,
    get deleted() {
      return state.deleted;
    },
  };
}

const SOURCE_ALARMS = [
  'lunora-booth-source-main-loss',
  'lunora-booth-source-main-bitrate',
  'lunora-booth-source-backup-loss',
];
/** "CloudWatch Alarm State Change" as the CloudWatch User Guide's single-metric example has it. */
const alarmChange = (
  alarmName: string,
  value: string,
  account = ACCOUNT,
  previous = value === 'ALARM' ? 'OK' : 'ALARM',
) =>
  event(
    'CloudWatch Alarm State Change',
    'aws.cloudwatch',
    [`arn:aws:cloudwatch:${REGION}:${account}:alarm:${alarmName}`],
    {
      alarmName,
      state: { value, reason: 'Threshold Crossed', timestamp: '2026-12-02T01:00:00.000+0000' },
      previousState: { value: previous },
    },
  );

function setup(batches: string[][], sourceAlarms: string[] = SOURCE_ALARMS) {
  const sqs = fakeSqs(batches);
  const target: PushTarget = {
    applyChannelEvent: vi.fn(() => 'applied' as const),
    setPushing: vi.fn(),
    reconcileSoon: vi.fn(),
    refresh: vi.fn(() => Promise.resolve()),
    steadyIntervalMs: 60_000,
  };
  const flow = {
    flowArn: FLOW,
    onFlowEvent: vi.fn<() => void>(),
    setPushing: vi.fn<(pushing: boolean) => void>(),
    setSourceAlarms: vi.fn<(delivered: boolean) => void>(),
  } satisfies FlowPushTarget;
  const alerts = { apply: vi.fn(() => 'applied' as const) };
  const reader = new ChannelEventReader({
    sqs: sqs.client,
    queue: () => ({ name: 'seat-1' }),
    account: ACCOUNT,
    region: REGION,
    target,
    logger: silentLogger,
    now: () => 1_000,
    onStatus: () => undefined,
    alerts,
    sourceAlarms,
  });
  reader.attachFlow(flow);
  return { reader, sqs, target, flow, alerts };
}

describe('the event reader with the flow and the alerts', () => {
  it("one flow poll for a batch of the booth flow's events; another flow's event is not the booth's", async () => {
    const t = setup([[sourceHealth(), flowHealth()], [flowHealth(FLOW.replace('lunora-srt-router', 'other'))]]);
    t.reader.start();
    await vi.waitFor(() => expect(t.sqs.deleted).toBe(2));
    await t.reader.stop();
    expect(t.flow.onFlowEvent).toHaveBeenCalledTimes(1);
    // Events flowing slowed the flow's poll; stopping the reader gives it back its cadence.
    const told = t.flow.setPushing.mock.calls.map((c) => c[0]);
    expect(told.filter((v, i) => v !== told[i - 1])).toEqual([false, true, false]);
  });

  it("another account's flow event is ignored", async () => {
    const foreign = FLOW.replace(ACCOUNT, '999988887777');
    const t = setup([[flowHealth(foreign)]]);
    t.reader.start();
    await vi.waitFor(() => expect(t.sqs.deleted).toBe(1));
    await t.reader.stop();
    expect(t.flow.onFlowEvent).not.toHaveBeenCalled();
  });

  it('an alert delivered twice (same event id) is applied once; its fields reach the alerts as AWS sent them', async () => {
    const t = setup([[alert('SET', 'dup')], [alert('SET', 'dup'), alert('CLEARED')]]);
    t.reader.start();
    await vi.waitFor(() => expect(t.sqs.deleted).toBe(2));
    await t.reader.stop();
    expect(t.alerts.apply.mock.calls).toEqual([
      ['1234', { state: 'SET', alarmId: 'a1', alertType: 'Output failure', message: '', pipeline: '0' }],
      ['1234', { state: 'CLEARED', alarmId: 'a1', alertType: 'Output failure', message: '', pipeline: '0' }],
    ]);
    expect(t.flow.onFlowEvent).not.toHaveBeenCalled();
    expect(t.target.applyChannelEvent).not.toHaveBeenCalled();
  });

  it("a booth source alarm's state change polls the flow; another account's, an unknown alarm's and a bodyless one do not", async () => {
    const t = setup([
      [alarmChange('lunora-booth-source-main-loss', 'ALARM')],
      [alarmChange('lunora-booth-source-main-loss', 'ALARM', '999988887777')],
      [alarmChange('someone-elses-cpu-alarm', 'ALARM')],
      [event('CloudWatch Alarm State Change', 'aws.cloudwatch', [], { state: { value: 'ALARM' } })],
      [alarmChange('lunora-booth-source-main-bitrate', 'OK')],
      // A new alarm's first verdict, at deployment: nothing about the figures.
      [alarmChange('lunora-booth-source-backup-loss', 'OK', ACCOUNT, 'INSUFFICIENT_DATA')],
    ]);
    t.reader.start();
    await vi.waitFor(() => expect(t.sqs.deleted).toBe(6));
    await t.reader.stop();
    // The ALARM and, later, the return to OK: each a poll that reads what CloudWatch says.
    expect(t.flow.onFlowEvent).toHaveBeenCalledTimes(2);
    expect(t.flow.setSourceAlarms.mock.calls).toEqual([[true]]);
  });

  it('a stack without source alarms: the flow is told so (it keeps polling for its figures on air)', async () => {
    const t = setup([[alarmChange('lunora-booth-source-main-loss', 'ALARM')]], []);
    t.reader.start();
    await vi.waitFor(() => expect(t.sqs.deleted).toBe(1));
    await t.reader.stop();
    expect(t.flow.setSourceAlarms.mock.calls).toEqual([[false]]);
    expect(t.flow.onFlowEvent).not.toHaveBeenCalled();
  });
});
