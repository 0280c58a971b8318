import { DescribeChannelCommand, MediaLiveClient, UpdateChannelCommand } from '@aws-sdk/client-medialive';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSimulator, type RunningSimulator } from './index';
import { clientConfig, FAST_TIMINGS } from './test-support/helpers';

/**
 * UpdateChannel is not a patch for RoleArn. MediaLive API reference, UpdateChannelRequest.RoleArn: "An optional
 * Amazon Resource Name (ARN) of the role to assume when running the Channel. If you do not specify this on an update
 * call but the role was previously set that role will be removed." The simulator must do the same, or a console that
 * forgets the role passes every test and strips it on a real account.
 */
let sim: RunningSimulator;
let ml: MediaLiveClient;
beforeAll(async () => {
  sim = await startSimulator({ timings: FAST_TIMINGS, withDynamo: false, seed: 5 });
  ml = new MediaLiveClient(clientConfig(sim, { maxAttempts: 1 }));
});
afterAll(async () => {
  ml?.destroy();
  await sim?.close();
});

const channelOf = (id: string) => sim.topology.destinations.find((d) => d.id === id)!.channelId;
const describeChannel = (channelId: string) => ml.send(new DescribeChannelCommand({ ChannelId: channelId }));

describe('simulated UpdateChannel and the channel role', () => {
  it('removes the role when an update omits RoleArn, and sets it again when an update sends it', async () => {
    const channelId = channelOf('youtube');
    const before = await describeChannel(channelId);
    expect(before.RoleArn).toMatch(/^arn:aws:iam::\d{12}:role\//);

    await ml.send(new UpdateChannelCommand({ ChannelId: channelId, Name: before.Name }));
    await sim.control.waitForChannelState(channelId, 'IDLE');
    const stripped = await describeChannel(channelId);
    expect(stripped.RoleArn).toBeUndefined();
    expect(stripped.EncoderSettings).toEqual(before.EncoderSettings);

    await ml.send(new UpdateChannelCommand({ ChannelId: channelId, RoleArn: before.RoleArn }));
    await sim.control.waitForChannelState(channelId, 'IDLE');
    expect((await describeChannel(channelId)).RoleArn).toBe(before.RoleArn);
  });
});
