import { spawn } from 'node:child_process';
import { request as httpRequest } from 'node:http';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  MediaLiveClient,
  DescribeChannelCommand,
  ListChannelsCommand,
  StartChannelCommand,
  StopChannelCommand,
} from '@aws-sdk/client-medialive';
import { STSClient, GetCallerIdentityCommand } from '@aws-sdk/client-sts';
import { CloudFormationClient, DescribeStacksCommand } from '@aws-sdk/client-cloudformation';
import { DynamoDBClient, DescribeTableCommand, ScanCommand } from '@aws-sdk/client-dynamodb';
import { startSimulator, type RunningSimulator } from './index';
import { clientConfig, FAST_TIMINGS, POLL, sdkError } from './test-support/helpers';

let sim: RunningSimulator;
let ml: MediaLiveClient;

beforeAll(async () => {
  sim = await startSimulator({ timings: FAST_TIMINGS, accountId: '210987654321', region: 'eu-west-1' });
  ml = new MediaLiveClient(clientConfig(sim, { maxAttempts: 1 }));
});
afterAll(async () => {
  ml?.destroy();
  await sim?.close();
});

const firstChannel = () => sim.topology.destinations[0]!.channelId;

describe('STS and CloudFormation (awsQuery XML)', () => {
  it('GetCallerIdentity returns the configured account', async () => {
    const sts = new STSClient(clientConfig(sim));
    const id = await sts.send(new GetCallerIdentityCommand({}));
    expect(id.Account).toBe('210987654321');
    expect(id.Arn).toMatch(/^arn:aws:sts::210987654321:assumed-role\//);
    sts.destroy();
  });

  it('DescribeStacks returns the seeded stack outputs; a missing stack is a ValidationError', async () => {
    const cf = new CloudFormationClient(clientConfig(sim, { maxAttempts: 1 }));
    const all = await cf.send(new DescribeStacksCommand({}));
    expect(all.Stacks?.length).toBe(1);
    const stack = (await cf.send(new DescribeStacksCommand({ StackName: 'lunora-booth' }))).Stacks![0]!;
    expect(stack.StackStatus).toBe('CREATE_COMPLETE');
    expect(stack.CreationTime).toBeInstanceOf(Date);
    const out = Object.fromEntries(
      (stack.Outputs ?? []).map((o): [string, string | undefined] => [o.OutputKey ?? '', o.OutputValue]),
    );
    expect(out['FlowArn']).toBe(sim.topology.flowArn);
    expect(out['MainIngestEndpoint']).toBe('srt://198.51.100.20:9998');
    expect(out['BackupIngestEndpoint']).toBe('srt://198.51.100.20:9999');
    expect([out['PresetsTableName'], out['DestinationsTableName'], out['SessionsTableName']]).toEqual([
      'lunora-presets',
      'lunora-destinations',
      'lunora-sessions',
    ]);
    for (const d of sim.topology.destinations) {
      const key = d.id.charAt(0).toUpperCase() + d.id.slice(1);
      expect(out[`ChannelId${key}`]).toBe(d.channelId);
      expect(out[`ChannelArn${key}`]).toBe(d.channelArn);
    }
    expect(out['ChannelIdYoutube']).toBeTruthy();
    const byId = await cf.send(new DescribeStacksCommand({ StackName: stack.StackId }));
    expect(byId.Stacks?.[0]?.StackName).toBe('lunora-booth');
    const missing = await sdkError(cf.send(new DescribeStacksCommand({ StackName: 'nope' })));
    expect([missing.name, missing.$metadata.httpStatusCode, missing.message]).toEqual([
      'ValidationError',
      400,
      'Stack with id nope does not exist',
    ]);
    cf.destroy();
  });
});

describe('DynamoDB (dynalite)', () => {
  it('has the three tables and the five destinations seeded, no presets', async () => {
    expect(sim.dynamoEndpoint).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    const ddb = new DynamoDBClient(clientConfig(sim, { endpoint: sim.dynamoEndpoint }));
    for (const [name, key] of [
      ['lunora-presets', 'preset_id'],
      ['lunora-destinations', 'id'],
      ['lunora-sessions', 'session_id'],
    ] as const) {
      const t = await ddb.send(new DescribeTableCommand({ TableName: name }));
      expect(t.Table?.TableStatus).toBe('ACTIVE');
      expect(t.Table?.KeySchema).toEqual([{ AttributeName: key, KeyType: 'HASH' }]);
      expect(t.Table?.BillingModeSummary?.BillingMode).toBe('PAY_PER_REQUEST');
    }
    const dests = await ddb.send(new ScanCommand({ TableName: 'lunora-destinations' }));
    const items = dests.Items ?? [];
    expect(items.map((i) => i['id']?.S).sort()).toEqual(['custom', 'linkedin', 'primary', 'twitch', 'youtube']);
    const yt = items.find((i) => i['id']?.S === 'youtube')!;
    const seed = sim.topology.destinations.find((d) => d.id === 'youtube')!;
    expect(yt['medialive_channel_id']?.S).toBe(seed.channelId);
    expect(yt['medialive_channel_arn']?.S).toBe(seed.channelArn);
    expect(yt['preset_id']?.S).toBe('preset_youtube_1080p_optimized');
    expect(yt['version']?.N).toBe('1');
    expect(yt['channel_status']?.S).toBe('idle');
    expect(JSON.stringify(items)).not.toContain('sim-youtube-key'); // no stream keys in the table
    expect((await ddb.send(new ScanCommand({ TableName: 'lunora-presets' }))).Count).toBe(0);
    ddb.destroy();
  });
});

describe('fault injection and the request log', () => {
  it('throttles the next N matching requests only, and logs every request', async () => {
    sim.control.clearRequests();
    sim.control.addFault({ service: 'medialive', operation: 'StartChannel', kind: 'throttle', count: 2 });
    for (let i = 0; i < 2; i++) {
      const e = await sdkError(ml.send(new StartChannelCommand({ ChannelId: firstChannel() })));
      expect([e.name, e.$metadata.httpStatusCode]).toEqual(['TooManyRequestsException', 429]);
    }
    // other operations are not affected
    await ml.send(new DescribeChannelCommand({ ChannelId: firstChannel() }));
    const ok = await ml.send(new StartChannelCommand({ ChannelId: firstChannel() }));
    expect(ok.State).toBe('STARTING');
    expect(sim.control.faults()).toEqual([]);
    const starts = sim.control.requests({ service: 'medialive', operation: 'StartChannel' });
    expect(starts.map((r) => r.status)).toEqual([429, 429, 200]);
    expect(starts.every((r) => r.params['channelId'] === firstChannel())).toBe(true);
    expect(starts[0]!.fault).toMatch(/throttle/);
    await sim.control.waitForChannelState(firstChannel(), 'RUNNING');
    await ml.send(new StopChannelCommand({ ChannelId: firstChannel() }));
    await sim.control.waitForChannelState(firstChannel(), 'IDLE');
  });

  it('the SDK retries a throttled call when retries are on: exactly the expected attempts reach the simulator', async () => {
    sim.control.clearRequests();
    const retrying = new MediaLiveClient(clientConfig(sim, { maxAttempts: 3, retryMode: 'standard' }));
    sim.control.addFault({ service: 'medialive', operation: 'ListChannels', kind: 'throttle', count: 1 });
    const res = await retrying.send(new ListChannelsCommand({}));
    expect(res.$metadata.attempts).toBe(2);
    expect(sim.control.requests({ operation: 'ListChannels' }).map((r) => r.status)).toEqual([429, 200]);
    retrying.destroy();
  });

  it('server errors use the model names (500/502/504) and expired tokens are 403', async () => {
    const cases = [
      [500, 'InternalServerErrorException'],
      [502, 'BadGatewayException'],
      [504, 'GatewayTimeoutException'],
    ] as const;
    for (const [status, name] of cases) {
      sim.control.addFault({ service: 'medialive', kind: 'server-error', status, count: 1 });
      const e = await sdkError(ml.send(new ListChannelsCommand({})));
      expect([e.name, e.$metadata.httpStatusCode]).toEqual([name, status]);
    }
    sim.control.addFault({ kind: 'expired-token', count: 1 });
    const exp = await sdkError(ml.send(new ListChannelsCommand({})));
    expect([exp.name, exp.$metadata.httpStatusCode]).toEqual(['ExpiredTokenException', 403]);
    sim.control.addFault({ service: 'medialive', kind: 'access-denied', count: 1 });
    const denied = await sdkError(ml.send(new ListChannelsCommand({})));
    expect([denied.name, denied.$metadata.httpStatusCode]).toEqual(['ForbiddenException', 403]);
    const sts = new STSClient(clientConfig(sim, { maxAttempts: 1 }));
    sim.control.addFault({ service: 'sts', kind: 'expired-token', count: 1 });
    const stsExp = await sdkError(sts.send(new GetCallerIdentityCommand({})));
    expect([stsExp.name, stsExp.$metadata.httpStatusCode]).toEqual(['ExpiredToken', 403]);
    sim.control.addFault({ service: 'sts', kind: 'throttle', count: 1 });
    const stsThr = await sdkError(sts.send(new GetCallerIdentityCommand({})));
    expect(stsThr.name).toBe('Throttling');
    sts.destroy();
  });

  it('latency delays the answer; timeout never answers until the client gives up', async () => {
    sim.control.addFault({
      service: 'medialive',
      operation: 'ListChannels',
      kind: 'latency',
      latencyMs: 250,
      count: 1,
    });
    const t0 = Date.now();
    const res = await ml.send(new ListChannelsCommand({}));
    expect(Date.now() - t0).toBeGreaterThanOrEqual(240);
    expect(res.Channels?.length).toBe(5);

    sim.control.addFault({ service: 'medialive', operation: 'ListChannels', kind: 'timeout', count: 1 });
    const impatient = new MediaLiveClient(
      clientConfig(sim, { maxAttempts: 1, requestHandler: { requestTimeout: 200, throwOnRequestTimeout: true } }),
    );
    const t1 = Date.now();
    const err = await sdkError(impatient.send(new ListChannelsCommand({})));
    expect(err.name).toBe('TimeoutError');
    expect(Date.now() - t1).toBeLessThan(2000);
    const entry = sim.control.requests({ operation: 'ListChannels' }).at(-1)!;
    expect([entry.status, entry.fault?.endsWith(':timeout')]).toEqual([0, true]);
    impatient.destroy();
  });
});

describe('HTTP control API', () => {
  const call = async (method: string, path: string, body?: unknown) => {
    const r = await fetch(`${sim.endpoint}${path}`, {
      method,
      body: body === undefined ? undefined : JSON.stringify(body),
      headers: { 'content-type': 'application/json', 'x-sim-token': sim.controlToken },
    });
    return { status: r.status, json: (await r.json()) as Record<string, unknown> };
  };

  it('refuses a caller without the run token, from a web page, or under another Host name', async () => {
    const state = `${sim.endpoint}/_sim/state`;
    expect((await fetch(state)).status).toBe(403);
    expect((await fetch(state, { headers: { 'x-sim-token': 'guess' } })).status).toBe(403);
    // A page in a browser on the same machine: a "simple" text/plain POST, which needs no CORS preflight.
    const fromPage = await fetch(`${sim.endpoint}/_sim/faults`, {
      method: 'POST',
      headers: { 'content-type': 'text/plain', origin: 'https://evil.example', 'x-sim-token': sim.controlToken },
      body: JSON.stringify({ service: 'medialive', kind: 'throttle' }),
    });
    expect(fromPage.status).toBe(403);
    const channelId = sim.topology.destinations[0]!.channelId;
    const startFromPage = await fetch(`${sim.endpoint}/prod/channels/${channelId}/start`, {
      method: 'POST',
      headers: { 'content-type': 'text/plain', origin: 'https://evil.example' },
    });
    expect(startFromPage.status).toBe(403);
    const rebound = await new Promise<number>((resolve, reject) => {
      const url = new URL(state);
      const req = httpRequest(
        {
          host: url.hostname,
          port: url.port,
          path: url.pathname,
          headers: { host: 'rebind.example', 'x-sim-token': sim.controlToken },
        },
        (res) => resolve(res.statusCode ?? 0),
      );
      req.on('error', reject);
      req.end();
    });
    expect(rebound).toBe(403);
    expect((await call('GET', '/_sim/faults')).json).toEqual([]);
    expect(sim.control.channelState(channelId)).toBe('IDLE');
  });

  it('drives channels, faults, sources, timings and the request log', async () => {
    const state = await call('GET', '/_sim/state');
    expect(state.status).toBe(200);
    expect((state.json['channels'] as unknown[]).length).toBe(5);
    expect(JSON.stringify(state.json)).not.toMatch(/sim-[a-z]+-key/);

    const id = sim.topology.destinations[2]!.channelId;
    expect((await call('POST', `/_sim/channels/${id}/start`)).json).toEqual({ id, state: 'STARTING' });
    const conflict = await call('POST', `/_sim/channels/${id}/start`);
    expect(conflict.status).toBe(409);
    expect((conflict.json['error'] as { code: string }).code).toBe('ConflictException');
    await expect.poll(async () => (await call('GET', `/_sim/channels/${id}`)).json['state'], POLL).toBe('RUNNING');
    expect((await call('POST', `/_sim/channels/${id}/fail`, { recover: false, afterMs: 30 })).json['state']).toBe(
      'RECOVERING',
    );
    await expect.poll(async () => (await call('GET', `/_sim/channels/${id}`)).json['state'], POLL).toBe('IDLE');

    const fault = await call('POST', '/_sim/faults', { service: 'medialive', kind: 'throttle', count: 1 });
    expect(fault.json['id']).toMatch(/^fault-/);
    expect(((await call('GET', '/_sim/faults')).json as unknown as unknown[]).length).toBe(1);
    expect((await call('POST', '/_sim/faults', { kind: 'nonsense' })).status).toBe(400);
    await call('DELETE', '/_sim/faults');
    expect(((await call('GET', '/_sim/faults')).json as unknown as unknown[]).length).toBe(0);

    await call('POST', '/_sim/sources/main/lose');
    const activeSource = async () =>
      ((await call('GET', '/_sim/state')).json['flow'] as { activeSource: string }).activeSource;
    await expect.poll(activeSource, POLL).toBe('backup');
    await call('POST', '/_sim/sources/main/restore');
    await expect.poll(activeSource, POLL).toBe('main');
    expect((await call('POST', '/_sim/sources/nope/lose')).status).toBe(400);

    const timings = await call('PATCH', '/_sim/timings', { channelStartMs: 123 });
    expect(timings.json['channelStartMs']).toBe(123);
    expect(sim.control.timings().channelStartMs).toBe(123);
    sim.control.setTimings({ channelStartMs: FAST_TIMINGS.channelStartMs });

    await ml.send(new ListChannelsCommand({}));
    const log = await call('GET', '/_sim/requests?service=medialive&operation=ListChannels');
    expect((log.json as unknown as unknown[]).length).toBeGreaterThan(0);
    await call('DELETE', '/_sim/requests');
    expect(((await call('GET', '/_sim/requests')).json as unknown as unknown[]).length).toBe(0);
    expect((await call('GET', '/_sim/unknown')).status).toBe(404);
  });
});

describe('close()', () => {
  it('leaves no handles: a process that starts, uses and closes the simulator exits by itself', async () => {
    const fixture = fileURLToPath(new URL('./test-support/close-exits.ts', import.meta.url));
    const child = spawn(process.execPath, ['--import', 'tsx', fixture], {
      cwd: process.cwd(),
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    child.stdout.on('data', (d: Buffer) => (out += d.toString()));
    child.stderr.on('data', () => undefined);
    const code = await new Promise<number | null>((resolve) => {
      const killer = setTimeout(() => {
        child.kill('SIGKILL');
        resolve(-1);
      }, 20_000);
      child.on('exit', (c) => {
        clearTimeout(killer);
        resolve(c);
      });
    });
    expect(out).toContain('hanging request: dropped');
    expect(out).toContain('closed');
    expect(code).toBe(0);
  }, 25_000);
});
