import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import {
  BatchUpdateScheduleCommand,
  DescribeChannelCommand,
  DescribeScheduleCommand,
  DescribeInputCommand,
  MediaLiveClient,
  StartChannelCommand,
  StopChannelCommand,
  type ScheduleAction,
} from '@aws-sdk/client-medialive';
import { startSimulator, type RunningSimulator } from './index';
import { clientConfig, FAST_TIMINGS, POLL, sdkError } from './test-support/helpers';

let sim: RunningSimulator;
let ml: MediaLiveClient;
const dest = (id: string) => {
  const d = sim.topology.destinations.find((x) => x.id === id);
  if (!d) throw new Error(id);
  return d;
};
const LIVE = 'lunora-youtube-input';
const SLATE = 'lunora-youtube-slate';

const immediateSwitch = (actionName: string, attachment: string): ScheduleAction => ({
  ActionName: actionName,
  ScheduleActionStartSettings: { ImmediateModeScheduleActionStartSettings: {} },
  ScheduleActionSettings: { InputSwitchSettings: { InputAttachmentNameReference: attachment } },
});
const switchAt = (actionName: string, attachment: string, at: Date): ScheduleAction => ({
  ActionName: actionName,
  ScheduleActionStartSettings: { FixedModeScheduleActionStartSettings: { Time: at.toISOString() } },
  ScheduleActionSettings: { InputSwitchSettings: { InputAttachmentNameReference: attachment } },
});
const schedule = (channelId: string, ...actions: ScheduleAction[]) =>
  ml.send(new BatchUpdateScheduleCommand({ ChannelId: channelId, Creates: { ScheduleActions: actions } }));
const describeChannel = (channelId: string) => ml.send(new DescribeChannelCommand({ ChannelId: channelId }));
const simChannel = (channelId: string) => {
  const c = sim.control.state().channels.find((x) => x.id === channelId);
  if (!c) throw new Error(channelId);
  return c;
};

beforeAll(async () => {
  sim = await startSimulator({ timings: FAST_TIMINGS, withDynamo: false, seed: 7, slateDestinations: ['youtube'] });
  ml = new MediaLiveClient(clientConfig(sim, { maxAttempts: 1 }));
});
afterAll(async () => {
  ml?.destroy();
  await sim?.close();
});

describe('MediaLive input switching over the real SDK', () => {
  it('gives a slate destination a looping MP4 file input after its live input, and the slate as input-loss image', async () => {
    const youtube = dest('youtube');
    expect(youtube.slate?.attachmentName).toBe(SLATE);
    const c = await describeChannel(youtube.channelId);
    expect(c.InputAttachments?.map((a) => a.InputAttachmentName)).toEqual([LIVE, SLATE]);
    expect(c.InputAttachments?.[1]?.InputSettings?.SourceEndBehavior).toBe('LOOP');
    expect(c.InputAttachments?.[1]?.InputSettings?.AudioSelectors?.[0]?.Name).toBe('default');
    const loss = c.EncoderSettings?.GlobalConfiguration?.InputLossBehavior;
    expect(loss?.InputLossImageType).toBe('SLATE');
    expect(loss?.InputLossImageSlate?.Uri).toMatch(/^s3ssl:\/\/lunora-booth-slates-123456789012\/.+\.png$/);

    const input = await ml.send(new DescribeInputCommand({ InputId: youtube.slate?.inputId ?? '' }));
    expect(input.Type).toBe('MP4_FILE');
    expect(input.Sources?.[0]?.Url).toMatch(/^s3ssl:\/\/lunora-booth-slates-123456789012\/.+\.mp4$/);
    expect(input.AttachedChannels).toEqual([youtube.channelId]);

    // A destination not named keeps its single live input.
    const twitch = await describeChannel(dest('twitch').channelId);
    expect(twitch.InputAttachments?.map((a) => a.InputAttachmentName)).toEqual(['lunora-twitch-input']);
    expect(dest('twitch').slate).toBeNull();
  });

  it('refuses a switch to an attachment the channel does not have, and applies nothing of the batch', async () => {
    const id = dest('youtube').channelId;
    const err = await sdkError(schedule(id, immediateSwitch('ok-part', SLATE), immediateSwitch('bad', 'no-such')));
    expect(err.name).toBe('UnprocessableEntityException');
    expect(err.$metadata.httpStatusCode).toBe(422);
    expect(JSON.stringify(err['ValidationErrors'])).toContain('no-such');
    // The valid half was not kept: its name is still free.
    await expect(
      schedule(dest('twitch').channelId, immediateSwitch('ok-part', 'lunora-twitch-input')),
    ).resolves.toBeTruthy();
  });

  it('refuses a fixed-time switch less than 15 s ahead, or with two start types, and accepts one 20 s ahead', async () => {
    const id = dest('linkedin').channelId;
    const live = 'lunora-linkedin-input';
    const soon = await sdkError(schedule(id, switchAt('too-soon', live, new Date(Date.now() + 5_000))));
    expect(soon.name).toBe('UnprocessableEntityException');
    expect(JSON.stringify(soon['ValidationErrors'])).toContain('at least 15 seconds');
    const late = await sdkError(schedule(id, switchAt('too-late', live, new Date(Date.now() + 15 * 86_400_000))));
    expect(JSON.stringify(late['ValidationErrors'])).toContain('14 days');
    const both = await sdkError(
      schedule(id, {
        ...switchAt('both', live, new Date(Date.now() + 60_000)),
        ScheduleActionStartSettings: {
          FixedModeScheduleActionStartSettings: { Time: new Date(Date.now() + 60_000).toISOString() },
          ImmediateModeScheduleActionStartSettings: {},
        },
      }),
    );
    expect(JSON.stringify(both['ValidationErrors'])).toContain('exactly one start type');
    const ok = await schedule(id, switchAt('in-time', live, new Date(Date.now() + 20_000)));
    expect(ok.Creates?.ScheduleActions?.[0]?.ActionName).toBe('in-time');
  });

  it('accepts an immediate switch on an idle channel: the channel then starts on that input (standby on slate)', async () => {
    const id = dest('youtube').channelId;
    await schedule(id, immediateSwitch('standby-1', SLATE));
    expect((await describeChannel(id)).PipelineDetails).toEqual([]);
    await ml.send(new StartChannelCommand({ ChannelId: id }));
    const running = await vi.waitFor(async () => {
      const c = await describeChannel(id);
      expect(c.State).toBe('RUNNING');
      return c;
    }, POLL);
    expect(running.PipelineDetails?.[0]?.ActiveInputAttachmentName).toBe(SLATE);
    expect(running.PipelineDetails?.[0]?.ActiveInputSwitchActionName).toBe('standby-1');
    expect(simChannel(id).picture).toBe('FILE');
  });

  it('switches a running channel to the live input after the switch time, as ActiveInputAttachmentName shows', async () => {
    const id = dest('youtube').channelId;
    sim.control.setTimings({ inputSwitchMs: 400 });
    try {
      const out = await schedule(id, immediateSwitch('take-1', LIVE));
      expect(
        out.Creates?.ScheduleActions?.[0]?.ScheduleActionStartSettings?.ImmediateModeScheduleActionStartSettings,
      ).toEqual({});
      // Not yet: the switch takes its time.
      expect((await describeChannel(id)).PipelineDetails?.[0]?.ActiveInputAttachmentName).toBe(SLATE);
      await vi.waitFor(async () => {
        const c = await describeChannel(id);
        expect(c.PipelineDetails?.[0]?.ActiveInputAttachmentName).toBe(LIVE);
        expect(c.PipelineDetails?.[0]?.ActiveInputSwitchActionName).toBe('take-1');
      }, POLL);
    } finally {
      sim.control.setTimings({ inputSwitchMs: FAST_TIMINGS.inputSwitchMs });
    }
    expect(simChannel(id).picture).toBe('LIVE');
    const dup = await sdkError(schedule(id, immediateSwitch('take-1', SLATE)));
    expect(dup.name).toBe('UnprocessableEntityException');
  });

  it('shows the input-loss slate when the live source is lost, the live input staying the active one', async () => {
    const id = dest('youtube').channelId;
    sim.control.loseSource('main');
    sim.control.loseSource('backup');
    try {
      await vi.waitFor(() => expect(simChannel(id).picture).toBe('INPUT_LOSS_SLATE'), POLL);
      expect((await describeChannel(id)).PipelineDetails?.[0]?.ActiveInputAttachmentName).toBe(LIVE);
      // A channel without InputLossBehavior shows a colour instead.
      const twitch = dest('twitch').channelId;
      await sim.control.waitForChannelState(twitch, 'IDLE');
      sim.control.startChannel(twitch);
      await sim.control.waitForChannelState(twitch, 'RUNNING');
      expect(simChannel(twitch).picture).toBe('INPUT_LOSS_COLOR');
      sim.control.stopChannel(twitch);
    } finally {
      sim.control.restoreSource('main');
      sim.control.restoreSource('backup');
    }
    await vi.waitFor(() => expect(simChannel(id).picture).toBe('LIVE'), POLL);
  });

  it('goes back to the slate, and after a stop restarts on the input the schedule last switched to', async () => {
    const id = dest('youtube').channelId;
    await schedule(id, immediateSwitch('back-to-slate-1', SLATE));
    await vi.waitFor(async () => {
      expect((await describeChannel(id)).PipelineDetails?.[0]?.ActiveInputAttachmentName).toBe(SLATE);
    }, POLL);
    await ml.send(new StopChannelCommand({ ChannelId: id }));
    await sim.control.waitForChannelState(id, 'IDLE');
    expect(simChannel(id).activeInputAttachment).toBeNull();
    await ml.send(new StartChannelCommand({ ChannelId: id }));
    await sim.control.waitForChannelState(id, 'RUNNING');
    const c = await describeChannel(id);
    expect(c.PipelineDetails?.[0]?.ActiveInputAttachmentName).toBe(SLATE);
    expect(c.PipelineDetails?.[0]?.ActiveInputSwitchActionName).toBe('back-to-slate-1');
    await ml.send(new StopChannelCommand({ ChannelId: id }));
    await sim.control.waitForChannelState(id, 'IDLE');
  });

  it('starts a channel with no switch in its schedule on its first attachment', async () => {
    const id = dest('custom').channelId;
    sim.control.startChannel(id);
    await sim.control.waitForChannelState(id, 'RUNNING');
    const c = await describeChannel(id);
    expect(c.PipelineDetails?.[0]?.ActiveInputAttachmentName).toBe('lunora-custom-input');
    expect(c.PipelineDetails?.[0]?.ActiveInputSwitchActionName).toBe('');
    sim.control.stopChannel(id);
  });

  it('DescribeSchedule lists the actions (executed switches stay until deleted); Deletes remove them by name', async () => {
    const id = dest('twitch').channelId;
    await schedule(id, immediateSwitch('listed-1', 'lunora-twitch-input'));
    const listed = await ml.send(new DescribeScheduleCommand({ ChannelId: id }));
    expect(listed.ScheduleActions?.map((a) => a.ActionName)).toContain('listed-1');
    expect(listed.ScheduleActions?.find((a) => a.ActionName === 'listed-1')?.ScheduleActionSettings).toEqual({
      InputSwitchSettings: { InputAttachmentNameReference: 'lunora-twitch-input' },
    });
    await ml.send(new BatchUpdateScheduleCommand({ ChannelId: id, Deletes: { ActionNames: ['listed-1'] } }));
    const after = await ml.send(new DescribeScheduleCommand({ ChannelId: id }));
    expect(after.ScheduleActions?.map((a) => a.ActionName) ?? []).not.toContain('listed-1');
  });
});
