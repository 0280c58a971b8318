import { ListChannelsCommand, MediaLiveClient } from '@aws-sdk/client-medialive';
import { GetCallerIdentityCommand, STSClient } from '@aws-sdk/client-sts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSimulator, type RunningSimulator } from '../simulator';
import { mapAwsError } from './errors';

// A proxy's HTML page or a bare 5xx, read by the real SDK clients: the operator gets words, the log the parser's text.
describe('an answer that is not what AWS would send', () => {
  let sim: RunningSimulator;
  let medialive: MediaLiveClient;
  let sts: STSClient;

  beforeAll(async () => {
    sim = await startSimulator({ withDynamo: false });
    const config = {
      region: 'us-east-1',
      endpoint: sim.endpoint,
      credentials: { accessKeyId: 'sim', secretAccessKey: 'sim' },
      maxAttempts: 1,
    };
    medialive = new MediaLiveClient(config);
    sts = new STSClient(config);
  });
  afterAll(async () => {
    medialive.destroy();
    sts.destroy();
    await sim.close();
  });

  async function failure(send: () => Promise<unknown>): Promise<unknown> {
    try {
      await send();
    } catch (error) {
      return error;
    }
    throw new Error('the call succeeded');
  }

  it.each([
    ['an HTML page (JSON protocol)', 'medialive', 'html-page', 502],
    ['an HTML page (XML protocol)', 'sts', 'html-page', 502],
    ['a bare 500 (JSON protocol)', 'medialive', 'bare-error', 500],
    ['a bare 503 (XML protocol)', 'sts', 'bare-error', 503],
  ] as const)('%s becomes "unexpected answer" with the status', async (_label, service, kind, status) => {
    sim.control.addFault({ service, kind, status, count: 1 });
    const raw = await failure(() =>
      service === 'medialive'
        ? medialive.send(new ListChannelsCommand({}))
        : sts.send(new GetCallerIdentityCommand({})),
    );
    const mapped = mapAwsError(raw, 'Read channels');
    expect(mapped.message).toMatch(
      new RegExp(`^Read channels failed: AWS \\(or the endpoint\\) sent an unexpected answer \\(HTTP ${status}\\)`),
    );
    expect(mapped.message).not.toMatch(/SyntaxError|Unexpected token|\$response|Unknown|parse error/);
    expect(mapped).toMatchObject({ code: 'unavailable', retryable: true, httpStatus: status });
    expect(mapped.detail).toBeTruthy();
  });

  it('a well-formed AWS error is not mistaken for one', async () => {
    sim.control.addFault({ service: 'medialive', kind: 'server-error', status: 502, count: 1 });
    const mapped = mapAwsError(await failure(() => medialive.send(new ListChannelsCommand({}))), 'Read channels');
    expect(mapped.message).not.toContain('unexpected answer');
    expect(mapped).toMatchObject({ code: 'unavailable', awsCode: 'BadGatewayException' });
  });
});
