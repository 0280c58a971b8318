import { DescribeChannelCommand } from '@aws-sdk/client-medialive';
import { afterEach, describe, expect, it } from 'vitest';
import { startSimulator, type RunningSimulator } from '../simulator/index';
import { createAwsClients, type AwsClients } from './clients';
import { mapAwsError, tagErrorRegion } from './errors';

let sim: RunningSimulator | null = null;
let clients: AwsClients | null = null;
afterEach(async () => {
  clients?.destroy();
  await sim?.close();
  sim = null;
  clients = null;
});

describe('a "not found" names the region it looked in', () => {
  it('for any request made through the console clients', async () => {
    sim = await startSimulator({ withDynamo: false });
    clients = createAwsClients({ mode: 'simulation', region: sim.region, endpoint: sim.endpoint, dynamoEndpoint: '' });
    const error = await clients.medialive.send(new DescribeChannelCommand({ ChannelId: '9999999' })).catch((e) => e);
    const mapped = mapAwsError(error, 'Read channel 9999999');
    expect(mapped.code).toBe('not-found');
    expect(mapped.message).toMatch(
      /^Read channel 9999999 failed: AWS does not know this resource in us-east-1 \(the built-in simulator\)\./,
    );
  });

  it('keeps the first region an error was marked with, and says nothing of a region it does not know', () => {
    const error = Object.assign(new Error('Channel not found'), { name: 'NotFoundException' });
    expect(mapAwsError(error, 'Start YouTube').message).toContain('AWS does not know this resource. ');
    tagErrorRegion(error, 'eu-west-1');
    tagErrorRegion(error, 'us-east-1');
    expect(mapAwsError(error, 'Start YouTube').message).toContain('AWS does not know this resource in eu-west-1. ');
  });
});
