import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  DescribeFlowCommand,
  DescribeFlowSourceMetadataCommand,
  ListFlowsCommand,
  MediaConnectClient,
  StartFlowCommand,
  StopFlowCommand,
  UpdateFlowCommand,
} from '@aws-sdk/client-mediaconnect';
import { startSimulator, type RunningSimulator } from './index';
import { clientConfig, FAST_TIMINGS, POLL, sdkError } from './test-support/helpers';

let sim: RunningSimulator;
let mc: MediaConnectClient;

beforeAll(async () => {
  sim = await startSimulator({ timings: FAST_TIMINGS, withDynamo: false });
  mc = new MediaConnectClient(clientConfig(sim, { maxAttempts: 1 }));
});
afterAll(async () => {
  mc?.destroy();
  await sim?.close();
});

const describeFlow = () => mc.send(new DescribeFlowCommand({ FlowArn: sim.topology.flowArn }));

describe('MediaConnect over the real SDK (3.654)', () => {
  it('lists and describes the seeded SRT flow', async () => {
    const list = await mc.send(new ListFlowsCommand({ MaxResults: 10 }));
    expect(list.Flows?.map((f) => [f.Name, f.Status, f.AvailabilityZone])).toEqual([
      ['lunora-srt-router', 'ACTIVE', 'us-east-1a'],
    ]);
    const { Flow: flow } = await describeFlow();
    expect(flow?.FlowArn).toBe(sim.topology.flowArn);
    expect(flow?.Sources?.map((s) => [s.Name, s.IngestPort, s.Transport?.Protocol, s.Transport?.MinLatency])).toEqual([
      ['main', 9998, 'srt-listener', 200],
      ['backup', 9999, 'srt-listener', 200],
    ]);
    const main = flow?.Sources?.[0];
    expect(main?.WhitelistCidr).toMatch(/\/32$/);
    expect(main?.Decryption?.KeyType).toBe('srt-password');
    expect(main?.Decryption?.RoleArn).toMatch(/^arn:aws:iam::/);
    expect(main?.Decryption?.SecretArn).toMatch(/^arn:aws:secretsmanager:/);
    expect(main?.Decryption?.Algorithm).toBeUndefined();
    expect(flow?.SourceFailoverConfig).toEqual({
      State: 'ENABLED',
      FailoverMode: 'FAILOVER',
      RecoveryWindow: 200,
      SourcePriority: { PrimarySource: 'main' },
    });
    expect((flow as unknown as Record<string, unknown>)['ActiveSource']).toBeUndefined();
  });

  it('switches the primary with UpdateFlow (UPDATING, then back) and the flow follows it', async () => {
    expect(sim.control.activeSource()).toBe('main');
    const res = await mc.send(
      new UpdateFlowCommand({
        FlowArn: sim.topology.flowArn,
        SourceFailoverConfig: { SourcePriority: { PrimarySource: 'backup' } },
      }),
    );
    expect(res.$metadata.httpStatusCode).toBe(202);
    expect(res.Flow?.Status).toBe('UPDATING');
    expect(res.Flow?.SourceFailoverConfig?.SourcePriority?.PrimarySource).toBe('backup');
    expect(res.Flow?.SourceFailoverConfig?.FailoverMode).toBe('FAILOVER');
    await expect.poll(() => sim.control.activeSource(), POLL).toBe('backup');
    await expect.poll(async () => (await describeFlow()).Flow?.Status, POLL).toBe('ACTIVE');
    await mc.send(
      new UpdateFlowCommand({
        FlowArn: sim.topology.flowArn,
        SourceFailoverConfig: { SourcePriority: { PrimarySource: 'main' } },
      }),
    );
    await expect.poll(() => sim.control.activeSource(), POLL).toBe('main');
    await expect.poll(async () => (await describeFlow()).Flow?.Status, POLL).toBe('ACTIVE');
  });

  it('rejects an unknown PrimarySource with 400 BadRequestException', async () => {
    const err = await sdkError(
      mc.send(
        new UpdateFlowCommand({
          FlowArn: sim.topology.flowArn,
          SourceFailoverConfig: { SourcePriority: { PrimarySource: 'tertiary' } },
        }),
      ),
    );
    expect([err.name, err.$metadata.httpStatusCode]).toEqual(['BadRequestException', 400]);
    expect((await describeFlow()).Flow?.SourceFailoverConfig?.SourcePriority?.PrimarySource).toBe('main');
  });

  it('fails over to backup when main is lost and returns when it recovers', async () => {
    sim.control.loseSource('main');
    expect(sim.control.activeSource()).toBe('main'); // not instantaneous (failoverMs)
    await expect.poll(() => sim.control.activeSource(), POLL).toBe('backup');
    sim.control.restoreSource('main');
    await expect.poll(() => sim.control.activeSource(), POLL).toBe('main');
    sim.control.loseSource('main');
    sim.control.loseSource('backup');
    await expect.poll(() => sim.control.activeSource(), POLL).toBe(null);
    const meta = await mc.send(new DescribeFlowSourceMetadataCommand({ FlowArn: sim.topology.flowArn }));
    expect(meta.TransportMediaInfo).toBeUndefined();
    expect(meta.Messages?.length).toBeGreaterThan(0);
    sim.control.restoreSource('backup');
    sim.control.restoreSource('main');
    await expect.poll(() => sim.control.activeSource(), POLL).toBe('main');
  });

  it('describes the source transport stream', async () => {
    const meta = await mc.send(new DescribeFlowSourceMetadataCommand({ FlowArn: sim.topology.flowArn }));
    expect(meta.Timestamp).toBeInstanceOf(Date);
    const video = meta.TransportMediaInfo?.Programs?.[0]?.Streams?.find((s) => s.Codec === 'h264');
    expect(video?.FrameResolution).toEqual({ FrameHeight: 1080, FrameWidth: 1920 });
  });

  it('stops and starts the flow (202, STOPPING -> STANDBY -> STARTING -> ACTIVE); wrong state is 400', async () => {
    const stop = await mc.send(new StopFlowCommand({ FlowArn: sim.topology.flowArn }));
    expect([stop.$metadata.httpStatusCode, stop.Status]).toEqual([202, 'STOPPING']);
    await expect.poll(async () => (await describeFlow()).Flow?.Status, POLL).toBe('STANDBY');
    expect(sim.control.activeSource()).toBeNull();
    const again = await sdkError(mc.send(new StopFlowCommand({ FlowArn: sim.topology.flowArn })));
    expect([again.name, again.$metadata.httpStatusCode]).toEqual(['BadRequestException', 400]);
    const start = await mc.send(new StartFlowCommand({ FlowArn: sim.topology.flowArn }));
    expect(start.Status).toBe('STARTING');
    await expect.poll(async () => (await describeFlow()).Flow?.Status, POLL).toBe('ACTIVE');
    await expect.poll(() => sim.control.activeSource(), POLL).toBe('main');
  });

  it('answers 404 for an unknown flow and 429 for injected throttling', async () => {
    const missing = await sdkError(
      mc.send(new DescribeFlowCommand({ FlowArn: 'arn:aws:mediaconnect:us-east-1:123456789012:flow:1-x:nope' })),
    );
    expect([missing.name, missing.$metadata.httpStatusCode]).toEqual(['NotFoundException', 404]);
    sim.control.addFault({ service: 'mediaconnect', operation: 'DescribeFlow', kind: 'throttle', count: 1 });
    const throttled = await sdkError(describeFlow());
    expect([throttled.name, throttled.$metadata.httpStatusCode]).toEqual(['TooManyRequestsException', 429]);
    expect((await describeFlow()).Flow?.Status).toBe('ACTIVE');
  });

  it('refuses a recovery window outside 100-500 ms, the range AWS::MediaConnect::Flow FailoverConfig documents', async () => {
    const update = (ms: number) =>
      mc.send(new UpdateFlowCommand({ FlowArn: sim.topology.flowArn, SourceFailoverConfig: { RecoveryWindow: ms } }));
    const refused = await sdkError(update(600));
    expect([refused.name, refused.$metadata.httpStatusCode]).toEqual(['BadRequestException', 400]);
    expect(refused.message).toContain('between 100 and 500');
    expect((await sdkError(update(99))).name).toBe('BadRequestException');
    expect((await describeFlow()).Flow?.SourceFailoverConfig?.RecoveryWindow).toBe(200);
  });
});
