import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { BatchUpdateScheduleCommand, DescribeThumbnailsCommand, MediaLiveClient } from '@aws-sdk/client-medialive';
import { DescribeFlowSourceThumbnailCommand, MediaConnectClient } from '@aws-sdk/client-mediaconnect';
import { CloudWatchClient, GetMetricDataCommand } from '@aws-sdk/client-cloudwatch';
import { decode } from 'jpeg-js';
import { checkJpeg } from '../core/confidence/jpeg-check';
import { startSimulator, type RunningSimulator } from './index';
import { clientConfig, FAST_TIMINGS, sdkError } from './test-support/helpers';

let sim: RunningSimulator;
let ml: MediaLiveClient;
let mc: MediaConnectClient;
let cw: CloudWatchClient;
const channelOf = (id: string) => {
  const d = sim.topology.destinations.find((x) => x.id === id);
  if (!d) throw new Error(id);
  return d.channelId;
};
/** The brightest channel value of a base64 JPEG's pixels. */
const brightest = (body: string | undefined) =>
  decode(Buffer.from(body ?? '', 'base64'), { useTArray: true, formatAsRGBA: false }).data.reduce(
    (a, b) => Math.max(a, b),
    0,
  );
const thumbs = (channelId: string) =>
  ml.send(new DescribeThumbnailsCommand({ ChannelId: channelId, PipelineId: '0', ThumbnailType: 'CURRENT_ACTIVE' }));

beforeAll(async () => {
  sim = await startSimulator({ timings: FAST_TIMINGS, withDynamo: false, seed: 11, slateDestinations: ['twitch'] });
  ml = new MediaLiveClient(clientConfig(sim, { maxAttempts: 1 }));
  mc = new MediaConnectClient(clientConfig(sim, { maxAttempts: 1 }));
  cw = new CloudWatchClient(clientConfig(sim, { maxAttempts: 1 }));
});
afterAll(async () => {
  ml?.destroy();
  mc?.destroy();
  cw?.destroy();
  await sim?.close();
});

describe('DescribeThumbnails', () => {
  it('refuses a channel that is not running and answers a running one with a JPEG every 2 s', async () => {
    const id = channelOf('youtube');
    expect((await sdkError(thumbs(id))).name).toBe('BadRequestException');
    sim.control.startChannel(id);
    await sim.control.waitForChannelState(id, 'RUNNING');
    const out = await thumbs(id);
    const t = out.ThumbnailDetails?.[0]?.Thumbnails?.[0];
    expect(out.ThumbnailDetails?.[0]?.PipelineId).toBe('0');
    expect(t?.ContentType).toBe('image/jpeg');
    expect(t?.ThumbnailType).toBe('CURRENT_ACTIVE');
    expect(t?.TimeStamp).toBeInstanceOf(Date);
    expect((t?.TimeStamp?.getTime() ?? 0) % 2000).toBe(0);
    expect(checkJpeg(Buffer.from(t?.Body ?? '', 'base64'))).toEqual({ ok: true, width: 480, height: 270 });
  });

  it('shows black when the live input is lost, and another picture on the slate', async () => {
    const id = channelOf('twitch');
    sim.control.startChannel(id);
    await sim.control.waitForChannelState(id, 'RUNNING');
    const live = (await thumbs(id)).ThumbnailDetails?.[0]?.Thumbnails?.[0]?.Body;
    sim.control.loseSource('main');
    sim.control.loseSource('backup');
    const lost = (await thumbs(id)).ThumbnailDetails?.[0]?.Thumbnails?.[0]?.Body;
    sim.control.restoreSource('main');
    sim.control.restoreSource('backup');
    expect(lost).not.toBe(live);
    await ml.send(
      new BatchUpdateScheduleCommand({
        ChannelId: id,
        Creates: {
          ScheduleActions: [
            {
              ActionName: 'to-slate',
              ScheduleActionStartSettings: { ImmediateModeScheduleActionStartSettings: {} },
              ScheduleActionSettings: { InputSwitchSettings: { InputAttachmentNameReference: 'lunora-twitch-slate' } },
            },
          ],
        },
      }),
    );
    await vi.waitFor(() => expect(sim.control.state().channels.find((c) => c.id === id)?.picture).toBe('FILE'));
    const slate = (await thumbs(id)).ThumbnailDetails?.[0]?.Thumbnails?.[0]?.Body;
    expect(slate).not.toBe(live);
    expect(slate).not.toBe(lost);
    // Black when the input is lost: no pixel brighter than the codec's noise; the pattern has bright bars.
    expect(brightest(lost)).toBeLessThan(24);
    expect(brightest(live)).toBeGreaterThan(150);
    expect(brightest(slate)).toBeGreaterThan(150);
  });

  it('answers an empty list when thumbnails are disabled, no thumbnail when withheld, and the faults asked for', async () => {
    const id = channelOf('linkedin');
    sim.control.confidence.setChannelThumbnails(id, false);
    await sim.control.waitForChannelState(id, 'IDLE');
    sim.control.startChannel(id);
    await sim.control.waitForChannelState(id, 'RUNNING');
    expect((await thumbs(id)).ThumbnailDetails).toEqual([]);
    const yt = channelOf('youtube');
    sim.control.confidence.setThumbnailFault(yt, 'withheld');
    expect((await thumbs(yt)).ThumbnailDetails?.[0]?.Thumbnails).toEqual([]);
    sim.control.confidence.setThumbnailFault(yt, 'corrupt');
    const cut = (await thumbs(yt)).ThumbnailDetails?.[0]?.Thumbnails?.[0]?.Body ?? '';
    expect(checkJpeg(Buffer.from(cut, 'base64'))).toMatchObject({ ok: false, reason: 'corrupt' });
    sim.control.confidence.setThumbnailFault(yt, 'garbled');
    const garbled = Buffer.from((await thumbs(yt)).ThumbnailDetails?.[0]?.Thumbnails?.[0]?.Body ?? '', 'base64');
    // Start and end of image in place: only decoding finds the damage.
    expect([garbled[0], garbled[1], garbled.at(-2), garbled.at(-1)]).toEqual([0xff, 0xd8, 0xff, 0xd9]);
    expect(checkJpeg(garbled)).toMatchObject({ ok: false, reason: 'corrupt', detail: 'the picture data is damaged' });
    sim.control.confidence.setThumbnailFault(yt, 'oversize');
    const big = (await thumbs(yt)).ThumbnailDetails?.[0]?.Thumbnails?.[0]?.Body ?? '';
    expect(checkJpeg(Buffer.from(big, 'base64'))).toMatchObject({ ok: false, reason: 'oversize' });
    sim.control.confidence.setThumbnailFault(yt, null);
    sim.control.addFault({ service: 'medialive', operation: 'DescribeThumbnails', kind: 'throttle', count: 1 });
    expect((await sdkError(thumbs(yt))).name).toBe('TooManyRequestsException');
  });
});

describe('DescribeFlowSourceThumbnail', () => {
  it('answers the active source picture while the flow runs, messages otherwise', async () => {
    const out = await mc.send(new DescribeFlowSourceThumbnailCommand({ FlowArn: sim.topology.flowArn }));
    expect(out.ThumbnailDetails?.FlowArn).toBe(sim.topology.flowArn);
    expect(checkJpeg(Buffer.from(out.ThumbnailDetails?.Thumbnail ?? '', 'base64'))).toMatchObject({ ok: true });
    expect(out.ThumbnailDetails?.Timestamp).toBeInstanceOf(Date);
    sim.control.loseSource('main');
    sim.control.loseSource('backup');
    const none = await mc.send(new DescribeFlowSourceThumbnailCommand({ FlowArn: sim.topology.flowArn }));
    sim.control.restoreSource('main');
    sim.control.restoreSource('backup');
    expect(none.ThumbnailDetails?.Thumbnail).toBeUndefined();
    expect(none.ThumbnailDetails?.ThumbnailMessages?.[0]?.Code).toBe('NO_SOURCE_DATA');
  });
});

describe('GetMetricData AWS/MediaLive', () => {
  it('publishes a running channel’s figures per ChannelId and Pipeline, and none for an idle one', async () => {
    const dims = (channelId: string) => [
      { Name: 'ChannelId', Value: channelId },
      { Name: 'Pipeline', Value: '0' },
    ];
    const now = Date.now();
    const out = await cw.send(
      new GetMetricDataCommand({
        StartTime: new Date(now - 30_000),
        EndTime: new Date(now + 1_000),
        MetricDataQueries: [
          {
            Id: 'net',
            MetricStat: {
              Metric: { Namespace: 'AWS/MediaLive', MetricName: 'NetworkOut', Dimensions: dims(channelOf('youtube')) },
              Period: 10,
              Stat: 'Average',
            },
          },
          {
            Id: 'audio',
            MetricStat: {
              Metric: {
                Namespace: 'AWS/MediaLive',
                MetricName: 'OutputAudioLevelDbfs',
                Dimensions: [{ Name: 'AudioDescriptionName', Value: 'audio_1' }, ...dims(channelOf('youtube'))],
              },
              Period: 10,
              Stat: 'Maximum',
            },
          },
          {
            Id: 'idle',
            MetricStat: {
              Metric: { Namespace: 'AWS/MediaLive', MetricName: 'NetworkOut', Dimensions: dims(channelOf('custom')) },
              Period: 10,
              Stat: 'Average',
            },
          },
        ],
      }),
    );
    const byId = new Map(out.MetricDataResults?.map((r) => [r.Id, r.Values ?? []]));
    expect(byId.get('net')?.[0]).toBeGreaterThan(6);
    expect(byId.get('audio')?.[0]).toBeLessThan(0);
    expect(byId.get('idle')).toEqual([]);
  });
});
