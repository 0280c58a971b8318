import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import {
  BatchUpdateScheduleCommand,
  DescribeChannelCommand,
  DescribeInputCommand,
  ListChannelsCommand,
  ListInputsCommand,
  MediaLiveClient,
  StartChannelCommand,
  StopChannelCommand,
  UpdateChannelCommand,
  type ChannelSummary,
  type EncoderSettings,
} from '@aws-sdk/client-medialive';
import { startSimulator, type RunningSimulator } from './index';
import { clientConfig, FAST_TIMINGS, POLL, sdkError } from './test-support/helpers';

let sim: RunningSimulator;
let ml: MediaLiveClient;
const chan = (dest: string): string => {
  const d = sim.topology.destinations.find((x) => x.id === dest);
  if (!d) throw new Error(dest);
  return d.channelId;
};

beforeAll(async () => {
  sim = await startSimulator({ timings: FAST_TIMINGS, withDynamo: false, seed: 7 });
  ml = new MediaLiveClient(clientConfig(sim, { maxAttempts: 1 }));
});
afterAll(async () => {
  ml?.destroy();
  await sim?.close();
});

describe('MediaLive over the real SDK', () => {
  it('paginates ListChannels with maxResults and nextToken', async () => {
    const all: ChannelSummary[] = [];
    let token: string | undefined;
    let pages = 0;
    do {
      const page = await ml.send(new ListChannelsCommand({ MaxResults: 2, NextToken: token }));
      expect(page.Channels?.length).toBeLessThanOrEqual(2);
      all.push(...(page.Channels ?? []));
      token = page.NextToken;
      pages++;
    } while (token);
    expect(pages).toBe(3);
    expect(all.map((c) => c.Name)).toEqual([
      'lunora-primary',
      'lunora-youtube',
      'lunora-twitch',
      'lunora-linkedin',
      'lunora-custom',
    ]);
    expect(all.every((c) => c.State === 'IDLE' && c.ChannelClass === 'SINGLE_PIPELINE')).toBe(true);
    // summaries carry no EncoderSettings
    expect((all[0] as Record<string, unknown>)['EncoderSettings']).toBeUndefined();
  });

  it('describes a seeded channel with complete encoder settings and a MEDIACONNECT input', async () => {
    const c = await ml.send(new DescribeChannelCommand({ ChannelId: chan('twitch') }));
    expect(c.Name).toBe('lunora-twitch');
    const h264 = c.EncoderSettings?.VideoDescriptions?.[0]?.CodecSettings?.H264Settings;
    expect(h264?.FramerateNumerator).toBe(60);
    expect(h264?.GopSize).toBe(120);
    expect(c.EncoderSettings?.AudioDescriptions?.[0]?.CodecSettings?.AacSettings?.Bitrate).toBe(160000);
    expect(c.EncoderSettings?.AudioDescriptions?.[0]?.AudioSelectorName).toBe('default');
    expect(c.InputAttachments?.[0]?.InputSettings?.AudioSelectors?.[0]?.Name).toBe('default');
    const dest = c.Destinations?.[0];
    expect(dest?.Settings?.[0]?.Url).toBe('rtmp://live.twitch.tv/app');
    expect(dest?.Settings?.[0]?.StreamName).toMatch(/^sim-twitch-key-[0-9a-f]+$/);
    expect(
      c.EncoderSettings?.OutputGroups?.[0]?.Outputs?.[0]?.OutputSettings?.RtmpOutputSettings?.Destination
        ?.DestinationRefId,
    ).toBe(dest?.Id);

    const primary = await ml.send(new DescribeChannelCommand({ ChannelId: chan('primary') }));
    expect(
      primary.EncoderSettings?.OutputGroups?.[0]?.OutputGroupSettings?.MediaPackageGroupSettings?.Destination
        ?.DestinationRefId,
    ).toBe(primary.Destinations?.[0]?.Id);
    expect(primary.Destinations?.[0]?.MediaPackageSettings?.[0]?.ChannelId).toBeTruthy();

    const linkedin = await ml.send(new DescribeChannelCommand({ ChannelId: chan('linkedin') }));
    const lh = linkedin.EncoderSettings?.VideoDescriptions?.[0];
    expect([
      lh?.Width,
      lh?.Height,
      lh?.CodecSettings?.H264Settings?.Bitrate,
      lh?.CodecSettings?.H264Settings?.Profile,
    ]).toEqual([1280, 720, 2000000, 'MAIN']);

    const inputId = c.InputAttachments?.[0]?.InputId ?? '';
    const input = await ml.send(new DescribeInputCommand({ InputId: inputId }));
    expect(input.Type).toBe('MEDIACONNECT');
    expect(input.MediaConnectFlows?.[0]?.FlowArn).toBe(sim.topology.flowArn);
    expect(input.RoleArn).toMatch(/^arn:aws:iam::123456789012:role\//);
    expect(input.AttachedChannels).toEqual([chan('twitch')]);
    const inputs = await ml.send(new ListInputsCommand({ MaxResults: 3 }));
    expect(inputs.Inputs?.length).toBe(3);
    expect(inputs.NextToken).toBeTruthy();
  });

  it('runs a full start/stop sequence STARTING -> RUNNING -> STOPPING -> IDLE', async () => {
    const id = chan('youtube');
    const started = await ml.send(new StartChannelCommand({ ChannelId: id }));
    expect(started.State).toBe('STARTING');
    const describe = () => ml.send(new DescribeChannelCommand({ ChannelId: id }));
    const running = await vi.waitFor(async () => {
      const c = await describe();
      expect(c.State).toBe('RUNNING');
      return c;
    }, POLL);
    expect(running.PipelinesRunningCount).toBe(1);
    expect(running.PipelineDetails?.[0]?.ActiveInputAttachmentName).toBe('lunora-youtube-input');

    const conflict = await sdkError(ml.send(new StartChannelCommand({ ChannelId: id })));
    expect(conflict.name).toBe('ConflictException');
    expect(conflict.$metadata.httpStatusCode).toBe(409);

    const updRunning = await sdkError(ml.send(new UpdateChannelCommand({ ChannelId: id, Name: 'renamed' })));
    expect(updRunning.name).toBe('ConflictException');
    expect(updRunning.$metadata.httpStatusCode).toBe(409);

    const stopping = await ml.send(new StopChannelCommand({ ChannelId: id }));
    expect(stopping.State).toBe('STOPPING');
    const idle = await vi.waitFor(async () => {
      const c = await describe();
      expect(c.State).toBe('IDLE');
      return c;
    }, POLL);
    expect(idle.PipelinesRunningCount).toBe(0);

    const stopIdle = await sdkError(ml.send(new StopChannelCommand({ ChannelId: id })));
    expect(stopIdle.name).toBe('ConflictException');
    expect(stopIdle.$metadata.httpStatusCode).toBe(409);
  });

  it('refuses StopChannel while STOPPING and answers 404 for an unknown channel', async () => {
    const id = chan('custom');
    await ml.send(new StartChannelCommand({ ChannelId: id }));
    await sim.control.waitForChannelState(id, 'RUNNING');
    await ml.send(new StopChannelCommand({ ChannelId: id }));
    const again = await sdkError(ml.send(new StopChannelCommand({ ChannelId: id })));
    expect([again.name, again.$metadata.httpStatusCode]).toEqual(['ConflictException', 409]);
    await sim.control.waitForChannelState(id, 'IDLE');

    const missing = await sdkError(ml.send(new DescribeChannelCommand({ ChannelId: '0000000' })));
    expect([missing.name, missing.$metadata.httpStatusCode]).toEqual(['NotFoundException', 404]);
    const missingStart = await sdkError(ml.send(new StartChannelCommand({ ChannelId: '0000000' })));
    expect(missingStart.name).toBe('NotFoundException');
  });

  it('applies UpdateChannel on an IDLE channel (UPDATING, then IDLE with the new settings)', async () => {
    const id = chan('custom');
    const before = await ml.send(new DescribeChannelCommand({ ChannelId: id }));
    const settings = structuredClone(before.EncoderSettings)!;
    const h264 = settings.VideoDescriptions![0]!.CodecSettings!.H264Settings!;
    h264.Bitrate = 4_500_000;
    const res = await ml.send(new UpdateChannelCommand({ ChannelId: id, EncoderSettings: settings }));
    expect(res.Channel?.State).toBe('UPDATING');
    const after = await vi.waitFor(async () => {
      const c = await ml.send(new DescribeChannelCommand({ ChannelId: id }));
      expect(c.State).toBe('IDLE');
      return c;
    }, POLL);
    expect(after.EncoderSettings?.VideoDescriptions?.[0]?.CodecSettings?.H264Settings?.Bitrate).toBe(4_500_000);
  });

  it('rejects invalid EncoderSettings with 422 and validationErrors', async () => {
    const id = chan('linkedin');
    const before = await ml.send(new DescribeChannelCommand({ ChannelId: id }));
    const bad = structuredClone(before.EncoderSettings)!;
    bad.AudioDescriptions![0]!.AudioSelectorName = 'nope';
    bad.OutputGroups![0]!.Outputs![0]!.OutputSettings!.RtmpOutputSettings!.Destination!.DestinationRefId = 'ghost';
    const err = await sdkError(ml.send(new UpdateChannelCommand({ ChannelId: id, EncoderSettings: bad })));
    expect(err.name).toBe('UnprocessableEntityException');
    expect(err.$metadata.httpStatusCode).toBe(422);
    const ve = err['ValidationErrors'] as { ElementPath: string; ErrorMessage: string }[];
    expect(ve.map((v) => v.ElementPath)).toEqual(
      expect.arrayContaining([
        '/encoderSettings/audioDescriptions/0/audioSelectorName',
        '/encoderSettings/outputGroups/0/outputs/0/outputSettings/rtmpOutputSettings/destination/destinationRefId',
      ]),
    );
    const missing = await sdkError(
      ml.send(
        new UpdateChannelCommand({
          ChannelId: id,
          EncoderSettings: {
            ...before.EncoderSettings,
            VideoDescriptions: [],
            OutputGroups: undefined,
          } as EncoderSettings,
        }),
      ),
    );
    const paths = (missing['ValidationErrors'] as { ElementPath: string }[]).map((v) => v.ElementPath);
    expect(paths).toEqual(
      expect.arrayContaining(['/encoderSettings/videoDescriptions', '/encoderSettings/outputGroups']),
    );
    // nothing applied
    expect((await ml.send(new DescribeChannelCommand({ ChannelId: id }))).EncoderSettings).toEqual(
      before.EncoderSettings,
    );
  });

  it('BatchUpdateSchedule accepts pause and input switch actions and rejects unknown attachments', async () => {
    const id = chan('primary');
    const res = await ml.send(
      new BatchUpdateScheduleCommand({
        ChannelId: id,
        Creates: {
          ScheduleActions: [
            {
              ActionName: 'pause-1',
              ScheduleActionStartSettings: { ImmediateModeScheduleActionStartSettings: {} },
              ScheduleActionSettings: { PauseStateSettings: { Pipelines: [{ PipelineId: 'PIPELINE_0' }] } },
            },
            {
              ActionName: 'switch-1',
              ScheduleActionStartSettings: { ImmediateModeScheduleActionStartSettings: {} },
              ScheduleActionSettings: { InputSwitchSettings: { InputAttachmentNameReference: 'lunora-primary-input' } },
            },
          ],
        },
      }),
    );
    expect(res.Creates?.ScheduleActions?.map((a) => a.ActionName)).toEqual(['pause-1', 'switch-1']);
    expect(sim.control.state().channels.find((c) => c.id === id)?.paused).toBe(true);
    const bad = await sdkError(
      ml.send(
        new BatchUpdateScheduleCommand({
          ChannelId: id,
          Creates: {
            ScheduleActions: [
              {
                ActionName: 'switch-2',
                ScheduleActionStartSettings: { ImmediateModeScheduleActionStartSettings: {} },
                ScheduleActionSettings: { InputSwitchSettings: { InputAttachmentNameReference: 'not-attached' } },
              },
            ],
          },
        }),
      ),
    );
    expect([bad.name, bad.$metadata.httpStatusCode]).toEqual(['UnprocessableEntityException', 422]);
  });

  it('control API: a channel started behind the console is seen RUNNING; fail/recover; delete is 404', async () => {
    const id = chan('twitch');
    expect(sim.control.startChannel(id)).toBe('STARTING');
    await sim.control.waitForChannelState(id, 'RUNNING');
    expect((await ml.send(new DescribeChannelCommand({ ChannelId: id }))).State).toBe('RUNNING');
    sim.control.failChannel(id, { recover: true, afterMs: 80 });
    expect((await ml.send(new DescribeChannelCommand({ ChannelId: id }))).State).toBe('RECOVERING');
    await sim.control.waitForChannelState(id, 'RUNNING');
    sim.control.failChannel(id, { recover: false, afterMs: 50 });
    await sim.control.waitForChannelState(id, 'IDLE');

    sim.control.deleteChannel(id);
    const gone = await sdkError(ml.send(new DescribeChannelCommand({ ChannelId: id })));
    expect(gone.name).toBe('NotFoundException');
    const list = await ml.send(new ListChannelsCommand({}));
    expect(list.Channels?.some((c) => c.Id === id)).toBe(false);
    expect(sim.control.restoreChannel(id)).toBe('IDLE');
    expect((await ml.send(new ListChannelsCommand({}))).Channels?.length).toBe(5);
  });
});
