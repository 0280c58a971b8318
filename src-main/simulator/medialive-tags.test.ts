import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  CreateTagsCommand,
  DeleteTagsCommand,
  DescribeChannelCommand,
  ListChannelsCommand,
  MediaLiveClient,
} from '@aws-sdk/client-medialive';
import { loadApiModel } from './conformance/test-support/api-model';
import { startSimulator, type RunningSimulator } from './index';
import { clientConfig, FAST_TIMINGS, sdkError } from './test-support/helpers';

let sim: RunningSimulator;
let ml: MediaLiveClient;

beforeAll(async () => {
  sim = await startSimulator({ timings: FAST_TIMINGS, withDynamo: false, seed: 7 });
  ml = new MediaLiveClient(clientConfig(sim, { maxAttempts: 1 }));
});
afterAll(async () => {
  ml?.destroy();
  await sim?.close();
});

const youtube = () => {
  const d = sim.topology.destinations.find((x) => x.id === 'youtube');
  if (!d) throw new Error('youtube');
  return d;
};

/** AWS's own MediaLive service model (aws-sdk v2 ships it): the routes and answers the simulator must match. */
const model = loadApiModel('medialive');

describe('MediaLive CreateTags / DeleteTags over the real SDK', () => {
  it('serves the routes AWS documents for them', async () => {
    expect(model.operation('CreateTags').http).toMatchObject({
      requestUri: '/prod/tags/{resource-arn}',
      responseCode: 204,
    });
    expect(model.operation('DeleteTags').http).toMatchObject({
      method: 'DELETE',
      requestUri: '/prod/tags/{resource-arn}',
      responseCode: 204,
    });
    const arn = encodeURIComponent(youtube().channelArn);
    const created = await fetch(`${sim.endpoint}/prod/tags/${arn}`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        authorization: 'AWS4-HMAC-SHA256 Credential=sim/20261201/us-east-1/medialive/aws4_request',
      },
      body: JSON.stringify({ tags: { probe: 'x' } }),
    });
    expect(created.status).toBe(204);
    const deleted = await fetch(`${sim.endpoint}/prod/tags/${arn}?tagKeys=probe`, {
      method: 'DELETE',
      headers: { authorization: 'AWS4-HMAC-SHA256 Credential=sim/20261201/us-east-1/medialive/aws4_request' },
    });
    expect(deleted.status).toBe(204);
  });

  it('adds tags that ListChannels and DescribeChannel then return, and deletes them by key', async () => {
    const { channelId, channelArn } = youtube();
    await ml.send(
      new CreateTagsCommand({ ResourceArn: channelArn, Tags: { 'lunora:on-air-since': '2026-12-01T15:00:00.000Z' } }),
    );
    const listed = await ml.send(new ListChannelsCommand({}));
    const summary = listed.Channels?.find((c) => c.Id === channelId);
    expect(summary?.Tags).toMatchObject({ Project: 'lunora-booth', 'lunora:on-air-since': '2026-12-01T15:00:00.000Z' });
    await ml.send(new DeleteTagsCommand({ ResourceArn: channelArn, TagKeys: ['lunora:on-air-since'] }));
    const described = await ml.send(new DescribeChannelCommand({ ChannelId: channelId }));
    expect(described.Tags).toEqual({ Project: 'lunora-booth', Destination: 'youtube' });
  });

  it('refuses an unknown ARN (404) and a reserved or oversized tag (400)', async () => {
    const unknown = await sdkError(
      ml.send(
        new CreateTagsCommand({
          ResourceArn: 'arn:aws:medialive:us-east-1:123456789012:channel:999',
          Tags: { a: 'b' },
        }),
      ),
    );
    expect(unknown.name).toBe('NotFoundException');
    const reserved = await sdkError(
      ml.send(new CreateTagsCommand({ ResourceArn: youtube().channelArn, Tags: { 'aws:x': 'y' } })),
    );
    expect(reserved.name).toBe('BadRequestException');
    const long = await sdkError(
      ml.send(new CreateTagsCommand({ ResourceArn: youtube().channelArn, Tags: { k: 'v'.repeat(257) } })),
    );
    expect(long.name).toBe('BadRequestException');
  });
});
